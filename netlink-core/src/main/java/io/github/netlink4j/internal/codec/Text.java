package io.github.netlink4j.internal.codec;

import io.github.netlink4j.Address;
import io.github.netlink4j.AddressFamily;
import io.github.netlink4j.Link;
import io.github.netlink4j.LinkFlag;
import io.github.netlink4j.Neighbour;
import io.github.netlink4j.NeighbourState;
import io.github.netlink4j.NextHop;
import io.github.netlink4j.Route;
import io.github.netlink4j.RouteTable;
import io.github.netlink4j.RouteType;

import java.util.List;
import java.util.StringJoiner;

/**
 * The one-line texts the records print as their {@code toString}, in ip's vocabulary. Links are
 * named by index ({@code if3}) where ip would look the name up: a record knows no other link.
 */
public final class Text {
    private Text() {}

    // The order ip prints interface flags in (print_link_flags).
    private static final List<LinkFlag> FLAG_ORDER = List.of(LinkFlag.LOOPBACK, LinkFlag.BROADCAST, LinkFlag.POINTOPOINT,
            LinkFlag.MULTICAST, LinkFlag.NOARP, LinkFlag.ALLMULTI, LinkFlag.PROMISC, LinkFlag.MASTER, LinkFlag.SLAVE,
            LinkFlag.DEBUG, LinkFlag.DYNAMIC, LinkFlag.AUTOMEDIA, LinkFlag.PORTSEL, LinkFlag.NOTRAILERS, LinkFlag.UP,
            LinkFlag.LOWER_UP, LinkFlag.DORMANT, LinkFlag.ECHO);

    /** {@code <BROADCAST,MULTICAST,UP,LOWER_UP>}, with ip's NO-CARRIER for a link up without carrier. */
    public static String linkFlags(Link l) {
        StringJoiner j = new StringJoiner(",", "<", ">");
        if (l.flags().contains(LinkFlag.UP) && !l.flags().contains(LinkFlag.RUNNING)) j.add("NO-CARRIER");
        for (LinkFlag f : FLAG_ORDER) if (l.flags().contains(f)) j.add(f.name());
        return j.toString();
    }

    /** See {@link Link#toString()}. */
    public static String link(Link l) {
        StringBuilder sb = new StringBuilder().append(l.index()).append(": ").append(l.name());
        l.parentIndex().ifPresent(p -> sb.append("@if").append(p));
        sb.append(": ").append(linkFlags(l)).append(" mtu ").append(l.mtu());
        l.qdisc().ifPresent(q -> sb.append(" qdisc ").append(q));
        l.masterIndex().ifPresent(m -> sb.append(" master if").append(m));
        sb.append(" state ").append(l.operState()).append(" mode ").append(l.linkMode());
        l.txQueueLength().ifPresent(q -> sb.append(" qlen ").append(q));
        sb.append(" link/").append(linkType(l.type()));
        l.address().ifPresent(a -> sb.append(' ').append(a));
        l.broadcast().ifPresent(b -> sb.append(" brd ").append(b));
        l.linkNetnsId().ifPresent(n -> sb.append(" link-netnsid ").append(n));
        l.kind().ifPresent(k -> sb.append(" kind ").append(k));
        l.alias().ifPresent(a -> sb.append(" alias ").append(a));
        if (!l.unknown().isEmpty()) sb.append(" undecoded ").append(UndecodedAttributes.summary(l.unknown()));
        return sb.toString();
    }

    /** ip's name for an ARPHRD_* hardware type (lib/ll_types.c), or {@code [N]}. */
    public static String linkType(int type) {
        return switch (type) {
            case 0 -> "netrom";
            case 1 -> "ether";
            case 24 -> "ieee1394";
            case 32 -> "infiniband";
            case 512 -> "ppp";
            case 768 -> "ipip";
            case 769 -> "tunnel6";
            case 772 -> "loopback";
            case 776 -> "sit";
            case 778 -> "gre";
            case 783 -> "irda";
            case 801 -> "ieee802.11";
            case 823 -> "gre6";
            case 824 -> "netlink";
            case 65534 -> "none";
            case 65535 -> "void";
            default -> "[" + type + "]";
        };
    }

    /** See {@link Address#toString()}. */
    public static String address(Address a) {
        StringBuilder sb = new StringBuilder(a.family().text()).append(' ').append(Inet.text(a.address()));
        a.peer().ifPresent(p -> sb.append(" peer ").append(Inet.text(p)));
        sb.append('/').append(a.prefixLength());
        a.broadcast().ifPresent(b -> sb.append(" brd ").append(Inet.text(b)));
        sb.append(" scope ").append(a.scope());
        a.flags().forEach(f -> sb.append(' ').append(f.name().toLowerCase(java.util.Locale.ROOT)));
        sb.append(' ').append(a.label().orElse("if" + a.index()));
        if (a.validLifetime().isPresent()) {
            sb.append(" valid_lft ").append(a.validLifetime().getAsLong()).append("sec preferred_lft ")
                    .append(a.preferredLifetime().orElse(0)).append("sec");
        }
        return sb.toString();
    }

    /** See {@link Route#toString()}. */
    public static String route(Route r) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST) sb.append(r.type().text()).append(' ');
        sb.append(r.destinationText());
        r.gateway().ifPresent(g -> sb.append(" via ").append(Inet.text(g)));
        r.outputIndex().ifPresent(i -> sb.append(" dev if").append(i));
        if (!r.table().equals(RouteTable.MAIN)) sb.append(" table ").append(r.table());
        sb.append(" proto ").append(r.protocol()).append(" scope ").append(r.scope());
        r.preferredSource().ifPresent(s -> sb.append(" src ").append(Inet.text(s)));
        r.metric().ifPresent(m -> sb.append(" metric ").append(m));
        for (NextHop h : r.multipath()) {
            sb.append(" nexthop");
            h.gateway().ifPresent(g -> sb.append(" via ").append(Inet.text(g)));
            sb.append(" dev if").append(h.outputIndex()).append(" weight ").append(h.weight());
        }
        if (r.family() == AddressFamily.INET6 && r.preference().isPresent()) {
            int p = r.preference().getAsInt();
            sb.append(" pref ").append(p == 1 ? "high" : p == 3 ? "low" : "medium");
        }
        return sb.toString();
    }

    /** See {@link Neighbour#toString()}. */
    public static String neighbour(Neighbour n) {
        StringBuilder sb = new StringBuilder();
        sb.append(n.address().map(Inet::text).orElse(n.family().text())).append(" dev if").append(n.index());
        n.lladdr().ifPresent(l -> sb.append(" lladdr ").append(l));
        if (n.state().isEmpty()) sb.append(" NONE");
        for (NeighbourState s : n.state()) sb.append(' ').append(s);
        return sb.toString();
    }
}
