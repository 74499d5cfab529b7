package io.github.netlink4j.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java objects, read and written. An object is a {@code Map<String, Object>} whose
 * keys keep their order, an array a {@code List<Object>}, a string a {@code String}, a number a
 * {@code Long} when it is integral and fits, else a {@code Double}, and {@code true}, {@code false},
 * {@code null} are {@code Boolean.TRUE}, {@code Boolean.FALSE} and {@code null}.
 *
 * <p>The reader takes RFC 8259 and nothing else (no comments, trailing commas, single quotes, leading
 * zeros, byte order mark, raw control characters), since its input may come from anywhere, and refuses
 * nesting deeper than {@link #MAX_DEPTH} with a {@link JsonException} rather than a StackOverflowError.
 * The writer lays values out as iproute2's json_writer does, so that jip and jtc print what
 * {@code ip -j} and {@code tc -j} print.
 */
public final class Json {
    /**
     * How deep {@link #read} nests: far above any CNI config (a result inside a prevResult is four deep)
     * or {@code ip -j} output (five), and low enough for the smallest thread stack a caller may run on.
     */
    public static final int MAX_DEPTH = 128;

    private Json() {}

    /** An empty object whose keys keep the order they were put in. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** An empty array. */
    public static List<Object> list() {
        return new ArrayList<>();
    }

    /**
     * Reads {@code text}, which must be one JSON value with nothing but JSON whitespace around it. A key
     * given twice in one object takes its last value, as Go's encoding/json does: a CNI runtime and the
     * plugin then read the same config.
     *
     * @throws JsonException if it is not, or nests deeper than {@link #MAX_DEPTH}
     */
    public static Object read(String text) throws JsonException {
        return new JsonReader(text).document();
    }

    /** {@code value} on one line, as {@code ip -j} prints it. */
    public static String write(Object value) {
        return write(value, false);
    }

    /**
     * {@code value}'s JSON; with {@code pretty} laid out as {@code ip -j -p} does (four spaces a level, a
     * space inside an array's brackets, a space after each colon), else on one line.
     *
     * <p>Control characters and unpaired surrogates are escaped ({@code \t}-style where JSON has a short
     * escape, else {@code \}{@code u00XX}), so the output is JSON and UTF-8 whatever a string holds;
     * iproute2 writes control characters other than {@code \b \f \n \r \t} raw, which is not JSON, and
     * this is the one place output differs from it. Numbers that are not finite are written as
     * {@code null}, as JavaScript's JSON.stringify does.
     *
     * @throws IllegalArgumentException if {@code value} holds something that is not one of the types above
     */
    public static String write(Object value, boolean pretty) {
        JsonWriter w = new JsonWriter(pretty);
        w.value(value);
        return w.toString();
    }
}
