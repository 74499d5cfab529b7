package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.genl.TcpMetricsCodec;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsEntry;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.support.IpText;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.wire.spec.gen.TcpMetrics.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * tcp_metrics requests against {@code ip tcp_metrics} 6.1's own bytes (golden/tcpmetrics), and replies
 * built by hand with every attribute, since a namespace's cache holds no Fast Open state to capture.
 */
class TcpMetricsCodecTest {
    /** The family as nlctrl described it on the capture's kernel. */
    private static final GenlFamily TCPM = new GenlFamily("tcp_metrics", familyId(), 1, 0, 0, List.of(), List.of());

    private static int familyId() {
        byte[] b = io.github.netlink4j.testing.Golden.bytes("tcpmetrics/dump");
        return (b[4] & 0xFF) | (b[5] & 0xFF) << 8;
    }

    @Test
    void requestsAreTheBytesIpSends() {
        GoldenEncodeTest.assertEncodes("tcpmetrics/dump", w -> TcpMetricsCodec.encodeDump(w, TCPM));
        GoldenEncodeTest.assertEncodes("tcpmetrics/get", w -> TcpMetricsCodec.encodeGet(w, TCPM, IpText.parse("10.200.0.1"), null));
        GoldenEncodeTest.assertEncodes("tcpmetrics/delete", w -> TcpMetricsCodec.encodeDelete(w, TCPM, IpText.parse("10.200.0.1"), null));
        GoldenEncodeTest.assertEncodes("tcpmetrics/delete-v6", w -> TcpMetricsCodec.encodeDelete(w, TCPM, IpText.parse("fd00:200::1"), null));
        GoldenEncodeTest.assertEncodes("tcpmetrics/flush", w -> TcpMetricsCodec.encodeDelete(w, TCPM, null, null));
    }

    private static TcpMetricsEntry decode(java.util.function.Consumer<MessageWriter> attrs) throws ProtocolException {
        MessageWriter w = new MessageWriter(256);
        int m = w.beginMessage(TCPM.id(), Netlink.NLM_F_MULTI);
        w.genlmsghdr(TCP_METRICS_CMD_GET, 1);
        attrs.accept(w);
        w.endMessage(m);
        byte[] b = io.github.netlink4j.testing.Written.bytes(w);
        return TcpMetricsCodec.decode(MemorySegment.ofArray(b), 0, b.length);
    }

    @Test
    void everyAttributeDecodesAsIpReadsIt() throws ProtocolException {
        TcpMetricsEntry e = decode(w -> {
            w.attrBytes(TCP_METRICS_ATTR_ADDR_IPV6, IpText.parse("fd00:200::1").getAddress());
            w.attrU64(TCP_METRICS_ATTR_AGE, 1234);
            w.attrU32(TCP_METRICS_ATTR_TW_TSVAL, 0xFFFF_FFF0);
            w.attrU32(TCP_METRICS_ATTR_TW_TS_STAMP, -5);
            int vals = w.beginNest(TCP_METRICS_ATTR_VALS);
            w.attrU32(TCP_METRICS_A_METRICS_RTT, 1);        // ms, scaled: ignored when the µs value is there
            w.attrU32(TCP_METRICS_A_METRICS_RTT_US, 424);   // 53 µs, scaled by 8
            w.attrU32(TCP_METRICS_A_METRICS_RTTVAR_US, 280); // 70 µs, scaled by 4
            w.attrU32(TCP_METRICS_A_METRICS_SSTHRESH, 7);
            w.attrU32(TCP_METRICS_A_METRICS_CWND, 13);
            w.attrU32(TCP_METRICS_A_METRICS_REODERING, 300);
            w.attrU32(9, 99);                                // a metric newer than the spec
            w.endNest(vals);
            w.attrU16(TCP_METRICS_ATTR_FOPEN_MSS, 1460);
            w.attrU16(TCP_METRICS_ATTR_FOPEN_SYN_DROPS, 2);
            w.attrU64(TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS, 1500);
            w.attrBytes(TCP_METRICS_ATTR_FOPEN_COOKIE, new byte[] {(byte) 0xab, 0x01});
            w.attrBytes(TCP_METRICS_ATTR_SADDR_IPV6, IpText.parse("fd00:200::2").getAddress());
        });
        assertEquals(new TcpMetricsEntry(IpText.parse("fd00:200::1"), Optional.of(IpText.parse("fd00:200::2")), Duration.ofMillis(1234),
                Optional.of(Duration.ofNanos(53_000)), Optional.of(Duration.ofNanos(70_000)), OptionalLong.of(7), OptionalLong.of(13),
                OptionalLong.of(300), OptionalLong.of(0xFFFF_FFF0L), OptionalInt.of(-5), OptionalInt.of(1460), OptionalInt.of(2),
                Optional.of(Duration.ofMillis(1500)), Optional.of("ab01"), Map.of(9, 99L)), e);
    }

    @Test
    void anOldKernelsMillisecondRttIsUsedWhenThereIsNoMicrosecondOne() throws ProtocolException {
        TcpMetricsEntry e = decode(w -> {
            w.attrBytes(TCP_METRICS_ATTR_ADDR_IPV4, IpText.parse("10.200.0.1").getAddress());
            int vals = w.beginNest(TCP_METRICS_ATTR_VALS);
            w.attrU32(TCP_METRICS_A_METRICS_RTT, 16);   // 2 ms
            w.attrU32(TCP_METRICS_A_METRICS_RTTVAR, 4); // 1 ms
            w.endNest(vals);
        });
        assertEquals(Optional.of(Duration.ofMillis(2)), e.rtt());
        assertEquals(Optional.of(Duration.ofMillis(1)), e.rttVariance());
        assertEquals(Optional.empty(), e.source());
    }

    @Test
    void aReplyWithoutADestinationIsAProtocolError() {
        assertThrows(ProtocolException.class, () -> decode(w -> w.attrU64(TCP_METRICS_ATTR_AGE, 1)));
    }
}
