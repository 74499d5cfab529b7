package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.DecoderFuzzTest;
import io.github.netlink4j.internal.codec.SockDiagCodec;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded fuzzing of the views against their records' decoders, on truncated, bit-flipped and corrupted variants
 * of captured dumps ({@link DecoderFuzzTest#mutate}): for every message, the view refuses at open exactly what the
 * decoder refuses, says what the record says when both read it, and lets nothing but {@link ProtocolException} out.
 */
class ViewFuzzTest {
    static final int CASES = 6_000;

    /** One message read two ways, each as the text of every field it offers, or "refused". */
    interface Reader {
        String read(MemorySegment s, long off, int len) throws ProtocolException;
    }

    static String outcome(Reader r, MemorySegment s, long off, int len) {
        try {
            return r.read(s, off, len);
        } catch (ProtocolException e) {
            return "refused";
        }
    }

    /** Runs {@link #CASES} mutants of {@code seeds}; returns how many messages both sides read. */
    static int fuzz(long seed, List<String> seeds, Reader record, Reader view) {
        return fuzz(seed, seeds, record, view, true)[0];
    }

    /**
     * As {@link #fuzz(long, List, Reader, Reader)}; unless {@code exact}, a message the record refuses may still be
     * read by the view (the views of traffic control leave the kind's options unread). Returns how many messages
     * both read and how many both refused.
     */
    static int[] fuzz(long seed, List<String> seeds, Reader record, Reader view, boolean exact) {
        Random r = new Random(seed);
        int read = 0, refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] b = DecoderFuzzTest.mutate(Golden.bytes(seeds.get(i % seeds.size())), r);
            MemorySegment s = MemorySegment.ofArray(b);
            Messages m = new Messages();
            try {
                m.reset(s, b.length);
                while (m.next()) {
                    String want = outcome(record, s, m.offset(), m.length());
                    String got = outcome(view, s, m.offset(), m.length());
                    if (exact || !want.equals("refused")) assertEquals(want, got, "case " + i + "\n" + Golden.dump(b));
                    if (!want.equals("refused")) read++;
                    else if (got.equals("refused")) refused++;
                }
            } catch (ProtocolException e) {
                // the framing of the mutant is broken: no message to hand to either
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " escaped with " + e + "\n" + Golden.dump(b), e);
            }
        }
        return new int[] {read, refused};
    }

    @Test
    @Timeout(120)
    void theTcpMetricsViewRefusesWhatTheDecoderRefusesAndReadsWhatItReads() {
        TcpMetricsFlyweight v = new TcpMetricsFlyweight();
        int n = fuzz(0x7c9L, List.of("tcpmetrics/dump-reply"), (s, off, len) -> {
            var x = io.github.netlink4j.internal.codec.genl.TcpMetricsCodec.decode(s, off, len);
            return x.destination() + " " + x.source() + " " + x.age().toMillis() + " " + x.rtt().map(d -> d.toNanos() / 1000).orElse(0L) + " "
                    + x.rttVariance().map(d -> d.toNanos() / 1000).orElse(0L) + " " + x.ssthresh().orElse(0) + " " + x.cwnd().orElse(0);
        }, (s, off, len) -> {
            v.open(s, off, len);
            try {
                return v.destination() + " " + v.source() + " " + v.ageMillis() + " " + v.rttMicros() + " " + v.rttVarianceMicros() + " "
                        + v.ssthresh() + " " + v.cwnd();
            } finally {
                v.end();
            }
        });
        org.junit.jupiter.api.Assertions.assertTrue(n > CASES / 4, n + " read by both");
    }

    @Test
    @Timeout(120)
    void tcViewsReadWhatTheDecodersReadAndRefuseBrokenFraming() {
        QdiscFlyweight q = new QdiscFlyweight();
        int[] n = fuzz(0x7cL, List.of("dump/qdiscs", "dump/qdisc-htb-direct"), (s, off, len) -> {
            var x = io.github.netlink4j.internal.codec.tc.QdiscCodec.decode(s, off, len);
            var st = x.stats();
            return x.index() + " " + x.handle() + " " + x.parent() + " " + x.kind() + " " + x.refcount() + " " + x.offloaded() + " " + st.isPresent()
                    + " " + st.map(t -> t.bytes() + " " + t.packets() + " " + t.drops() + " " + t.overlimits() + " " + t.requeues() + " " + t.backlog()
                    + " " + t.qlen()).orElse("0 0 0 0 0 0 0");
        }, (s, off, len) -> {
            q.open(s, off, len);
            try {
                return q.index() + " " + q.handle() + " " + q.parent() + " " + q.kind() + " " + q.refcount() + " " + q.offloaded() + " " + q.hasStats()
                        + " " + q.bytes() + " " + q.packets() + " " + q.drops() + " " + q.overlimits() + " " + q.requeues() + " " + q.backlog() + " " + q.qlen();
            } finally {
                q.end();
            }
        }, false);
        FilterFlyweight f = new FilterFlyweight();
        int[] m = fuzz(0x7dL, List.of("dump/filters", "dump/filters-mirred"), (s, off, len) -> {
            var x = io.github.netlink4j.internal.codec.tc.FilterCodec.decode(s, off, len);
            return x.index() + " " + x.parent() + " " + x.priority() + " " + x.protocol() + " " + x.handle() + " " + x.chain() + " " + x.kind();
        }, (s, off, len) -> {
            f.open(s, off, len);
            try {
                return f.index() + " " + f.parent() + " " + f.priority() + " " + f.protocol() + " " + f.handle() + " " + f.chain() + " " + f.kind();
            } finally {
                f.end();
            }
        }, false);
        org.junit.jupiter.api.Assertions.assertTrue(n[0] > CASES && m[0] > CASES / 2 && n[1] > 100 && m[1] > 100,
                Arrays.toString(n) + " " + Arrays.toString(m) + ": read by both, refused by both");
    }

    @Test
    @Timeout(120)
    void socketViewsRefuseWhatTheDecodersRefuseAndReadWhatTheyRead() {
        InetSocketFlyweight inet = new InetSocketFlyweight();
        int n = fuzz(0x5d1a6eL, List.of("sockdiag/tcp-dump", "sockdiag/tcp6-dump", "sockdiag/udp-dump"),
                (s, off, len) -> {
                    var x = SockDiagCodec.decodeInet(s, off, len, SocketProtocol.TCP);
                    return x.protocol() + " " + x.family() + " " + x.state() + " " + x.localAddress() + " " + x.localPort() + " " + x.remoteAddress()
                            + " " + x.remotePort() + " " + x.boundDevice().orElse(0) + " " + x.receiveQueue() + " " + x.sendQueue() + " " + x.uid()
                            + " " + x.inode() + " " + x.cookie();
                },
                (s, off, len) -> {
                    inet.open(s, off, len, SocketProtocol.TCP);
                    try {
                        return inet.protocol() + " " + inet.family() + " " + inet.state() + " " + inet.localAddress() + " " + inet.localPort() + " "
                                + inet.remoteAddress() + " " + inet.remotePort() + " " + inet.boundDevice() + " " + inet.receiveQueue() + " "
                                + inet.sendQueue() + " " + inet.uid() + " " + inet.inode() + " " + inet.cookie();
                    } finally {
                        inet.end();
                    }
                });
        UnixSocketFlyweight unix = new UnixSocketFlyweight();
        int u = fuzz(0x5d1a6fL, List.of("sockdiag/unix-dump"),
                (s, off, len) -> {
                    var x = SockDiagCodec.decodeUnix(s, off, len);
                    return x.type() + " " + x.state() + " " + x.inode() + " " + x.path() + " " + x.peerInode().orElse(0) + " " + x.receiveQueue()
                            + " " + x.sendQueue() + " " + x.cookie();
                },
                (s, off, len) -> {
                    unix.open(s, off, len);
                    try {
                        return unix.type() + " " + unix.state() + " " + unix.inode() + " " + unix.path() + " " + unix.peerInode() + " "
                                + unix.receiveQueue() + " " + unix.sendQueue() + " " + unix.cookie();
                    } finally {
                        unix.end();
                    }
                });
        // most mutants keep most messages readable: the comparison is not only of refusals
        org.junit.jupiter.api.Assertions.assertTrue(n > CASES && u > CASES, n + " inet, " + u + " unix read by both");
    }
}
