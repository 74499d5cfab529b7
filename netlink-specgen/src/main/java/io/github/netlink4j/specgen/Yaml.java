package io.github.netlink4j.specgen;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.List;
import java.util.Map;

/**
 * Typed access to the maps and lists snakeyaml-engine makes of a spec, each failure naming where in
 * the file it is ({@code ethtool.yaml: attribute-sets[3].attributes[2].value}).
 */
final class Yaml {
    private Yaml() {}

    /** The document in {@code text} as a map; anchors and aliases (the specs' {@code &x}/{@code *x}) are resolved by the loader. */
    static Map<String, Object> load(String text, String where) {
        Object doc = new Load(LoadSettings.builder().setLabel(where).build()).loadFromString(text);
        return map(doc, where);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String where) {
        if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new SpecException(where + ": expected a mapping, found " + describe(o));
    }

    /** The list at {@code key}, empty when the key is missing or its value is empty. */
    static List<Object> list(Map<String, Object> m, String key, String where) {
        Object o = m.get(key);
        if (o == null) return List.of();
        if (o instanceof List<?> l) return List.copyOf(l);
        throw new SpecException(where + "." + key + ": expected a list, found " + describe(o));
    }

    /** The string at {@code key}, or {@code dflt} when it is missing or empty. */
    static String string(Map<String, Object> m, String key, String dflt, String where) {
        Object o = m.get(key);
        if (o == null) return dflt;
        if (o instanceof String s) return s;
        throw new SpecException(where + "." + key + ": expected a string, found " + describe(o));
    }

    /** The string at {@code key}, which must be there. */
    static String required(Map<String, Object> m, String key, String where) {
        String s = string(m, key, null, where);
        if (s == null || s.isBlank()) throw new SpecException(where + ": no " + key);
        return s.strip();
    }

    /** The integer at {@code key}, or {@code dflt}. */
    static long number(Map<String, Object> m, String key, long dflt, String where) {
        Object o = m.get(key);
        if (o == null) return dflt;
        if (o instanceof Number n && !(o instanceof Double) && !(o instanceof Float)) return n.longValue();
        throw new SpecException(where + "." + key + ": expected an integer, found " + describe(o));
    }

    /** The boolean at {@code key}, false when missing. */
    static boolean flag(Map<String, Object> m, String key, String where) {
        Object o = m.get(key);
        if (o == null) return false;
        if (o instanceof Boolean b) return b;
        throw new SpecException(where + "." + key + ": expected true or false, found " + describe(o));
    }

    private static String describe(Object o) {
        return o == null ? "nothing" : o.getClass().getSimpleName() + " " + o;
    }
}
