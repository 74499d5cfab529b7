package io.github.netlink4j.json;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the reader makes of JSON, and of hostile input: typed errors with offsets, never another failure. */
class JsonReaderTest {
    @Test
    void valuesBecomeMapsListsStringsLongsDoublesBooleansAndNull() throws JsonException {
        Object v = Json.read("{\"b\":[1,-2.5,1e2,true,false,null],\"a\":\"\\u00e9\\ud83d\\ude00\\/\",\"z\":9223372036854775807}");
        Map<?, ?> m = assertInstanceOf(Map.class, v);
        assertEquals(List.of("b", "a", "z"), List.copyOf(m.keySet()), "keys in the order read");
        assertEquals(Arrays.asList(1L, -2.5, 100.0, true, false, null), m.get("b"));
        assertEquals("é😀/", m.get("a"));
        assertEquals(Long.MAX_VALUE, m.get("z"));
        assertEquals(1.2345678901234568E29, Json.read("123456789012345678901234567890"), "beyond a long: a double, as Go reads it");
        assertEquals(0.0, Json.read("1e-400"));
        assertNull(Json.read(" null "));
    }

    @Test
    void aKeyGivenTwiceTakesItsLastValueInItsFirstPlace() throws JsonException {
        assertEquals(Map.of("a", 3L, "b", 2L), Json.read("{\"a\":1,\"b\":2,\"a\":3}"));
        assertEquals(List.of("a", "b"), List.copyOf(((Map<?, ?>) Json.read("{\"a\":1,\"b\":2,\"a\":3}")).keySet()));
    }

    @Test
    void loneSurrogatesAreKeptAsTheCharsTheyName() throws JsonException {
        assertEquals("\ud800x\udc00", Json.read("\"\\ud800x\\udc00\""));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertError("trailing characters at offset 3", "{} x");
        assertError("unexpected ']' at offset 3", "[1,]");
        assertError("expected a key at offset 7", "{\"a\":1,}");
        assertError("control character U+0009 in a string at offset 2", "\"a\tb\"");
        assertError("invalid escape '\\x' at offset 1", "\"\\x41\"");
        assertError("invalid \\u escape at offset 5", "\"\\u00g0\"");
        assertError("truncated \\u escape at offset 3", "\"\\u12\"");
        assertError("unexpected U+FEFF at offset 0", "\ufeff{}");
        assertError("expected a digit at offset 3", "[1.]");
        assertError("number 1e400 is out of range at offset 1", "[1e400]");
        assertError("unexpected end of input at offset 0", "");
        assertError("unterminated string at offset 3", "\"ab");
        assertError("expected ':', not '1' at offset 5", "{\"a\" 1}");
        assertError("expected ']' before the end at offset 2", "[1");
        assertError("unexpected 't' at offset 1", "[tru]");
    }

    private static void assertError(String message, String text) {
        JsonException e = assertThrows(JsonException.class, () -> Json.read(text), text);
        assertEquals(message, e.getMessage(), text);
        assertTrue(e.getMessage().endsWith(" at offset " + e.offset()), e.getMessage());
    }

    @Test
    void nestingToTheLimitReadsAndOneLevelMoreIsATypedError() throws JsonException {
        int max = Json.MAX_DEPTH;
        assertEquals(128, max);
        assertInstanceOf(List.class, Json.read("[".repeat(max) + "]".repeat(max)));
        assertInstanceOf(Map.class, Json.read("{\"a\":".repeat(max - 1) + "{}" + "}".repeat(max - 1)));
        JsonException e = assertThrows(JsonException.class, () -> Json.read("[".repeat(max + 1) + "]".repeat(max + 1)));
        assertEquals("nested deeper than 128 at offset 128", e.getMessage());
        assertThrows(JsonException.class, () -> Json.read("{\"a\":".repeat(max) + "{}" + "}".repeat(max)));
    }

    /** Input made to exhaust the stack ends in a JsonException even on a thread with a small stack. */
    @Test
    void hostileNestingIsATypedErrorNotAStackOverflow() throws Exception {
        List<String> hostile = List.of("[".repeat(200_000), "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
                "[{\"a\":".repeat(30_000), "[".repeat(1_000_000) + "]".repeat(1_000_000));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            for (String h : hostile) {
                try {
                    Json.read(h);
                    failure.compareAndSet(null, new AssertionError("read " + h.length() + " chars of nesting"));
                } catch (JsonException expected) {
                    // the one failure allowed
                } catch (Throwable other) {
                    failure.compareAndSet(null, other);
                }
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(60_000);
        assertTrue(!t.isAlive(), "finished within a minute");
        if (failure.get() != null) throw new AssertionError("not a JsonException", failure.get());
    }

    @Test
    void longInputsOfEveryKindRead() throws JsonException {
        String big = "x".repeat(1 << 20);
        assertEquals(big, Json.read("\"" + big + "\""));
        assertEquals(100_000, ((List<?>) Json.read("[" + "0,".repeat(99_999) + "0]")).size());
        assertEquals(5_000, ((Map<?, ?>) Json.read("{" + String.join(",", java.util.stream.IntStream.range(0, 5_000)
                .mapToObj(k -> "\"k" + k + "\":" + k).toList()) + "}")).size());
    }
}
