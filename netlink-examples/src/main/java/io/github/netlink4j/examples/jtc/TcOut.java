package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.json.Json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What iproute2's json_print gives tc: one sequence of print calls that writes text or JSON, never both.
 * {@link #any} is print_*(PRINT_ANY, …), {@link #fp} PRINT_FP, {@link #js} PRINT_JSON, {@link #nl} print_nl;
 * so a view is written once, in tc's order, and the two outputs cannot drift apart.
 */
final class TcOut {
    private final boolean json;
    private final StringBuilder text = new StringBuilder();
    private final List<Object> records = Json.list();
    /** The open JSON containers, innermost first: a Members object or, for open_json_array, a List. */
    private final Deque<Object> open = new ArrayDeque<>();

    TcOut(boolean json) {
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** open_json_object(NULL): one record of the top-level array. */
    void openRecord() {
        Map<String, Object> m = new Members();
        records.add(m);
        open.push(m);
    }

    /** open_json_object(key) inside the open record; {@code key} null for an element of an open array. */
    void openObject(String key) {
        Map<String, Object> m = new Members();
        if (json) put(key, m);
        open.push(m);
    }

    /** open_json_array(PRINT_JSON, key): JSON only; elements are {@link #openObject}(null) or {@link #element}. */
    void openArray(String key) {
        List<Object> l = new ArrayList<>();
        if (json) put(key, l);
        open.push(l);
    }

    /** print_string(PRINT_ANY, NULL, …) inside an open array: {@code value} in JSON, {@code text} otherwise. */
    void element(Object value, String text) {
        if (json) put(null, value);
        else this.text.append(text);
    }

    @SuppressWarnings("unchecked")
    private void put(String key, Object value) {
        Object top = open.getFirst();
        if (top instanceof List<?> l) ((List<Object>) l).add(value);
        else ((Map<String, Object>) top).put(key, value);
    }

    void close() {
        open.pop();
    }

    /** PRINT_ANY: {@code value} under {@code key} in JSON, {@code text} otherwise. */
    void any(String key, Object value, String text) {
        if (json) put(key, value);
        else this.text.append(text);
    }

    /** PRINT_FP: text only. */
    void fp(String text) {
        if (!json) this.text.append(text);
    }

    /** PRINT_JSON: JSON only. */
    void js(String key, Object value) {
        if (json) put(key, value);
    }

    /** print_nl: a newline in text, nothing in JSON. */
    void nl() {
        if (!json) text.append('\n');
    }

    /**
     * A JSON object's members in the order written, a key possibly twice: tc writes what its print calls
     * say, and tbf's with -d say "mpu" for the rate and again for the peak rate.
     */
    private static final class Members extends AbstractMap<String, Object> {
        private final List<Entry<String, Object>> members = new ArrayList<>();

        @Override
        public Object put(String key, Object value) {
            members.add(new SimpleImmutableEntry<>(key, value));
            return null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return members.iterator();
                }

                @Override
                public int size() {
                    return members.size();
                }
            };
        }
    }

    /** The whole output: the text, or the records as tc's json_writer closes them (a newline after the array). */
    String result(boolean pretty) {
        return json ? Json.write(records, pretty) + "\n" : text.toString();
    }
}
