package io.github.netlink4j.testing;

import io.github.netlink4j.json.JsonException;

import java.util.List;
import java.util.Map;

/**
 * {@code ip -j} output read in tests, through the project's one reader (netlink-json): objects become Maps,
 * arrays Lists. Malformed output is a bug of the command under test, so it fails the test unchecked.
 */
public final class Json {
    private Json() {}

    public static Object parse(String text) {
        try {
            return io.github.netlink4j.json.Json.read(text);
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> array(String text) {
        return (List<Map<String, Object>>) parse(text);
    }
}
