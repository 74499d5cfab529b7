package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcStats;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TCA_STATS2 written out by hand from linux/gen_stats.h (little-endian, as the hosts these run on). */
class TcStatsCodecTest {
    private static TcStats decode(String hex) throws ProtocolException {
        byte[] b = HexFormat.of().parseHex(hex.replaceAll("\\s+|#[^\\n]*", ""));
        return TcStatsCodec.decode(new Attrs().reset(MemorySegment.ofArray(b), 0, b.length, "TCA_STATS2"));
    }

    private static final String BASIC = "14 00 01 00  e8 03 00 00 00 00 00 00  07 00 00 00  00 00 00 00"; // bytes 1000, packets 7, pad
    private static final String QUEUE = "18 00 03 00  01 00 00 00  dc 05 00 00  02 00 00 00  03 00 00 00  04 00 00 00"; // qlen 1, backlog 1500, drops 2, requeues 3, overlimits 4

    @Test
    void basicAndQueueCounters() throws Exception {
        TcStats s = decode(BASIC + QUEUE);
        assertEquals(new TcStats(1000, 7, 2, 4, 3, 1500, 1, Optional.empty(), Optional.empty()), s);
        assertEquals("Sent 1000 bytes 7 pkt (dropped 2, overlimits 4 requeues 3) backlog 1500b 1p", s.toString());
    }

    /** TCA_STATS_PKT64, sent when the count passed 32 bits, replaces the basic one's packets. */
    @Test
    void sixtyFourBitPackets() throws Exception {
        assertEquals(0x1_0000_0005L, decode(BASIC + "0c 00 08 00  05 00 00 00 01 00 00 00" + QUEUE).packets());
    }

    /** The 64-bit estimate wins over the 32-bit one, whatever their order. */
    @Test
    void rateEstimates() throws Exception {
        String est32 = "0c 00 02 00  10 27 00 00  05 00 00 00"; // 10000 bytes/s, 5 pps
        String est64 = "14 00 05 00  20 4e 00 00 00 00 00 00  0a 00 00 00 00 00 00 00"; // 20000 bytes/s, 10 pps
        assertEquals(Optional.of(new TcStats.RateEstimate(Rate.ofBytesPerSecond(10_000), 5)), decode(BASIC + est32 + QUEUE).rateEstimate());
        assertEquals(Optional.of(new TcStats.RateEstimate(Rate.ofBytesPerSecond(20_000), 10)), decode(est64 + BASIC + est32 + QUEUE).rateEstimate());
        assertEquals(Optional.of(new TcStats.RateEstimate(Rate.ofBytesPerSecond(20_000), 10)), decode(BASIC + est32 + est64).rateEstimate());
        assertTrue(decode(BASIC + "08 00 04 00 01 02 03 04").application().isPresent(), "TCA_STATS_APP kept raw");
    }

    @Test
    void shortStructsAreRefused() {
        assertThrows(ProtocolException.class, () -> decode("0c 00 01 00  e8 03 00 00 00 00 00 00"));
        assertThrows(ProtocolException.class, () -> decode("0c 00 03 00  01 00 00 00 02 00 00 00"));
        assertThrows(ProtocolException.class, () -> decode("14 00 05 00  ff ff ff ff ff ff ff ff  00 00 00 00 00 00 00 00"), "a rate no long holds in bits");
    }
}
