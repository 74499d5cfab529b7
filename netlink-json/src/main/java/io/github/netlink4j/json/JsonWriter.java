package io.github.netlink4j.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * iproute2's json_writer (lib/json_writer.c) over Java values: its state is the depth, the separator owed
 * before the next item and whether it pretty-prints, and its quirks are kept, e.g. an empty array pretty
 * is {@code [ ]} and an empty object {@code {}}.
 */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();
    private final boolean pretty;
    private int depth;
    private char sep;

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void eor() {
        if (sep != 0) sb.append(sep);
        sep = ',';
    }

    private void eol() {
        if (!pretty) return;
        sb.append('\n');
        sb.append("    ".repeat(depth));
    }

    private void begin(char c) {
        eor();
        sb.append(c);
        depth++;
        sep = 0;
    }

    private void end(char c) {
        depth--;
        if (sep != 0) eol();
        sb.append(c);
        sep = ',';
    }

    void value(Object v) {
        if (v instanceof Map<?, ?> m) {
            begin('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                eor();
                eol();
                sep = 0;
                string(String.valueOf(e.getKey()));
                sb.append(pretty ? ": " : ":");
                value(e.getValue());
            }
            end('}');
        } else if (v instanceof List<?> l) {
            begin('[');
            if (pretty) sb.append(' ');
            for (Object o : l) value(o);
            if (pretty && sep != 0) sb.append(' ');
            sep = 0;
            end(']');
        } else if (v instanceof String s) {
            eor();
            string(s);
        } else {
            eor();
            sb.append(scalar(v));
        }
    }

    private static String scalar(Object v) {
        return switch (v) {
            case null -> "null";
            case Boolean b -> b.toString();
            case Long n -> n.toString();
            case Integer n -> n.toString();
            case Short n -> n.toString();
            case Byte n -> n.toString();
            case BigInteger n -> n.toString();
            case BigDecimal n -> n.toString();
            case Double d -> d.isNaN() || d.isInfinite() ? "null" : d.toString();
            case Float f -> f.isNaN() || f.isInfinite() ? "null" : f.toString();
            case RawNumber r -> r.text();
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        };
    }

    /** A string as json_writer's jsonw_puts escapes it, and what it writes raw that is not JSON escaped too. */
    private void string(String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '\b' -> sb.append("\\b");
                default -> {
                    if (c < 0x20 || lone(s, k)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** Whether the char at {@code k} is a surrogate without its other half, which UTF-8 cannot encode. */
    private static boolean lone(String s, int k) {
        char c = s.charAt(k);
        if (Character.isHighSurrogate(c)) return k + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(k + 1));
        if (Character.isLowSurrogate(c)) return k == 0 || !Character.isHighSurrogate(s.charAt(k - 1));
        return false;
    }
}
