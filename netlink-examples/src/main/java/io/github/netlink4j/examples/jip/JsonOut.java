package io.github.netlink4j.examples.jip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON that {@code ip -j} prints (and {@code tc -j}, which shares iproute2's json_writer): an
 * ordered object model written compactly.
 */
public final class JsonOut {
    private JsonOut() {}

    /** A number written as given, as ip writes its timers ({@code 0.00}). */
    record Raw(String text) {}

    /** An empty object, its keys kept in insertion order. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static String write(Object v) {
        return write(v, false);
    }

    /**
     * The JSON of {@code v}; with {@code pretty} laid out as ip -p does (iproute2's json_writer: four
     * spaces a level, a space inside array brackets, a space after each colon).
     */
    public static String write(Object v, boolean pretty) {
        Writer w = new Writer(pretty);
        w.value(v);
        return w.sb.toString();
    }

    /** iproute2's json_writer state: depth, the separator owed before the next item, pretty or not. */
    private static final class Writer {
        final StringBuilder sb = new StringBuilder();
        final boolean pretty;
        int depth;
        char sep;

        Writer(boolean pretty) {
            this.pretty = pretty;
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

        @SuppressWarnings("unchecked")
        void value(Object v) {
            if (v instanceof Map<?, ?> m) {
                begin('{');
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    eor();
                    eol();
                    sep = 0;
                    string(e.getKey());
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
            } else if (v == null || v instanceof Number || v instanceof Boolean) {
                eor();
                sb.append(v);
            } else if (v instanceof Raw r) {
                eor();
                sb.append(r.text());
            } else if (v instanceof String s) {
                eor();
                string(s);
            } else {
                throw new IllegalArgumentException("not JSON: " + v.getClass());
            }
        }

        private void string(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case '\f' -> sb.append("\\f");
                    case '\b' -> sb.append("\\b");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
    }

    /** An empty array. */
    public static List<Object> list() {
        return new ArrayList<>();
    }
}
