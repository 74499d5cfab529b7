package io.github.netlink4j.internal.codec;

import io.github.netlink4j.bridge.BridgePort;
import io.github.netlink4j.bridge.BridgePortFlag;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.bridge.BridgePortState;
import io.github.netlink4j.bridge.BridgeVlan;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.IfBridge;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bridge requests and replies of {@link io.github.netlink4j.Bridges}: port settings, VLAN filtering, port VLANs,
 * and the AF_BRIDGE link dumps that read ports and VLANs back.
 */
public final class BridgeCodec {
    private BridgeCodec() {}

    private static final int AF_BRIDGE = 7;
    private static final int ACKED = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;

    /**
     * RTM_NEWLINK for port {@code index}, as {@code ip link set dev P type bridge_slave …} sends it:
     * IFLA_LINKINFO › IFLA_INFO_KIND "bridge_slave" (no NUL, as ip writes kinds), IFLA_INFO_SLAVE_DATA › IFLA_BRPORT_*. The kernel
     * hands the slave data to the port's master, whatever the kind says.
     */
    public static void encodePortSettings(MessageWriter w, int index, BridgePortSettings s) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, ACKED);
        w.ifinfomsg(0, 0, index, 0, 0);
        int info = w.beginNest(IfLink.IFLA_LINKINFO);
        w.attrStringNoNul(IfLink.IFLA_INFO_KIND, "bridge_slave");
        int data = w.beginNest(IfLink.IFLA_INFO_SLAVE_DATA);
        s.priority().ifPresent(p -> w.attrU16(IfLink.IFLA_BRPORT_PRIORITY, p));
        s.cost().ifPresent(c -> w.attrU32(IfLink.IFLA_BRPORT_COST, (int) c));
        s.hairpin().ifPresent(b -> w.attrU8(IfLink.IFLA_BRPORT_MODE, b ? 1 : 0));
        s.learning().ifPresent(b -> w.attrU8(IfLink.IFLA_BRPORT_LEARNING, b ? 1 : 0));
        s.unicastFlood().ifPresent(b -> w.attrU8(IfLink.IFLA_BRPORT_UNICAST_FLOOD, b ? 1 : 0));
        s.isolated().ifPresent(b -> w.attrU8(IfLink.IFLA_BRPORT_ISOLATED, b ? 1 : 0));
        w.endNest(data);
        w.endNest(info);
        w.endMessage(m);
    }

    /** RTM_NEWLINK for bridge {@code index}: IFLA_LINKINFO › kind "bridge", IFLA_INFO_DATA › IFLA_BR_VLAN_FILTERING. */
    public static void encodeVlanFiltering(MessageWriter w, int index, boolean on) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, ACKED);
        w.ifinfomsg(0, 0, index, 0, 0);
        int info = w.beginNest(IfLink.IFLA_LINKINFO);
        w.attrStringNoNul(IfLink.IFLA_INFO_KIND, "bridge");
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        w.attrU8(IfLink.IFLA_BR_VLAN_FILTERING, on ? 1 : 0);
        w.endNest(data);
        w.endNest(info);
        w.endMessage(m);
    }

    /**
     * RTM_SETLINK (add) or RTM_DELLINK (delete) of family AF_BRIDGE for port {@code index}, as
     * {@code bridge vlan add|del} sends it: IFLA_AF_SPEC › IFLA_BRIDGE_VLAN_INFO {u16 flags; u16 vid}.
     */
    public static void encodeVlan(MessageWriter w, int index, int vid, boolean pvid, boolean untagged, boolean delete) {
        int m = w.beginMessage(delete ? Rtnetlink.RTM_DELLINK : Rtnetlink.RTM_SETLINK, ACKED);
        w.ifinfomsg(AF_BRIDGE, 0, index, 0, 0);
        int spec = w.beginNest(IfLink.IFLA_AF_SPEC);
        int flags = (pvid ? IfBridge.BRIDGE_VLAN_INFO_PVID : 0) | (untagged ? IfBridge.BRIDGE_VLAN_INFO_UNTAGGED : 0);
        byte[] info = {(byte) flags, (byte) (flags >>> 8), (byte) vid, (byte) (vid >>> 8)};
        w.attrBytes(IfBridge.IFLA_BRIDGE_VLAN_INFO, info);
        w.endNest(spec);
        w.endMessage(m);
    }

    /** The message type of a port or VLAN entry in an AF_BRIDGE dump. */
    public static final int NEW = Rtnetlink.RTM_NEWLINK;
    private static final int IFINFOMSG = 16;

    /**
     * RTM_GETLINK dump of family AF_BRIDGE, as {@code bridge link show} sends it: one reply per bridge
     * port; with {@code vlans}, IFLA_EXT_MASK RTEXT_FILTER_BRVLAN as {@code bridge vlan show} sends it,
     * one reply per port or bridge that has VLANs.
     */
    public static void encodeDump(MessageWriter w, boolean vlans) {
        int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ifinfomsg(AF_BRIDGE, 0, 0, 0, 0);
        if (vlans) w.attrU32(IfLink.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_BRVLAN);
        w.endMessage(m);
    }

    /**
     * The port in the AF_BRIDGE RTM_NEWLINK at {@code off}, or null if the message describes no port
     * (not of family AF_BRIDGE, no IFLA_MASTER or no IFLA_PROTINFO: the bridge itself, in a VLAN dump).
     */
    public static BridgePort decodePort(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, IFINFOMSG, "RTM_NEWLINK", "ifinfomsg");
        if (a.u8At(off + Nlmsg.HDRLEN) != AF_BRIDGE) return null;
        int index = a.s32At(off + Nlmsg.HDRLEN + 4);
        String name = null;
        int master = 0;
        boolean port = false;
        BridgePortState state = BridgePortState.DISABLED;
        int priority = 0;
        long cost = 0;
        EnumSet<BridgePortFlag> flags = EnumSet.noneOf(BridgePortFlag.class);
        while (a.next()) {
            switch (a.type()) {
                case IfLink.IFLA_IFNAME -> name = a.string();
                case IfLink.IFLA_MASTER -> master = a.u32();
                case IfLink.IFLA_PROTINFO -> {
                    port = true;
                    Attrs p = a.nestedAttrs("IFLA_PROTINFO");
                    while (p.next()) {
                        switch (p.type()) {
                            case IfLink.IFLA_BRPORT_STATE -> state = state(p.u8());
                            case IfLink.IFLA_BRPORT_PRIORITY -> priority = p.u16();
                            case IfLink.IFLA_BRPORT_COST -> cost = Integer.toUnsignedLong(p.u32());
                            default -> {
                                BridgePortFlag f = flag(p.type());
                                if (f != null && p.u8() != 0) flags.add(f);
                            }
                        }
                    }
                }
                default -> { }
            }
        }
        if (!port || master == 0) return null;
        if (name == null) throw new ProtocolException("AF_BRIDGE RTM_NEWLINK of port " + index + " has no IFLA_IFNAME");
        return new BridgePort(name, index, master, state, priority, cost, flags);
    }

    private static BridgePortState state(int v) throws ProtocolException {
        try {
            return BridgePortState.of(v);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("IFLA_BRPORT_STATE " + v + " is not a state the kernel defines");
        }
    }

    /** The flag an on/off IFLA_BRPORT_* attribute stands for, or null for one this library does not read. */
    static BridgePortFlag flag(int type) {
        return switch (type) {
            case IfLink.IFLA_BRPORT_MODE -> BridgePortFlag.HAIRPIN;
            case IfLink.IFLA_BRPORT_GUARD -> BridgePortFlag.GUARD;
            case IfLink.IFLA_BRPORT_PROTECT -> BridgePortFlag.ROOT_BLOCK;
            case IfLink.IFLA_BRPORT_FAST_LEAVE -> BridgePortFlag.FAST_LEAVE;
            case IfLink.IFLA_BRPORT_LEARNING -> BridgePortFlag.LEARNING;
            case IfLink.IFLA_BRPORT_UNICAST_FLOOD -> BridgePortFlag.UNICAST_FLOOD;
            case IfLink.IFLA_BRPORT_PROXYARP -> BridgePortFlag.PROXY_ARP;
            case IfLink.IFLA_BRPORT_MCAST_FLOOD -> BridgePortFlag.MULTICAST_FLOOD;
            case IfLink.IFLA_BRPORT_BCAST_FLOOD -> BridgePortFlag.BROADCAST_FLOOD;
            case IfLink.IFLA_BRPORT_NEIGH_SUPPRESS -> BridgePortFlag.NEIGH_SUPPRESS;
            case IfLink.IFLA_BRPORT_ISOLATED -> BridgePortFlag.ISOLATED;
            case IfLink.IFLA_BRPORT_LOCKED -> BridgePortFlag.LOCKED;
            default -> null;
        };
    }

    /**
     * Every VLAN in the AF_BRIDGE RTM_NEWLINK at {@code off} (IFLA_AF_SPEC › IFLA_BRIDGE_VLAN_INFO
     * {u16 flags; u16 vid}), a RANGE_BEGIN…RANGE_END pair expanded to one entry per id; nothing for a
     * message not of family AF_BRIDGE.
     */
    public static void decodeVlans(MemorySegment s, long off, int len, Consumer<BridgeVlan> out) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, IFINFOMSG, "RTM_NEWLINK", "ifinfomsg");
        if (a.u8At(off + Nlmsg.HDRLEN) != AF_BRIDGE) return;
        int index = a.s32At(off + Nlmsg.HDRLEN + 4);
        String name = null;
        List<int[]> infos = new java.util.ArrayList<>();
        while (a.next()) {
            if (a.type() == IfLink.IFLA_IFNAME) name = a.string();
            else if (a.type() == IfLink.IFLA_AF_SPEC) {
                Attrs v = a.nestedAttrs("IFLA_AF_SPEC");
                while (v.next()) {
                    if (v.type() != IfBridge.IFLA_BRIDGE_VLAN_INFO) continue;
                    if (v.payloadLength() < 4) throw new ProtocolException("IFLA_BRIDGE_VLAN_INFO of " + v.payloadLength() + " bytes, not 4");
                    long p = v.payloadOffset();
                    infos.add(new int[] {v.u16At(p), v.u16At(p + 2)});
                }
            }
        }
        if (infos.isEmpty()) return;
        if (name == null) throw new ProtocolException("AF_BRIDGE RTM_NEWLINK of link " + index + " has no IFLA_IFNAME");
        int begin = -1;
        for (int[] i : infos) {
            int flags = i[0];
            int vid = i[1];
            boolean pvid = (flags & IfBridge.BRIDGE_VLAN_INFO_PVID) != 0;
            boolean untagged = (flags & IfBridge.BRIDGE_VLAN_INFO_UNTAGGED) != 0;
            if ((flags & IfBridge.BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                begin = vid;
                continue;
            }
            int from = (flags & IfBridge.BRIDGE_VLAN_INFO_RANGE_END) != 0 && begin >= 0 ? begin : vid;
            if (from > vid) throw new ProtocolException("VLAN range " + from + "-" + vid + " runs backwards");
            for (int v = from; v <= vid; v++) out.accept(new BridgeVlan(name, index, v, pvid, untagged));
            begin = -1;
        }
    }
}
