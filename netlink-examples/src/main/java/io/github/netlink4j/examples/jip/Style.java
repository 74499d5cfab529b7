package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.OperState;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

/**
 * What {@code -N} and {@code -c} change in what jip prints, as ip 6.1 changes it. {@code -N} (the
 * library's {@code numeric}) prints numbers where ip prints names from its tables: protocols, scopes,
 * tables, route types and rule actions, device groups, link types ({@code [1]} for ether), IP protocols
 * ({@code ipproto-6}) and DS fields ({@code 0x10}); neighbour states, operstates and flags are not table
 * names and stay. {@code -c} is lib/color.c: interface names, MACs, IPv4 and IPv6 addresses and the UP
 * and DOWN operstates, each wrapped in its escape code and a reset, with the dark palette when COLORFGBG
 * says the background is dark.
 */
final class Style {
    /** No -N, no colour: what jip prints by default, and what the demo prints. */
    static final Style PLAIN = new Style(false, null);

    /** ip's color_opt: -c alone and -c=always colour, -c=auto only a terminal, never (the default) not at all. */
    static final int NEVER = 0, AUTO = 1, ALWAYS = 2;

    /** lib/color.c's attributes, in its order: the index into a palette. */
    enum Attr { IFNAME, MAC, INET, INET6, UP, DOWN }

    // The light palette (cyan, yellow, magenta, blue, green, red) and the dark one, the same colours bold.
    private static final String[] LIGHT = {"\033[36m", "\033[33m", "\033[35m", "\033[34m", "\033[32m", "\033[31m"};
    private static final String[] DARK = {"\033[1;36m", "\033[1;33m", "\033[1;35m", "\033[1;34m", "\033[1;32m", "\033[1;31m"};
    private static final String CLEAR = "\033[0m";

    private final boolean numeric;
    private final String[] palette; // null: no colour

    private Style(boolean numeric, String[] palette) {
        this.numeric = numeric;
        this.palette = palette;
    }

    /**
     * check_enable_color: none under -j or never; with always, or auto when standard output is a
     * terminal, the palette COLORFGBG picks (dark when its last field is 0 to 6 or 8).
     */
    static Style of(boolean numeric, int color, boolean json, boolean stdoutIsTerminal, String colorfgbg) {
        boolean on = !json && color != NEVER && (color == ALWAYS || stdoutIsTerminal);
        return new Style(numeric, on ? (dark(colorfgbg) ? DARK : LIGHT) : null);
    }

    private static boolean dark(String colorfgbg) {
        if (colorfgbg == null) return false;
        int semi = colorfgbg.lastIndexOf(';');
        if (semi < 0 || colorfgbg.length() != semi + 2) return false;
        char c = colorfgbg.charAt(semi + 1);
        return c >= '0' && c <= '6' || c == '8';
    }

    /**
     * matches_color: {@code -c}, {@code -col} … {@code -color}, each alone (always) or with
     * {@code =always}, {@code =auto} or {@code =never}; -1 when the option is not a colour option.
     */
    static int colorOption(String option) {
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        if (!Args.is(name, "-color")) return -1;
        return switch (eq < 0 ? "" : option.substring(eq + 1)) {
            case "", "always" -> ALWAYS;
            case "auto" -> AUTO;
            case "never" -> NEVER;
            default -> -1;
        };
    }

    /** {@code text} in {@code attr}'s colour (color_fprintf), or as it is. */
    String paint(Attr attr, String text) {
        return palette == null ? text : palette[attr.ordinal()] + text + CLEAR;
    }

    String ifname(String text) {
        return paint(Attr.IFNAME, text);
    }

    String mac(String text) {
        return paint(Attr.MAC, text);
    }

    /** ifa_family_color: IPv4 and IPv6 addresses have colours, other families none. */
    String address(AddressFamily family, String text) {
        if (family == AddressFamily.INET) return paint(Attr.INET, text);
        if (family == AddressFamily.INET6) return paint(Attr.INET6, text);
        return text;
    }

    /** oper_state_color: UP and DOWN have colours, the other states none. */
    String operstate(OperState state, String text) {
        if (state == OperState.UP) return paint(Attr.UP, text);
        if (state == OperState.DOWN) return paint(Attr.DOWN, text);
        return text;
    }

    /** rtnl_rtprot_n2a. */
    String protocol(RouteProtocol p) {
        return numeric ? Integer.toString(p.value()) : p.toString();
    }

    /** rtnl_rtscope_n2a. */
    String scope(RouteScope s) {
        return numeric ? Integer.toString(s.value()) : s.toString();
    }

    /** rtnl_rttable_n2a. */
    String table(RouteTable t) {
        return numeric ? Long.toString(t.value()) : t.toString();
    }

    /** rtnl_rtntype_n2a, for route types and rule actions alike (their numbers are the same). */
    String routeType(int type) {
        if (numeric || type < 0 || type > RouteType.values().length - 1) return Integer.toString(type);
        return type == 0 ? "none" : RouteType.of(type).text();
    }

    /** rtnl_group_n2a: the one name /etc/iproute2/group has is "default", for 0. */
    String group(long group) {
        return group == 0 && !numeric ? "default" : Long.toString(group);
    }

    /** ll_type_n2a. */
    String linkType(Link link) {
        return numeric ? "[" + link.type() + "]" : link.typeName();
    }

    /** inet_proto_n2a. */
    String ipProtocol(int p) {
        return numeric ? "ipproto-" + p : Names.protocol(p);
    }

    /** rtnl_dsfield_n2a. */
    String dsfield(int tos) {
        return numeric ? String.format("0x%02x", tos) : Names.dsfield(tos);
    }
}
