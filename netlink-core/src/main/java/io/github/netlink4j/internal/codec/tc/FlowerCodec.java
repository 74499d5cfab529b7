package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.filter.FilterOffload;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.Flower;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * flower's TCA_OPTIONS as tc 6.1's f_flower.c writes them: the keys in the order of its command line
 * (VLAN, MACs, IP protocol, addresses, ports) each with its mask, then the actions, TCA_FLOWER_FLAGS
 * (always) and TCA_FLOWER_KEY_ETH_TYPE (the filter's protocol) last.
 */
final class FlowerCodec {
    private FlowerCodec() {}

    static void encode(MessageWriter w, Flower f, FilterProtocol protocol, Runnable actions) {
        f.classid().ifPresent(c -> w.attrU32(PktCls.TCA_FLOWER_CLASSID, c.value()));
        f.vlanId().ifPresent(v -> w.attrU16(PktCls.TCA_FLOWER_KEY_VLAN_ID, v));
        f.vlanEthType().ifPresent(p -> w.attrU16Be(PktCls.TCA_FLOWER_KEY_VLAN_ETH_TYPE, p.value()));
        f.dstMac().ifPresent(m -> mac(w, PktCls.TCA_FLOWER_KEY_ETH_DST, m));
        f.srcMac().ifPresent(m -> mac(w, PktCls.TCA_FLOWER_KEY_ETH_SRC, m));
        f.ipProto().ifPresent(p -> w.attrU8(PktCls.TCA_FLOWER_KEY_IP_PROTO, p));
        f.dstIp().ifPresent(p -> ip(w, p, PktCls.TCA_FLOWER_KEY_IPV4_DST, PktCls.TCA_FLOWER_KEY_IPV6_DST));
        f.srcIp().ifPresent(p -> ip(w, p, PktCls.TCA_FLOWER_KEY_IPV4_SRC, PktCls.TCA_FLOWER_KEY_IPV6_SRC));
        int proto = f.ipProto().orElse(0);
        f.dstPort().ifPresent(p -> w.attrU16Be(proto == 6 ? PktCls.TCA_FLOWER_KEY_TCP_DST : proto == 17 ? PktCls.TCA_FLOWER_KEY_UDP_DST
                : PktCls.TCA_FLOWER_KEY_SCTP_DST, p));
        f.srcPort().ifPresent(p -> w.attrU16Be(proto == 6 ? PktCls.TCA_FLOWER_KEY_TCP_SRC : proto == 17 ? PktCls.TCA_FLOWER_KEY_UDP_SRC
                : PktCls.TCA_FLOWER_KEY_SCTP_SRC, p));
        actions.run();
        w.attrU32(PktCls.TCA_FLOWER_FLAGS, f.flags());
        w.attrU16Be(PktCls.TCA_FLOWER_KEY_ETH_TYPE, protocol.value());
    }

    /** The address and, in the attribute after it (each _MASK is its key's number plus one), its mask. */
    private static void mac(MessageWriter w, int type, MacAddress m) {
        w.attrBytes(type, m.bytes());
        byte[] mask = new byte[6];
        Arrays.fill(mask, (byte) 0xff);
        w.attrBytes(type + 1, mask);
    }

    private static void ip(MessageWriter w, IpPrefix p, int v4, int v6) {
        boolean four = p.address() instanceof Inet4Address;
        byte[] mask = new byte[four ? 4 : 16];
        for (int i = 0; i < p.length(); i++) mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        w.attrBytes(four ? v4 : v6, p.address().getAddress());
        w.attrBytes((four ? v4 : v6) + 1, mask);
    }

    static FilterKinds.Decoded decode(TcArea area) throws ProtocolException {
        Optional<TcHandle> classid = Optional.empty();
        OptionalInt vlanId = OptionalInt.empty(), ipProto = OptionalInt.empty(), dstPort = OptionalInt.empty(), srcPort = OptionalInt.empty();
        Optional<FilterProtocol> vlanEth = Optional.empty();
        Optional<MacAddress> dstMac = Optional.empty(), srcMac = Optional.empty();
        byte[] dst = null, dstMask = null, src = null, srcMask = null;
        int flags = 0;
        FilterOffload offload = FilterOffload.UNREPORTED;
        List<Action> actions = List.of();
        Attrs a = area == null ? null : area.attrs(0);
        while (a != null && a.next()) {
            switch (a.type()) {
                case PktCls.TCA_FLOWER_CLASSID -> classid = Optional.of(TcHandle.of(a.u32()));
                case PktCls.TCA_FLOWER_KEY_VLAN_ID -> vlanId = OptionalInt.of(a.u16() & 0xfff);
                case PktCls.TCA_FLOWER_KEY_VLAN_ETH_TYPE -> vlanEth = Optional.of(FilterProtocol.of(a.u16be()));
                case PktCls.TCA_FLOWER_KEY_ETH_DST -> dstMac = Optional.of(mac(a));
                case PktCls.TCA_FLOWER_KEY_ETH_SRC -> srcMac = Optional.of(mac(a));
                case PktCls.TCA_FLOWER_KEY_IP_PROTO -> ipProto = OptionalInt.of(a.u8());
                case PktCls.TCA_FLOWER_KEY_IPV4_DST, PktCls.TCA_FLOWER_KEY_IPV6_DST -> dst = a.bytes();
                case PktCls.TCA_FLOWER_KEY_IPV4_DST_MASK, PktCls.TCA_FLOWER_KEY_IPV6_DST_MASK -> dstMask = a.bytes();
                case PktCls.TCA_FLOWER_KEY_IPV4_SRC, PktCls.TCA_FLOWER_KEY_IPV6_SRC -> src = a.bytes();
                case PktCls.TCA_FLOWER_KEY_IPV4_SRC_MASK, PktCls.TCA_FLOWER_KEY_IPV6_SRC_MASK -> srcMask = a.bytes();
                case PktCls.TCA_FLOWER_KEY_TCP_DST, PktCls.TCA_FLOWER_KEY_UDP_DST, PktCls.TCA_FLOWER_KEY_SCTP_DST -> dstPort = OptionalInt.of(a.u16be());
                case PktCls.TCA_FLOWER_KEY_TCP_SRC, PktCls.TCA_FLOWER_KEY_UDP_SRC, PktCls.TCA_FLOWER_KEY_SCTP_SRC -> srcPort = OptionalInt.of(a.u16be());
                case PktCls.TCA_FLOWER_FLAGS -> {
                    flags = a.u32() & (PktCls.TCA_CLS_FLAGS_SKIP_HW | PktCls.TCA_CLS_FLAGS_SKIP_SW);
                    offload = FilterOffload.ofFlags(a.u32());
                }
                case PktCls.TCA_FLOWER_ACT -> actions = ActionCodec.decodeList(a.nestedAttrs("TCA_FLOWER_ACT"));
                default -> { } // the protocol (KEY_ETH_TYPE) is the filter's; port masks and the keys not modelled are left out
            }
        }
        try {
            return new FilterKinds.Decoded(new Flower(classid, vlanId, vlanEth, dstMac, srcMac, ipProto, prefix(dst, dstMask), prefix(src, srcMask),
                    dstPort, srcPort, flags), actions, offload);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("TCA_OPTIONS of flower: " + e.getMessage());
        }
    }

    private static MacAddress mac(Attrs a) throws ProtocolException {
        if (a.payloadLength() != 6) throw new ProtocolException("a flower MAC key of " + a.payloadLength() + " bytes");
        return MacAddress.of(a.bytes());
    }

    private static Optional<IpPrefix> prefix(byte[] addr, byte[] mask) throws ProtocolException {
        if (addr == null) return Optional.empty();
        if ((addr.length != 4 && addr.length != 16) || (mask != null && mask.length != addr.length)) {
            throw new ProtocolException("a flower address key of " + addr.length + " bytes");
        }
        int len = 0;
        if (mask == null) len = addr.length * 8;
        else for (byte b : mask) len += Integer.bitCount(b & 0xff);
        try {
            InetAddress ia = InetAddress.getByAddress(addr);
            return Optional.of(new IpPrefix(ia, len));
        } catch (UnknownHostException e) {
            throw new ProtocolException("a flower address key: " + e.getMessage());
        }
    }
}
