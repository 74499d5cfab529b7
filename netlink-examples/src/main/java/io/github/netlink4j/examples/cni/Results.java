package io.github.netlink4j.examples.cni;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ADD's result as the spec (and the reference) writes it: bridge, host veth and container interface, the IPAM plugin's addresses on the last. */
final class Results {
    private Results() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> conf, NetlinkClient host, NetlinkClient inside, String br, String hostVeth,
                                  String ifname, String netns, Map<String, Object> ipamResult, List<Map<String, Object>> routes)
            throws IOException, CniError {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cniVersion", NetConf.str(conf, "cniVersion", BridgePlugin.VERSION));
        List<Object> ifs = new ArrayList<>();
        ifs.add(iface(br, host.links().get(br), null));
        ifs.add(iface(hostVeth, host.links().get(hostVeth), null));
        ifs.add(iface(ifname, inside.links().get(ifname), netns));
        r.put("interfaces", ifs);
        List<Object> ips = new ArrayList<>();
        for (Map<String, Object> ip : (List<Map<String, Object>>) ipamResult.getOrDefault("ips", List.of())) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("interface", 2L);
            o.put("address", ip.get("address"));
            if (ip.get("gateway") != null) o.put("gateway", ip.get("gateway"));
            ips.add(o);
        }
        r.put("ips", ips);
        if (!routes.isEmpty()) r.put("routes", routes);
        r.put("dns", ipamResult.getOrDefault("dns", Map.of()));
        return r;
    }

    private static Map<String, Object> iface(String name, Link l, String sandbox) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", name);
        o.put("mac", l.address().map(Object::toString).orElse(""));
        if (sandbox != null) o.put("sandbox", sandbox);
        return o;
    }
}
