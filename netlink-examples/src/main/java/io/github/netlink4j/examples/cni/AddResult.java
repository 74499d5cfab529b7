package io.github.netlink4j.examples.cni;

import io.github.netlink4j.link.Link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ADD's result as the spec (and the reference) writes it: the bridge, the host's veth end and the
 * container's interface, the addresses on the last, the routes, DNS. A network of layer 2 only has no
 * "ips" and no "routes" (both are left out when empty, as the reference leaves them).
 *
 * @param cniVersion the config's
 * @param interfaces bridge, host veth, container interface, in that order (an address's "interface" 2)
 * @param ip         the IPAM plugin's addresses and routes as applied, and its DNS
 */
record AddResult(String cniVersion, List<Interface> interfaces, IpamResult ip) {
    /** One interface: its name, MAC and, for the container's, the namespace it is in. */
    record Interface(String name, String mac, Optional<String> sandbox) {
        static Interface of(Link l, Optional<String> sandbox) {
            return new Interface(l.name(), l.address().map(Object::toString).orElse(""), sandbox);
        }

        Map<String, Object> json() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", name);
            o.put("mac", mac);
            sandbox.ifPresent(s -> o.put("sandbox", s));
            return o;
        }
    }

    Map<String, Object> json() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cniVersion", cniVersion);
        r.put("interfaces", interfaces.stream().map(Interface::json).toList());
        if (!ip.ips().isEmpty()) r.put("ips", ip.ips().stream().map(IpamResult.IpConfig::json).toList());
        if (!ip.routes().isEmpty()) r.put("routes", new ArrayList<>(ip.routes().stream().map(IpamResult.RouteEntry::json).toList()));
        r.put("dns", ip.dns());
        return r;
    }
}
