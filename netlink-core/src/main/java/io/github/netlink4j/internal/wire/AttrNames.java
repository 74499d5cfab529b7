package io.github.netlink4j.internal.wire;

import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.NetNamespace;
import io.github.netlink4j.internal.wire.uapi.Neighbour;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.internal.wire.uapi.Veth;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the attribute of a request that an extended-ACK offset points at, as a path such as
 * {@code IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME}. Walks the request we sent
 * (still in our buffer) with the same bounds checks as every decoder; names come from the uapi
 * constant classes, so they match the kernel headers.
 */
public final class AttrNames {
    private AttrNames() {}

    private static final class Tables {
        static final Map<Integer, String> IFLA = names(IfLink.class, "IFLA_",
                "IFLA_INFO_", "IFLA_BR_", "IFLA_VLAN_", "IFLA_MACVLAN_", "IFLA_IPVLAN_", "IFLA_VXLAN_", "IFLA_BOND_");
        static final Map<Integer, String> INFO = names(IfLink.class, "IFLA_INFO_");
        static final Map<String, Map<Integer, String>> KIND_DATA = Map.of(
                "veth", names(Veth.class, "VETH_INFO_"),
                "bridge", names(IfLink.class, "IFLA_BR_"),
                "vlan", names(IfLink.class, "IFLA_VLAN_"),
                "macvlan", names(IfLink.class, "IFLA_MACVLAN_"),
                "macvtap", names(IfLink.class, "IFLA_MACVLAN_"),
                "ipvlan", names(IfLink.class, "IFLA_IPVLAN_"),
                "vxlan", names(IfLink.class, "IFLA_VXLAN_"),
                "bond", names(IfLink.class, "IFLA_BOND_"));
        static final Map<Integer, String> IFA = names(IfAddr.class, "IFA_", "IFA_F_");
        static final Map<Integer, String> RTA = names(Rtnetlink.class, "RTA_");
        static final Map<Integer, String> NDA = names(Neighbour.class, "NDA_");
        static final Map<Integer, String> NETNSA = names(NetNamespace.class, "NETNSA_");
    }

    static Map<Integer, String> names(Class<?> c, String prefix, String... exclude) {
        Map<Integer, String> m = new HashMap<>();
        outer:
        for (Field f : c.getFields()) {
            String n = f.getName();
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || !n.startsWith(prefix)) continue;
            for (String x : exclude) if (n.startsWith(x)) continue outer;
            if (n.endsWith("_UNSPEC") || n.endsWith("_NONE")) continue;
            try {
                m.putIfAbsent(f.getInt(null), n);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(m);
    }

    /**
     * The path of the attribute at {@code offset} (relative to the message start) in the request at
     * {@code msg}, or null if the offset points at no attribute (a header field, or past the end).
     */
    public static String pathAt(MemorySegment s, long msg, int offset) {
        try {
            if (offset < Nlmsg.HDRLEN || msg + Nlmsg.HDRLEN > s.byteSize()) return null;
            int len = Nlmsg.len(s, msg);
            if (len < Nlmsg.HDRLEN || msg + len > s.byteSize() || offset >= len) return null;
            int type = Nlmsg.type(s, msg);
            int header;
            Map<Integer, String> names;
            String ctx = null;
            switch (type) {
                case Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK, Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_SETLINK -> {
                    header = 16; names = Tables.IFLA; ctx = "link";
                }
                case Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR, Rtnetlink.RTM_GETADDR -> {
                    header = 8; names = Tables.IFA;
                }
                case Rtnetlink.RTM_NEWROUTE, Rtnetlink.RTM_DELROUTE, Rtnetlink.RTM_GETROUTE -> {
                    header = 12; names = Tables.RTA;
                }
                case Rtnetlink.RTM_NEWNEIGH, Rtnetlink.RTM_DELNEIGH, Rtnetlink.RTM_GETNEIGH -> {
                    header = 12; names = Tables.NDA;
                }
                case Rtnetlink.RTM_NEWNSID, Rtnetlink.RTM_GETNSID, Rtnetlink.RTM_DELNSID -> {
                    header = 4; names = Tables.NETNSA;
                }
                default -> {
                    return null;
                }
            }
            long target = msg + offset;
            long start = msg + Nlmsg.HDRLEN + header;
            if (target < start) return null;
            StringBuilder path = new StringBuilder();
            walk(s, start, msg + len, target, names, ctx, path);
            return path.isEmpty() ? null : path.toString();
        } catch (RuntimeException | io.github.netlink4j.error.ProtocolException e) {
            return null;
        }
    }

    private static void walk(MemorySegment s, long start, long end, long target, Map<Integer, String> names,
                             String ctx, StringBuilder path) throws io.github.netlink4j.error.ProtocolException {
        Attrs a = new Attrs().reset(s, start, end, null);
        String kind = null;
        while (a.next()) {
            long attrStart = a.payloadOffset() - 4;
            long attrEnd = a.payloadOffset() + a.payloadLength();
            if ("linkinfo".equals(ctx) && a.type() == IfLink.IFLA_INFO_KIND) kind = a.string();
            if (target < attrStart || target >= Math.max(attrEnd, attrStart + 4)) continue;
            if (!path.isEmpty()) path.append(" › ");
            path.append(names.getOrDefault(a.type(), "attribute " + a.type()));
            if (target < a.payloadOffset()) return;
            if ("link".equals(ctx) && a.type() == IfLink.IFLA_LINKINFO) {
                walk(s, a.payloadOffset(), attrEnd, target, Tables.INFO, "linkinfo", path);
            } else if ("linkinfo".equals(ctx) && a.type() == IfLink.IFLA_INFO_DATA && kind != null
                    && Tables.KIND_DATA.containsKey(kind)) {
                walk(s, a.payloadOffset(), attrEnd, target, Tables.KIND_DATA.get(kind), "data:" + kind, path);
            } else if ("data:veth".equals(ctx) && a.type() == Veth.VETH_INFO_PEER && target >= a.payloadOffset() + 16) {
                walk(s, a.payloadOffset() + 16, attrEnd, target, Tables.IFLA, "link", path);
            }
            return;
        }
    }

    /**
     * The path of the attribute at {@code offset} in a request of a family whose names are not known
     * here, after a fixed family header of {@code header} bytes: attribute numbers, descending into
     * attributes flagged NLA_F_NESTED ({@code attribute 1 › attribute 2}); null if the offset points at
     * no attribute.
     */
    public static String numericPathAt(MemorySegment s, long msg, int offset, int header) {
        try {
            if (offset < Nlmsg.HDRLEN + header || msg + Nlmsg.HDRLEN > s.byteSize()) return null;
            int len = Nlmsg.len(s, msg);
            if (len < Nlmsg.HDRLEN || msg + len > s.byteSize() || offset >= len) return null;
            StringBuilder path = new StringBuilder();
            walkNumeric(s, msg + Nlmsg.HDRLEN + header, msg + len, msg + offset, path, 0);
            return path.isEmpty() ? null : path.toString();
        } catch (RuntimeException | io.github.netlink4j.error.ProtocolException e) {
            return null;
        }
    }

    private static void walkNumeric(MemorySegment s, long start, long end, long target, StringBuilder path, int depth)
            throws io.github.netlink4j.error.ProtocolException {
        Attrs a = new Attrs().reset(s, start, end, null);
        while (a.next()) {
            long attrStart = a.payloadOffset() - 4;
            long attrEnd = a.payloadOffset() + a.payloadLength();
            if (target < attrStart || target >= Math.max(attrEnd, attrStart + 4)) continue;
            if (!path.isEmpty()) path.append(" › ");
            path.append("attribute ").append(a.type());
            if (target >= a.payloadOffset() && a.nested() && depth < 16) walkNumeric(s, a.payloadOffset(), attrEnd, target, path, depth + 1);
            return;
        }
    }
}
