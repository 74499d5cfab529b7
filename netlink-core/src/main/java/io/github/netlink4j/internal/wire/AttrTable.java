package io.github.netlink4j.internal.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The names of one attribute space (the {@code IFLA_*} of a link message, the {@code IFLA_VXLAN_*} inside
 * a VXLAN's IFLA_INFO_DATA, …) and where its nested attributes lead, as {@link AttrNames} needs them to
 * name the attribute an extended-ACK offset points at. Names come from a uapi constants class, so they
 * read as in the kernel headers. Immutable: every {@code nest…} method returns a new table.
 */
public final class AttrTable {
    private final String prefix;
    private final Map<Integer, String> names;
    private final Map<Integer, Descent> descents;
    private final int selector;

    private AttrTable(String prefix, Map<Integer, String> names, Map<Integer, Descent> descents, int selector) {
        this.prefix = prefix;
        this.names = names;
        this.descents = descents;
        this.selector = selector;
    }

    /**
     * The {@code static final int} constants of {@code uapi} named {@code prefix…}, less those starting
     * with one of {@code exclude} (the constants of nested spaces that share the prefix, such as
     * {@code IFLA_INFO_} under {@code IFLA_}) and the {@code _UNSPEC}/{@code _NONE} placeholders; of two
     * constants with one value, the first declared names it.
     */
    public static AttrTable of(Class<?> uapi, String prefix, String... exclude) {
        Map<Integer, String> m = new HashMap<>();
        outer:
        for (Field f : uapi.getFields()) {
            String n = f.getName();
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || !n.startsWith(prefix)) continue;
            for (String x : exclude) if (n.startsWith(x)) continue outer;
            if (n.endsWith("_UNSPEC") || n.endsWith("_NONE")) continue;
            try {
                m.putIfAbsent(f.getInt(null), n);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return new AttrTable(prefix, Map.copyOf(m), Map.of(), -1);
    }

    /** The prefix the names share, such as {@code "IFLA_VXLAN_"}. */
    public String prefix() {
        return prefix;
    }

    /** A copy in which attribute {@code type} holds the attributes of {@code inner}. */
    public AttrTable nest(int type, AttrTable inner) {
        return with(type, new Descent(0, Objects.requireNonNull(inner), null, false));
    }

    /**
     * A copy in which attribute {@code type} holds a whole message of the request's own family after a
     * {@code header} of that many bytes: a veth's VETH_INFO_PEER carries the peer's ifinfomsg and IFLA_*.
     */
    public AttrTable nestMessage(int type, int header) {
        return with(type, new Descent(header, null, null, true));
    }

    /**
     * A copy in which attribute {@code type}'s attributes are named by the table {@code byValue} gives
     * for the string value of the sibling attribute {@code selector} (IFLA_INFO_DATA by IFLA_INFO_KIND);
     * when there is no such sibling before it, or {@code byValue} gives null, the path ends at {@code type}.
     */
    public AttrTable nestBy(int type, int selector, Function<String, AttrTable> byValue) {
        AttrTable t = with(type, new Descent(0, null, Objects.requireNonNull(byValue), false));
        return new AttrTable(t.prefix, t.names, t.descents, selector);
    }

    private AttrTable with(int type, Descent d) {
        Map<Integer, Descent> m = new HashMap<>(descents);
        m.put(type, d);
        return new AttrTable(prefix, names, Map.copyOf(m), selector);
    }

    /** The name of attribute {@code type}, or {@code "attribute N"} for one the table does not know. */
    String name(int type) {
        String n = names.get(type);
        return n != null ? n : "attribute " + type;
    }

    /** Whether {@code type} names the nest of the attribute that follows (IFLA_INFO_KIND). */
    boolean isSelector(int type) {
        return type == selector;
    }

    /** Where attribute {@code type} leads, or null if the path ends there. */
    Descent descent(int type) {
        return descents.get(type);
    }

    /**
     * One nested attribute: its payload starts with {@code header} bytes, then attributes named by
     * {@code table}, or by {@code byValue} of the selector's value, or by the message's own table.
     */
    record Descent(int header, AttrTable table, Function<String, AttrTable> byValue, boolean message) {
        /** The table of the nest's attributes, or null if they cannot be named. */
        AttrTable inner(String selected, AttrTable root) {
            if (message) return root;
            if (table != null) return table;
            return selected == null ? null : byValue.apply(selected);
        }
    }
}
