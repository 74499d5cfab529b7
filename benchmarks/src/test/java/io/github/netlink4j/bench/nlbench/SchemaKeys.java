package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.JsonException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a result document against benchmarks/nlbench-schema.json: every key a {@code required} list
 * names is present at its level (objects, array items, {@code $ref} and {@code anyOf} followed), and
 * {@code const}/{@code enum} values hold. Returns the problems; empty means the document has every key.
 */
final class SchemaKeys {
    private SchemaKeys() {}

    static Map<?, ?> schema() throws IOException {
        // Surefire runs in the module's directory.
        try {
            return (Map<?, ?>) Json.read(Files.readString(Path.of("nlbench-schema.json")));
        } catch (JsonException e) {
            throw new IOException("nlbench-schema.json: " + e.getMessage(), e);
        }
    }

    static List<String> problems(Object doc) throws IOException {
        Map<?, ?> root = schema();
        List<String> out = new ArrayList<>();
        check(root, root, doc, "$", out);
        return out;
    }

    private static void check(Map<?, ?> root, Map<?, ?> schema, Object value, String path, List<String> out) {
        if (schema.get("$ref") instanceof String ref) {
            Map<?, ?> defs = (Map<?, ?>) root.get("$defs");
            check(root, (Map<?, ?>) defs.get(ref.substring("#/$defs/".length())), value, path, out);
            return;
        }
        if (value == null) return; // the schema's types say where null is allowed; keys are what this checks
        if (schema.get("anyOf") instanceof List<?> any) {
            for (Object alt : any) {
                Map<?, ?> a = (Map<?, ?>) alt;
                if (!"null".equals(a.get("type"))) check(root, a, value, path, out);
            }
            return;
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) out.add(path + " is " + value + ", not " + schema.get("const"));
        if (schema.get("enum") instanceof List<?> e && !e.contains(value)) out.add(path + " is " + value + ", not one of " + e);
        if (value instanceof Map<?, ?> m) {
            if (schema.get("required") instanceof List<?> req) {
                for (Object k : req) if (!m.containsKey(k)) out.add(path + " lacks key " + k);
            }
            if (schema.get("properties") instanceof Map<?, ?> props) {
                for (Map.Entry<?, ?> p : props.entrySet()) {
                    if (m.containsKey(p.getKey())) check(root, (Map<?, ?>) p.getValue(), m.get(p.getKey()), path + "." + p.getKey(), out);
                }
            }
        }
        if (value instanceof List<?> l && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < l.size(); i++) check(root, items, l.get(i), path + "[" + i + "]", out);
        }
    }
}
