package io.github.netlink4j.examples.cni;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.JsonException;

import java.util.Map;
import java.util.Optional;

/**
 * The network configuration on stdin, read once into what the plugin acts on; each mistake is a CNI
 * error naming the key, found before anything is made.
 *
 * @param cniVersion       the config's cniVersion (what the result and errors are written in)
 * @param bridge           "bridge": the bridge's name, default cni0, a name the kernel takes
 * @param isGateway        "isGateway", or implied by "isDefaultGateway" (as the reference reads it)
 * @param isDefaultGateway "isDefaultGateway": a default route via each family's gateway
 * @param forceAddress     "forceAddress": replace another IPv4 address on the bridge
 * @param mtu              "mtu": 0 for the kernel's default
 * @param hairpinMode      "hairpinMode"
 * @param promiscMode      "promiscMode"
 * @param vlan             "vlan": 0 for none
 * @param ipamType         "ipam"."type"; empty for a layer-2-only network (no ipam, or none named)
 * @param prevResult       "prevResult" (CHECK), as a result's addresses and routes
 * @param ipMasq           "ipMasq": refused by ADD ({@link #refuseForAdd})
 * @param macspoofchk      "macspoofchk": refused by ADD
 */
record NetConf(String cniVersion, String bridge, boolean isGateway, boolean isDefaultGateway, boolean forceAddress, int mtu,
               boolean hairpinMode, boolean promiscMode, int vlan, Optional<String> ipamType, Optional<IpamResult> prevResult,
               boolean ipMasq, boolean macspoofchk) {

    /** The lowest and highest MTU a bridge or veth takes (ETH_MIN_MTU, ETH_MAX_MTU). */
    static final int MIN_MTU = 68, MAX_MTU = 65535;

    /** The config on stdin as a JSON object; anything else is the spec's "failed to decode content" (6). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String stdin) throws CniError {
        try {
            if (Json.read(stdin) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        } catch (JsonException e) {
            throw new CniError(6, "failed to decode the network configuration", e.getMessage());
        }
        throw new CniError(6, "failed to decode the network configuration", "not a JSON object");
    }

    /** The config's cniVersion, read first: every later error is written in it. */
    static String cniVersion(Map<String, Object> conf) throws CniError {
        return str(conf, "cniVersion", BridgePlugin.VERSION);
    }

    /**
     * Every key the plugin reads, typed and checked as every command needs it (a value of the wrong type
     * fails DEL too, as with the reference). What only ADD cannot do is refused by {@link #refuseForAdd}:
     * the DEL after a refused ADD must still succeed.
     */
    static NetConf of(Map<String, Object> conf) throws CniError {
        Object v = conf.get("vlan");
        if (v != null && !(v instanceof Long id && id >= 0 && id <= 4094)) {
            throw new CniError(7, "invalid network configuration", "\"vlan\" must be a VLAN id 0..4094");
        }
        boolean isDefaultGateway = bool(conf, "isDefaultGateway");
        Optional<IpamResult> prev = conf.get("prevResult") == null ? Optional.empty() : Optional.of(IpamResult.of(conf.get("prevResult"), "prevResult"));
        return new NetConf(cniVersion(conf), str(conf, "bridge", "cni0"), bool(conf, "isGateway") || isDefaultGateway, isDefaultGateway,
                bool(conf, "forceAddress"), mtu(conf), bool(conf, "hairpinMode"), bool(conf, "promiscMode"), v == null ? 0 : ((Long) v).intValue(),
                ipamType(conf), prev, bool(conf, "ipMasq"), bool(conf, "macspoofchk"));
    }

    /** What ADD cannot honour, refused before anything is made: netfilter keys, a gateway on a VLAN, a bridge name the kernel would refuse. */
    void refuseForAdd() throws CniError {
        if (ipMasq || macspoofchk) {
            String key = ipMasq ? "ipMasq" : "macspoofchk";
            throw new CniError(2, "unsupported field", "\"" + key + "\" needs netfilter, which netlink4j-bridge does not program");
        }
        if (vlan != 0 && isGateway) {
            throw new CniError(2, "unsupported field", "\"vlan\" with \"isGateway\" needs a VLAN interface on the bridge, which netlink4j-bridge does not make");
        }
        checkIfName("\"bridge\"", bridge, 7, "invalid network configuration");
    }

    private static String str(Map<String, Object> m, String k, String dflt) throws CniError {
        Object v = m.get(k);
        if (v == null) return dflt;
        if (!(v instanceof String s)) throw new CniError(7, "invalid network configuration", "\"" + k + "\" must be a string");
        return s;
    }

    private static boolean bool(Map<String, Object> m, String k) throws CniError {
        Object v = m.get(k);
        if (v == null) return false;
        if (!(v instanceof Boolean b)) throw new CniError(7, "invalid network configuration", "\"" + k + "\" must be true or false");
        return b;
    }

    /**
     * "mtu": absent or 0 for the kernel's default (as the reference reads it), else an integer in
     * {@link #MIN_MTU}..{@link #MAX_MTU}; a string, a fraction or a number past the range is refused
     * rather than ignored or cut to 32 bits.
     */
    private static int mtu(Map<String, Object> conf) throws CniError {
        Object v = conf.get("mtu");
        if (v == null || v.equals(0L)) return 0;
        if (!(v instanceof Long m) || m < MIN_MTU || m > MAX_MTU) {
            throw new CniError(7, "invalid network configuration", "\"mtu\" must be an integer " + MIN_MTU + ".." + MAX_MTU + ", not " + Json.write(v));
        }
        return m.intValue();
    }

    /**
     * "ipam"."type": absent, like an ipam section naming no type, is a network of layer 2 only, as the
     * reference reads it (no addresses, routes or gateway).
     */
    private static Optional<String> ipamType(Map<String, Object> conf) throws CniError {
        Object ipam = conf.get("ipam");
        if (ipam == null) return Optional.empty();
        if (!(ipam instanceof Map<?, ?> m) || m.get("type") != null && !(m.get("type") instanceof String)) {
            throw new CniError(7, "invalid network configuration", "\"ipam\" must be an object whose \"type\" is a string");
        }
        String type = (String) m.get("type");
        return type == null || type.isEmpty() ? Optional.empty() : Optional.of(type);
    }

    /**
     * Refuses {@code name} unless the kernel would take it as an interface name, by the library's own
     * rule (at most 15 bytes of UTF-8, no '/', ':', NUL or whitespace, not "." or ".."): checked before
     * the IPAM plugin allocates anything, not found out by the kernel afterwards.
     */
    static void checkIfName(String what, String name, int code, String msg) throws CniError {
        try {
            LinkSpec.bridge(name);
        } catch (IllegalArgumentException e) {
            throw new CniError(code, msg, what + ": " + e.getMessage());
        }
    }
}
