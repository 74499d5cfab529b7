package io.github.netlink4j.specgen;

import java.util.List;
import java.util.Optional;

/**
 * One netlink family as its spec describes it, with every number resolved: attribute values, command
 * values in both directions, enum and flag values. What the writers print is read from here only.
 *
 * @param name         the family's name ({@code ethtool}), as nlctrl knows it for generic netlink
 * @param protocol     {@code genetlink}, {@code genetlink-legacy} or {@code netlink-raw}
 * @param fixedHeader  bytes of family header after the genlmsghdr or nlmsghdr (the {@code fixed-header} struct's size, 0 if none)
 * @param definitions  enums, flags and constants, in spec order
 * @param sets         the attribute sets, in spec order
 * @param operations   the operations, in spec order
 * @param groups       the multicast groups, in spec order
 */
public record Family(String name, String protocol, int fixedHeader, List<Definition> definitions,
                     List<AttrSet> sets, List<Operation> operations, List<Group> groups) {
    /** Copies the lists. */
    public Family {
        definitions = List.copyOf(definitions);
        sets = List.copyOf(sets);
        operations = List.copyOf(operations);
        groups = List.copyOf(groups);
    }

    /** The attribute set named {@code name}. */
    public Optional<AttrSet> set(String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** An enum, a flags set or a constant. {@code entries} is empty for a constant, whose value is {@code value}. */
    public record Definition(String name, Kind kind, List<Entry> entries, long value, String cName) {
        /** Copies the list. */
        public Definition {
            entries = List.copyOf(entries);
        }
    }

    /** What a definition is. */
    public enum Kind { ENUM, FLAGS, CONST }

    /** One enum or flag value with its C name. */
    public record Entry(String name, long value, String cName) {}

    /** An attribute set. */
    public record AttrSet(String name, List<Attr> attributes) {
        /** Copies the list. */
        public AttrSet {
            attributes = List.copyOf(attributes);
        }

        /** The attribute named {@code name}. */
        public Optional<Attr> attr(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    /**
     * One attribute.
     *
     * @param type     the spec's type word ({@code u32}, {@code nest}, {@code indexed-array}, …; {@code array-nest} is kept as written)
     * @param nested   the attribute set its payload holds ({@code nested-attributes}), or null
     * @param subType  {@code sub-type} (element type of an array or of a binary), or null
     * @param enumName the {@code enum} its value is read by, or null
     */
    public record Attr(String name, int value, String cName, String type, String nested, String subType,
                       boolean multi, boolean bigEndian, String enumName) {}

    /**
     * One operation. {@code request}/{@code reply} are the message's command values each way (-1 where
     * there is no such message); {@code dumpReplyValue} is the command of its dump's replies where the spec gives
     * it its own ({@code devlink}'s port-get dump answers with DEVLINK_CMD_NEW, a kernel bug the spec records),
     * else {@code reply}; the lists are the attribute names of each part (null where the part is absent).
     */
    public record Operation(String name, String attributeSet, int request, String requestCName, int reply,
                            String replyCName, List<String> doRequest, List<String> doReply,
                            List<String> dumpRequest, List<String> dumpReply, boolean notification, int dumpReplyValue) {}

    /** A multicast group; {@code value} is -1 where nlctrl gives the id at run time (generic netlink). */
    public record Group(String name, int value) {}
}
