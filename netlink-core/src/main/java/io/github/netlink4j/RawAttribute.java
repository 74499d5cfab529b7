package io.github.netlink4j;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.RandomAccess;
import java.util.TreeSet;

/**
 * An attribute ({@code struct nlattr}) the decoder does not interpret, kept as it came so nothing the
 * kernel said is lost. Immutable: the payload is copied in and out.
 *
 * {@snippet :
 * for (RawAttribute a : nl.links().get("veth0").unknown()) System.out.println(a.type() + ": " + a.length() + " bytes");
 * }
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

    /**
     * The attributes packed in {@code area}, struct nlattr after struct nlattr as in a message or a
     * nest, as an immutable list split when first read (a malformed area then throws
     * IllegalStateException). The array is not copied: the caller hands it over.
     */
    public static List<RawAttribute> listOf(byte[] area) {
        return new Area(area);
    }

    /** This attribute's payload read as nested attributes (for a nest such as IFLA_AF_SPEC). */
    public List<RawAttribute> nested() {
        return new Area(value.clone());
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

    /** The summary a list of raw attributes prints: {@code [24 attributes, types 3, 6, 7, …]}, never the payloads. */
    static String summary(List<RawAttribute> attributes) {
        TreeSet<Integer> types = new TreeSet<>();
        for (RawAttribute a : attributes) types.add(a.type());
        StringBuilder sb = new StringBuilder("[").append(attributes.size()).append(attributes.size() == 1 ? " attribute" : " attributes");
        if (!types.isEmpty()) sb.append(", types ");
        int i = 0;
        for (int t : types) sb.append(i++ == 0 ? "" : ", ").append(t);
        return sb.append(']').toString();
    }

    /** Whether {@code list} is an immutable list made by {@link #listOf}. */
    static boolean isArea(List<RawAttribute> list) {
        return list instanceof Area;
    }

    /**
     * The attributes packed in one byte area, split into {@link RawAttribute}s only when the list is
     * first read: a link carries ~25 attributes the decoder keeps raw (~1.5 KB, most of it
     * IFLA_AF_SPEC) that few callers look at, so it keeps one array instead of 25 objects. Immutable.
     * A malformed area is refused when read, never cut short.
     */
    private static final class Area extends AbstractList<RawAttribute> implements RandomAccess {
        private final byte[] area;
        private volatile List<RawAttribute> parsed;

        Area(byte[] area) {
            this.area = area;
        }

        private static int u16(byte[] b, int i) {
            return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN
                    ? (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 : (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
        }

        private List<RawAttribute> parsed() {
            List<RawAttribute> p = parsed;
            if (p == null) {
                List<RawAttribute> out = new ArrayList<>();
                int pos = 0;
                while (pos + 4 <= area.length) {
                    int len = u16(area, pos);
                    if (len < 4 || len > area.length - pos) {
                        throw new IllegalStateException("attribute of length " + len + " at " + pos + " of " + area.length + " bytes");
                    }
                    int type = u16(area, pos + 2) & 0x3fff; // NLA_TYPE_MASK
                    out.add(new RawAttribute(type, Arrays.copyOfRange(area, pos + 4, pos + len)));
                    pos += (len + 3) & ~3;
                }
                parsed = p = List.copyOf(out);
            }
            return p;
        }

        @Override
        public RawAttribute get(int index) {
            return parsed().get(index);
        }

        @Override
        public int size() {
            return parsed().size();
        }

        @Override
        public String toString() {
            return summary(this);
        }
    }
}
