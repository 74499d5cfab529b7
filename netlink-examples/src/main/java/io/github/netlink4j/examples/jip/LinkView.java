package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How iproute2 6.1 prints a link: the header line, brief form and JSON (ipaddress.c print_linkinfo). */
final class LinkView {
    private final Link link;
    private final Map<Integer, Link> byIndex;
    private final Optional<String> linkNetns;

    /** {@code linkNetns}: the name ip would print for the link-netnsid, if it knows one. */
    LinkView(Link link, Map<Integer, Link> byIndex, Optional<String> linkNetns) {
        this.link = link;
        this.byIndex = byIndex;
        this.linkNetns = linkNetns;
    }

    /** "veth0@veth1", "vo0@if2", or the plain name. */
    String displayName() {
        if (link.parentIndex().isEmpty()) return link.name();
        int p = link.parentIndex().getAsInt();
        if (p == 0) return link.name() + "@NONE";
        if (link.linkNetnsId().isPresent() || !byIndex.containsKey(p)) return link.name() + "@if" + p;
        return link.name() + "@" + byIndex.get(p).name();
    }

    private boolean mdown() {
        if (link.parentIndex().isEmpty() || link.linkNetnsId().isPresent()) return false;
        Link peer = byIndex.get(link.parentIndex().getAsInt());
        return peer != null && !peer.isUp();
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
        return link.typeName();
    }

    String group() {
        return link.group() == 0 ? "default" : String.valueOf(link.group());
    }

    /** The two (or three) lines of {@code ip link show}; {@code withMode} false for {@code ip addr}. */
    String text(boolean withMode) {
        return text(withMode, null, false);
    }

    /**
     * The lines {@code ip monitor} prints for a link: no mode, and no queue length (ip monitor does not
     * ask for it), so the header ends with the space after the group.
     */
    String monitorText() {
        return text(false, null, true);
    }

    String text(boolean withMode, AddressFamily family) {
        return text(withMode, family, false);
    }

    /** {@code ip -d link}: the header lines with what -d adds after the link/ line's addresses. */
    String detailedText(boolean withMode) {
        details = true;
        try {
            return text(withMode, null, false);
        } finally {
            details = false;
        }
    }

    /** {@code ip -j -d link}: the JSON object with what -d adds. */
    Map<String, Object> detailedJson(boolean withMode) {
        Map<String, Object> o = json(withMode, null);
        DetailsView.of(link, byIndex, o, withMode);
        if (!withMode) link.alias().ifPresent(a -> o.put("ifalias", a));
        return o;
    }

    private boolean details;

    /**
     * The header as {@code ip [-4|-6] addr} prints it: with a family filter ip leaves out the link/
     * line, and for IPv6 it dumps the links per family, so qdisc, master and group are not known.
     */
    private String text(boolean withMode, AddressFamily family, boolean monitor) {
        StringBuilder sb = new StringBuilder();
        sb.append(link.index()).append(": ").append(displayName()).append(": <")
                .append(String.join(",", flagNames())).append("> mtu ").append(link.mtu());
        if (family != AddressFamily.INET6) link.qdisc().ifPresent(q -> sb.append(" qdisc ").append(q));
        if (family != AddressFamily.INET6 && link.masterIndex().isPresent()) {
            Link m = byIndex.get(link.masterIndex().getAsInt());
            sb.append(" master ").append(m != null ? m.name() : String.valueOf(link.masterIndex().getAsInt()));
        }
        sb.append(" state ").append(link.operState().name());
        if (withMode) sb.append(" mode ").append(linkMode());
        if (family != AddressFamily.INET6) sb.append(" group ").append(group());
        if (monitor) sb.append(' ');
        else if (link.txQueueLength().isPresent()) sb.append(" qlen ").append(link.txQueueLength().getAsLong());
        if (family != null) return sb.append('\n').toString();
        sb.append("\n    link/").append(linkType());
        link.address().ifPresent(a -> sb.append(' ').append(a));
        link.broadcast().ifPresent(b -> sb.append(" brd ").append(b));
        if (link.linkNetnsId().isPresent()) {
            if (linkNetns.isPresent()) sb.append(" link-netns ").append(linkNetns.get());
            else sb.append(" link-netnsid ").append(link.linkNetnsId().getAsInt());
        }
        if (details) sb.append(DetailsView.of(link, byIndex, JsonOut.object(), withMode));
        sb.append('\n');
        if (withMode || details) link.alias().ifPresent(a -> sb.append("    alias ").append(a).append('\n')); // ip addr omits it
        return sb.toString();
    }

    /** The {@code -br link} line. */
    String brief() {
        return String.format("%-16s %-14s %s <%s> %n", displayName(), link.operState().name(),
                link.address().map(Object::toString).orElse(""), String.join(",", flagNames())).replace(System.lineSeparator(), "\n");
    }

    /** The {@code -br addr} prefix: name and state. */
    String briefHead() {
        return String.format("%-16s %-14s ", displayName(), link.operState().name());
    }

    /** The JSON object of {@code ip -j link}; {@code withMode} false for {@code ip -j addr}. */
    Map<String, Object> json(boolean withMode) {
        return json(withMode, null);
    }

    /** The JSON of {@code ip -j [-4|-6] addr}'s link part: with a family, the fields its text leaves out are left out. */
    Map<String, Object> json(boolean withMode, AddressFamily family) {
        Map<String, Object> o = JsonOut.object();
        o.put("ifindex", link.index());
        if (link.parentIndex().isPresent()) {
            int p = link.parentIndex().getAsInt();
            if (link.linkNetnsId().isPresent() || !byIndex.containsKey(p)) o.put("link_index", p);
            else o.put("link", byIndex.get(p).name());
        }
        o.put("ifname", link.name());
        o.put("flags", new ArrayList<Object>(flagNames()));
        o.put("mtu", link.mtu());
        if (family != AddressFamily.INET6) link.qdisc().ifPresent(q -> o.put("qdisc", q));
        if (family != AddressFamily.INET6 && link.masterIndex().isPresent()) {
            Link m = byIndex.get(link.masterIndex().getAsInt());
            o.put("master", m != null ? m.name() : String.valueOf(link.masterIndex().getAsInt()));
        }
        o.put("operstate", link.operState().name());
        if (withMode) o.put("linkmode", linkMode());
        if (family != AddressFamily.INET6) o.put("group", group());
        if (link.txQueueLength().isPresent()) o.put("txqlen", link.txQueueLength().getAsLong());
        if (family != null) return o;
        o.put("link_type", linkType());
        link.address().ifPresent(a -> o.put("address", a.toString()));
        link.broadcast().ifPresent(b -> o.put("broadcast", b.toString()));
        if (link.linkNetnsId().isPresent()) o.put("link_netnsid", link.linkNetnsId().getAsInt());
        if (withMode) link.alias().ifPresent(a -> o.put("ifalias", a)); // ip -j addr omits it
        return o;
    }

    Map<String, Object> briefJson() {
        Map<String, Object> o = JsonOut.object();
        if (link.parentIndex().isPresent()) {
            int p = link.parentIndex().getAsInt();
            if (link.linkNetnsId().isPresent() || !byIndex.containsKey(p)) o.put("link_index", p);
            else o.put("link", byIndex.get(p).name());
        }
        o.put("ifname", link.name());
        o.put("operstate", link.operState().name());
        link.address().ifPresent(a -> o.put("address", a.toString()));
        o.put("flags", new ArrayList<Object>(flagNames()));
        return o;
    }
}
