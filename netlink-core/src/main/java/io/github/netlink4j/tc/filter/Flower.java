package io.github.netlink4j.tc.filter;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.tc.TcHandle;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The flow classifier (cls_flower): keys on the dissected packet, {@code flower [vlan_id V] [dst_mac M]
 * [ip_proto P] [dst_ip A] [dst_port N] …} (TCA_FLOWER_KEY_* of linux/pkt_cls.h). The EtherType it keys
 * on is the filter's protocol. Absent keys match anything.
 *
 * {@snippet :
 * Flower.empty().withIpProto(6).withDstIp(IpPrefix.of("10.200.0.0/24")).withDstPort(80);   // flower ip_proto tcp dst_ip 10.200.0.0/24 dst_port 80
 * }
 *
 * @param classid     TCA_FLOWER_CLASSID
 * @param vlanId      TCA_FLOWER_KEY_VLAN_ID (0 to 4095)
 * @param vlanEthType TCA_FLOWER_KEY_VLAN_ETH_TYPE, the protocol inside the VLAN tag
 * @param dstMac      TCA_FLOWER_KEY_ETH_DST (whole, mask all ones)
 * @param srcMac      TCA_FLOWER_KEY_ETH_SRC
 * @param ipProto     TCA_FLOWER_KEY_IP_PROTO (6 TCP, 17 UDP, 132 SCTP: the ports' kind)
 * @param dstIp       TCA_FLOWER_KEY_IPV4_DST or _IPV6_DST with its mask
 * @param srcIp       TCA_FLOWER_KEY_IPV4_SRC or _IPV6_SRC with its mask
 * @param dstPort     TCA_FLOWER_KEY_TCP_DST, _UDP_DST or _SCTP_DST, by {@code ipProto}
 * @param srcPort     TCA_FLOWER_KEY_TCP_SRC, …
 * @param flags       TCA_FLOWER_FLAGS' skip bits (tc always sends the attribute)
 */
public record Flower(Optional<TcHandle> classid, OptionalInt vlanId, Optional<FilterProtocol> vlanEthType, Optional<MacAddress> dstMac,
                     Optional<MacAddress> srcMac, OptionalInt ipProto, Optional<IpPrefix> dstIp, Optional<IpPrefix> srcIp,
                     OptionalInt dstPort, OptionalInt srcPort, int flags) implements FilterOptions {
    /** Checks the ranges, and that ports come with a protocol that has them. */
    public Flower {
        for (Object o : new Object[] {classid, vlanId, vlanEthType, dstMac, srcMac, ipProto, dstIp, srcIp, dstPort, srcPort}) Objects.requireNonNull(o);
        if (vlanId.isPresent() && (vlanId.getAsInt() < 0 || vlanId.getAsInt() > 4095)) throw new IllegalArgumentException("vlan_id " + vlanId.getAsInt() + " is out of range (0 to 4095)");
        if (ipProto.isPresent() && (ipProto.getAsInt() < 0 || ipProto.getAsInt() > 255)) throw new IllegalArgumentException("ip_proto " + ipProto.getAsInt() + " is out of range (0 to 255)");
        for (OptionalInt p : new OptionalInt[] {dstPort, srcPort}) {
            if (p.isPresent() && (p.getAsInt() < 0 || p.getAsInt() > 0xffff)) throw new IllegalArgumentException("port " + p.getAsInt() + " is out of range (0 to 65535)");
        }
        if ((dstPort.isPresent() || srcPort.isPresent()) && !(ipProto.isPresent() && hasPorts(ipProto.getAsInt()))) {
            throw new IllegalArgumentException("ports need ip_proto tcp, udp or sctp");
        }
        if (dstIp.isPresent() && srcIp.isPresent() && dstIp.get().family() != srcIp.get().family()) {
            throw new IllegalArgumentException("src_ip and dst_ip are of different families");
        }
        if ((flags & ~3) != 0) throw new IllegalArgumentException("flower flags are skip_hw (1) and skip_sw (2), not " + flags);
    }

    /** Whether IP protocol {@code p} has ports flower keys on (TCP, UDP, SCTP). */
    public static boolean hasPorts(int p) {
        return p == 6 || p == 17 || p == 132;
    }

    /** A flower that matches every packet of the filter's protocol. */
    public static Flower empty() {
        return new Flower(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), 0);
    }

    @Override
    public String kind() {
        return "flower";
    }

    /** The same with {@code classid C}. */
    public Flower withClassid(TcHandle c) {
        return new Flower(Optional.of(c), vlanId, vlanEthType, dstMac, srcMac, ipProto, dstIp, srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code vlan_id ID}. */
    public Flower withVlanId(int id) {
        return new Flower(classid, OptionalInt.of(id), vlanEthType, dstMac, srcMac, ipProto, dstIp, srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code vlan_ethtype P}. */
    public Flower withVlanEthType(FilterProtocol p) {
        return new Flower(classid, vlanId, Optional.of(p), dstMac, srcMac, ipProto, dstIp, srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code dst_mac M}. */
    public Flower withDstMac(MacAddress m) {
        return new Flower(classid, vlanId, vlanEthType, Optional.of(m), srcMac, ipProto, dstIp, srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code src_mac M}. */
    public Flower withSrcMac(MacAddress m) {
        return new Flower(classid, vlanId, vlanEthType, dstMac, Optional.of(m), ipProto, dstIp, srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code ip_proto P} (6 tcp, 17 udp). */
    public Flower withIpProto(int p) {
        return new Flower(classid, vlanId, vlanEthType, dstMac, srcMac, OptionalInt.of(p), dstIp, srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code dst_ip PREFIX}. */
    public Flower withDstIp(IpPrefix p) {
        return new Flower(classid, vlanId, vlanEthType, dstMac, srcMac, ipProto, Optional.of(p), srcIp, dstPort, srcPort, flags);
    }

    /** The same with {@code src_ip PREFIX}. */
    public Flower withSrcIp(IpPrefix p) {
        return new Flower(classid, vlanId, vlanEthType, dstMac, srcMac, ipProto, dstIp, Optional.of(p), dstPort, srcPort, flags);
    }

    /** The same with {@code dst_port N}. */
    public Flower withDstPort(int port) {
        return new Flower(classid, vlanId, vlanEthType, dstMac, srcMac, ipProto, dstIp, srcIp, OptionalInt.of(port), srcPort, flags);
    }

    /** The same with {@code src_port N}. */
    public Flower withSrcPort(int port) {
        return new Flower(classid, vlanId, vlanEthType, dstMac, srcMac, ipProto, dstIp, srcIp, dstPort, OptionalInt.of(port), flags);
    }
}
