package io.github.netlink4j.internal.wire.spec;

import java.util.Objects;

/**
 * One attribute of a set: its number, spec name and C name, its type, and where its payload leads.
 *
 * @param value     the attribute number (nla_type without flags)
 * @param name      the spec's name ({@code dev-index})
 * @param cName     the uapi name ({@code ETHTOOL_A_HEADER_DEV_INDEX}), what error paths print
 * @param type      the payload's type
 * @param nested    the set its payload holds ({@code nested-attributes}), or null
 * @param subType   the element type of an indexed array or a binary array, or null
 * @param multi     whether it may appear more than once ({@code multi-attr})
 * @param bigEndian whether a number is in network byte order
 * @param enumName  the enum or flags definition its value is read by, or null
 */
public record AttrSpec(int value, String name, String cName, AttrType type, String nested, AttrType subType,
                       boolean multi, boolean bigEndian, String enumName) {
    /** Checks the values. */
    public AttrSpec {
        if (value < 0 || value > 0x3fff) throw new IllegalArgumentException("attribute number " + value);
        Objects.requireNonNull(name);
        Objects.requireNonNull(cName);
        Objects.requireNonNull(type);
    }
}
