package io.github.netlink4j.conntrack;

import io.github.netlink4j.support.FlagSet;

import java.util.Arrays;
import java.util.Set;

/**
 * The status bits of a conntrack entry ({@code CTA_STATUS}, the {@code IPS_*} bits of
 * linux/netfilter/nf_conntrack_common.h).
 *
 * {@snippet :
 * boolean replied = entry.status().contains(ConntrackStatus.SEEN_REPLY);   // conntrack -L: no [UNREPLIED]
 * }
 */
public enum ConntrackStatus {
    /** IPS_EXPECTED: the connection was expected by a helper. */ EXPECTED(0),
    /** IPS_SEEN_REPLY: packets were seen both ways ({@code [UNREPLIED]} when absent). */ SEEN_REPLY(1),
    /** IPS_ASSURED: the entry is not early-dropped ({@code [ASSURED]}). */ ASSURED(2),
    /** IPS_CONFIRMED: the entry left the unconfirmed list. */ CONFIRMED(3),
    /** IPS_SRC_NAT: the original source is rewritten. */ SRC_NAT(4),
    /** IPS_DST_NAT: the original destination is rewritten. */ DST_NAT(5),
    /** IPS_SEQ_ADJUST: TCP sequence numbers are adjusted. */ SEQ_ADJUST(6),
    /** IPS_SRC_NAT_DONE: source NAT is set up. */ SRC_NAT_DONE(7),
    /** IPS_DST_NAT_DONE: destination NAT is set up. */ DST_NAT_DONE(8),
    /** IPS_DYING: the entry is being destroyed. */ DYING(9),
    /** IPS_FIXED_TIMEOUT: the timeout is not refreshed by traffic. */ FIXED_TIMEOUT(10),
    /** IPS_TEMPLATE: a template, not a connection. */ TEMPLATE(11),
    /** IPS_UNTRACKED: untracked. */ UNTRACKED(12),
    /** IPS_HELPER: a helper was assigned explicitly. */ HELPER(13),
    /** IPS_OFFLOAD: offloaded to the flow table ({@code [OFFLOAD]}). */ OFFLOAD(14),
    /** IPS_HW_OFFLOAD: offloaded to hardware ({@code [HW_OFFLOAD]}). */ HW_OFFLOAD(15);

    private static final ConntrackStatus[] VALUES = values();
    private static final FlagSet.Table<ConntrackStatus> TABLE =
            new FlagSet.Table<>(VALUES, Arrays.stream(VALUES).mapToInt(ConntrackStatus::bit).toArray());
    private final int position;

    ConntrackStatus(int position) {
        this.position = position;
    }

    /** The IPS_* bit ({@code 1 << IPS_*_BIT}). */
    public int bit() {
        return 1 << position;
    }

    /** The status bits set in {@code bits}, an immutable set; bits no constant names are ignored. */
    public static Set<ConntrackStatus> fromBits(int bits) {
        return TABLE.of(bits);
    }

    /** The bits of {@code status}. */
    public static int toBits(Set<ConntrackStatus> status) {
        return TABLE.bits(status);
    }
}
