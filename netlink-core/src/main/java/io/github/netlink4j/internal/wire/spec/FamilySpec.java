package io.github.netlink4j.internal.wire.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A netlink family as its spec describes it: name, protocol, fixed header, attribute sets, operations,
 * enums and multicast groups. Made by the generated descriptors ({@code …spec.gen.EthtoolSpec.SPEC}) and
 * immutable once built. Nothing here asks the kernel: what a running kernel offers is nlctrl's answer.
 */
public final class FamilySpec {
    private final String name;
    private final String protocol;
    private final int fixedHeader;
    private final Map<String, AttrSetSpec> sets;
    private final List<OpSpec> operations;
    private final Map<String, Integer> dumpReplies;
    private final Map<String, EnumSpec> enums;
    private final Map<String, Integer> groups;

    private FamilySpec(Builder b) {
        this.name = b.name;
        this.protocol = b.protocol;
        this.fixedHeader = b.fixedHeader;
        Map<String, AttrSetSpec> s = new LinkedHashMap<>();
        b.sets.forEach((k, v) -> s.put(k, new AttrSetSpec(k, v)));
        this.sets = java.util.Collections.unmodifiableMap(s);
        this.operations = List.copyOf(b.ops);
        this.dumpReplies = Map.copyOf(b.dumpReplies);
        this.enums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.enums));
        this.groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.groups));
        for (AttrSetSpec set : sets.values()) {
            for (AttrSpec a : set.attributes()) {
                if (a.nested() != null && !sets.containsKey(a.nested())) {
                    throw new IllegalArgumentException(name + ": " + set.name() + "." + a.name() + " nests unknown set " + a.nested());
                }
            }
        }
    }

    /** A builder for the family {@code name} of {@code protocol} with a fixed header of {@code fixedHeader} bytes. */
    public static Builder builder(String name, String protocol, int fixedHeader) {
        return new Builder(name, protocol, fixedHeader);
    }

    /** The family's name ({@code ethtool}). */
    public String name() {
        return name;
    }

    /** {@code genetlink}, {@code genetlink-legacy} or {@code netlink-raw}. */
    public String protocol() {
        return protocol;
    }

    /** Bytes of family header after the genlmsghdr (generic netlink) or nlmsghdr (netlink-raw). */
    public int fixedHeader() {
        return fixedHeader;
    }

    /** Every attribute set, in the spec's order. */
    public java.util.Collection<AttrSetSpec> sets() {
        return sets.values();
    }

    /** The attribute set named {@code name}; IllegalArgumentException if the spec has none. */
    public AttrSetSpec set(String name) {
        AttrSetSpec s = sets.get(name);
        if (s == null) throw new IllegalArgumentException(this.name + " has no attribute set " + name);
        return s;
    }

    /** Every operation, in the spec's order. */
    public List<OpSpec> operations() {
        return operations;
    }

    /** The operation named {@code name}; IllegalArgumentException if the spec has none. */
    public OpSpec op(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this.name + " has no operation " + name));
    }

    /** The operation whose request is command {@code cmd}, if any. */
    public Optional<OpSpec> opOfRequest(int cmd) {
        return operations.stream().filter(o -> o.request() == cmd && !o.notification()).findFirst();
    }

    /** The operation whose reply or notification is command {@code cmd}, if any. */
    public Optional<OpSpec> opOfReply(int cmd) {
        return operations.stream().filter(o -> o.reply() == cmd).findFirst();
    }

    /** The command the kernel's dump replies of {@code op} carry: its reply's, unless the spec gives the dump's its own. */
    public int dumpReplyOf(OpSpec op) {
        return dumpReplies.getOrDefault(op.name(), op.reply());
    }

    /** The enum or flags named {@code name}, if the spec defines it. */
    public Optional<EnumSpec> enumeration(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    /** The multicast groups by name, with their fixed numbers (-1 where nlctrl gives the id). */
    public Map<String, Integer> groups() {
        return groups;
    }

    @Override
    public String toString() {
        return "FamilySpec[" + name + " (" + protocol + "), " + sets.size() + " sets, " + operations.size() + " operations]";
    }

    /** Collects a family's parts in the order the generated descriptor gives them. */
    public static final class Builder {
        private final String name;
        private final String protocol;
        private final int fixedHeader;
        private final Map<String, List<AttrSpec>> sets = new LinkedHashMap<>();
        private final List<OpSpec> ops = new ArrayList<>();
        private final Map<String, EnumSpec> enums = new LinkedHashMap<>();
        private final Map<String, Integer> groups = new LinkedHashMap<>();
        private final Map<String, Integer> dumpReplies = new LinkedHashMap<>();
        private List<AttrSpec> current;

        private Builder(String name, String protocol, int fixedHeader) {
            this.name = Objects.requireNonNull(name);
            this.protocol = Objects.requireNonNull(protocol);
            if (fixedHeader < 0) throw new IllegalArgumentException("fixed header of " + fixedHeader + " bytes");
            this.fixedHeader = fixedHeader;
        }

        /** Starts the attribute set {@code setName}; the attributes that follow are its. */
        public Builder set(String setName) {
            current = new ArrayList<>();
            if (sets.put(setName, current) != null) throw new IllegalArgumentException(name + ": two sets named " + setName);
            return this;
        }

        /** An attribute of the current set that nests nothing and is read as its type says. */
        public Builder attr(int value, String attrName, String cName, AttrType type) {
            return attr(value, attrName, cName, type, null, null, false, false, null);
        }

        /** An attribute of the current set, with every detail. */
        public Builder attr(int value, String attrName, String cName, AttrType type, String nested, AttrType subType,
                            boolean multi, boolean bigEndian, String enumName) {
            if (current == null) throw new IllegalStateException("attribute " + attrName + " before any set");
            current.add(new AttrSpec(value, attrName, cName, type, nested, subType, multi, bigEndian, enumName));
            return this;
        }

        /** An operation; a null array is a part the operation does not have. */
        public Builder op(String opName, String set, int request, int reply, boolean notification,
                          String[] doRequest, String[] doReply, String[] dumpRequest, String[] dumpReply) {
            ops.add(new OpSpec(opName, set, request, reply, notification, list(doRequest), list(doReply), list(dumpRequest), list(dumpReply)));
            return this;
        }

        /** The command of the dump replies of operation {@code opName} where it is not the do reply's. */
        public Builder dumpReply(String opName, int value) {
            dumpReplies.put(opName, value);
            return this;
        }

        /** An enum ({@code flags} false) or a set of flags. */
        public Builder enumeration(String enumName, boolean flags, String[] names, long[] values) {
            enums.put(enumName, new EnumSpec(enumName, flags, Arrays.asList(names), Arrays.stream(values).boxed().toList()));
            return this;
        }

        /** A multicast group; {@code value} -1 when the id is nlctrl's to give. */
        public Builder group(String groupName, int value) {
            groups.put(groupName, value);
            return this;
        }

        /** The family. */
        public FamilySpec build() {
            return new FamilySpec(this);
        }

        private static List<String> list(String[] a) {
            return a == null ? null : List.of(a);
        }
    }
}
