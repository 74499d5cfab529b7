package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.json.Json;

import java.util.List;
import java.util.Map;

/** How ip 6.1 prints a neighbour entry (ipneigh.c print_neigh and print_neigh_brief), for ip neigh and ip monitor. */
final class NeighView {
    private final Neighbour n;
    private final String dev;
    private final Style style;
    private final boolean stats;

    /** {@code dev}: the device's name, or null where ip leaves it out (a dev selected the entries, or the entry has none). */
    NeighView(Neighbour n, String dev, Style style) {
        this(n, dev, style, false);
    }

    /** With {@code stats} ({@code ip -s}), the entry's ages and probes as print_cacheinfo prints them. */
    NeighView(Neighbour n, String dev, Style style, boolean stats) {
        this.n = n;
        this.dev = dev;
        this.style = style;
        this.stats = stats;
    }

    private String dst() {
        return n.address().map(Address::format).orElse(null);
    }

    private AddressFamily dstFamily() {
        return n.address().map(AddressFamily::of).orElse(null);
    }

    /** NDA_PROTOCOL as ip names it; ip prints nothing for RTPROT_UNSPEC. */
    private java.util.Optional<String> protocol() {
        return n.protocol().filter(p -> !p.equals(RouteProtocol.UNSPEC)).map(style::protocol);
    }

    /** The full line: address, device, lladdr, flags and states, each followed by a space. */
    String text() {
        StringBuilder sb = new StringBuilder();
        if (dst() != null) sb.append(style.address(dstFamily(), dst() + " "));
        if (dev != null) sb.append("dev ").append(style.ifname(dev + " "));
        n.lladdr().ifPresent(l -> sb.append("lladdr ").append(style.mac(l + " ")));
        if (n.flags().contains(NeighbourFlag.ROUTER)) sb.append("router ");
        if (n.flags().contains(NeighbourFlag.PROXY)) sb.append("proxy ");
        if (n.flags().contains(NeighbourFlag.EXT_LEARNED)) sb.append("extern_learn ");
        if (n.flags().contains(NeighbourFlag.OFFLOADED)) sb.append("offload ");
        if (stats) {
            // print_cacheinfo opens its fields with a space and closes none: "… lladdr X  used 1/1/1probes 0 PERMANENT"
            n.cacheInfo().ifPresent(c -> {
                if (c.references() != 0) sb.append(" ref ").append(c.references());
                sb.append(" used ").append(c.sinceUsed().toSeconds()).append('/').append(c.sinceConfirmed().toSeconds())
                        .append('/').append(c.sinceUpdated().toSeconds());
            });
            n.probes().ifPresent(p -> sb.append("probes ").append(p).append(' '));
        }
        for (NeighbourState st : n.state()) sb.append(st.name()).append(' '); // print_neigh_state: nothing for NUD_NONE
        protocol().ifPresent(p -> sb.append("proto ").append(p).append(' '));
        return sb.append('\n').toString();
    }

    /** The {@code -br} line: the address padded to 39 columns, the device to 16, the lladdr; no flags and no state. */
    String brief() {
        StringBuilder sb = new StringBuilder();
        if (dst() != null) sb.append(style.address(dstFamily(), String.format("%-39s ", dst())));
        if (dev != null) sb.append(style.ifname(String.format("%-16s ", dev)));
        n.lladdr().ifPresent(l -> sb.append(style.mac(l.toString())));
        return sb.append('\n').toString();
    }

    Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("dst", dst() != null ? dst() : "");
        if (dev != null) o.put("dev", dev);
        n.lladdr().ifPresent(ll -> o.put("lladdr", ll.toString()));
        if (n.flags().contains(NeighbourFlag.ROUTER)) o.put("router", null);
        if (n.flags().contains(NeighbourFlag.PROXY)) o.put("proxy", null);
        if (n.flags().contains(NeighbourFlag.EXT_LEARNED)) o.put("extern_learn", null);
        if (n.flags().contains(NeighbourFlag.OFFLOADED)) o.put("offload", null);
        if (stats) {
            n.cacheInfo().ifPresent(c -> {
                if (c.references() != 0) o.put("refcnt", c.references());
                o.put("used", c.sinceUsed().toSeconds());
                o.put("confirmed", c.sinceConfirmed().toSeconds());
                o.put("updated", c.sinceUpdated().toSeconds());
            });
            n.probes().ifPresent(p -> o.put("probes", p));
        }
        if (!n.state().isEmpty() || !n.flags().contains(NeighbourFlag.PROXY)) {
            List<Object> st = Json.list();
            for (NeighbourState s : n.state()) st.add(s.name());
            o.put("state", st);
        }
        protocol().ifPresent(p -> o.put("protocol", p));
        return o;
    }

    Map<String, Object> briefJson() {
        Map<String, Object> o = Json.object();
        if (dst() != null) o.put("dst", dst());
        if (dev != null) o.put("dev", dev);
        n.lladdr().ifPresent(ll -> o.put("lladdr", ll.toString()));
        return o;
    }
}
