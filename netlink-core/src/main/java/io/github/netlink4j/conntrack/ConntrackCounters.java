package io.github.netlink4j.conntrack;

/**
 * The traffic one direction of a conntrack entry carried ({@code CTA_COUNTERS_ORIG} or
 * {@code CTA_COUNTERS_REPLY}: {@code CTA_COUNTERS_PACKETS}, {@code CTA_COUNTERS_BYTES}), reported when the
 * namespace's {@code net.netfilter.nf_conntrack_acct} is on.
 *
 * @param packets packets seen (an unsigned 64-bit count)
 * @param bytes   bytes seen (an unsigned 64-bit count)
 */
public record ConntrackCounters(long packets, long bytes) {
    /** As {@code conntrack -L} prints it: {@code packets=3 bytes=180}. */
    @Override
    public String toString() {
        return "packets=" + Long.toUnsignedString(packets) + " bytes=" + Long.toUnsignedString(bytes);
    }
}
