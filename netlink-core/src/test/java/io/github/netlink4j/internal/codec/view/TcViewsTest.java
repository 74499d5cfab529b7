package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.tc.ClassCodec;
import io.github.netlink4j.internal.codec.tc.FilterCodec;
import io.github.netlink4j.internal.codec.tc.QdiscCodec;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscView;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStats;
import io.github.netlink4j.tc.TcStatsView;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassView;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterView;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traffic-control views against the records, message by message, on the dumps tc received (golden/dump:
 * qdiscs of two links with htb, ingress and the defaults, with their TCA_STATS2; htb classes; u32, matchall,
 * flower, bpf and mirred filters in chains and hooks).
 */
class TcViewsTest {
    /** The counters of the view equal the record's, 0 where it has none. */
    static void sameStats(Optional<TcStats> r, TcStatsView v, String at) {
        assertEquals(r.isPresent(), v.hasStats(), at);
        TcStats s = r.orElse(new TcStats(0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty()));
        assertEquals(s.bytes(), v.bytes(), at);
        assertEquals(s.packets(), v.packets(), at);
        assertEquals(s.drops(), v.drops(), at);
        assertEquals(s.overlimits(), v.overlimits(), at);
        assertEquals(s.requeues(), v.requeues(), at);
        assertEquals(s.backlog(), v.backlog(), at);
        assertEquals(s.qlen(), v.qlen(), at);
    }

    static void sameQdisc(Qdisc r, QdiscView v) {
        String at = r.toString();
        assertEquals(r.index(), v.index(), at);
        assertEquals(r.handle(), v.handle(), at);
        assertEquals(r.parent(), v.parent(), at);
        assertEquals(r.kind(), v.kind(), at);
        assertTrue(v.kindEquals(r.kind()), at);
        assertFalse(v.kindEquals(r.kind() + "x"), at);
        assertFalse(v.kindEquals(r.kind().substring(1)), at);
        assertEquals(r.refcount(), v.refcount(), at);
        assertEquals(r.offloaded(), v.offloaded(), at);
        sameStats(r.stats(), v, at);
    }

    static void sameClass(TrafficClass r, TrafficClassView v) {
        String at = r.toString();
        assertEquals(r.index(), v.index(), at);
        assertEquals(r.handle(), v.handle(), at);
        assertEquals(r.parent(), v.parent(), at);
        assertEquals(r.leaf().orElse(TcHandle.UNSPEC), v.leaf(), at);
        assertEquals(r.kind(), v.kind(), at);
        assertTrue(v.kindEquals(r.kind()), at);
        assertFalse(v.kindEquals("no-such-kind"), at);
        sameStats(r.stats(), v, at);
    }

    static void sameFilter(Filter r, FilterView v) {
        String at = r.toString();
        assertEquals(r.index(), v.index(), at);
        assertEquals(r.parent(), v.parent(), at);
        assertEquals(r.priority(), v.priority(), at);
        assertEquals(r.protocol(), v.protocol(), at);
        assertEquals(r.handle(), v.handle(), at);
        assertEquals(r.chain(), v.chain(), at);
        assertEquals(r.kind(), v.kind(), at);
        assertTrue(v.kindEquals(r.kind()), at);
        assertFalse(v.kindEquals(r.kind() + "x"), at);
    }

    @Test
    void qdiscViewEqualsTheRecord() throws Exception {
        QdiscFlyweight v = new QdiscFlyweight();
        int[] seen = {0, 0}; // with traffic counted, not at the root
        DumpViewsTest.Each check = (s, off, len) -> {
            Qdisc r = QdiscCodec.decode(s, off, len);
            v.open(s, off, len);
            sameQdisc(r, v);
            if (r.stats().map(x -> x.packets() > 0).orElse(false)) seen[0]++;
            if (!r.parent().equals(TcHandle.ROOT)) seen[1]++;
            v.end();
        };
        assertEquals(7, DumpViewsTest.each("dump/qdiscs", check));
        assertEquals(2, DumpViewsTest.each("dump/qdisc-htb-direct", check));
        assertTrue(seen[0] >= 1 && seen[1] >= 1, Arrays.toString(seen));
    }

    @Test
    void classViewEqualsTheRecord() throws Exception {
        TrafficClassFlyweight v = new TrafficClassFlyweight();
        // the captured classes have no leaf qdisc (tcm_info 0): TcStreamingTest reads one that has
        assertEquals(3, DumpViewsTest.each("dump/classes", (s, off, len) -> {
            TrafficClass r = ClassCodec.decode(s, off, len);
            v.open(s, off, len);
            sameClass(r, v);
            v.end();
        }));
    }

    @Test
    void filterViewEqualsTheRecord() throws Exception {
        FilterFlyweight v = new FilterFlyweight();
        int[] handles = {0}; // u32's handles: 800::800, 2:7:800 and the like, not 0
        DumpViewsTest.Each check = (s, off, len) -> {
            Filter r = FilterCodec.decode(s, off, len);
            v.open(s, off, len);
            sameFilter(r, v);
            if (r.handle() > 0xffff) handles[0]++;
            v.end();
        };
        assertEquals(8, DumpViewsTest.each("dump/filters", check));
        assertEquals(2, DumpViewsTest.each("dump/filters-bpf", check));
        assertEquals(3, DumpViewsTest.each("dump/filters-mirred", check));
        assertTrue(handles[0] >= 3, handles[0] + " filters with a handle"); // chains other than 0: TcStreamingTest
    }

    /** The first TCA_KIND of the first message of {@code fixture}, renamed to an attribute type nobody reads. */
    @Test
    void aMalformedMessageFailsAtOpenAsTheDecoderDoes() throws Exception {
        byte[] q = Golden.bytes("dump/qdiscs");
        int len = io.github.netlink4j.internal.wire.Nlmsg.len(MemorySegment.ofArray(q), 0);
        assertEquals(1, q[36 + 2]); // after nlmsghdr and tcmsg: TCA_KIND
        byte[] noKind = q.clone();
        noKind[36 + 2] = 99;
        MemorySegment s = MemorySegment.ofArray(noKind);
        assertThrows(ProtocolException.class, () -> QdiscCodec.decode(s, 0, len));
        assertThrows(ProtocolException.class, () -> new QdiscFlyweight().open(s, 0, len));
        MemorySegment shortHeader = MemorySegment.ofArray(q);
        assertThrows(ProtocolException.class, () -> QdiscCodec.decode(shortHeader, 0, 16 + 19));
        assertThrows(ProtocolException.class, () -> new QdiscFlyweight().open(shortHeader, 0, 16 + 19));
        // TCA_STATS_BASIC cut to 8 bytes of payload inside TCA_STATS2: the struct is 12 (16 with its padding)
        int basic = find(q, len, new byte[] {0x14, 0x00, 0x01, 0x00});
        byte[] shortBasic = q.clone();
        shortBasic[basic] = 12;
        shortBasic[basic + 12] = 8; // the 8 bytes left over made an attribute of their own, so the framing holds
        shortBasic[basic + 14] = 99;
        MemorySegment b = MemorySegment.ofArray(shortBasic);
        assertThrows(ProtocolException.class, () -> QdiscCodec.decode(b, 0, len));
        assertThrows(ProtocolException.class, () -> new QdiscFlyweight().open(b, 0, len));
    }

    private static int find(byte[] b, int len, byte[] what) {
        for (int i = 36; i + what.length <= len; i += 4) if (Arrays.equals(Arrays.copyOfRange(b, i, i + what.length), what)) return i;
        throw new AssertionError("no " + Arrays.toString(what) + " in the first message");
    }

    @Test
    void everyAccessorOfAClosedViewThrows() throws Exception {
        QdiscFlyweight q = new QdiscFlyweight();
        DumpViewsTest.each("dump/qdiscs", (s, off, len) -> {
            q.open(s, off, len);
            q.end();
        });
        TrafficClassFlyweight c = new TrafficClassFlyweight();
        DumpViewsTest.each("dump/classes", (s, off, len) -> {
            c.open(s, off, len);
            c.end();
        });
        FilterFlyweight f = new FilterFlyweight();
        DumpViewsTest.each("dump/filters", (s, off, len) -> {
            f.open(s, off, len);
            f.end();
        });
        assertEquals(15, DumpViewsTest.everyAccessorThrows(q, QdiscView.class));
        assertEquals(14, DumpViewsTest.everyAccessorThrows(c, TrafficClassView.class));
        assertEquals(8, DumpViewsTest.everyAccessorThrows(f, FilterView.class));
    }
}
