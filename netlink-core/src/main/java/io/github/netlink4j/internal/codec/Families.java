package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackFilter;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.internal.codec.kind.LinkKinds;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.codec.tc.ClassCodec;
import io.github.netlink4j.internal.codec.tc.FilterCodec;
import io.github.netlink4j.internal.codec.tc.QdiscCodec;
import io.github.netlink4j.internal.codec.tc.TcMsg;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.uapi.FibRules;
import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.NetNamespace;
import io.github.netlink4j.internal.wire.uapi.Netconf;
import io.github.netlink4j.internal.wire.uapi.Nexthop;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.TrafficClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.lang.reflect.Field;

/**
 * The registry of rtnetlink object families: one descriptor each, and {@link #ALL}, the one list the
 * subscription (events, keys, resync), {@link EventCodec} and the extended-ACK names
 * ({@link RtnetlinkLayouts}) are driven from. A family is added here and in its codec; FamiliesTest
 * fails while an event group, an event type or a message type is left without one.
 */
public final class Families {
    private Families() {}

    private static final FamilyDescriptor<Link> LINK = FamilyDescriptor.of(Link.class, "links")
            .messages(Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK, Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_SETLINK)
            .layout(LinkCodec.IFINFOMSG, Families::linkNames)
            .decoder(LinkCodec::decode)
            .state(LinkCodec::withoutCounters)
            .key(l -> List.of("link", l.index()))
            .events(NetlinkEvent.LinkEvent.class, NetlinkEvent.LinkEvent::new)
            .resync(EventGroup.LINK, w -> LinkCodec.encodeDump(w, false))
            .build();

    private static final FamilyDescriptor<Address> ADDRESS = FamilyDescriptor.of(Address.class, "addresses")
            .messages(Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR, Rtnetlink.RTM_GETADDR)
            .layout(AddressCodec.IFADDRMSG, () -> AttrTable.of(IfAddr.class, "IFA_", "IFA_F_"))
            .decoder(AddressCodec::decode)
            .key(a -> List.of("addr", a.family(), a.index(), a.address(), a.prefixLength(), a.peer()))
            .events(NetlinkEvent.AddressEvent.class, NetlinkEvent.AddressEvent::new)
            .resync(EventGroup.IPV4_ADDRESS, w -> AddressCodec.encodeDump(w, AddressFamily.INET, 0))
            .resync(EventGroup.IPV6_ADDRESS, w -> AddressCodec.encodeDump(w, AddressFamily.INET6, 0))
            .build();

    private static final FamilyDescriptor<Route> ROUTE = FamilyDescriptor.of(Route.class, "routes")
            .messages(Rtnetlink.RTM_NEWROUTE, Rtnetlink.RTM_DELROUTE, Rtnetlink.RTM_GETROUTE)
            .layout(RouteCodec.RTMSG, () -> AttrTable.of(Rtnetlink.class, "RTA_"))
            .decoder(RouteCodec::decode)
            .state(Route::withoutCacheInfo)
            .key(r -> List.of("route", r.family(), r.table(), r.destination(), r.destinationLength(), r.metric(), r.type(),
                    r.outputIndex()))
            .events(NetlinkEvent.RouteEvent.class, NetlinkEvent.RouteEvent::new)
            .resync(EventGroup.IPV4_ROUTE, w -> RouteCodec.encodeDump(w, AddressFamily.INET))
            .resync(EventGroup.IPV6_ROUTE, w -> RouteCodec.encodeDump(w, AddressFamily.INET6))
            .build();

    /** Notifications of other families (the bridge's FDB has its own) are skipped, as ip monitor skips them. */
    private static final FamilyDescriptor<Neighbour> NEIGHBOUR = FamilyDescriptor.of(Neighbour.class, "neighbours")
            .messages(Rtnetlink.RTM_NEWNEIGH, Rtnetlink.RTM_DELNEIGH, Rtnetlink.RTM_GETNEIGH)
            .layout(NeighbourCodec.NDMSG, () -> AttrTable.of(io.github.netlink4j.internal.wire.uapi.Neighbour.class, "NDA_"))
            .decoder((s, off, len) -> NeighbourCodec.knownFamily(s, off, len) ? NeighbourCodec.decode(s, off, len) : null)
            .key(n -> List.of("neigh", n.family(), n.index(), n.address()))
            .state(Neighbour::withoutTimers)
            .events(NetlinkEvent.NeighbourEvent.class, NetlinkEvent.NeighbourEvent::new)
            .resync(EventGroup.NEIGHBOUR, w -> NeighbourCodec.encodeDump(w, AddressFamily.INET, 0, false))
            .resync(EventGroup.NEIGHBOUR, w -> NeighbourCodec.encodeDump(w, AddressFamily.INET6, 0, false))
            .build();

    private static final FamilyDescriptor<io.github.netlink4j.link.Netconf> NETCONF = FamilyDescriptor
            .of(io.github.netlink4j.link.Netconf.class, "netconf")
            .messages(Rtnetlink.RTM_NEWNETCONF, Rtnetlink.RTM_DELNETCONF, Rtnetlink.RTM_GETNETCONF)
            .layout(NetconfCodec.NETCONFMSG, () -> AttrTable.of(Netconf.class, "NETCONFA_", "NETCONFA_IFINDEX_"))
            .decoder((s, off, len) -> NetconfCodec.knownFamily(s, off, len) ? NetconfCodec.decode(s, off, len) : null)
            .key(c -> List.of("netconf", c.family(), c.index()))
            .events(NetlinkEvent.NetconfEvent.class, NetlinkEvent.NetconfEvent::new)
            .resync(EventGroup.IPV4_NETCONF, w -> NetconfCodec.encodeDump(w, AddressFamily.INET))
            .resync(EventGroup.IPV6_NETCONF, w -> NetconfCodec.encodeDump(w, AddressFamily.INET6))
            .build();

    /** An nsid is an int: the object and its identity are one. Messages without an id assigned are skipped. */
    private static final FamilyDescriptor<Integer> NSID = FamilyDescriptor.of(Integer.class, "nsids")
            .messages(Rtnetlink.RTM_NEWNSID, Rtnetlink.RTM_DELNSID, Rtnetlink.RTM_GETNSID)
            .layout(NsidCodec.RTGENMSG, () -> AttrTable.of(NetNamespace.class, "NETNSA_"))
            .decoder((s, off, len) -> {
                int id = NsidCodec.decode(s, off, len);
                return id >= 0 ? id : null;
            })
            .key(id -> List.of("nsid", id))
            .events(NetlinkEvent.NsidEvent.class, NetlinkEvent.NsidEvent::new)
            .resync(EventGroup.NSID, NsidCodec::encodeDump)
            .build();

    /** A rule is what selects and what it does: two rules alike in both are one to the kernel too. */
    private static final FamilyDescriptor<Rule> RULE = FamilyDescriptor.of(Rule.class, "rules")
            .messages(Rtnetlink.RTM_NEWRULE, Rtnetlink.RTM_DELRULE, Rtnetlink.RTM_GETRULE)
            .layout(RuleCodec.FIB_RULE_HDR, () -> AttrTable.of(FibRules.class, "FRA_"))
            .decoder(RuleCodec::decode)
            .key(r -> List.of("rule", r.toSpec()))
            .events(NetlinkEvent.RuleEvent.class, NetlinkEvent.RuleEvent::new)
            .resync(EventGroup.IPV4_RULE, w -> RuleCodec.encodeDump(w, AddressFamily.INET))
            .resync(EventGroup.IPV6_RULE, w -> RuleCodec.encodeDump(w, AddressFamily.INET6))
            .build();

    private static final FamilyDescriptor<NexthopObject> NEXTHOP = FamilyDescriptor.of(NexthopObject.class, "nexthops")
            .messages(Rtnetlink.RTM_NEWNEXTHOP, Rtnetlink.RTM_DELNEXTHOP, Rtnetlink.RTM_GETNEXTHOP)
            .layout(NexthopCodec.NHMSG, () -> AttrTable.of(Nexthop.class, "NHA_", "NHA_RES_GROUP_", "NHA_RES_BUCKET_")
                    .nest(Nexthop.NHA_RES_GROUP, AttrTable.of(Nexthop.class, "NHA_RES_GROUP_")))
            .decoder(NexthopCodec::decode)
            .key(n -> List.of("nexthop", n.id()))
            .events(NetlinkEvent.NexthopEvent.class, NetlinkEvent.NexthopEvent::new)
            .resync(EventGroup.NEXTHOP, NexthopCodec::encodeDump)
            .build();

    /**
     * A qdisc is known by its link, parent and handle: the handle alone repeats across links (0: for each
     * link's noqueue), and the parent of a qdisc never changes (moving one is a delete and an add).
     */
    private static final FamilyDescriptor<Qdisc> QDISC = FamilyDescriptor.of(Qdisc.class, "qdiscs")
            .messages(Rtnetlink.RTM_NEWQDISC, Rtnetlink.RTM_DELQDISC, Rtnetlink.RTM_GETQDISC)
            .layout(TcMsg.LEN, TcMsg::names)
            .decoder(QdiscCodec::decode)
            .state(Qdisc::withoutStats)
            .key(q -> List.of("qdisc", q.index(), q.parent(), q.handle()))
            .events(NetlinkEvent.QdiscEvent.class, NetlinkEvent.QdiscEvent::new)
            .resync(EventGroup.TC, QdiscCodec::encodeDump)
            .build();

    /** The kernel dumps classes one link at a time, so a resync lists the links first. */
    private static final FamilyDescriptor<TrafficClass> TCLASS = FamilyDescriptor.of(TrafficClass.class, "classes")
            .messages(Rtnetlink.RTM_NEWTCLASS, Rtnetlink.RTM_DELTCLASS, Rtnetlink.RTM_GETTCLASS)
            .layout(TcMsg.LEN, TcMsg::names)
            .decoder(ClassCodec::decode)
            .state(TrafficClass::withoutStats)
            .key(c -> List.of("class", c.index(), c.handle()))
            .events(NetlinkEvent.TrafficClassEvent.class, NetlinkEvent.TrafficClassEvent::new)
            .resyncWalk(EventGroup.TC, new FamilyDescriptor.PerLink(w -> LinkCodec.encodeDump(w, false), LinkCodec.NEW,
                    (s, off, len) -> LinkCodec.decode(s, off, len).index(), index -> w -> ClassCodec.encodeDump(w, index)))
            .build();

    /**
     * A filter is known by its link, parent, chain, priority, protocol, kind and handle (handles repeat across
     * priorities: u32's 800: in each). The kernel lists one parent of one link per dump, so a resync dumps the
     * qdiscs, the classes of each link that has a qdisc, and then each parent ({@link FilterCodec#parents}).
     * A priority's head (handle 0) is deleted alone when the whole priority goes ({@code tc filter del … prio N}),
     * and takes the priority's filters with it.
     */
    private static final FamilyDescriptor<Filter> FILTER = FamilyDescriptor.of(Filter.class, "filters")
            .messages(Rtnetlink.RTM_NEWTFILTER, Rtnetlink.RTM_DELTFILTER, Rtnetlink.RTM_GETTFILTER)
            .layout(TcMsg.LEN, FilterCodec::names)
            .decoder(FilterCodec::decode)
            .state(Filter::withoutStats)
            .key(f -> List.of("filter", f.index(), f.parent(), f.chain(), f.priority(), f.protocol(), f.kind(), f.handle()))
            .cascade(head -> head.handle() != 0 ? null : f -> f.index() == head.index() && f.parent().equals(head.parent())
                    && f.chain() == head.chain() && f.priority() == head.priority() && f.protocol().equals(head.protocol()))
            .events(NetlinkEvent.FilterEvent.class, NetlinkEvent.FilterEvent::new)
            .resyncWalk(EventGroup.TC, Families::filterDumps)
            .build();

    private static List<FamilyDescriptor.Request> filterDumps(FamilyDescriptor.Dumper d) throws NetlinkException {
        Map<Integer, List<Qdisc>> byLink = new LinkedHashMap<>();
        for (Qdisc q : d.dump(QdiscCodec::encodeDump, QdiscCodec.NEW, QdiscCodec::decode, "qdiscs")) {
            if (q.handle().major() != 0) byLink.computeIfAbsent(q.index(), i -> new ArrayList<>()).add(q);
        }
        List<FamilyDescriptor.Request> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Qdisc>> e : byLink.entrySet()) {
            int index = e.getKey();
            List<TrafficClass> classes = d.dump(w -> ClassCodec.encodeDump(w, index), ClassCodec.NEW, ClassCodec::decode, "classes");
            for (TcHandle p : FilterCodec.parents(e.getValue(), classes)) out.add(w -> FilterCodec.encodeDump(w, index, p, OptionalLong.empty()));
        }
        return out;
    }

    /** One dump lists what all three groups announce: a subscription to the three takes it once. */
    private static final FamilyDescriptor.Request CONNTRACK_DUMP = w -> ConntrackCodec.encodeDump(w, ConntrackFilter.all());

    /**
     * Conntrack entries (NETLINK_NETFILTER): the kernel knows an entry by its original tuple and zone. A new
     * entry and an update are both IPCTNL_MSG_CT_NEW; a destroyed one is IPCTNL_MSG_CT_DELETE.
     */
    private static final FamilyDescriptor<ConntrackEntry> CONNTRACK = FamilyDescriptor.of(ConntrackEntry.class, "conntrack entries")
            .messages(ConntrackCodec.NEW, ConntrackCodec.DELETE, ConntrackCodec.GET)
            .layout(ConntrackCodec.NFGENMSG, ConntrackCodec::names)
            .decoder(ConntrackDecoder::decode)
            .state(ConntrackEntry::withoutTimers)
            .key(e -> List.of("conntrack", e.original(), e.zone().orElse(0)))
            .events(NetlinkEvent.ConntrackEvent.class, NetlinkEvent.ConntrackEvent::new)
            .resync(EventGroup.CONNTRACK_NEW, CONNTRACK_DUMP)
            .resync(EventGroup.CONNTRACK_UPDATE, CONNTRACK_DUMP)
            .resync(EventGroup.CONNTRACK_DESTROY, CONNTRACK_DUMP)
            .build();

    /** Every family, in the order a resync dumps them. */
    public static final List<FamilyDescriptor<?>> ALL = List.of(LINK, ADDRESS, ROUTE, NEIGHBOUR, NETCONF, NSID, RULE, NEXTHOP, QDISC, TCLASS,
            FILTER, CONNTRACK);

    /** The family of each RTM_NEW* and RTM_DEL* type, by type: one array read per notification. */
    private static final FamilyDescriptor<?>[] BY_NOTIFICATION = byNotification();

    private static FamilyDescriptor<?>[] byNotification() {
        int max = 0;
        for (FamilyDescriptor<?> f : ALL) max = Math.max(max, Math.max(f.newType(), f.delType()));
        FamilyDescriptor<?>[] by = new FamilyDescriptor<?>[max + 1];
        for (FamilyDescriptor<?> f : ALL) {
            for (int t : new int[] {f.newType(), f.delType()}) {
                if (by[t] != null) throw new IllegalStateException("message type " + t + " is claimed by " + by[t] + " and " + f);
                by[t] = f;
            }
        }
        return by;
    }

    /** The family a notification of message type {@code type} (an RTM_NEW* or RTM_DEL*) announces, or null. */
    public static FamilyDescriptor<?> notifiedBy(int type) {
        return type >= 0 && type < BY_NOTIFICATION.length ? BY_NOTIFICATION[type] : null;
    }

    /** The family whose objects are of {@code value}'s type. */
    public static FamilyDescriptor<?> of(Object value) {
        for (FamilyDescriptor<?> f : ALL) if (f.type().isInstance(value)) return f;
        throw new IllegalArgumentException("no object family holds a " + value.getClass().getName());
    }

    /**
     * IFLA_*: a link message's own attributes (less the constants of the nested spaces that share the
     * prefix), IFLA_LINKINFO's IFLA_INFO_*, and IFLA_INFO_DATA named by the kind IFLA_INFO_KIND names.
     */
    private static AttrTable linkNames() {
        AttrTable info = AttrTable.of(IfLink.class, "IFLA_INFO_").nestBy(IfLink.IFLA_INFO_DATA, IfLink.IFLA_INFO_KIND, LinkKinds::dataNames);
        return AttrTable.of(IfLink.class, "IFLA_", nestedPrefixes()).nest(IfLink.IFLA_LINKINFO, info);
    }

    /**
     * The prefixes of the spaces nested under IFLA_ (IFLA_INFO_, IFLA_VXLAN_, IFLA_BRPORT_, …), found as
     * the prefix of a two-word constant numbered 1, the first of its space after _UNSPEC; the link
     * message's own number 1, IFLA_ADDRESS, is one word.
     */
    private static String[] nestedPrefixes() {
        List<String> out = new ArrayList<>();
        for (Field f : IfLink.class.getFields()) {
            String n = f.getName();
            int second = n.indexOf('_', "IFLA_".length());
            if (!n.startsWith("IFLA_") || second < 0 || f.getType() != int.class) continue;
            try {
                if (f.getInt(null) == 1 && !out.contains(n.substring(0, second + 1))) out.add(n.substring(0, second + 1));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toArray(String[]::new);
    }
}
