package io.github.netlink4j.internal.wire.spec;

/**
 * The type of an attribute's payload, as a spec's {@code type} names it ({@code array-nest}, its older
 * name, is {@link #INDEXED_ARRAY}). A closed set of the spec format's own, not of any family's attributes.
 */
public enum AttrType {
    /** A placeholder number (the {@code _UNSPEC} 0); never on the wire. */
    UNUSED,
    /** Alignment padding for 64-bit values; carries nothing. */
    PAD,
    /** Present or absent, no payload. */
    FLAG,
    /** Unsigned 8-bit. */
    U8,
    /** Unsigned 16-bit. */
    U16,
    /** Unsigned 32-bit. */
    U32,
    /** Unsigned 64-bit. */
    U64,
    /** Signed 8-bit. */
    S8,
    /** Signed 16-bit. */
    S16,
    /** Signed 32-bit. */
    S32,
    /** Signed 64-bit. */
    S64,
    /** Unsigned, 4 or 8 bytes as the sender chose. */
    UINT,
    /** Signed, 4 or 8 bytes as the sender chose. */
    SINT,
    /** A NUL-terminated string. */
    STRING,
    /** Bytes, or an array of {@code sub-type} values. */
    BINARY,
    /** Attributes of another set. */
    NEST,
    /** Nests whose attribute types are values (an id), holding attributes of another set, one level per type-value. */
    NEST_TYPE_VALUE,
    /** Nests numbered 1, 2, … each holding one element of {@code sub-type} (a nest of another set for nlctrl's ops). */
    INDEXED_ARRAY,
    /** Attributes of a set chosen by a sibling's value. */
    SUB_MESSAGE,
    /** struct nla_bitfield32: value and selector. */
    BITFIELD32;

    /** Whether the payload is attributes of another set. */
    public boolean nests() {
        return this == NEST || this == NEST_TYPE_VALUE || this == INDEXED_ARRAY || this == SUB_MESSAGE;
    }
}
