package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsEntry;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsView;
import io.github.netlink4j.internal.codec.genl.TcpMetricsCodec;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP metrics view against the record on the reply ip received (golden/tcpmetrics/dump-reply: an IPv6 entry
 * with a source, its age, and rtt, rttvar and cwnd in both their millisecond and microsecond forms).
 */
class TcpMetricsViewsTest {
    /** Every field of the view equals the record's. */
    static void same(TcpMetricsEntry r, TcpMetricsView v) throws Exception {
        String at = r.toString();
        byte[] b = new byte[16];
        assertEquals(r.destination(), v.destination(), at);
        int k = v.copyDestination(b);
        assertEquals(r.destination(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
        assertEquals(r.source(), v.source(), at);
        assertEquals(r.age().toMillis(), v.ageMillis(), at);
        assertEquals(r.rtt().map(d -> d.toNanos() / 1000).orElse(0L), v.rttMicros(), at);
        assertEquals(r.rttVariance().map(d -> d.toNanos() / 1000).orElse(0L), v.rttVarianceMicros(), at);
        assertEquals(r.ssthresh().orElse(0), v.ssthresh(), at);
        assertEquals(r.cwnd().orElse(0), v.cwnd(), at);
    }

    private static MemorySegment fixture() {
        return MemorySegment.ofArray(Golden.bytes("tcpmetrics/dump-reply"));
    }

    @Test
    void viewEqualsTheRecord() throws Exception {
        TcpMetricsFlyweight v = new TcpMetricsFlyweight();
        assertEquals(1, DumpViewsTest.each("tcpmetrics/dump-reply", (s, off, len) -> {
            TcpMetricsEntry r = TcpMetricsCodec.decode(s, off, len);
            v.open(s, off, len);
            same(r, v);
            assertTrue(r.rtt().isPresent() && r.cwnd().isPresent() && r.source().isPresent() && r.age().toMillis() > 0, r.toString());
            v.end();
        }));
    }

    @Test
    void aMalformedReplyFailsAtOpenAsTheDecoderDoes() throws Exception {
        byte[] b = Golden.bytes("tcpmetrics/dump-reply");
        int len = b.length;
        // after nlmsghdr (16) and genlmsghdr (4): the destination (20 bytes), the source (20), the age (12), the values
        byte[] noDestination = b.clone();
        noDestination[20 + 2] = 99;
        byte[] shortAge = b.clone();
        assertEquals(3, shortAge[60 + 2]);
        shortAge[60] = 8; // 4 bytes of payload for a u64
        shortAge[68] = 4; // the age's upper half made into an empty attribute of its own, so the framing holds
        shortAge[70] = 99;
        byte[] shortMetric = b.clone();
        assertEquals(6, shortMetric[72 + 4 + 2]);
        shortMetric[72 + 4] = 6; // TCP_METRICS_A_METRICS_RTT_US of 2 bytes
        byte[] badAddress = b.clone();
        badAddress[20] = 0x10; // a destination of 12 bytes, then a 4-byte attribute header in what was its payload
        badAddress[36] = 4;
        badAddress[37] = 0;
        badAddress[38] = 99;
        for (byte[] m : new byte[][] {noDestination, shortAge, shortMetric, badAddress}) {
            MemorySegment s = MemorySegment.ofArray(m);
            assertThrows(ProtocolException.class, () -> TcpMetricsCodec.decode(s, 0, len));
            assertThrows(ProtocolException.class, () -> new TcpMetricsFlyweight().open(s, 0, len));
        }
        assertThrows(ProtocolException.class, () -> new TcpMetricsFlyweight().open(fixture(), 0, 19));
    }

    @Test
    void everyAccessorOfAClosedViewThrows() throws Exception {
        TcpMetricsFlyweight v = new TcpMetricsFlyweight();
        DumpViewsTest.each("tcpmetrics/dump-reply", (s, off, len) -> {
            v.open(s, off, len);
            v.end();
        });
        assertEquals(8, DumpViewsTest.everyAccessorThrows(v, TcpMetricsView.class));
    }
}
