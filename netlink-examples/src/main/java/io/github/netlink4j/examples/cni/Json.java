package io.github.netlink4j.examples.cni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer for CNI's configs and results: objects (Maps), arrays (Lists), strings,
 * numbers (Long when integral and in range, else Double), booleans, null. The reader takes RFC 8259
 * exactly and nothing else, and nests at most {@link #MAX_DEPTH} deep: its input comes from a runtime
 * or a delegated plugin, and a reader that recursed without bound would end in a StackOverflowError
 * rather than in a CNI error.
 */
final class Json {
    /** Far above any CNI config (a result in a prevResult is four deep); Go's encoding/json allows 10,000. */
    static final int MAX_DEPTH = 128;

    /** Input that is not JSON, or nests too deep: what went wrong and the offset where. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String what, int offset) {
            super(what + " at offset " + offset);
        }
    }

    private final String s;
    private int i;
    private int depth;

    private Json(String s) {
        this.s = s;
    }

    /** Parses {@code text}, which must be one JSON value with nothing but whitespace around it. */
    static Object parse(String text) throws SyntaxException {
        Json p = new Json(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i != text.length()) throw p.error("trailing characters");
        return v;
    }

    private SyntaxException error(String what) {
        return new SyntaxException(what, i);
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private char next() throws SyntaxException {
        if (i >= s.length()) throw error("unexpected end of input");
        return s.charAt(i);
    }

    private Object value() throws SyntaxException {
        char c = next();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') yield number();
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private void enter() throws SyntaxException {
        if (++depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        i++;
        ws();
    }

    private Map<String, Object> object() throws SyntaxException {
        enter();
        Map<String, Object> m = new LinkedHashMap<>();
        if (!peek('}')) {
            do {
                ws();
                if (next() != '"') throw error("expected a key");
                String k = string();
                ws();
                expect(':');
                ws();
                m.put(k, value());
                ws();
            } while (peek(','));
            expect('}');
        }
        depth--;
        return m;
    }

    private List<Object> array() throws SyntaxException {
        enter();
        List<Object> l = new ArrayList<>();
        if (!peek(']')) {
            do {
                ws();
                l.add(value());
                ws();
            } while (peek(','));
            expect(']');
        }
        depth--;
        return l;
    }

    private Object literal(String word, Object v) throws SyntaxException {
        if (!s.startsWith(word, i)) throw error("unexpected '" + s.charAt(i) + "'");
        i += word.length();
        return v;
    }

    /** RFC 8259's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; no '+', no leading zero, no bare '.'. */
    private Object number() throws SyntaxException {
        int start = i;
        peek('-');
        if (!peek('0')) digits();
        boolean integral = true;
        if (peek('.')) {
            integral = false;
            digits();
        }
        if (peek('e') || peek('E')) {
            integral = false;
            if (!peek('+')) peek('-');
            digits();
        }
        String n = s.substring(start, i);
        if (integral) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException beyondLong) {
                // as Go reads a number into an interface: a float64; a typed field then refuses it
            }
        }
        double d = Double.parseDouble(n);
        if (Double.isInfinite(d)) throw error("number " + n + " is out of range");
        return d;
    }

    private void digits() throws SyntaxException {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == start) throw error("expected a digit");
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws SyntaxException {
        if (!peek(c)) throw error(i < s.length() ? "expected '" + c + "', not '" + s.charAt(i) + "'" : "expected '" + c + "' before the end");
    }

    private String string() throws SyntaxException {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw error("control character 0x" + Integer.toHexString(c) + " in a string");
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) throw error("unterminated escape");
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> b.append(hex4());
                default -> throw error("invalid escape '\\" + e + "'");
            }
        }
    }

    private char hex4() throws SyntaxException {
        if (i + 4 > s.length()) throw error("truncated \\u escape");
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 'f') throw error("invalid \\u escape");
            v = v << 4 | d;
            i++;
        }
        return (char) v;
    }

    /** Writes {@code v} compactly. */
    static String write(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String str) {
            b.append('"');
            for (char c : str.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                        else b.append(c);
                    }
                }
            }
            b.append('"');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (!first) b.append(',');
                first = false;
                write(b, e.getKey());
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) b.append(',');
                write(b, l.get(k));
            }
            b.append(']');
        } else {
            b.append(v);
        }
    }
}
