package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Messages written out by hand from the uapi headers, in the fixtures' notation (hex before '#', a
 * comment after), for the requests and replies no golden capture holds. Little-endian, as the
 * captures are: the host these tests run on.
 */
public final class HandBytes {
    private HandBytes() {}

    /** The bytes of {@code annotated}: every hex digit before a '#' on each line. */
    static byte[] hex(String annotated) {
        StringBuilder hex = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int hash = line.indexOf('#');
            hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(hex.toString());
    }

    /** The message on a heap segment, as a decoder reads it. */
    public static MemorySegment segment(String annotated) {
        return MemorySegment.ofArray(hex(annotated));
    }

    /** The message {@code pad} bytes into a segment (after another message, say), as a decoder finds it in a datagram. */
    static MemorySegment at(int pad, String annotated) {
        byte[] b = hex(annotated);
        byte[] out = new byte[pad + b.length];
        java.util.Arrays.fill(out, 0, pad, (byte) 0xee);
        System.arraycopy(b, 0, out, pad, b.length);
        return MemorySegment.ofArray(out);
    }

    /** Asserts that {@code enc} writes exactly {@code annotated}. */
    static void assertWrites(String annotated, Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(64);
        enc.accept(w);
        assertEquals(Golden.dump(hex(annotated)), Golden.dump(Written.bytes(w)));
    }
}
