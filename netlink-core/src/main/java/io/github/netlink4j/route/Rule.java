package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.support.FlagSet;
import io.github.netlink4j.support.IpText;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A policy rule as the kernel reports it in RTM_NEWRULE ({@code struct fib_rule_hdr} and FRA_*
 * attributes of linux/fib_rules.h): an immutable copy. {@code ip rule} lists these.
 *
 * {@snippet :
 * for (Rule r : nl.rules().list(AddressFamily.INET)) System.out.println(r);   // 0: from all lookup local …
 * }
 *
 * @param family               fib_rule_hdr.family
 * @param priority             FRA_PRIORITY (0 when absent, as for the local rule)
 * @param source               FRA_SRC
 * @param sourceLength         fib_rule_hdr.src_len
 * @param destination          FRA_DST
 * @param destinationLength    fib_rule_hdr.dst_len
 * @param tos                  fib_rule_hdr.tos
 * @param fwmark               FRA_FWMARK, unsigned 32-bit
 * @param fwmask               FRA_FWMASK, unsigned 32-bit
 * @param inputLink            FRA_IIFNAME
 * @param outputLink           FRA_OIFNAME
 * @param l3mdev               FRA_L3MDEV set
 * @param uidRange             FRA_UID_RANGE
 * @param ipProtocol           FRA_IP_PROTO
 * @param sourcePorts          FRA_SPORT_RANGE
 * @param destinationPorts     FRA_DPORT_RANGE
 * @param rawFlags             fib_rule_hdr.flags as the kernel sent them
 * @param flags                the same as {@link RuleFlag}s
 * @param actionValue          fib_rule_hdr.action as sent (FR_ACT_*; 10 for the old NAT action)
 * @param table                FRA_TABLE or fib_rule_hdr.table; UNSPEC for actions without a table
 * @param gotoPriority         FRA_GOTO, unsigned 32-bit
 * @param suppressPrefixLength FRA_SUPPRESS_PREFIXLEN; empty when absent or -1 (the kernel's "none")
 * @param suppressIfGroup      FRA_SUPPRESS_IFGROUP, unsigned 32-bit; empty when absent or 0xffffffff (the kernel's "none")
 * @param protocol             FRA_PROTOCOL
 * @param realms               FRA_FLOW, unsigned 32-bit
 * @param tunnelId             FRA_TUN_ID, host order
 * @param unknown              attributes not decoded above, kept raw
 */
public record Rule(AddressFamily family, long priority, Optional<InetAddress> source, int sourceLength,
                   Optional<InetAddress> destination, int destinationLength, int tos, OptionalLong fwmark, OptionalLong fwmask,
                   Optional<String> inputLink, Optional<String> outputLink, boolean l3mdev, Optional<RuleRange> uidRange,
                   OptionalInt ipProtocol, Optional<RuleRange> sourcePorts, Optional<RuleRange> destinationPorts, int rawFlags,
                   Set<RuleFlag> flags, int actionValue, RouteTable table, OptionalLong gotoPriority,
                   OptionalInt suppressPrefixLength, OptionalLong suppressIfGroup, Optional<RouteProtocol> protocol,
                   OptionalLong realms, OptionalLong tunnelId, List<RawAttribute> unknown) {
    /** Makes the collections immutable and drops the kernel's "none" markers of the suppressors. */
    public Rule {
        flags = flags instanceof FlagSet ? flags : Set.copyOf(flags);
        unknown = List.copyOf(unknown);
        if (suppressPrefixLength.isPresent() && suppressPrefixLength.getAsInt() == -1) suppressPrefixLength = OptionalInt.empty();
        if (suppressIfGroup.isPresent() && suppressIfGroup.getAsLong() == 0xFFFF_FFFFL) suppressIfGroup = OptionalLong.empty();
    }

    /** The action, if it is one {@link RuleAction} names. */
    public Optional<RuleAction> action() {
        try {
            return Optional.of(RuleAction.of(actionValue));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the selectors are inverted ({@code not}, FIB_RULE_INVERT). */
    public boolean isInverted() {
        return flags.contains(RuleFlag.INVERT);
    }

    /**
     * The spec that deletes exactly this rule: its priority, selectors and action, as {@code ip rule del}
     * names a rule.
     */
    public RuleSpec toSpec() {
        Optional<RuleAction> a = action();
        return new RuleSpec(family, OptionalLong.of(priority), source, sourceLength, destination, destinationLength, tos, fwmark,
                fwmask, inputLink, outputLink, l3mdev, uidRange, ipProtocol, sourcePorts, destinationPorts, isInverted(), a,
                a.orElse(null) == RuleAction.LOOKUP && !l3mdev && !table.equals(RouteTable.UNSPEC) ? Optional.of(table) : Optional.empty(),
                a.orElse(null) == RuleAction.GOTO ? gotoPriority : OptionalLong.empty(), suppressPrefixLength, suppressIfGroup, protocol);
    }

    /** One line in ip's words: {@code 100: from 10.200.0.0/24 lookup 100}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(priority).append(": ");
        if (isInverted()) sb.append("not ");
        sb.append("from ").append(source.map(s -> IpText.text(s) + (sourceLength == s.getAddress().length * 8 ? "" : "/" + sourceLength)).orElse("all"));
        destination.ifPresent(d -> sb.append(" to ").append(IpText.text(d)).append(destinationLength == d.getAddress().length * 8 ? "" : "/" + destinationLength));
        inputLink.ifPresent(i -> sb.append(" iif ").append(i));
        outputLink.ifPresent(o -> sb.append(" oif ").append(o));
        action().ifPresentOrElse(a -> {
            switch (a) {
                case LOOKUP -> sb.append(l3mdev ? " lookup [l3mdev-table]" : " lookup " + table);
                case GOTO -> sb.append(" goto ").append(gotoPriority.isPresent() ? Long.toString(gotoPriority.getAsLong()) : "none");
                default -> sb.append(' ').append(a.name().toLowerCase(java.util.Locale.ROOT));
            }
        }, () -> sb.append(" action ").append(actionValue));
        return sb.toString();
    }
}
