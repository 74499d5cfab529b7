package io.github.netlink4j.internal.wire.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * An enum or a set of flags of a family: entry names and their values (for flags, each entry's bit).
 *
 * @param name   the definition's name ({@code xdp-act})
 * @param flags  whether the values are bits of a mask
 * @param names  the entries' names, in order
 * @param values their values, in the same order
 */
public record EnumSpec(String name, boolean flags, List<String> names, List<Long> values) {
    /** Copies the lists, which must be of one length. */
    public EnumSpec {
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (names.size() != values.size()) throw new IllegalArgumentException(name + ": " + names.size() + " names, " + values.size() + " values");
    }

    /** The entry named by {@code value} (an enum), or null. */
    public String nameOf(long value) {
        int i = values.indexOf(value);
        return i < 0 ? null : names.get(i);
    }

    /** The names of the flags set in {@code mask}, in entry order; bits no entry names are left out. */
    public List<String> namesOf(long mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) if ((mask & values.get(i)) != 0) out.add(names.get(i));
        return out;
    }
}
