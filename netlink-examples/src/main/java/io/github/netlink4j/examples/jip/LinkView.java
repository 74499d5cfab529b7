package io.github.netlink4j.examples.jip;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How iproute2 6.1 prints a link: the header line, brief form and JSON (ipaddress.c print_linkinfo). */
final class LinkView {
    private final Link link;
    private final Map<Integer, Link> byIndex;
    private final Optional<String> linkNetns;
    private final Style style;

    private Shape shape = Shape.FULL;

    /** {@code linkNetns}: the name ip would print for the link-netnsid, if it knows one. */
    LinkView(Link link, Map<Integer, Link> byIndex, Optional<String> linkNetns, Style style) {
        this.link = link;
        this.byIndex = byIndex;
        this.linkNetns = linkNetns;
        this.style = style;
    }

    /**
     * Which message ip printed the link from, and whether with its link/ line: {@code ip addr} asks the
     * kernel for links in the family it lists, and the family decides both.
     */
    enum Shape {
        /** RTM_GETLINK's answer with the link/ line: ip link, ip addr, ip -0 addr. */
        FULL,
        /** The same message without the link/ line: ip -4 addr, and ip -6 addr with a dev (asked by index). */
        NO_LINK_LINE,
        /**
         * The kernel's AF_INET6 link dump (inet6_fill_ifinfo), which ip -6 addr lists from: name, address,
         * MTU, operstate, and IFLA_LINK only where it differs from the index; no qdisc, master, group or
         * link-netnsid, so ip resolves the peer's index among its own links (a peer in another namespace
         * may so name a link here, or be "if N" and count as down). qlen ip reads with an ioctl.
         */
        INET6_DUMP
    }

    /** The view of the link as {@code shape} carries it. */
    LinkView as(Shape shape) {
        this.shape = shape;
        return this;
    }

    /** IFLA_LINK as the message carries it. */
    private java.util.OptionalInt parent() {
        if (shape != Shape.INET6_DUMP) return link.parentIndex();
        return link.parentIndex().isPresent() && link.parentIndex().getAsInt() != link.index() ? link.parentIndex() : java.util.OptionalInt.empty();
    }

    /** IFLA_LINK_NETNSID as the message carries it. */
    private java.util.OptionalInt netnsId() {
        return shape == Shape.INET6_DUMP ? java.util.OptionalInt.empty() : link.linkNetnsId();
    }

    /** "veth0@veth1", "vo0@if2", or the plain name (print_name_and_link). */
    String displayName() {
        if (parent().isEmpty()) return link.name();
        int p = parent().getAsInt();
        if (p == 0) return link.name() + "@NONE";
        if (netnsId().isPresent() || !byIndex.containsKey(p)) return link.name() + "@if" + p;
        return link.name() + "@" + byIndex.get(p).name();
    }

    /** ip's M-DOWN: the parent, looked up among this namespace's links, is not up (or is not there). */
    private boolean mdown() {
        if (parent().isEmpty() || parent().getAsInt() == 0 || netnsId().isPresent()) return false;
        Link peer = byIndex.get(parent().getAsInt());
        return peer == null || !peer.isUp();
    }

    /** The flag names in ip's order, with NO-CARRIER and M-DOWN. */
    List<String> flagNames() {
        List<String> out = new ArrayList<>();
        int f = link.rawFlags();
        if (link.isUp() && !link.flags().contains(LinkFlag.RUNNING)) out.add("NO-CARRIER");
        f &= ~LinkFlag.RUNNING.bit();
        for (LinkFlag lf : List.of(LinkFlag.LOOPBACK, LinkFlag.BROADCAST, LinkFlag.POINTOPOINT, LinkFlag.MULTICAST,
                LinkFlag.NOARP, LinkFlag.ALLMULTI, LinkFlag.PROMISC, LinkFlag.MASTER, LinkFlag.SLAVE, LinkFlag.DEBUG,
                LinkFlag.DYNAMIC, LinkFlag.AUTOMEDIA, LinkFlag.PORTSEL, LinkFlag.NOTRAILERS, LinkFlag.UP,
                LinkFlag.LOWER_UP, LinkFlag.DORMANT, LinkFlag.ECHO)) {
            if ((f & lf.bit()) != 0) {
                out.add(lf.name());
                f &= ~lf.bit();
            }
        }
        if (f != 0) out.add(Integer.toHexString(f));
        if (mdown()) out.add("M-DOWN");
        return out;
    }

    String linkMode() {
        return link.linkMode().name();
    }

    String linkType() {
        return style.linkType(link);
    }

    String group() {
        return style.group(link.group());
    }

    /**
     * The last lines print_linkinfo prints, after the statistics of {@code ip -s link}: one per alternative
     * name (IFLA_PROP_LIST), none with {@code -br}.
     */
    String altNamesText() {
        StringBuilder sb = new StringBuilder();
        for (String n : link.altNames()) sb.append("    altname ").append(n).append('\n');
        return sb.toString();
    }

    /** The same in JSON: the array "altnames", only when the link has one. */
    void altNamesJson(Map<String, Object> o) {
        if (link.altNames().isEmpty()) return;
        List<Object> names = Json.list();
        names.addAll(link.altNames());
        o.put("altnames", names);
    }

    /** The two (or three) lines of {@code ip link show}; {@code withMode} false for {@code ip addr}. */
    String text(boolean withMode) {
        return text(withMode, false);
    }

    /**
     * The lines {@code ip monitor} prints for a link: no mode, and no queue length (ip monitor does not
     * ask for it), so the header ends with the space after the group.
     */
    String monitorText() {
        return text(false, true);
    }

    /** {@code ip -d link}: the header lines with what -d adds after the link/ line's addresses. */
    String detailedText(boolean withMode) {
        details = true;
        try {
            return text(withMode, false);
        } finally {
            details = false;
        }
    }

    /** {@code ip -j -d link}: the JSON object with what -d adds. */
    Map<String, Object> detailedJson(boolean withMode) {
        Map<String, Object> o = json(withMode, true);
        if (!full()) return o;
        o.remove("ifalias"); // ip -j -d prints it after what -d adds, as ip -d does
        DetailsView.of(link, byIndex, o, withMode);
        link.alias().ifPresent(a -> o.put("ifalias", a));
        return o;
    }

    private boolean details;

    private long qlen() {
        return link.txQueueLength().orElse(0);
    }

    /** Whether the message carries what the AF_INET6 link dump leaves out. */
    private boolean full() {
        return shape != Shape.INET6_DUMP;
    }

    /** The header lines in print_linkinfo's order, of what {@link #shape} carries. */
    private String text(boolean withMode, boolean monitor) {
        StringBuilder sb = new StringBuilder();
        sb.append(link.index()).append(": ").append(style.ifname(displayName() + ": ")).append('<')
                .append(String.join(",", flagNames())).append("> mtu ").append(link.mtu());
        if (full()) link.qdisc().ifPresent(q -> sb.append(" qdisc ").append(q));
        if (full() && link.masterIndex().isPresent()) {
            Link m = byIndex.get(link.masterIndex().getAsInt());
            sb.append(" master ").append(m != null ? m.name() : String.valueOf(link.masterIndex().getAsInt()));
        }
        // Each "word value " with its space, as ip's formats end; qlen (print_queuelen) only when not 0,
        // and never in ip monitor, which does not ask for it.
        sb.append(" state ").append(style.operstate(link.operState(), link.operState().name() + " "));
        if (withMode) sb.append("mode ").append(linkMode()).append(' ');
        if (full()) sb.append("group ").append(group()).append(' ');
        if (!monitor && qlen() != 0) sb.append("qlen ").append(qlen());
        if (shape == Shape.FULL || details) {
            sb.append("\n    link/").append(linkType());
            link.address().ifPresent(a -> sb.append(' ').append(style.mac(a.toString())));
            if (full()) link.broadcast().ifPresent(b -> sb.append(" brd ").append(style.mac(b.toString())));
        }
        if (netnsId().isPresent()) {
            if (linkNetns.isPresent()) sb.append(" link-netns ").append(linkNetns.get());
            else sb.append(" link-netnsid ").append(netnsId().getAsInt());
        }
        if (details && full()) sb.append(DetailsView.of(link, byIndex, Json.object(), withMode));
        sb.append('\n');
        if ((withMode || details) && full()) link.alias().ifPresent(a -> sb.append("    alias ").append(a).append('\n')); // ip addr omits it
        return sb.toString();
    }

    /** The {@code -br link} line (print_linkinfo_brief): name, state, address (if any) and flags. */
    String brief() {
        return briefHead() + link.address().map(a -> style.mac(a + " ")).orElse("") + "<" + String.join(",", flagNames()) + "> \n";
    }

    /** The {@code -br addr} prefix: name and state, each padded and coloured as ip pads and colours them. */
    String briefHead() {
        return style.ifname(String.format("%-16s ", displayName())) + style.operstate(link.operState(), String.format("%-14s ", link.operState().name()));
    }

    /** The JSON object of {@code ip -j link}; {@code withMode} false for {@code ip -j addr}. */
    Map<String, Object> json(boolean withMode) {
        return json(withMode, false);
    }

    /** print_name_and_link's JSON: link_index beside a link-netnsid, else the parent's name as ip resolves it. */
    private void parentJson(Map<String, Object> o) {
        if (parent().isEmpty()) return;
        int p = parent().getAsInt();
        if (p == 0) o.put("link", null);
        else if (netnsId().isPresent()) o.put("link_index", p);
        else o.put("link", byIndex.containsKey(p) ? byIndex.get(p).name() : "if" + p);
    }

    private Map<String, Object> json(boolean withMode, boolean details) {
        Map<String, Object> o = Json.object();
        o.put("ifindex", link.index());
        parentJson(o);
        o.put("ifname", link.name());
        o.put("flags", new ArrayList<Object>(flagNames()));
        o.put("mtu", link.mtu());
        if (full()) link.qdisc().ifPresent(q -> o.put("qdisc", q));
        if (full() && link.masterIndex().isPresent()) {
            Link m = byIndex.get(link.masterIndex().getAsInt());
            o.put("master", m != null ? m.name() : String.valueOf(link.masterIndex().getAsInt()));
        }
        o.put("operstate", link.operState().name());
        if (withMode) o.put("linkmode", linkMode());
        if (full()) o.put("group", group());
        if (qlen() != 0) o.put("txqlen", qlen());
        if (shape == Shape.FULL || details) {
            o.put("link_type", linkType());
            link.address().ifPresent(a -> o.put("address", a.toString()));
            if (full()) link.broadcast().ifPresent(b -> o.put("broadcast", b.toString()));
        }
        netnsId().ifPresent(id -> o.put("link_netnsid", id));
        if (withMode) link.alias().ifPresent(a -> o.put("ifalias", a)); // ip -j addr omits it
        return o;
    }

    Map<String, Object> briefJson() {
        Map<String, Object> o = Json.object();
        parentJson(o);
        o.put("ifname", link.name());
        o.put("operstate", link.operState().name());
        link.address().ifPresent(a -> o.put("address", a.toString()));
        o.put("flags", new ArrayList<Object>(flagNames()));
        return o;
    }
}
