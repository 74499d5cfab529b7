package io.github.netlink4j.internal.wire;

import io.github.netlink4j.internal.wire.uapi.Netlink;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The batch ACK matcher ({@link ReplyReader#expectBatch} and {@link ReplyReader#feedBatch}) against a
 * model: for a batch of any size, whatever order the kernel's replies come in, however they are cut into
 * datagrams, and among echoes, duplicate answers and messages of other ports and sequence numbers, each
 * request gets its first answer (ACK or error), echoes go to the request they answer, everything else is
 * counted as skipped, and the batch is complete exactly when the last request's first answer is read.
 */
class BatchAckPropertiesTest {
    private static final int PORT = 31337;

    /** One batch: its size, first sequence number, each request's errno (0: ACK), and a seed for the rest. */
    record Batch(int count, int firstSeq, int[] errnos, long seed) {}

    @Provide
    Arbitrary<Batch> batches() {
        return Arbitraries.integers().between(1, 200).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(1, Integer.MAX_VALUE - 1000),
                Arbitraries.of(0, 0, 0, -1, -17, -19, -22, -95).array(int[].class).ofSize(n),
                Arbitraries.longs()).as((seq, errnos, seed) -> new Batch(n, seq, errnos, seed)));
    }

    @Property(tries = 300)
    void eachRequestGetsItsFirstAnswer(@ForAll("batches") Batch b) throws Exception {
        Random r = new Random(b.seed());
        List<byte[]> replies = new ArrayList<>();
        int[] echoes = new int[b.count()];
        int skips = 0;
        for (int i = 0; i < b.count(); i++) {
            replies.add(message(Netlink.NLMSG_ERROR, b.firstSeq() + i, PORT, ack(b.errnos()[i], b.firstSeq() + i)));
            int e = r.nextInt(3);
            for (int k = 0; k < e; k++) replies.add(message(16 + r.nextInt(80), b.firstSeq() + i, PORT, new byte[4 * r.nextInt(5)]));
            echoes[i] = e;
        }
        // Strays: another port, a sequence number before or past the batch, and second answers.
        int strays = r.nextInt(b.count() + 1);
        List<byte[]> late = new ArrayList<>();
        for (int k = 0; k < strays; k++) {
            int i = r.nextInt(b.count());
            switch (r.nextInt(4)) {
                case 0 -> replies.add(message(Netlink.NLMSG_ERROR, b.firstSeq() + i, PORT + 1, ack(0, b.firstSeq() + i)));
                case 1 -> replies.add(message(Netlink.NLMSG_ERROR, b.firstSeq() - 1 - r.nextInt(5), PORT, ack(-1, b.firstSeq() - 1)));
                case 2 -> replies.add(message(16, b.firstSeq() + b.count() + r.nextInt(5), PORT, new byte[4]));
                default -> late.add(message(Netlink.NLMSG_ERROR, b.firstSeq() + i, PORT, ack(i % 2 == 0 ? -99 : 0, b.firstSeq() + i)));
            }
            skips++;
        }
        // The kernel answers each request in order, but requests are free to be answered in any order
        // relative to each other here; a second answer to a request comes after its first.
        java.util.Collections.shuffle(replies, r);
        int firstAnswersSeen = 0;
        int lastFirstAnswer = -1;
        boolean[] answered = new boolean[b.count()];
        List<byte[]> all = new ArrayList<>(replies);
        all.addAll(late);
        for (int m = 0; m < all.size(); m++) {
            ByteBuffer h = ByteBuffer.wrap(all.get(m)).order(ByteOrder.nativeOrder());
            int i = h.getInt(8) - b.firstSeq();
            if (h.getShort(4) == Netlink.NLMSG_ERROR && h.getInt(12) == PORT && i >= 0 && i < b.count() && !answered[i]) {
                answered[i] = true;
                if (++firstAnswersSeen == b.count()) lastFirstAnswer = m;
            }
        }
        ReplyReader reader = new ReplyReader().expectBatch(PORT, b.firstSeq(), b.count());
        int[] seen = new int[b.count()];
        ReplyReader.BatchHandler handler = (i, seg, off, len) -> seen[i]++;
        int at = 0;
        while (at < all.size()) {
            int take = 1 + r.nextInt(8);
            int end = Math.min(all.size(), at + take);
            MemorySegment datagram = concat(all.subList(at, end));
            boolean complete = reader.feedBatch(datagram, datagram.byteSize(), handler);
            assertEquals(end > lastFirstAnswer, complete, "complete once the last first answer is read (datagram ending at " + end + ")");
            at = end;
        }
        for (int i = 0; i < b.count(); i++) {
            if (b.errnos()[i] == 0) assertNull(reader.batchError(i), "request " + i);
            else assertEquals(b.errnos()[i], reader.batchError(i).error(), "request " + i);
        }
        assertEquals(java.util.Arrays.toString(echoes), java.util.Arrays.toString(seen));
        assertEquals(skips, reader.skipped());
        assertEquals(java.util.Arrays.stream(echoes).sum(), reader.dataMessages());
    }

    @Property(tries = 50)
    void aReaderUsedForALargerBatchForgetsTheOldOne(@ForAll("batches") Batch first, @ForAll("batches") Batch second) throws Exception {
        ReplyReader reader = new ReplyReader().expectBatch(PORT, first.firstSeq(), first.count());
        List<byte[]> acks = new ArrayList<>();
        for (int i = 0; i < first.count(); i++) acks.add(message(Netlink.NLMSG_ERROR, first.firstSeq() + i, PORT, ack(first.errnos()[i], 0)));
        MemorySegment d = concat(acks);
        assertEquals(true, reader.feedBatch(d, d.byteSize(), null));
        reader.expectBatch(PORT, second.firstSeq(), second.count());
        for (int i = 0; i < second.count(); i++) assertNull(reader.batchError(i), "no error left from the first batch");
        List<byte[]> half = new ArrayList<>();
        for (int i = 0; i < second.count() - 1; i++) half.add(message(Netlink.NLMSG_ERROR, second.firstSeq() + i, PORT, ack(0, 0)));
        if (!half.isEmpty()) {
            MemorySegment h = concat(half);
            assertEquals(false, reader.feedBatch(h, h.byteSize(), null), "not complete before its last ACK");
        }
        MemorySegment last = concat(List.of(message(Netlink.NLMSG_ERROR, second.firstSeq() + second.count() - 1, PORT, ack(0, 0))));
        assertEquals(true, reader.feedBatch(last, last.byteSize(), null));
        assertEquals(0, reader.skipped());
    }

    /** A netlink message built by hand: header, then the body. */
    private static byte[] message(int type, int seq, int pid, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(Nlmsg.align(16 + body.length)).order(ByteOrder.nativeOrder());
        b.putInt(16 + body.length).putShort((short) type).putShort((short) 0x100).putInt(seq).putInt(pid).put(body);
        return b.array();
    }

    /** An NLMSG_ERROR body: the error, then the capped header of the request it answers. */
    private static byte[] ack(int error, int seq) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putInt(error).putInt(16).putShort((short) 16).putShort((short) 0x5).putInt(seq).putInt(PORT);
        return b.array();
    }

    private static MemorySegment concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return MemorySegment.ofArray(o.toByteArray());
    }
}
