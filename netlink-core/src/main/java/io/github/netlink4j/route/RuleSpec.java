package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.support.Validate;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A policy rule to add or delete (RTM_NEWRULE/RTM_DELRULE, {@code struct fib_rule_hdr} and FRA_*
 * attributes of linux/fib_rules.h), what {@code ip rule add|del} takes. Start from {@link #of} and add
 * selectors and one action; what is not set is not sent, so for a delete the kernel matches on what is.
 *
 * {@snippet :
 * nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.0.0/24").withPriority(100).withLookup(RouteTable.of(100)));
 * // ip rule add from 10.200.0.0/24 priority 100 lookup 100
 * }
 *
 * @param family               INET or INET6
 * @param priority             FRA_PRIORITY ({@code priority}, {@code pref}); the kernel picks one if empty
 * @param source               FRA_SRC ({@code from})
 * @param sourceLength         fib_rule_hdr.src_len
 * @param destination          FRA_DST ({@code to})
 * @param destinationLength    fib_rule_hdr.dst_len
 * @param tos                  fib_rule_hdr.tos ({@code tos}, {@code dsfield}); 0 for any
 * @param fwmark               FRA_FWMARK
 * @param fwmask               FRA_FWMASK
 * @param inputLink            FRA_IIFNAME ({@code iif})
 * @param outputLink           FRA_OIFNAME ({@code oif})
 * @param l3mdev               FRA_L3MDEV: look up the table of the VRF the packet's device belongs to
 * @param uidRange             FRA_UID_RANGE
 * @param ipProtocol           FRA_IP_PROTO
 * @param sourcePorts          FRA_SPORT_RANGE
 * @param destinationPorts     FRA_DPORT_RANGE
 * @param invert               FIB_RULE_INVERT ({@code not})
 * @param action               fib_rule_hdr.action; empty: LOOKUP for an add, any for a delete
 * @param table                fib_rule_hdr.table or FRA_TABLE for LOOKUP; main for an add if empty
 * @param gotoPriority         FRA_GOTO, the target of GOTO
 * @param suppressPrefixLength FRA_SUPPRESS_PREFIXLEN
 * @param suppressIfGroup      FRA_SUPPRESS_IFGROUP
 * @param protocol             FRA_PROTOCOL
 */
public record RuleSpec(AddressFamily family, OptionalLong priority, Optional<InetAddress> source, int sourceLength,
                       Optional<InetAddress> destination, int destinationLength, int tos, OptionalLong fwmark, OptionalLong fwmask,
                       Optional<String> inputLink, Optional<String> outputLink, boolean l3mdev, Optional<RuleRange> uidRange,
                       OptionalInt ipProtocol, Optional<RuleRange> sourcePorts, Optional<RuleRange> destinationPorts,
                       boolean invert, Optional<RuleAction> action, Optional<RouteTable> table, OptionalLong gotoPriority,
                       OptionalInt suppressPrefixLength, OptionalLong suppressIfGroup, Optional<RouteProtocol> protocol) {
    /** Checks families, lengths and ranges (unsigned 32-bit values: 0 to 4294967295) before anything is sent. */
    public RuleSpec {
        Objects.requireNonNull(family, "family");
        Validate.u32("priority", priority);
        Validate.u32("fwmark", fwmark);
        Validate.u32("fwmask", fwmask);
        Validate.u32("goto target", gotoPriority);
        Validate.u32("suppress_ifgroup", suppressIfGroup);
        suppressPrefixLength.ifPresent(l -> {
            if (l < 0) throw new IllegalArgumentException("suppress_prefixlength " + l + " is negative; leave it empty for none");
        });
        if (family != AddressFamily.INET && family != AddressFamily.INET6) throw new IllegalArgumentException("rules are INET or INET6, not " + family);
        int max = family == AddressFamily.INET ? 32 : 128;
        source.ifPresent(a -> sameFamily("from", a, family));
        destination.ifPresent(a -> sameFamily("to", a, family));
        if (sourceLength < 0 || sourceLength > max) throw new IllegalArgumentException("from prefix length " + sourceLength + " is out of 0.." + max);
        if (destinationLength < 0 || destinationLength > max) throw new IllegalArgumentException("to prefix length " + destinationLength + " is out of 0.." + max);
        if (tos < 0 || tos > 255) throw new IllegalArgumentException("tos " + tos + " is out of 0..255");
        inputLink.ifPresent(Validate::ifName);
        outputLink.ifPresent(Validate::ifName);
        ipProtocol.ifPresent(p -> {
            if (p < 0 || p > 255) throw new IllegalArgumentException("ipproto " + p + " is out of 0..255");
        });
        for (Optional<RuleRange> r : java.util.List.of(sourcePorts, destinationPorts)) {
            r.ifPresent(x -> {
                if (x.end() > 65535) throw new IllegalArgumentException("port range " + x + " is beyond 65535");
            });
        }
        uidRange.ifPresent(x -> {
            if (x.end() > 0xFFFFFFFFL) throw new IllegalArgumentException("uid range " + x + " is beyond 4294967295");
        });
        if (gotoPriority.isPresent() && action.isPresent() && action.get() != RuleAction.GOTO) {
            throw new IllegalArgumentException("a goto target needs the GOTO action, not " + action.get());
        }
        if (l3mdev && table.isPresent()) throw new IllegalArgumentException("an l3mdev rule takes no table");
    }

    private static void sameFamily(String what, InetAddress a, AddressFamily family) {
        if (AddressFamily.of(a) != family) throw new IllegalArgumentException(what + " " + IpText.text(a) + " is not " + family.text());
    }

    /** A rule of {@code family} that selects everything and says nothing yet. */
    public static RuleSpec of(AddressFamily family) {
        return new RuleSpec(family, OptionalLong.empty(), Optional.empty(), 0, Optional.empty(), 0, 0, OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
    }

    /** A mutable copy, for the withers. */
    private static final class B {
        AddressFamily family;
        OptionalLong priority, fwmark, fwmask, gotoPriority, suppressIfGroup;
        OptionalInt ipProtocol, suppressPrefixLength;
        Optional<InetAddress> source, destination;
        int sourceLength, destinationLength, tos;
        Optional<String> inputLink, outputLink;
        boolean l3mdev, invert;
        Optional<RuleRange> uidRange, sourcePorts, destinationPorts;
        Optional<RuleAction> action;
        Optional<RouteTable> table;
        Optional<RouteProtocol> protocol;

        B(RuleSpec r) {
            family = r.family; priority = r.priority; source = r.source; sourceLength = r.sourceLength;
            destination = r.destination; destinationLength = r.destinationLength; tos = r.tos; fwmark = r.fwmark;
            fwmask = r.fwmask; inputLink = r.inputLink; outputLink = r.outputLink; l3mdev = r.l3mdev; uidRange = r.uidRange;
            ipProtocol = r.ipProtocol; sourcePorts = r.sourcePorts; destinationPorts = r.destinationPorts; invert = r.invert;
            action = r.action; table = r.table; gotoPriority = r.gotoPriority; suppressPrefixLength = r.suppressPrefixLength;
            suppressIfGroup = r.suppressIfGroup; protocol = r.protocol;
        }

        RuleSpec build() {
            return new RuleSpec(family, priority, source, sourceLength, destination, destinationLength, tos, fwmark, fwmask,
                    inputLink, outputLink, l3mdev, uidRange, ipProtocol, sourcePorts, destinationPorts, invert, action, table,
                    gotoPriority, suppressPrefixLength, suppressIfGroup, protocol);
        }
    }

    private RuleSpec with(java.util.function.Consumer<B> change) {
        B b = new B(this);
        change.accept(b);
        return b.build();
    }

    private static Object[] prefix(String cidr) {
        io.github.netlink4j.common.IpPrefix p = io.github.netlink4j.common.IpPrefix.of(cidr);
        return new Object[] {p.address(), p.length()};
    }

    /** Selects packets from {@code cidr} ({@code from PREFIX}); an address alone is a host. */
    public RuleSpec withSource(String cidr) {
        Object[] p = prefix(cidr);
        return with(b -> { b.source = Optional.of((InetAddress) p[0]); b.sourceLength = (int) p[1]; });
    }

    /** Selects packets to {@code cidr} ({@code to PREFIX}). */
    public RuleSpec withDestination(String cidr) {
        Object[] p = prefix(cidr);
        return with(b -> { b.destination = Optional.of((InetAddress) p[0]); b.destinationLength = (int) p[1]; });
    }

    /** Sets the priority (0 is tried first; the kernel's defaults are 0, 32766 and 32767). */
    public RuleSpec withPriority(long p) {
        return with(b -> b.priority = OptionalLong.of(p));
    }

    /** Selects a TOS/DSCP field value. */
    public RuleSpec withTos(int t) {
        return with(b -> b.tos = t);
    }

    /** Selects firewall mark {@code mark} under {@code mask} (0xffffffff: the whole mark). */
    public RuleSpec withFwmark(long mark, long mask) {
        return with(b -> { b.fwmark = OptionalLong.of(mark); if (mask != Validate.U32_MAX) b.fwmask = OptionalLong.of(mask); });
    }

    /** Selects packets arriving on link {@code name} (or sent from the host, for {@code lo}). */
    public RuleSpec withInputLink(String name) {
        return with(b -> b.inputLink = Optional.of(name));
    }

    /** Selects packets sent by sockets bound to link {@code name}. */
    public RuleSpec withOutputLink(String name) {
        return with(b -> b.outputLink = Optional.of(name));
    }

    /** Looks up the table of the packet's VRF ({@code l3mdev}). */
    public RuleSpec withL3mdev() {
        return with(b -> { b.l3mdev = true; b.action = Optional.of(RuleAction.LOOKUP); });
    }

    /** Selects sockets of users {@code range}. */
    public RuleSpec withUidRange(RuleRange range) {
        return with(b -> b.uidRange = Optional.of(range));
    }

    /** Selects IP protocol {@code p} (6 tcp, 17 udp, …). */
    public RuleSpec withIpProtocol(int p) {
        return with(b -> b.ipProtocol = OptionalInt.of(p));
    }

    /** Selects source ports {@code range}. */
    public RuleSpec withSourcePorts(RuleRange range) {
        return with(b -> b.sourcePorts = Optional.of(range));
    }

    /** Selects destination ports {@code range}. */
    public RuleSpec withDestinationPorts(RuleRange range) {
        return with(b -> b.destinationPorts = Optional.of(range));
    }

    /** Inverts the selectors ({@code not}). */
    public RuleSpec withInvert() {
        return with(b -> b.invert = true);
    }

    /** Looks routes up in {@code t} ({@code lookup TABLE}). */
    public RuleSpec withLookup(RouteTable t) {
        return with(b -> { b.action = Optional.of(RuleAction.LOOKUP); b.table = Optional.of(t); });
    }

    /** Continues at the rule of priority {@code target} ({@code goto N}). */
    public RuleSpec withGoto(long target) {
        return with(b -> { b.action = Optional.of(RuleAction.GOTO); b.gotoPriority = OptionalLong.of(target); });
    }

    /** Sets an action that takes no table: NOP, BLACKHOLE, UNREACHABLE or PROHIBIT. */
    public RuleSpec withAction(RuleAction a) {
        if (a == RuleAction.GOTO) throw new IllegalArgumentException("use withGoto(priority) for GOTO");
        return with(b -> b.action = Optional.of(a));
    }

    /** Ignores lookup results whose prefix is this long or shorter ({@code suppress_prefixlength}). */
    public RuleSpec withSuppressPrefixLength(int len) {
        return with(b -> b.suppressPrefixLength = OptionalInt.of(len));
    }

    /** Ignores lookup results through links of group {@code group} ({@code suppress_ifgroup}). */
    public RuleSpec withSuppressIfGroup(long group) {
        return with(b -> b.suppressIfGroup = OptionalLong.of(group));
    }

    /** Records who made the rule ({@code protocol}). */
    public RuleSpec withProtocol(RouteProtocol p) {
        return with(b -> b.protocol = Optional.of(p));
    }

    /**
     * Whether {@code r} is a rule this spec names, as the kernel matches a rule to delete: every field the
     * spec sets (its family always) equals the rule's; what the spec leaves out matches anything.
     */
    public boolean matches(Rule r) {
        RuleSpec o = r.toSpec();
        return o.family == family
                && (priority.isEmpty() || o.priority.equals(priority))
                && (source.isEmpty() || (o.source.equals(source) && o.sourceLength == sourceLength))
                && (destination.isEmpty() || (o.destination.equals(destination) && o.destinationLength == destinationLength))
                && (tos == 0 || o.tos == tos)
                && (fwmark.isEmpty() || o.fwmark.equals(fwmark)) && (fwmask.isEmpty() || o.fwmask.equals(fwmask))
                && (inputLink.isEmpty() || o.inputLink.equals(inputLink)) && (outputLink.isEmpty() || o.outputLink.equals(outputLink))
                && (!l3mdev || o.l3mdev) && (uidRange.isEmpty() || o.uidRange.equals(uidRange))
                && (ipProtocol.isEmpty() || o.ipProtocol.equals(ipProtocol))
                && (sourcePorts.isEmpty() || o.sourcePorts.equals(sourcePorts))
                && (destinationPorts.isEmpty() || o.destinationPorts.equals(destinationPorts))
                && (!invert || o.invert) && (action.isEmpty() || o.action.equals(action)) && (table.isEmpty() || o.table.equals(table))
                && (gotoPriority.isEmpty() || o.gotoPriority.equals(gotoPriority))
                && (suppressPrefixLength.isEmpty() || o.suppressPrefixLength.equals(suppressPrefixLength))
                && (suppressIfGroup.isEmpty() || o.suppressIfGroup.equals(suppressIfGroup))
                && (protocol.isEmpty() || o.protocol.equals(protocol));
    }
}
