package io.github.netlink4j;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute the decoder does not interpret, kept as it came so nothing the kernel said is lost.
 *
 * @param type  the attribute type (NLA_TYPE_MASK applied)
 * @param value the payload
 */
public record RawAttribute(int type, byte[] value) {
    /** Copies the payload. */
    public RawAttribute {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
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
