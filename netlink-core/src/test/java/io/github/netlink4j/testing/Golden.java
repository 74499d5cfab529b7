package io.github.netlink4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the annotated hex fixtures under src/test/resources/golden: hex before '#', comments after. */
public final class Golden {
    private Golden() {}

    /** The bytes of fixture {@code golden/<name>.hex}. */
    public static byte[] bytes(String name) {
        String res = "/golden/" + name + ".hex";
        try (InputStream in = Golden.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + res);
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String data = hash >= 0 ? line.substring(0, hash) : line;
                hex.append(data.replaceAll("\\s+", ""));
            }
            return HexFormat.of().parseHex(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture copied into a native segment (as the kernel's bytes arrive). */
    public static MemorySegment segment(String name) {
        byte[] b = bytes(name);
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, b.length), 8);
        MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
        return s;
    }

    /** Hex of {@code b}, 16 bytes a line, for readable assertion failures. */
    public static String dump(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i += 16) {
            sb.append(HexFormat.ofDelimiter(" ").formatHex(b, i, Math.min(b.length, i + 16))).append('\n');
        }
        return sb.toString();
    }
}
