package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.Flower;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** tc's flower words after the kind, read into the library's {@link Flower}; pure, as {@link FilterArgs}. */
final class FlowerArgs {
    private FlowerArgs() {}

    /**
     * f_flower.c's flower_parse_opt, for the keys the library's {@link Flower} has: {@code classid|flowid},
     * {@code vlan_id}, {@code vlan_ethtype}, {@code dst_mac}, {@code src_mac}, {@code ip_proto},
     * {@code dst_ip}, {@code src_ip}, {@code dst_port}, {@code src_port}, the skip flags and actions.
     */
    static FilterKind parse(Args a, String handle) {
        OptionalLong h = OptionalLong.empty();
        if (handle != null) {
            long v = Args.u32(handle, 0);
            if (v < 0) throw new TcFail("Illegal \"handle\"\n", 1);
            h = OptionalLong.of(v);
        }
        Flower f = Flower.empty();
        int flags = 0;
        List<ActionSpec> actions = List.of();
        while (a.more()) {
            String w = a.take();
            try {
                switch (w) {
                    case "classid", "flowid" -> f = f.withClassid(TcHandle.of(word(a)));
                    case "vlan_id" -> f = f.withVlanId((int) number(word(a)));
                    case "vlan_ethtype" -> f = f.withVlanEthType(ethType(word(a)));
                    case "dst_mac" -> f = f.withDstMac(MacAddress.of(word(a)));
                    case "src_mac" -> f = f.withSrcMac(MacAddress.of(word(a)));
                    case "ip_proto" -> f = f.withIpProto(ipProto(word(a)));
                    case "dst_ip" -> f = f.withDstIp(IpPrefix.of(word(a)));
                    case "src_ip" -> f = f.withSrcIp(IpPrefix.of(word(a)));
                    case "dst_port" -> f = f.withDstPort((int) number(word(a)));
                    case "src_port" -> f = f.withSrcPort((int) number(word(a)));
                    case "skip_hw" -> flags |= 1;
                    case "skip_sw" -> flags |= 2;
                    case "action", "act" -> {
                        if (!a.more()) throw TcFail.incomplete();
                        List<ActionSpec> more = new ArrayList<>(actions);
                        more.addAll(ActionArgs.parse(a));
                        actions = more;
                    }
                    default -> throw TcFail.unsupported("flower " + w + " (jtc parses the keys the library's Flower has)");
                }
            } catch (IllegalArgumentException e) {
                throw TcFail.unsupported("flower " + w + " as tc reads it (" + e.getMessage() + ")");
            }
        }
        if (flags != 0) f = new Flower(f.classid(), f.vlanId(), f.vlanEthType(), f.dstMac(), f.srcMac(), f.ipProto(), f.dstIp(), f.srcIp(),
                f.dstPort(), f.srcPort(), flags);
        return new FilterKind(f, actions, h);
    }

    private static String word(Args a) {
        if (!a.more()) throw TcFail.incomplete();
        return a.take();
    }

    private static long number(String v) {
        long n = Args.u32(v, 0);
        if (n < 0) throw new IllegalArgumentException("\"" + v + "\" is not a number");
        return n;
    }

    /** flower's ip_proto: tcp, udp, sctp, icmp, icmpv6 by name, else a number. */
    private static int ipProto(String v) {
        return switch (v) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "sctp" -> 132;
            case "icmp" -> 1;
            case "icmpv6" -> 58;
            default -> (int) number(v);
        };
    }

    /** flower's vlan_ethtype: ll_proto_a2n, where ipv4 and ipv6 name IP and IPv6 too. */
    private static FilterProtocol ethType(String v) {
        return v.equals("ipv4") ? FilterProtocol.IP : v.equals("ipv6") ? FilterProtocol.IPV6 : Args.protocol(v);
    }

}
