package io.github.netlink4j.internal.codec;

import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfBridge;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

/** The bridge requests of {@link io.github.netlink4j.Bridges}: port settings, VLAN filtering, port VLANs. */
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
        s.cost().ifPresent(c -> w.attrU32(IfLink.IFLA_BRPORT_COST, c));
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
}
