package io.github.netlink4j.internal.codec;

import io.github.netlink4j.conntrack.ConntrackCounters;
import io.github.netlink4j.conntrack.ConntrackCpuStats;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.TcpState;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.NfConntrack;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conntrack decoder on messages built here attribute by attribute, for what the captured dumps of
 * ConntrackCodecTest do not hold: counters, timestamps, a helper, a zone, every TCP state's edge, short
 * attributes, destroy events and the per-CPU statistics' unknown attributes. Values are big-endian, as
 * nfnetlink sends them; attribute headers are the host's.
 */
class ConntrackDecoderTest {
    private static final int NESTED = Netlink.NLA_F_NESTED;

    /** One attribute: header in host order, payload padded to 4. */
    private static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        ByteBuffer b = ByteBuffer.allocate((len + 3) & ~3).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) len).putShort((short) type).put(payload);
        return b.array();
    }

    private static byte[] nest(int type, byte[]... children) {
        return attr(type | NESTED, concat(children));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] be16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    private static byte[] be32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    private static byte[] be64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static byte[] u8(int v) {
        return new byte[] {(byte) v};
    }

    /** A whole message: nlmsghdr, nfgenmsg (family, version 0, res_id), attributes. */
    private static MemorySegment message(int type, int family, int resId, byte[]... attrs) {
        byte[] body = concat(attrs);
        ByteBuffer b = ByteBuffer.allocate(16 + 4 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(16 + 4 + body.length).putShort((short) type).putShort((short) 0).putInt(1).putInt(0);
        b.put((byte) family).put((byte) 0).order(ByteOrder.BIG_ENDIAN).putShort((short) resId);
        b.put(body);
        MemorySegment s = Arena.ofAuto().allocate(b.capacity());
        s.copyFrom(MemorySegment.ofArray(b.array()));
        return s;
    }

    private static byte[] tuple(int which, int proto, int sport, int dport) {
        return nest(which,
                nest(NfConntrack.CTA_TUPLE_IP,
                        attr(NfConntrack.CTA_IP_V4_SRC, new byte[] {10, (byte) 200, 0, 2}),
                        attr(NfConntrack.CTA_IP_V4_DST, new byte[] {10, (byte) 200, 0, 3})),
                nest(NfConntrack.CTA_TUPLE_PROTO,
                        attr(NfConntrack.CTA_PROTO_NUM, u8(proto)),
                        attr(NfConntrack.CTA_PROTO_SRC_PORT, be16(sport)),
                        attr(NfConntrack.CTA_PROTO_DST_PORT, be16(dport))));
    }

    private static ConntrackEntry decode(byte[]... attrs) throws ProtocolException {
        MemorySegment s = message(ConntrackCodec.NEW, 2, 0, attrs);
        return ConntrackDecoder.decode(s, 0, (int) s.byteSize());
    }

    private static byte[] tcpState(int state) {
        return nest(NfConntrack.CTA_PROTOINFO, nest(NfConntrack.CTA_PROTOINFO_TCP, attr(NfConntrack.CTA_PROTOINFO_TCP_STATE, u8(state))));
    }

    @Test
    void everyFieldOfAFullEntry() throws ProtocolException {
        long start = 1_765_000_000_123_456_789L, stop = 1_765_000_042_000_000_001L;
        ConntrackEntry e = decode(
                tuple(NfConntrack.CTA_TUPLE_ORIG, 6, 40000, 80),
                tuple(NfConntrack.CTA_TUPLE_REPLY, 6, 80, 40000),
                attr(NfConntrack.CTA_STATUS, be32(0x18e)),
                attr(NfConntrack.CTA_TIMEOUT, be32(0xfffffff0L)),
                attr(NfConntrack.CTA_MARK, be32(0x80000001L)),
                attr(NfConntrack.CTA_ZONE, be16(0xfffe)),
                attr(NfConntrack.CTA_ID, be32(0xdeadbeefL)),
                attr(NfConntrack.CTA_USE, be32(3)),
                nest(NfConntrack.CTA_COUNTERS_ORIG,
                        attr(NfConntrack.CTA_COUNTERS_PACKETS, be64(7)), attr(NfConntrack.CTA_COUNTERS_BYTES, be64(0x1_0000_0001L))),
                nest(NfConntrack.CTA_COUNTERS_REPLY,
                        attr(NfConntrack.CTA_COUNTERS_BYTES, be64(900)), attr(NfConntrack.CTA_COUNTERS_PACKETS, be64(5))),
                nest(NfConntrack.CTA_TIMESTAMP,
                        attr(NfConntrack.CTA_TIMESTAMP_START, be64(start)), attr(NfConntrack.CTA_TIMESTAMP_STOP, be64(stop))),
                tcpState(TcpState.ESTABLISHED.value()),
                nest(NfConntrack.CTA_HELP, attr(NfConntrack.CTA_HELP_NAME, "ftp\0".getBytes())));
        assertEquals(40000, e.original().sourcePort().getAsInt());
        assertEquals(80, e.reply().sourcePort().getAsInt());
        assertEquals(0x18e, e.rawStatus());
        assertEquals(Optional.of(Duration.ofSeconds(0xfffffff0L)), e.timeout());
        assertEquals(0x80000001L, e.mark().getAsLong());
        assertEquals(0xfffe, e.zone().getAsInt());
        assertEquals(0xdeadbeefL, e.id().getAsLong());
        assertEquals(3, e.use().getAsLong());
        assertEquals(Optional.of(new ConntrackCounters(7, 0x1_0000_0001L)), e.originalCounters());
        assertEquals(Optional.of(new ConntrackCounters(5, 900)), e.replyCounters());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_765_000_000L, 123_456_789)), e.start());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_765_000_042L, 1)), e.stop());
        assertEquals(Optional.of(TcpState.ESTABLISHED), e.tcpState());
        assertEquals(Optional.of("ftp"), e.helper());
    }

    @Test
    void anEntryWithoutTheOptionalPartsHasThemEmpty() throws ProtocolException {
        ConntrackEntry e = decode(tuple(NfConntrack.CTA_TUPLE_ORIG, 17, 1, 2), tuple(NfConntrack.CTA_TUPLE_REPLY, 17, 2, 1),
                nest(NfConntrack.CTA_HELP), nest(NfConntrack.CTA_PROTOINFO));
        assertTrue(e.originalCounters().isEmpty());
        assertTrue(e.start().isEmpty());
        assertTrue(e.stop().isEmpty());
        assertTrue(e.helper().isEmpty());
        assertTrue(e.tcpState().isEmpty());
        assertTrue(e.zone().isEmpty());
    }

    @Test
    void theLastTcpStateIsKnownAndTheOneAfterItIsNot() throws ProtocolException {
        int last = TcpState.SYN_SENT2.value();
        assertEquals(Optional.of(TcpState.SYN_SENT2), decode(tuple(NfConntrack.CTA_TUPLE_ORIG, 6, 1, 2),
                tuple(NfConntrack.CTA_TUPLE_REPLY, 6, 2, 1), tcpState(last)).tcpState());
        assertEquals(Optional.empty(), decode(tuple(NfConntrack.CTA_TUPLE_ORIG, 6, 1, 2),
                tuple(NfConntrack.CTA_TUPLE_REPLY, 6, 2, 1), tcpState(last + 1)).tcpState());
    }

    @Test
    void protocolNumberZeroIsATupleNotAMissingOne() throws ProtocolException {
        ConntrackEntry e = decode(tuple(NfConntrack.CTA_TUPLE_ORIG, 0, 1, 2), tuple(NfConntrack.CTA_TUPLE_REPLY, 0, 2, 1));
        assertEquals(0, e.original().protocol());
    }

    @Test
    void shortAttributesAreProtocolErrorsNotGarbage() {
        byte[] o = tuple(NfConntrack.CTA_TUPLE_ORIG, 6, 1, 2), r = tuple(NfConntrack.CTA_TUPLE_REPLY, 6, 2, 1);
        ProtocolException zone = assertThrows(ProtocolException.class, () -> decode(o, r, attr(NfConntrack.CTA_ZONE, u8(1))));
        assertTrue(zone.getMessage().contains("needs 2"), zone.getMessage());
        ProtocolException mark = assertThrows(ProtocolException.class, () -> decode(o, r, attr(NfConntrack.CTA_MARK, new byte[3])));
        assertTrue(mark.getMessage().contains("needs 4"), mark.getMessage());
        ProtocolException bytes = assertThrows(ProtocolException.class, () -> decode(o, r,
                nest(NfConntrack.CTA_COUNTERS_ORIG, attr(NfConntrack.CTA_COUNTERS_BYTES, new byte[7]))));
        assertTrue(bytes.getMessage().contains("needs 8"), bytes.getMessage());
    }

    @Test
    void aMissingTupleIsNamed() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(tuple(NfConntrack.CTA_TUPLE_ORIG, 6, 1, 2)));
        assertTrue(e.getMessage().contains("CTA_TUPLE_REPLY"), e.getMessage());
    }

    @Test
    void aFamilyConntrackDoesNotPrintDecodesToNothing() throws ProtocolException {
        MemorySegment s = message(ConntrackCodec.NEW, 7, 0, tuple(NfConntrack.CTA_TUPLE_ORIG, 6, 1, 2));
        assertNull(ConntrackDecoder.decode(s, 0, (int) s.byteSize()));
    }

    @Test
    void onlyADeleteMessageIsADestroyEvent() {
        assertTrue(ConntrackDecoder.isDestroy(message(ConntrackCodec.DELETE, 2, 0), 0));
        assertFalse(ConntrackDecoder.isDestroy(message(ConntrackCodec.NEW, 2, 0), 0));
    }

    @Test
    void cpuStatisticsTakeTheCpuFromResIdAndSkipAttributesTheyDoNotKnow() throws ProtocolException {
        MemorySegment s = message(ConntrackCodec.NEW, 0, 3,
                attr(NfConntrack.CTA_STATS_FOUND, be32(11)),
                attr(NfConntrack.CTA_STATS_CHAIN_TOOLONG, be32(0xffffffffL)),
                attr(NfConntrack.CTA_STATS_CHAIN_TOOLONG + 1, be32(99)),
                attr(40, be32(98)));
        ConntrackCpuStats c = ConntrackDecoder.decodeCpuStats(s, 0, (int) s.byteSize());
        assertEquals(3, c.cpu());
        assertEquals(11, c.found());
        assertEquals(0xffffffffL, c.chainTooLong());
        assertEquals(0, c.drop());
    }
}
