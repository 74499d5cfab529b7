package io.github.netlink4j.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent reader of RFC 8259's grammar, and nothing more. It recurses once per level of
 * nesting and counts the levels, so input nested past {@link Json#MAX_DEPTH} ends in a
 * {@link JsonException} long before the thread's stack does.
 */
final class JsonReader {
    private final String s;
    private int i;
    private int depth;

    JsonReader(String s) {
        this.s = s;
    }

    /** Whether {@code text} is exactly one RFC 8259 number. */
    static boolean isNumber(String text) {
        JsonReader r = new JsonReader(text);
        try {
            r.numberText();
        } catch (JsonException notANumber) {
            return false;
        }
        return !text.isEmpty() && r.i == text.length();
    }

    Object document() throws JsonException {
        ws();
        Object v = value();
        ws();
        if (i != s.length()) throw error("trailing characters");
        return v;
    }

    private JsonException error(String what) {
        return new JsonException(what, i);
    }

    /** RFC 8259's whitespace: space, tab, line feed, carriage return; no other (no BOM, no NBSP). */
    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private char next() throws JsonException {
        if (i >= s.length()) throw error("unexpected end of input");
        return s.charAt(i);
    }

    private Object value() throws JsonException {
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
                throw error("unexpected " + shown(c));
            }
        };
    }

    private static String shown(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private void enter() throws JsonException {
        if (++depth > Json.MAX_DEPTH) throw error("nested deeper than " + Json.MAX_DEPTH);
        i++;
        ws();
    }

    private Map<String, Object> object() throws JsonException {
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

    private List<Object> array() throws JsonException {
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

    private Object literal(String word, Object v) throws JsonException {
        if (!s.startsWith(word, i)) throw error("unexpected " + shown(s.charAt(i)));
        i += word.length();
        return v;
    }

    /** A Long when integral and within range, else a Double (as Go reads a number into an interface). */
    private Object number() throws JsonException {
        int start = i;
        boolean integral = numberText();
        String n = s.substring(start, i);
        if (integral) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException beyondLong) {
                // a float64, as Go would make it; a typed field then refuses it
            }
        }
        double d = Double.parseDouble(n);
        if (Double.isInfinite(d)) throw new JsonException("number " + n + " is out of range", start);
        return d;
    }

    /**
     * Reads RFC 8259's number, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?: no '+', no leading zero, no
     * bare '.'; says whether it was integral.
     */
    private boolean numberText() throws JsonException {
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
        return integral;
    }

    private void digits() throws JsonException {
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

    private void expect(char c) throws JsonException {
        if (!peek(c)) throw error(i < s.length() ? "expected '" + c + "', not " + shown(s.charAt(i)) : "expected '" + c + "' before the end");
    }

    private String string() throws JsonException {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw new JsonException("control character " + shown(c) + " in a string", i - 1);
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
                default -> throw new JsonException("invalid escape '\\" + e + "'", i - 2);
            }
        }
    }

    /**
     * The char of a \\u escape. A lone surrogate is kept as the char it names (RFC 8259 leaves it to the
     * reader; Java strings hold one), and the writer escapes it again rather than write invalid UTF-8.
     */
    private char hex4() throws JsonException {
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
}
