package io.github.netlink4j.conntrack;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.Validate;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which conntrack entries a list or a deleteAll selects: every field set must match ({@code conntrack -L}'s
 * selectors). The family and the mark with its mask go to the kernel in the dump request (the nfgenmsg family,
 * {@code CTA_MARK} and {@code CTA_MARK_MASK}), as conntrack-tools sends them; the rest are compared here, as
 * conntrack-tools compares them, so that kernels before CTA_FILTER (5.10) and zone filtering (6.8) select alike.
 *
 * {@snippet :
 * ConntrackFilter f = ConntrackFilter.all().withProtocol(ConntrackTuple.TCP).withDestinationPort(80);
 * nl.conntrack().list(f);                    // conntrack -L -p tcp --dport 80
 * }
 *
 * @param family          the layer-3 family
 * @param protocol        the IP protocol number
 * @param zone            the zone (0 is the default zone)
 * @param mark            the mark, compared under {@code markMask}
 * @param markMask        the mask of the mark comparison (0xffffffff: all bits)
 * @param source          the original source address
 * @param destination     the original destination address
 * @param sourcePort      the original source port
 * @param destinationPort the original destination port
 * @param replySource     the reply source address
 * @param replyDestination the reply destination address
 * @param status          status bits that must all be set
 */
public record ConntrackFilter(Optional<AddressFamily> family, OptionalInt protocol, OptionalInt zone, OptionalLong mark, long markMask,
                              Optional<InetAddress> source, Optional<InetAddress> destination, OptionalInt sourcePort,
                              OptionalInt destinationPort, Optional<InetAddress> replySource, Optional<InetAddress> replyDestination,
                              Set<ConntrackStatus> status) {
    private static final ConntrackFilter ALL = new ConntrackFilter(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
            OptionalLong.empty(), 0xffffffffL, Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
            Optional.empty(), Optional.empty(), Set.of());

    /** Checks ranges; the status set is copied. */
    public ConntrackFilter {
        for (Object o : new Object[] {family, protocol, zone, mark, source, destination, sourcePort, destinationPort, replySource,
                replyDestination}) {
            Objects.requireNonNull(o);
        }
        if (family.isPresent() && family.get() == AddressFamily.BRIDGE) throw new IllegalArgumentException("conntrack tracks inet and inet6 only");
        mark.ifPresent(m -> Validate.u32("mark", m));
        Validate.u32("mark mask", markMask);
        status = Set.copyOf(status);
    }

    /** Selects every entry. */
    public static ConntrackFilter all() {
        return ALL;
    }

    /** A copy selecting {@code f} only ({@code conntrack -f ipv6}). */
    public ConntrackFilter withFamily(AddressFamily f) {
        return new ConntrackFilter(Optional.of(f), protocol, zone, mark, markMask, source, destination, sourcePort, destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting protocol {@code p} only ({@code -p tcp}). */
    public ConntrackFilter withProtocol(int p) {
        if (p < 0 || p > 255) throw new IllegalArgumentException("protocol " + p + " is out of range (0 to 255)");
        return new ConntrackFilter(family, OptionalInt.of(p), zone, mark, markMask, source, destination, sourcePort, destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting zone {@code z} only ({@code -w 4}). */
    public ConntrackFilter withZone(int z) {
        if (z < 0 || z > 0xffff) throw new IllegalArgumentException("zone " + z + " is out of range (0 to 65535)");
        return new ConntrackFilter(family, protocol, OptionalInt.of(z), mark, markMask, source, destination, sourcePort, destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting entries whose mark under {@code mask} is {@code m} ({@code -m m/mask}). */
    public ConntrackFilter withMark(long m, long mask) {
        return new ConntrackFilter(family, protocol, zone, OptionalLong.of(m), mask, source, destination, sourcePort, destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting the original source {@code a} ({@code -s}). */
    public ConntrackFilter withSource(InetAddress a) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, Optional.of(a), destination, sourcePort, destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting the original destination {@code a} ({@code -d}). */
    public ConntrackFilter withDestination(InetAddress a) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, source, Optional.of(a), sourcePort, destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting the original source port {@code p} ({@code --sport}). */
    public ConntrackFilter withSourcePort(int p) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, source, destination, OptionalInt.of(port(p)), destinationPort,
                replySource, replyDestination, status);
    }

    /** A copy selecting the original destination port {@code p} ({@code --dport}). */
    public ConntrackFilter withDestinationPort(int p) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, source, destination, sourcePort, OptionalInt.of(port(p)),
                replySource, replyDestination, status);
    }

    /** A copy selecting the reply source {@code a} ({@code -r}). */
    public ConntrackFilter withReplySource(InetAddress a) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, source, destination, sourcePort, destinationPort,
                Optional.of(a), replyDestination, status);
    }

    /** A copy selecting the reply destination {@code a} ({@code -q}). */
    public ConntrackFilter withReplyDestination(InetAddress a) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, source, destination, sourcePort, destinationPort,
                replySource, Optional.of(a), status);
    }

    /** A copy selecting entries with every bit of {@code s} set ({@code -u ASSURED}). */
    public ConntrackFilter withStatus(Set<ConntrackStatus> s) {
        return new ConntrackFilter(family, protocol, zone, mark, markMask, source, destination, sourcePort, destinationPort,
                replySource, replyDestination, s);
    }

    private static int port(int p) {
        if (p < 0 || p > 0xffff) throw new IllegalArgumentException("port " + p + " is out of range (0 to 65535)");
        return p;
    }

    /** Whether {@code e} is selected: every field set matches. */
    public boolean matches(ConntrackEntry e) {
        ConntrackTuple o = e.original();
        return (family.isEmpty() || family.get() == e.family())
                && (protocol.isEmpty() || protocol.getAsInt() == o.protocol())
                && (zone.isEmpty() || zone.getAsInt() == e.zone().orElse(0))
                && (mark.isEmpty() || (e.mark().orElse(0) & markMask) == (mark.getAsLong() & markMask))
                && (source.isEmpty() || source.get().equals(o.source()))
                && (destination.isEmpty() || destination.get().equals(o.destination()))
                && (sourcePort.isEmpty() || sourcePort.equals(o.sourcePort()))
                && (destinationPort.isEmpty() || destinationPort.equals(o.destinationPort()))
                && (replySource.isEmpty() || replySource.get().equals(e.reply().source()))
                && (replyDestination.isEmpty() || replyDestination.get().equals(e.reply().destination()))
                && e.status().containsAll(status);
    }
}
