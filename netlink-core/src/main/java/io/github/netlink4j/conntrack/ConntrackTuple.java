package io.github.netlink4j.conntrack;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.IpText;

import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One direction of a tracked connection ({@code CTA_TUPLE_ORIG} or {@code CTA_TUPLE_REPLY}): the layer-3
 * addresses ({@code CTA_TUPLE_IP}) and the layer-4 protocol with its ports or ICMP id, type and code
 * ({@code CTA_TUPLE_PROTO}). Also the key by which one entry is got or deleted.
 *
 * {@snippet :
 * ConntrackTuple t = ConntrackTuple.tcp(InetAddress.ofLiteral("10.200.0.1"), InetAddress.ofLiteral("10.200.0.2"), 40000, 80);
 * nl.conntrack().delete(t);    // conntrack -D -p tcp -s 10.200.0.1 -d 10.200.0.2 --sport 40000 --dport 80
 * }
 *
 * @param source          the source address ({@code CTA_IP_V4_SRC} / {@code CTA_IP_V6_SRC})
 * @param destination     the destination address, of the same family
 * @param protocol        the IP protocol number ({@code CTA_PROTO_NUM}: 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, …)
 * @param sourcePort      {@code CTA_PROTO_SRC_PORT}, for protocols with ports
 * @param destinationPort {@code CTA_PROTO_DST_PORT}
 * @param icmpId          {@code CTA_PROTO_ICMP_ID} / {@code CTA_PROTO_ICMPV6_ID}
 * @param icmpType        {@code CTA_PROTO_ICMP_TYPE} / {@code CTA_PROTO_ICMPV6_TYPE}
 * @param icmpCode        {@code CTA_PROTO_ICMP_CODE} / {@code CTA_PROTO_ICMPV6_CODE}
 */
public record ConntrackTuple(InetAddress source, InetAddress destination, int protocol, OptionalInt sourcePort,
                             OptionalInt destinationPort, OptionalInt icmpId, OptionalInt icmpType, OptionalInt icmpCode) {
    /** IPPROTO_ICMP. */
    public static final int ICMP = 1;
    /** IPPROTO_TCP. */
    public static final int TCP = 6;
    /** IPPROTO_UDP. */
    public static final int UDP = 17;
    /** IPPROTO_ICMPV6. */
    public static final int ICMPV6 = 58;

    /** Checks that both addresses are of one family and the numbers fit their fields. */
    public ConntrackTuple {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (AddressFamily.of(source) != AddressFamily.of(destination)) {
            throw new IllegalArgumentException("source " + IpText.text(source) + " and destination " + IpText.text(destination) + " differ in family");
        }
        if (protocol < 0 || protocol > 255) throw new IllegalArgumentException("protocol " + protocol + " is out of range (0 to 255)");
        check("source port", sourcePort, 0xffff);
        check("destination port", destinationPort, 0xffff);
        check("ICMP id", icmpId, 0xffff);
        check("ICMP type", icmpType, 0xff);
        check("ICMP code", icmpCode, 0xff);
    }

    private static void check(String what, OptionalInt v, int max) {
        Objects.requireNonNull(v, what);
        if (v.isPresent() && (v.getAsInt() < 0 || v.getAsInt() > max)) {
            throw new IllegalArgumentException(what + " " + v.getAsInt() + " is out of range (0 to " + max + ")");
        }
    }

    /** A TCP tuple. */
    public static ConntrackTuple tcp(InetAddress source, InetAddress destination, int sourcePort, int destinationPort) {
        return ports(TCP, source, destination, sourcePort, destinationPort);
    }

    /** A UDP tuple. */
    public static ConntrackTuple udp(InetAddress source, InetAddress destination, int sourcePort, int destinationPort) {
        return ports(UDP, source, destination, sourcePort, destinationPort);
    }

    /** A tuple of {@code protocol} with ports (TCP, UDP, SCTP, DCCP, UDP-Lite). */
    public static ConntrackTuple ports(int protocol, InetAddress source, InetAddress destination, int sourcePort, int destinationPort) {
        return new ConntrackTuple(source, destination, protocol, OptionalInt.of(sourcePort), OptionalInt.of(destinationPort),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** An ICMP (IPv4) or ICMPv6 (IPv6) tuple, by the family of the addresses. */
    public static ConntrackTuple icmp(InetAddress source, InetAddress destination, int type, int code, int id) {
        int p = AddressFamily.of(source) == AddressFamily.INET6 ? ICMPV6 : ICMP;
        return new ConntrackTuple(source, destination, p, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(id),
                OptionalInt.of(type), OptionalInt.of(code));
    }

    /** The layer-3 family, {@link AddressFamily#INET} or {@link AddressFamily#INET6}. */
    public AddressFamily family() {
        return AddressFamily.of(source);
    }

    /** As {@code conntrack -L} prints one direction: {@code src=10.200.0.1 dst=10.200.0.2 sport=40000 dport=80}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("src=").append(IpText.text(source)).append(" dst=").append(IpText.text(destination));
        if (icmpType.isPresent()) {
            b.append(" type=").append(icmpType.getAsInt()).append(" code=").append(icmpCode.orElse(0));
            icmpId.ifPresent(id -> b.append(" id=").append(id));
        } else if (sourcePort.isPresent()) {
            b.append(" sport=").append(sourcePort.getAsInt()).append(" dport=").append(destinationPort.orElse(0));
        }
        return b.toString();
    }
}
