package io.github.netlink4j.examples.cni;

import io.github.netlink4j.link.LinkSpec;

import java.util.List;
import java.util.Map;

/** Reading the network configuration: typed keys, the bridge name, refused keys, the IPAM section; each mistake a CNI error. */
final class NetConf {
    private NetConf() {}

    /** The lowest and highest MTU a bridge or veth takes (ETH_MIN_MTU, ETH_MAX_MTU). */
    static final int MIN_MTU = 68, MAX_MTU = 65535;

    /** The config on stdin as a JSON object; anything else is the spec's "failed to decode content" (6). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(String stdin) throws CniError {
        try {
            if (Json.parse(stdin) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        } catch (Json.SyntaxException e) {
            throw new CniError(6, "failed to decode the network configuration", e.getMessage());
        }
        throw new CniError(6, "failed to decode the network configuration", "not a JSON object");
    }

    static String str(Map<String, Object> m, String k, String dflt) throws CniError {
        Object v = m.get(k);
        if (v == null) return dflt;
        if (!(v instanceof String s)) throw new CniError(7, "invalid network configuration", "\"" + k + "\" must be a string");
        return s;
    }

    static boolean bool(Map<String, Object> m, String k) throws CniError {
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
    static int mtu(Map<String, Object> conf) throws CniError {
        Object v = conf.get("mtu");
        if (v == null || v.equals(0L)) return 0;
        if (!(v instanceof Long m) || m < MIN_MTU || m > MAX_MTU) {
            throw new CniError(7, "invalid network configuration", "\"mtu\" must be an integer " + MIN_MTU + ".." + MAX_MTU + ", not " + Json.write(v));
        }
        return m.intValue();
    }

    /** The bridge name from the config: default cni0, a name the kernel takes (see {@link #checkIfName}). */
    static String bridgeName(Map<String, Object> conf) throws CniError {
        String br = str(conf, "bridge", "cni0");
        checkIfName("\"bridge\"", br, 7, "invalid network configuration");
        return br;
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

    static void refuseUnsupported(Map<String, Object> conf) throws CniError {
        for (String key : List.of("ipMasq", "macspoofchk")) {
            if (bool(conf, key)) throw new CniError(2, "unsupported field", "\"" + key + "\" needs netfilter, which netlink4j-bridge does not program");
        }
        Object vlan = conf.get("vlan");
        if (vlan != null && !(vlan instanceof Long v && v >= 0 && v <= 4094)) {
            throw new CniError(7, "invalid network configuration", "\"vlan\" must be a VLAN id 0..4094");
        }
        if (vlan instanceof Long v && v != 0 && (bool(conf, "isGateway") || bool(conf, "isDefaultGateway"))) {
            throw new CniError(2, "unsupported field", "\"vlan\" with \"isGateway\" needs a VLAN interface on the bridge, which netlink4j-bridge does not make");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ipamConf(Map<String, Object> conf) throws CniError {
        if (!(conf.get("ipam") instanceof Map<?, ?> m) || !(m.get("type") instanceof String)) {
            throw new CniError(7, "invalid network configuration", "\"ipam\" with a \"type\" is required");
        }
        return (Map<String, Object>) m;
    }
}
