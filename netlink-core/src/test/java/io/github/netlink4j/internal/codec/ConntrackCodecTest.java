package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackFilter;
import io.github.netlink4j.conntrack.ConntrackStatus;
import io.github.netlink4j.conntrack.ConntrackTuple;
import io.github.netlink4j.conntrack.TcpState;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nfnetlink_conntrack against bytes conntrack-tools 1.4.7 sent and received (golden/conntrack, captured by
 * scripts/capture-golden.py): each request encoded as conntrack encodes it, each entry of a real dump decoded
 * and printed as {@code conntrack -L} prints it.
 */
class ConntrackCodecTest {
    private static final InetAddress A = InetAddress.ofLiteral("10.200.0.1");
    private static final InetAddress B = InetAddress.ofLiteral("10.200.0.2");

    private static byte[] encode(Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(256);
        enc.accept(w);
        return w.segment().asSlice(0, w.size()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    private static void assertGolden(String name, byte[] ours) {
        byte[] golden = Golden.bytes("conntrack/" + name);
        assertEquals(Golden.dump(golden), Golden.dump(ours), name);
    }

    @Test
    void dumpIsConntrackL() {
        assertGolden("dump", encode(w -> ConntrackCodec.encodeDump(w, ConntrackFilter.all())));
    }

    @Test
    void dumpOfAFamilyPutsItInTheNfgenmsg() {
        assertGolden("dump-inet6", encode(w -> ConntrackCodec.encodeDump(w, ConntrackFilter.all().withFamily(AddressFamily.INET6))));
    }

    @Test
    void dumpWithAMarkSendsMarkAndMaskBigEndian() {
        assertGolden("dump-mark", encode(w -> ConntrackCodec.encodeDump(w, ConntrackFilter.all().withMark(5, 0xff))));
    }

    @Test
    void filtersTheKernelDoesNotSeeAreLeftOutOfTheDump() {
        ConntrackFilter f = ConntrackFilter.all().withProtocol(ConntrackTuple.TCP).withZone(3).withSource(A).withDestinationPort(80);
        assertGolden("dump", encode(w -> ConntrackCodec.encodeDump(w, f)));
    }

    @Test
    void flushIsADeleteWithoutTuple() {
        assertGolden("flush", encode(ConntrackCodec::encodeFlush));
    }

    @Test
    void statsAndCount() {
        assertGolden("stats-cpu", encode(ConntrackCodec::encodeDumpStatsCpu));
        assertGolden("count", encode(ConntrackCodec::encodeGetStats));
    }

    /**
     * conntrack -D and -G send a whole entry (libnetfilter_conntrack's object: reply tuple, status, protoinfo, …),
     * of which the kernel reads the original tuple, the zone and the id; ours is the header and the original
     * tuple, byte for byte what conntrack sent of them.
     */
    @Test
    void deleteAndGetCarryTheOriginalTupleAsConntrackWritesIt() {
        ConntrackTuple t = ConntrackTuple.tcp(A, B, 40000, 80);
        assertPrefix(Golden.bytes("conntrack/delete-tcp"), encode(w -> ConntrackCodec.encodeDelete(w, t, 0, OptionalInt.empty())));
        assertPrefix(Golden.bytes("conntrack/get-tcp"), encode(w -> ConntrackCodec.encodeGet(w, t, 0)));
    }

    /** Ours equals the golden's first {@code ours.length} bytes with nlmsg_len set to that length. */
    private static void assertPrefix(byte[] golden, byte[] ours) {
        assertEquals(72, ours.length, "header, nfgenmsg and a 52-byte CTA_TUPLE_ORIG");
        byte[] p = Arrays.copyOf(golden, ours.length);
        p[0] = (byte) ours.length;
        p[1] = (byte) (ours.length >> 8);
        assertEquals(Golden.dump(p), Golden.dump(ours));
    }

    @Test
    void zoneAndIdFollowTheTuple() {
        ConntrackTuple t = ConntrackTuple.udp(A, B, 5353, 53);
        byte[] b = encode(w -> ConntrackCodec.encodeDelete(w, t, 4, OptionalInt.of(0x61_11_34_dc)));
        byte[] tail = Arrays.copyOfRange(b, b.length - 16, b.length);
        // CTA_ZONE len 6: be16 4, padding; CTA_ID len 8: be32
        assertArrayEquals(new byte[] {6, 0, 18, 0, 0, 4, 0, 0, 8, 0, 12, 0, 0x61, 0x11, 0x34, (byte) 0xdc}, tail);
    }

    static List<ConntrackEntry> entries() throws ProtocolException {
        byte[] b = Golden.bytes("conntrack/entries");
        MemorySegment s = MemorySegment.ofArray(b);
        List<ConntrackEntry> out = new ArrayList<>();
        Messages m = new Messages().reset(s, b.length);
        while (m.next()) out.add(ConntrackDecoder.decode(s, m.offset(), m.length()));
        return out;
    }

    @Test
    void aRealDumpDecodesToWhatConntrackPrints() throws ProtocolException {
        List<ConntrackEntry> e = entries();
        assertEquals(4, e.size());
        Instant now = Instant.EPOCH;
        // the timeout is what was left when the dump was captured: T here
        List<String> lines = e.stream().map(x -> x.toText(true, false, now).replaceFirst("^(\\S+ +\\d+ \\S+ +\\d+ )\\d+ ", "$1T ")).toList();
        assertEquals(List.of(
                "ipv4     2 udp      17 T src=10.200.0.1 dst=10.200.0.3 sport=5353 dport=53 packets=0 bytes=0 [UNREPLIED] "
                        + "src=10.200.0.3 dst=10.200.0.1 sport=53 dport=5353 packets=0 bytes=0 mark=0 zone=4 use=1",
                "ipv4     2 tcp      6 T ESTABLISHED src=10.200.0.1 dst=10.200.0.2 sport=40000 dport=80 packets=0 bytes=0 "
                        + "src=10.200.0.2 dst=10.200.0.1 sport=80 dport=40000 packets=0 bytes=0 [ASSURED] mark=7 use=1",
                "ipv4     2 icmp     1 T src=10.200.0.1 dst=10.200.0.2 type=8 code=0 id=77 packets=0 bytes=0 [UNREPLIED] "
                        + "src=10.200.0.2 dst=10.200.0.1 type=0 code=0 id=77 packets=0 bytes=0 mark=0 use=1",
                "ipv6     10 tcp      6 T SYN_SENT src=fd00:200::1 dst=fd00:200::2 sport=1000 dport=443 packets=0 bytes=0 [UNREPLIED] "
                        + "src=fd00:200::2 dst=fd00:200::1 sport=443 dport=1000 packets=0 bytes=0 mark=16 use=1"),
                sortedLike(lines));
    }

    /** The dump's order is the kernel's hash order: compare as a set, printed in the order above. */
    private static List<String> sortedLike(List<String> lines) {
        List<String> order = List.of("udp", "tcp      6 T E", "icmp", "ipv6");
        return order.stream().map(k -> lines.stream().filter(l -> l.contains(k)).findFirst().orElse("missing " + k)).toList();
    }

    @Test
    void theFieldsOfAnEntry() throws ProtocolException {
        ConntrackEntry tcp = entries().stream().filter(x -> x.tcpState().isPresent() && x.family() == AddressFamily.INET).findFirst().orElseThrow();
        assertEquals(ConntrackTuple.tcp(A, B, 40000, 80), tcp.original());
        assertEquals(ConntrackTuple.tcp(B, A, 80, 40000), tcp.reply());
        assertEquals(TcpState.ESTABLISHED, tcp.tcpState().orElseThrow());
        assertTrue(tcp.status().containsAll(EnumSet.of(ConntrackStatus.ASSURED, ConntrackStatus.SEEN_REPLY)), tcp.status().toString());
        assertEquals(7, tcp.mark().orElseThrow());
        assertTrue(tcp.timeout().orElseThrow().compareTo(Duration.ofSeconds(120)) <= 0);
        assertTrue(tcp.id().isPresent());
        assertEquals(OptionalInt.empty(), tcp.zone());
        ConntrackEntry udp = entries().stream().filter(x -> x.protocol() == ConntrackTuple.UDP).findFirst().orElseThrow();
        assertEquals(OptionalInt.of(4), udp.zone());
        assertEquals(Set.of(), udp.status().stream().filter(s -> s == ConntrackStatus.SEEN_REPLY).collect(java.util.stream.Collectors.toSet()));
        ConntrackEntry icmp = entries().stream().filter(x -> x.protocol() == ConntrackTuple.ICMP).findFirst().orElseThrow();
        assertEquals(ConntrackTuple.icmp(A, B, 8, 0, 77), icmp.original());
    }

    @Test
    void aFamilyConntrackDoesNotPrintIsSkipped() throws ProtocolException {
        byte[] b = Golden.bytes("conntrack/entries");
        b[16] = 7; // nfgen_family AF_BRIDGE
        assertNull(ConntrackDecoder.decode(MemorySegment.ofArray(b), 0, b[0] & 0xff | (b[1] & 0xff) << 8));
    }

    @Test
    void anEntryWithoutItsReplyTupleIsAProtocolError() {
        // nlmsghdr + nfgenmsg + a whole CTA_TUPLE_ORIG (two IPv4 addresses, protocol 17), and no CTA_TUPLE_REPLY
        byte[] b = {56, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
                36, 0, 1, (byte) 0x80, 20, 0, 1, (byte) 0x80, 8, 0, 1, 0, 10, (byte) 200, 0, 1, 8, 0, 2, 0, 10, (byte) 200, 0, 2,
                12, 0, 2, (byte) 0x80, 5, 0, 1, 0, 17, 0, 0, 0};
        ProtocolException e = assertThrows(ProtocolException.class, () -> ConntrackDecoder.decode(MemorySegment.ofArray(b), 0, b.length));
        assertTrue(e.getMessage().contains("without CTA_TUPLE_REPLY"), e.getMessage());
        // and the same with the original tuple's protocol missing: named too
        byte[] noProto = java.util.Arrays.copyOf(b, 44);
        noProto[0] = 44;
        noProto[20] = 24;
        ProtocolException p = assertThrows(ProtocolException.class, () -> ConntrackDecoder.decode(MemorySegment.ofArray(noProto), 0, noProto.length));
        assertTrue(p.getMessage().contains("CTA_PROTO_NUM"), p.getMessage());
    }

    @Test
    void statisticsRepliesDecodeAsConntrackSAndCPrintThem() throws ProtocolException {
        byte[] b = Golden.bytes("conntrack/stats-cpu-reply");
        MemorySegment s = MemorySegment.ofArray(b);
        List<String> lines = new ArrayList<>();
        Messages m = new Messages().reset(s, b.length);
        while (m.next()) lines.add(ConntrackDecoder.decodeCpuStats(s, m.offset(), m.length()).toString());
        assertEquals(List.of(
                "cpu=0   \tfound=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0",
                "cpu=1   \tfound=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0"),
                lines);
        byte[] c = Golden.bytes("conntrack/count-reply");
        assertEquals(1, ConntrackDecoder.decodeCount(MemorySegment.ofArray(c), 0, c.length));
    }
}
