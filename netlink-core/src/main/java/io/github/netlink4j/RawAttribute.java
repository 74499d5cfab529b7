package io.github.netlink4j;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute ({@code struct nlattr}) the decoder does not interpret, kept as it came so nothing the kernel said is lost.
 * Immutable: the payload is copied in and out.
 */
public final class RawAttribute {
    private final int type;
    private final byte[] value;

    private RawAttribute(int type, byte[] value) {
        this.type = type;
        this.value = value;
    }

    /** An attribute of {@code type} (NLA_TYPE_MASK applied) with a copy of {@code value}. */
    public static RawAttribute of(int type, byte[] value) {
        return new RawAttribute(type, value.clone());
    }

    /** The attribute type. */
    public int type() {
        return type;
    }

    /** A copy of the payload. */
    public byte[] value() {
        return value.clone();
    }

    /** The payload length. */
    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute r && r.type == type && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawAttribute[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
