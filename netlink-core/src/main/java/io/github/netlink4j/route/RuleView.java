package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One policy rule of a streaming dump ({@link io.github.netlink4j.Rules#forEach}), read from the received
 * bytes as it is asked: a view over one RTM_NEWRULE, reused for the next. The numbers, the enums, the
 * {@code …Equals} tests, the tables below 256 and the {@code copy…} methods allocate nothing;
 * {@link #source()}, {@link #destination()}, {@link #inputLink()} and {@link #outputLink()} make what they
 * return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.rules().forEach(AddressFamily.INET, v -> System.out.println(v.priority() + ": lookup " + v.table()));
 * }
 */
public interface RuleView {
    /** fib_rule_hdr.family. */
    AddressFamily family();

    /** FRA_PRIORITY, 0 when absent (the local rule). */
    long priority();

    /** FRA_SRC; empty for "from all". */
    Optional<InetAddress> source();

    /** Copies FRA_SRC's bytes into {@code into}, if it is long enough, and returns their count, 0 without one. */
    int copySource(byte[] into);

    /** fib_rule_hdr.src_len. */
    int sourceLength();

    /** FRA_DST; empty without one. */
    Optional<InetAddress> destination();

    /** Copies FRA_DST's bytes into {@code into}, if it is long enough, and returns their count, 0 without one. */
    int copyDestination(byte[] into);

    /** fib_rule_hdr.dst_len. */
    int destinationLength();

    /** fib_rule_hdr.tos. */
    int tos();

    /** FRA_FWMARK, unsigned 32-bit; 0 without one. */
    long fwmark();

    /** FRA_IIFNAME; empty without one. */
    Optional<String> inputLink();

    /** Whether FRA_IIFNAME is {@code name}, without making a String; false without one. */
    boolean inputLinkEquals(String name);

    /** FRA_OIFNAME; empty without one. */
    Optional<String> outputLink();

    /** Whether FRA_OIFNAME is {@code name}, without making a String; false without one. */
    boolean outputLinkEquals(String name);

    /** fib_rule_hdr.flags as the kernel sent them. */
    int rawFlags();

    /** Whether fib_rule_hdr.flags has {@code flag}. */
    boolean has(RuleFlag flag);

    /** fib_rule_hdr.action as sent (FR_ACT_*). */
    int actionValue();

    /** FRA_TABLE, or fib_rule_hdr.table without it; UNSPEC for actions without a table. */
    RouteTable table();

    /** FRA_GOTO, unsigned 32-bit; 0 without one. */
    long gotoPriority();
}
