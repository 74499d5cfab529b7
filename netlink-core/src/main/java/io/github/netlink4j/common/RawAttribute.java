package io.github.netlink4j.common;

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
    private final boolean nest;

    private RawAttribute(int type, byte[] value) {
        this(type, value, false);
    }

    private RawAttribute(int type, byte[] value, boolean nest) {
        if (type < 0 || type > 0x3fff) throw new IllegalArgumentException("attribute type " + type + " is not in 0..16383");
        if (value.length > 0xffff - 4) throw new IllegalArgumentException("an attribute holds at most 65,531 bytes, not " + value.length);
        this.type = type;
        this.value = value;
        this.nest = nest;
    }

    /** An attribute of {@code type} (NLA_TYPE_MASK applied) with a copy of {@code value}. */
    public static RawAttribute of(int type, byte[] value) {
        return new RawAttribute(type, value.clone());
    }

    /** An 8-bit attribute. */
    public static RawAttribute ofU8(int type, int v) {
        return new RawAttribute(type, new byte[] {(byte) v});
    }

    /** A 16-bit attribute in host byte order. */
    public static RawAttribute ofU16(int type, int v) {
        return new RawAttribute(type, java.nio.ByteBuffer.allocate(2).order(java.nio.ByteOrder.nativeOrder()).putShort((short) v).array());
    }

    /** A 32-bit attribute in host byte order. */
    public static RawAttribute ofU32(int type, int v) {
        return new RawAttribute(type, java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putInt(v).array());
    }

    /** A 64-bit attribute in host byte order. */
    public static RawAttribute ofU64(int type, long v) {
        return new RawAttribute(type, java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder()).putLong(v).array());
    }

    /** A NUL-terminated UTF-8 string attribute. */
    public static RawAttribute ofString(int type, String s) {
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("a string attribute cannot hold a NUL character");
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new RawAttribute(type, Arrays.copyOf(b, b.length + 1));
    }

    /**
     * A nest holding {@code members}, sent with NLA_F_NESTED set (families validated strictly, such as
     * ethtool's, refuse a nest without it).
     */
    public static RawAttribute nest(int type, List<RawAttribute> members) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (RawAttribute m : members) {
            int len = 4 + m.value.length;
            int t = m.type | (m.nest ? 0x8000 : 0);
            byte[] h = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putShort((short) len).putShort((short) t).array();
            out.writeBytes(h);
            out.writeBytes(m.value);
            out.writeBytes(new byte[((len + 3) & ~3) - len]);
        }
        return new RawAttribute(type, out.toByteArray(), true);
    }

    /** Whether this attribute was made by {@link #nest} and is sent with NLA_F_NESTED. */
    public boolean isNest() {
        return nest;
    }

    /** The payload as a NUL-terminated string (the NUL and anything after it dropped). */
    public String stringValue() {
        int n = 0;
        while (n < value.length && value[n] != 0) n++;
        return new String(value, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The payload as an unsigned 8-, 16- or 32-bit value in host byte order (by its length). */
    public long unsignedValue() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(value).order(java.nio.ByteOrder.nativeOrder());
        return switch (value.length) {
            case 1 -> value[0] & 0xffL;
            case 2 -> b.getShort() & 0xffffL;
            case 4 -> b.getInt() & 0xffffffffL;
            case 8 -> b.getLong();
            default -> throw new IllegalStateException("attribute " + type + " has " + value.length + " bytes, not 1, 2, 4 or 8");
        };
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

    /** Whether {@code list} is an immutable list made by {@link #listOf} (records keep it rather than copy it). */
    public static boolean isArea(List<RawAttribute> list) {
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
