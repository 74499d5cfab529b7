package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tc codecs against the captured fixtures: what an encoder writes, and every message of a fixture decoded. */
final class TcBytes {
    private TcBytes() {}

    /** veth0's index in every capture: lo 1, veth1 2, veth0 3 (veth3 4, veth2 5 where there are two pairs). */
    static final int VETH0 = 3;

    interface Decoder<T> {
        T decode(MemorySegment s, long off, int len) throws ProtocolException;
    }

    /** Asserts that {@code enc} writes the bytes tc sent for {@code fixture}. */
    static void assertEncodes(String fixture, Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(64);
        enc.accept(w);
        assertEquals(Golden.dump(Golden.bytes(fixture)), Golden.dump(Written.bytes(w)), fixture);
    }

    /** Asserts that {@code enc} writes {@code annotated}: hex before each '#', a comment after. */
    static void assertWrites(String annotated, Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(64);
        enc.accept(w);
        byte[] expected = java.util.HexFormat.of().parseHex(annotated.lines().map(l -> l.replaceAll("#.*", "").replaceAll("\\s+", ""))
                .reduce("", String::concat));
        assertEquals(Golden.dump(expected), Golden.dump(Written.bytes(w)));
    }

    /** Every message of {@code fixture}, decoded by {@code d}. */
    static <T> List<T> decodeAll(String fixture, Decoder<T> d) throws ProtocolException {
        byte[] b = Golden.bytes(fixture);
        MemorySegment s = Golden.segment(fixture);
        List<T> out = new ArrayList<>();
        Messages m = new Messages().reset(s, b.length);
        while (m.next()) out.add(d.decode(s, m.offset(), m.length()));
        return out;
    }

    /** What {@code enc} writes, as a segment the decoders read. */
    static MemorySegment written(Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(64);
        enc.accept(w);
        return MemorySegment.ofArray(Written.bytes(w));
    }
}
