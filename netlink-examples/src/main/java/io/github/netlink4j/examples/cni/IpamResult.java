package io.github.netlink4j.examples.cni;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.json.Json;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an IPAM plugin answers (and what a prevResult holds): the container's addresses, its routes and
 * DNS, read once from the plugin's JSON; anything malformed is the spec's "failed to decode" (6).
 *
 * @param ips    the addresses, each on the container's interface
 * @param routes the routes
 * @param dns    the "dns" object as the plugin wrote it, passed on untouched
 */
record IpamResult(List<IpConfig> ips, List<RouteEntry> routes, Map<String, Object> dns) {
    /** A layer-2-only network's: nothing. */
    static final IpamResult NONE = new IpamResult(List.of(), List.of(), Map.of());

    /** One address with its prefix length ({@code 10.200.40.2/24}) and, if it has one, its gateway. */
    record IpConfig(IpPrefix address, Optional<InetAddress> gateway) {
        AddressFamily family() {
            return address.family();
        }

        /** As a result lists it: on interface 2, the container's (bridge and host veth come first). */
        Map<String, Object> json() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("interface", 2L);
            o.put("address", address.toString());
            gateway.ifPresent(g -> o.put("gateway", Address.format(g)));
            return o;
        }
    }

    /** A route: its destination network (host bits cleared, as the reference's net.ParseCIDR reads it) and gateway. */
    record RouteEntry(IpPrefix dst, Optional<InetAddress> gw) {
        boolean isDefault() {
            return dst.length() == 0;
        }

        Map<String, Object> json() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dst", dst.toString());
            gw.ifPresent(g -> o.put("gw", Address.format(g)));
            return o;
        }
    }

    /** Reads {@code json} (an IPAM plugin's result, or the config's {@code what}). */
    static IpamResult of(Object json, String what) throws CniError {
        if (!(json instanceof Map<?, ?> m)) throw bad(what, "not a JSON object");
        List<IpConfig> ips = new ArrayList<>();
        for (Object o : list(m.get("ips"), what + " \"ips\"")) {
            if (!(o instanceof Map<?, ?> ip)) throw bad(what, "an entry of \"ips\" is not an object");
            ips.add(new IpConfig(prefix(ip.get("address"), what + " address"), address(ip.get("gateway"), what + " gateway")));
        }
        List<RouteEntry> routes = new ArrayList<>();
        for (Object o : list(m.get("routes"), what + " \"routes\"")) {
            if (!(o instanceof Map<?, ?> r)) throw bad(what, "an entry of \"routes\" is not an object");
            routes.add(new RouteEntry(prefix(r.get("dst"), what + " route dst").network(), address(r.get("gw"), what + " route gw")));
        }
        Object dns = m.get("dns");
        if (dns != null && !(dns instanceof Map<?, ?>)) throw bad(what, "\"dns\" is not an object");
        @SuppressWarnings("unchecked")
        Map<String, Object> d = dns == null ? Map.of() : (Map<String, Object>) dns;
        return new IpamResult(List.copyOf(ips), List.copyOf(routes), d);
    }

    /**
     * As the bridge applies it (the reference's calcGateways): with isGateway an address without a
     * gateway gets its network's first address; with isDefaultGateway each family that has no default
     * route via a gateway gets one via its first address's gateway.
     */
    IpamResult forBridge(boolean isGateway, boolean isDefaultGateway) {
        List<IpConfig> withGw = new ArrayList<>();
        List<RouteEntry> rs = new ArrayList<>(routes);
        for (IpConfig ip : ips) {
            IpConfig c = ip.gateway().isEmpty() && isGateway ? new IpConfig(ip.address(), Optional.of(firstAddress(ip.address()))) : ip;
            withGw.add(c);
            boolean hasDefault = rs.stream().anyMatch(r -> r.isDefault() && r.gw().isPresent() && r.dst().family() == c.family());
            if (isDefaultGateway && !hasDefault) {
                rs.add(new RouteEntry(new IpPrefix(c.family() == AddressFamily.INET ? InetAddress.ofLiteral("0.0.0.0") : InetAddress.ofLiteral("::"), 0), c.gateway()));
            }
        }
        return new IpamResult(List.copyOf(withGw), List.copyOf(rs), dns);
    }

    /** The gateway of a family without its own: the first address of {@code family}'s first entry that has one. */
    Optional<InetAddress> gatewayOf(AddressFamily family) {
        return ips.stream().filter(ip -> ip.family() == family && ip.gateway().isPresent()).map(ip -> ip.gateway().get()).findFirst();
    }

    private static InetAddress firstAddress(IpPrefix p) {
        byte[] b = p.network().address().getAddress();
        for (int i = b.length - 1; i >= 0 && ++b[i] == 0; i--) {
            // carried into the next byte
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes are always an address
        }
    }

    private static List<?> list(Object v, String what) throws CniError {
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw bad(what, "not a list");
        return l;
    }

    private static IpPrefix prefix(Object v, String what) throws CniError {
        if (!(v instanceof String s) || s.indexOf('/') < 0) throw bad(what, Json.write(v) + " is not an address with a prefix length");
        try {
            return IpPrefix.of(s);
        } catch (IllegalArgumentException e) {
            throw bad(what, e.getMessage());
        }
    }

    private static Optional<InetAddress> address(Object v, String what) throws CniError {
        if (v == null) return Optional.empty();
        try {
            if (v instanceof String s) return Optional.of(IpPrefix.of(s).address());
        } catch (IllegalArgumentException e) {
            throw bad(what, e.getMessage());
        }
        throw bad(what, Json.write(v) + " is not an address");
    }

    private static CniError bad(String what, String why) {
        return new CniError(6, "failed to decode the " + (what.startsWith("prevResult") ? "prevResult" : "IPAM plugin's result"), what + ": " + why);
    }
}
