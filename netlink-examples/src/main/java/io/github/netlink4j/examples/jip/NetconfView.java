package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.link.Netconf;

import java.util.Map;

/** How ip 6.1 prints a link's IP configuration (ipnetconf.c print_netconf), for ip netconf and ip monitor. */
final class NetconfView {
    private final Netconf c;
    private final String name;
    private final Style style;

    /** {@code name}: the link's, or the namespace's "all" and "default" ({@link #name}). */
    NetconfView(Netconf c, String name, Style style) {
        this.c = c;
        this.name = name;
        this.style = style;
    }

    /** "all" and "default" for the namespace-wide entries, else null: the caller names the link. */
    static String name(int index) {
        return index == Netconf.ALL ? "all" : index == Netconf.DEFAULT ? "default" : null;
    }

    /** The line: each setting the kernel sent, a space after each, then a newline. */
    String text() {
        StringBuilder sb = new StringBuilder(c.family().text()).append(' ').append(style.ifname(name + " "));
        c.forwarding().ifPresent(v -> sb.append("forwarding ").append(onOff(v)).append(' '));
        c.rpFilter().ifPresent(v -> sb.append("rp_filter ").append(rpFilter(v)).append(' '));
        c.mcForwarding().ifPresent(v -> sb.append("mc_forwarding ").append(onOff(v)).append(' '));
        c.proxyNeigh().ifPresent(v -> sb.append("proxy_neigh ").append(onOff(v)).append(' '));
        c.ignoreRoutesWithLinkdown().ifPresent(v -> sb.append("ignore_routes_with_linkdown ").append(onOff(v)).append(' '));
        c.input().ifPresent(v -> sb.append("input ").append(onOff(v)).append(' '));
        return sb.append('\n').toString();
    }

    Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("family", c.family().text());
        o.put("interface", name);
        c.forwarding().ifPresent(v -> o.put("forwarding", v));
        c.rpFilter().ifPresent(v -> o.put("rp_filter", rpFilter(v)));
        c.mcForwarding().ifPresent(v -> o.put("mc_forwarding", v));
        c.proxyNeigh().ifPresent(v -> o.put("proxy_neigh", v));
        c.ignoreRoutesWithLinkdown().ifPresent(v -> o.put("ignore_routes_with_linkdown", v));
        c.input().ifPresent(v -> o.put("input", v));
        return o;
    }

    private static String onOff(boolean v) {
        return v ? "on" : "off";
    }

    /** rp_filter's three modes by name; ip names any other value "unknown mode". */
    static String rpFilter(int v) {
        return switch (v) {
            case 0 -> "off";
            case 1 -> "strict";
            case 2 -> "loose";
            default -> "unknown mode";
        };
    }
}
