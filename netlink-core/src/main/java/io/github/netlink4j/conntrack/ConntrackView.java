package io.github.netlink4j.conntrack;

import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;

/**
 * One connection tracking entry of a streaming dump ({@link io.github.netlink4j.Conntrack#forEach}), read from
 * the received bytes as it is asked: a view over one IPCTNL_MSG_CT_NEW, reused for the next. Everything but
 * {@link #source()}, {@link #destination()}, {@link #replySource()} and {@link #replyDestination()}, which
 * make what they return, allocates nothing; numbers the kernel may leave out read as 0 without them.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * long[] tcp = {0};
 * nl.conntrack().forEach(v -> { if (v.protocol() == 6) tcp[0]++; });
 * }
 */
public interface ConntrackView {
    /** nfgen_family: INET or INET6. */
    AddressFamily family();

    /** CTA_PROTO_NUM of the original direction (6 for TCP, …). */
    int protocol();

    /** The original direction's source, CTA_IP_V4_SRC or CTA_IP_V6_SRC. */
    InetAddress source();

    /** Copies {@link #source()}'s bytes (4 or 16) into {@code into}, if it is long enough, and returns their count. */
    int copySource(byte[] into);

    /** The original direction's destination. */
    InetAddress destination();

    /** Copies {@link #destination()}'s bytes into {@code into}, if it is long enough, and returns their count. */
    int copyDestination(byte[] into);

    /** The original direction's CTA_PROTO_SRC_PORT; 0 for a protocol without ports. */
    int sourcePort();

    /** The original direction's CTA_PROTO_DST_PORT; 0 for a protocol without ports. */
    int destinationPort();

    /** The reply direction's source (where NAT shows). */
    InetAddress replySource();

    /** The reply direction's destination. */
    InetAddress replyDestination();

    /** CTA_STATUS as the kernel sent it. */
    int rawStatus();

    /** Whether CTA_STATUS has {@code status}. */
    boolean has(ConntrackStatus status);

    /** CTA_MARK, unsigned 32-bit; 0 without one. */
    long mark();

    /** CTA_ZONE; 0 (the default zone) without one. */
    int zone();

    /** CTA_TIMEOUT in seconds; 0 without one. */
    long timeoutSeconds();
}
