package io.github.netlink4j.tc;

/**
 * The counters of TCA_STATS2 as a streaming view reads them ({@link QdiscView}, {@link TrafficClassView}): the
 * numbers of {@link TcStats}, 0 when the message has no TCA_STATS2 ({@link #hasStats()} says which). None allocates.
 */
public interface TcStatsView {
    /** Whether the message carries TCA_STATS2, as {@code stats().isPresent()} of the record. */
    boolean hasStats();

    /** TCA_STATS_BASIC bytes, as {@link TcStats#bytes()}. */
    long bytes();

    /** TCA_STATS_PKT64 when the kernel sent it, else TCA_STATS_BASIC's packets, as {@link TcStats#packets()}. */
    long packets();

    /** TCA_STATS_QUEUE drops. */
    long drops();

    /** TCA_STATS_QUEUE overlimits. */
    long overlimits();

    /** TCA_STATS_QUEUE requeues. */
    long requeues();

    /** TCA_STATS_QUEUE backlog, bytes queued now. */
    long backlog();

    /** TCA_STATS_QUEUE qlen, packets queued now. */
    long qlen();
}
