package io.github.netlink4j.link;

/**
 * The 64-bit link counters ({@code IFLA_STATS64}, struct rtnl_link_stats64 of linux/if_link.h), every
 * field in the struct's order; fields an older kernel does not send are 0.
 *
 * {@snippet :
 * LinkStats s = nl.links().list(true).get(0).stats().orElseThrow();   // ip -s link
 * System.out.println(s.rxBytes() + " bytes in, " + s.txBytes() + " out");
 * }
 *
 * @param rxPackets          packets received
 * @param txPackets          packets sent
 * @param rxBytes            bytes received
 * @param txBytes            bytes sent
 * @param rxErrors           receive errors
 * @param txErrors           transmit errors
 * @param rxDropped          received packets dropped
 * @param txDropped          packets dropped on transmit
 * @param multicast          multicast packets received
 * @param collisions         collisions
 * @param rxLengthErrors     rx_length_errors
 * @param rxOverErrors       rx_over_errors (receiver ring overruns)
 * @param rxCrcErrors        rx_crc_errors
 * @param rxFrameErrors      rx_frame_errors
 * @param rxFifoErrors       rx_fifo_errors
 * @param rxMissedErrors     rx_missed_errors
 * @param txAbortedErrors    tx_aborted_errors
 * @param txCarrierErrors    tx_carrier_errors
 * @param txFifoErrors       tx_fifo_errors
 * @param txHeartbeatErrors  tx_heartbeat_errors
 * @param txWindowErrors     tx_window_errors
 * @param rxCompressed       rx_compressed
 * @param txCompressed       tx_compressed
 * @param rxNohandler        rx_nohandler (dropped: no protocol handler)
 * @param rxOtherhostDropped rx_otherhost_dropped
 */
public record LinkStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors, long txErrors,
                        long rxDropped, long txDropped, long multicast, long collisions, long rxLengthErrors,
                        long rxOverErrors, long rxCrcErrors, long rxFrameErrors, long rxFifoErrors, long rxMissedErrors,
                        long txAbortedErrors, long txCarrierErrors, long txFifoErrors, long txHeartbeatErrors,
                        long txWindowErrors, long rxCompressed, long txCompressed, long rxNohandler,
                        long rxOtherhostDropped) {
    /** The number of counters in struct rtnl_link_stats64 this record holds. */
    public static final int FIELDS = 25;

    /**
     * The counters in the struct's order ({@code rx_packets} first); fewer than {@link #FIELDS} leave the
     * rest 0.
     *
     * @throws IllegalArgumentException for more than {@link #FIELDS} values
     */
    public static LinkStats of(long... c) {
        if (c.length > FIELDS) throw new IllegalArgumentException(c.length + " counters, rtnl_link_stats64 has " + FIELDS);
        long[] v = java.util.Arrays.copyOf(c, FIELDS);
        return new LinkStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14],
                v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24]);
    }
}
