package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

/**
 * What a policy rule does when it matches ({@code fib_rule_hdr.action}, the FR_ACT_* of
 * linux/fib_rules.h), as {@code ip rule} names it.
 *
 * {@snippet :
 * nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.9.0/24").withAction(RuleAction.PROHIBIT).withPriority(50));
 * }
 */
public enum RuleAction {
    /** FR_ACT_TO_TBL (1): look the route up in the rule's table ({@code lookup TABLE}). */ LOOKUP(1),
    /** FR_ACT_GOTO (2): continue at the rule with the given priority ({@code goto N}). */ GOTO(2),
    /** FR_ACT_NOP (3): do nothing ({@code nop}). */ NOP(3),
    /** FR_ACT_BLACKHOLE (6): drop silently ({@code blackhole}). */ BLACKHOLE(6),
    /** FR_ACT_UNREACHABLE (7): fail with "network unreachable" ({@code unreachable}). */ UNREACHABLE(7),
    /** FR_ACT_PROHIBIT (8): fail with "administratively prohibited" ({@code prohibit}). */ PROHIBIT(8);

    private final int value;

    RuleAction(int value) {
        this.value = value;
    }

    /** The kernel value. */
    public int value() {
        return value;
    }

    /**
     * The action with kernel value {@code value}.
     *
     * @throws IllegalArgumentException if no constant has that value
     */
    public static RuleAction of(int value) {
        for (RuleAction a : values()) if (a.value == value) return a;
        throw new IllegalArgumentException("unknown rule action " + value);
    }
}
