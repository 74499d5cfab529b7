package io.github.netlink4j.internal.wire.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An attribute set: its attributes by number and by name, in the spec's order. */
public final class AttrSetSpec {
    private final String name;
    private final List<AttrSpec> attributes;
    private final Map<Integer, AttrSpec> byValue = new LinkedHashMap<>();
    private final Map<String, AttrSpec> byName = new LinkedHashMap<>();

    AttrSetSpec(String name, List<AttrSpec> attributes) {
        this.name = name;
        this.attributes = List.copyOf(attributes);
        for (AttrSpec a : this.attributes) {
            byValue.putIfAbsent(a.value(), a);
            if (byName.putIfAbsent(a.name(), a) != null) throw new IllegalArgumentException("set " + name + " names " + a.name() + " twice");
        }
    }

    /** The set's name in the spec. */
    public String name() {
        return name;
    }

    /** Every attribute, in the spec's order. */
    public List<AttrSpec> attributes() {
        return attributes;
    }

    /** The attribute numbered {@code value}, if the spec has it. */
    public Optional<AttrSpec> attr(int value) {
        return Optional.ofNullable(byValue.get(value));
    }

    /** The attribute named {@code name}, if the spec has it. */
    public Optional<AttrSpec> attr(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The number of the attribute named {@code name}; IllegalArgumentException if the set has none (a typo in our own code). */
    public int valueOf(String name) {
        AttrSpec a = byName.get(name);
        if (a == null) throw new IllegalArgumentException("attribute set " + this.name + " has no attribute " + name);
        return a.value();
    }

    @Override
    public String toString() {
        return "AttrSetSpec[" + name + ", " + attributes.size() + " attributes]";
    }
}
