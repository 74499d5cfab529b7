package io.github.netlink4j.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The writer's layouts (iproute2's json_writer, compact and pretty), its escapes and its numbers. */
class JsonWriterTest {
    private static Map<String, Object> object(Object... kv) {
        Map<String, Object> m = Json.object();
        for (int k = 0; k < kv.length; k += 2) m.put((String) kv[k], kv[k + 1]);
        return m;
    }

    @Test
    void compactIsOneLineWithoutSpaces() {
        Object v = List.of(object("a", 1L, "b", List.of(), "c", object(), "d", List.of("x", "y")), object());
        assertEquals("[{\"a\":1,\"b\":[],\"c\":{},\"d\":[\"x\",\"y\"]},{}]", Json.write(v));
    }

    /** json_writer's quirks: "[ ]" for an empty array, "{}" for an empty object, "},{" between objects in an array. */
    @Test
    void prettyIsIproute2sLayout() {
        Object v = List.of(object("a", 1L, "b", List.of(), "c", object(), "d", List.of("x", "y"), "e", List.of(object("f", true))), object());
        assertEquals("""
                [ {
                        "a": 1,
                        "b": [ ],
                        "c": {},
                        "d": [ "x","y" ],
                        "e": [ {
                                "f": true
                            } ]
                    },{} ]""", Json.write(v, true));
        assertEquals("[ ]", Json.write(List.of(), true));
        assertEquals("{}", Json.write(Json.object(), true));
        assertEquals("\"s\"", Json.write("s", true));
    }

    @Test
    void stringsEscapeWhatJsonNeedsWithShortEscapesWhereJsonHasThem() {
        assertEquals("\"\\\"\\\\\\n\\t\\r\\f\\b/\"", Json.write("\"\\\n\t\r\f\b/"));
        assertEquals("\"\\u0000\\u0001\\u001f\\u007f\"".replace("\\u007f", "\u007f"), Json.write("\u0000\u0001\u001f\u007f"));
        assertEquals("\"é😀\u2028\"", Json.write("é😀\u2028"), "other chars as they are, as ip writes them");
    }

    @Test
    void loneSurrogatesAreEscapedSoThatTheOutputIsUtf8() {
        assertEquals("\"\\ud800x\\udc00\\udc00\\ud800\"", Json.write("\ud800x\udc00\udc00\ud800"));
        assertEquals("\"\\ud83d\"", Json.write("\ud83d"));
        assertEquals("\"\ud83d\ude00\"", Json.write("\ud83d\ude00"), "a pair stays as it is");
    }

    @Test
    void numbers() {
        assertEquals("[1,2,3,4,5,6,1.5,2.5,null,null,null,0.00,1e-05,true,null]", Json.write(Arrays.asList(1L, 2, (short) 3, (byte) 4,
                BigInteger.valueOf(5), new BigDecimal("6"), 1.5, 2.5f, Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                new RawNumber("0.00"), new RawNumber("1e-05"), true, null)));
    }

    @Test
    void aRawNumberMustBeAJsonNumber() {
        for (String bad : new String[] {"1,5", "inf", ".5", "", "1.", "01", "+1", "1 "}) {
            assertThrows(IllegalArgumentException.class, () -> new RawNumber(bad), bad);
        }
        assertEquals("-0.5e+3", new RawNumber("-0.5e+3").toString());
    }

    @Test
    void anythingElseIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(new Object())));
        assertEquals("not a JSON value: java.lang.Object", e.getMessage());
        assertEquals("{\"1\":2}", Json.write(Map.of(1, 2L)), "a key is written as its string");
    }
}
