package io.github.netlink4j.examples.cni;

import java.util.List;
import java.util.Map;

/** Reading the network configuration: typed keys, the bridge name, refused keys, the IPAM section; each mistake a CNI error. */
final class NetConf {
    private NetConf() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> config(String stdin) throws CniError {
        try {
            if (Json.parse(stdin) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        } catch (IllegalArgumentException e) {
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

    /** The bridge name from the config: default cni0, a valid interface name. */
    static String bridgeName(Map<String, Object> conf) throws CniError {
        String br = str(conf, "bridge", "cni0");
        if (br.isEmpty() || br.length() > 15 || br.contains("/") || br.contains(" ") || br.equals(".") || br.equals("..")) {
            throw new CniError(7, "invalid network configuration", "\"bridge\": \"" + br + "\" is not a valid interface name");
        }
        return br;
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
