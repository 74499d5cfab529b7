package io.github.netlink4j.bench.nlbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for nlbench's result files (RFC 8259): values are {@code Map<String,Object>} (key
 * order kept), {@code List<Object>}, {@code String}, {@code Long} or {@code Double}, {@code Boolean}
 * and null. Hand-written because the module has no JSON library and the files are small and our own.
 */
final class Json {
    private Json() {}

    /** A malformed document, with the offset where reading stopped. */
    static final class ParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ParseException(String what, int at) {
            super(what + " at offset " + at);
        }
    }

    static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
            case Float f -> write(sb, f.doubleValue(), indent);
            case Number n -> sb.append(n.longValue());
            case Map<?, ?> m -> {
                if (m.isEmpty()) { sb.append("{}"); return; }
                sb.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    pad(sb, indent + 2);
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent + 2);
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                pad(sb, indent);
                sb.append('}');
            }
            case List<?> l -> {
                // Lists of numbers stay on one line: the repeats of a cell read as a row.
                boolean flat = l.stream().allMatch(x -> x == null || x instanceof Number || x instanceof String);
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (!flat) { sb.append('\n'); pad(sb, indent + 2); }
                    write(sb, l.get(i), indent + 2);
                    if (i + 1 < l.size()) sb.append(flat ? ", " : ",");
                }
                if (!flat && !l.isEmpty()) { sb.append('\n'); pad(sb, indent); }
                sb.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private static void pad(StringBuilder sb, int n) {
        sb.append(" ".repeat(n));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    static Object parse(String text) {
        Reader r = new Reader(text);
        Object v = r.value();
        r.ws();
        if (r.i != text.length()) throw new ParseException("trailing data", r.i);
        return v;
    }

    /** A recursive-descent reader; nesting is bounded by the files we write (a few levels). */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        char peek() {
            ws();
            if (i >= s.length()) throw new ParseException("unexpected end", i);
            return s.charAt(i);
        }

        void expect(char c) {
            if (peek() != c) throw new ParseException("expected '" + c + "'", i);
            i++;
        }

        Object value() {
            char c = peek();
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (peek() == '}') { i++; return m; }
                    while (true) {
                        if (peek() != '"') throw new ParseException("expected a key", i);
                        String k = str();
                        expect(':');
                        m.put(k, value());
                        if (peek() == ',') { i++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    if (peek() == ']') { i++; return l; }
                    while (true) {
                        l.add(value());
                        if (peek() == ',') { i++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"':
                    return str();
                default:
                    if (s.startsWith("true", i)) { i += 4; return true; }
                    if (s.startsWith("false", i)) { i += 5; return false; }
                    if (s.startsWith("null", i)) { i += 4; return null; }
                    return number();
            }
        }

        String str() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw new ParseException("unterminated string", i);
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                if (i >= s.length()) throw new ParseException("unterminated escape", i);
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw new ParseException("short \\u escape", i);
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String n = s.substring(start, i);
            if (n.isEmpty()) throw new ParseException("unexpected character '" + s.charAt(start) + "'", start);
            try {
                if (n.contains(".") || n.contains("e") || n.contains("E")) return Double.parseDouble(n);
                return Long.parseLong(n);
            } catch (NumberFormatException ex) {
                throw new ParseException("bad number " + n, start);
            }
        }
    }
}
