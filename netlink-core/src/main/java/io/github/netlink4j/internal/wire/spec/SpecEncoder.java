package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.genl.SpecRequestException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes attributes from a tree of values (the shape JSON gives: maps, lists, strings, numbers, booleans)
 * as a family's spec types them: the inverse of {@link SpecValues}. A map is an attribute set, a key an
 * attribute's spec name; numbers are range-checked against the attribute's width; an enum's value may be
 * its name and a flag word a list of flag names; a binary is bytes or hex, or a list of numbers when the
 * spec gives its elements a type; a {@code multi-attr} attribute or an indexed array is a list. What the
 * spec refuses is a {@link SpecRequestException} naming the attribute, before anything is written that
 * could reach the kernel.
 */
public final class SpecEncoder {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final FamilySpec spec;
    private final String operation;

    private SpecEncoder(FamilySpec spec, String operation) {
        this.spec = spec;
        this.operation = operation;
    }

    /** Writes {@code values} as attributes of set {@code set} into the message {@code w} has open; {@code operation} names the request in errors. */
    public static void encode(MessageWriter w, FamilySpec spec, String operation, String set, Map<String, ?> values) {
        new SpecEncoder(spec, operation).set(w, spec.set(set), values, "");
    }

    private void set(MessageWriter w, AttrSetSpec set, Map<String, ?> values, String prefix) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String path = prefix + e.getKey();
            AttrSpec at = set.attr(e.getKey()).orElseThrow(() -> refuse(path, "attribute set " + set.name() + " has no such attribute"));
            if (at.multi() && e.getValue() instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) attr(w, at, l.get(i), path + "[" + i + "]");
            } else {
                attr(w, at, e.getValue(), path);
            }
        }
    }

    private void attr(MessageWriter w, AttrSpec at, Object v, String path) {
        int type = at.value();
        switch (at.type()) {
            case FLAG -> {
                if (!(v instanceof Boolean b)) throw wrongType(path, at, "true or false", v);
                if (b) w.attrFlag(type);
            }
            case U8 -> w.attrU8(type, (int) number(at, v, path));
            case S8 -> w.attrU8(type, (int) number(at, v, path));
            case U16 -> {
                int n = (int) number(at, v, path);
                if (at.bigEndian()) w.attrU16Be(type, n);
                else w.attrU16(type, n);
            }
            case S16 -> w.attrU16(type, (int) number(at, v, path));
            case U32 -> {
                int n = (int) number(at, v, path);
                // attrInet4 writes an int most significant byte first: a u32 in network order
                if (at.bigEndian()) w.attrInet4(type, n);
                else w.attrU32(type, n);
            }
            case S32 -> w.attrU32(type, (int) number(at, v, path));
            case U64, S64 -> w.attrU64(type, number(at, v, path));
            case UINT -> {
                long n = number(at, v, path);
                // as the kernel's nla_put_uint: four bytes when the value fits in them
                if ((n & 0xffffffff00000000L) == 0) w.attrU32(type, (int) n);
                else w.attrU64(type, n);
            }
            case SINT -> {
                long n = number(at, v, path);
                if (n == (int) n) w.attrU32(type, (int) n);
                else w.attrU64(type, n);
            }
            case STRING -> {
                if (!(v instanceof String s)) throw wrongType(path, at, "a string", v);
                if (s.indexOf('\0') >= 0) throw refuse(path, "a string attribute cannot hold a NUL character");
                w.attrString(type, s);
            }
            case BINARY -> w.attrBytes(type, at.subType() == null ? bytes(at, v, path) : array(at, v, path));
            case NEST -> {
                int n = w.beginNest(type | Netlink.NLA_F_NESTED);
                set(w, spec.set(at.nested()), map(at, v, path), path + ".");
                w.endNest(n);
            }
            case INDEXED_ARRAY -> indexedArray(w, at, v, path);
            default -> throw refuse(path, "cannot be written from values (type " + typeName(at.type()) + ")");
        }
    }

    /** Entries numbered from 1, as the kernel numbers its own (nlctrl's operations and groups). */
    private void indexedArray(MessageWriter w, AttrSpec at, Object v, String path) {
        if (!(v instanceof List<?> l)) throw wrongType(path, at, "a list", v);
        if (at.nested() == null) throw refuse(path, "cannot be written from values (an indexed array of " + typeName(at.subType()) + ")");
        AttrSetSpec inner = spec.set(at.nested());
        int outer = w.beginNest(at.value() | Netlink.NLA_F_NESTED);
        for (int i = 0; i < l.size(); i++) {
            String entry = path + "[" + i + "]";
            int n = w.beginNest((i + 1) | Netlink.NLA_F_NESTED);
            set(w, inner, map(at, l.get(i), entry), entry + ".");
            w.endNest(n);
        }
        w.endNest(outer);
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> map(AttrSpec at, Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) if (!(k instanceof String)) throw refuse(path, "a key of a nest must be a string, not " + k);
            return (Map<String, ?>) m;
        }
        throw wrongType(path, at, "an object of attribute set " + at.nested(), v);
    }

    /** The value as the attribute's width holds it, its bits in a long; enum names and flag names read by the spec. */
    private long number(AttrSpec at, Object v, String path) {
        BigInteger n = integer(at, v, path);
        BigInteger min, max;
        switch (at.type()) {
            case U8 -> { min = BigInteger.ZERO; max = BigInteger.valueOf(0xff); }
            case U16 -> { min = BigInteger.ZERO; max = BigInteger.valueOf(0xffff); }
            case U32 -> { min = BigInteger.ZERO; max = BigInteger.valueOf(0xffffffffL); }
            case S8 -> { min = BigInteger.valueOf(Byte.MIN_VALUE); max = BigInteger.valueOf(Byte.MAX_VALUE); }
            case S16 -> { min = BigInteger.valueOf(Short.MIN_VALUE); max = BigInteger.valueOf(Short.MAX_VALUE); }
            case S32 -> { min = BigInteger.valueOf(Integer.MIN_VALUE); max = BigInteger.valueOf(Integer.MAX_VALUE); }
            case S64, SINT -> { min = BigInteger.valueOf(Long.MIN_VALUE); max = BigInteger.valueOf(Long.MAX_VALUE); }
            default -> { min = BigInteger.ZERO; max = U64_MAX; }
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw refuse(path, n + " is out of range for " + typeName(at.type()) + " (" + min + " to " + max + ")");
        }
        return n.longValue();
    }

    private BigInteger integer(AttrSpec at, Object v, String path) {
        EnumSpec e = at.enumName() == null ? null : spec.enumeration(at.enumName()).orElse(null);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return BigInteger.valueOf(((Number) v).longValue());
        if (v instanceof BigInteger b) return b;
        if (e != null && v instanceof String name) return BigInteger.valueOf(enumValue(e, name, path));
        if (e != null && e.flags() && v instanceof List<?> l) {
            long mask = 0;
            for (Object o : l) mask |= o instanceof String name ? enumValue(e, name, path) : integer(at, o, path).longValue();
            return new BigInteger(Long.toUnsignedString(mask));
        }
        throw wrongType(path, at, e == null ? "an integer" : "an integer or a name of " + e.name() + (e.flags() ? " (or a list of them)" : ""), v);
    }

    private long enumValue(EnumSpec e, String name, String path) {
        int i = e.names().indexOf(name);
        if (i < 0) throw refuse(path, (e.flags() ? "flags " : "enum ") + e.name() + " has no entry " + name + " (it has " + String.join(", ", e.names()) + ")");
        return e.values().get(i);
    }

    private byte[] bytes(AttrSpec at, Object v, String path) {
        if (v instanceof byte[] b) return b;
        if (v instanceof String hex) {
            try {
                return HexFormat.of().parseHex(hex.replace(":", ""));
            } catch (IllegalArgumentException notHex) {
                throw refuse(path, "\"" + hex + "\" is not hex bytes");
            }
        }
        throw wrongType(path, at, "hex bytes", v);
    }

    /** A binary of {@code sub-type} elements, in host order, each range-checked as an attribute of that type would be. */
    private byte[] array(AttrSpec at, Object v, String path) {
        if (!(v instanceof List<?> l)) throw wrongType(path, at, "a list of " + typeName(at.subType()), v);
        int width = switch (at.subType()) {
            case U8, S8 -> 1;
            case U16, S16 -> 2;
            case U32, S32 -> 4;
            default -> 8;
        };
        AttrSpec element = new AttrSpec(at.value(), at.name(), at.cName(), at.subType(), null, null, false, false, null);
        ByteBuffer b = ByteBuffer.allocate(l.size() * width).order(ByteOrder.nativeOrder());
        for (int i = 0; i < l.size(); i++) {
            long n = number(element, l.get(i), path + "[" + i + "]");
            switch (width) {
                case 1 -> b.put((byte) n);
                case 2 -> b.putShort((short) n);
                case 4 -> b.putInt((int) n);
                default -> b.putLong(n);
            }
        }
        return b.array();
    }

    private SpecRequestException wrongType(String path, AttrSpec at, String expected, Object v) {
        String got = v == null ? "null" : v instanceof String s ? "\"" + s + "\"" : v.toString();
        return refuse(path, typeName(at.type()) + " takes " + expected + ", not " + got);
    }

    private SpecRequestException refuse(String path, String reason) {
        return new SpecRequestException(spec.name(), operation, path, reason);
    }

    /** The spec's own word for a type ({@code indexed-array}, {@code u32}). */
    static String typeName(AttrType t) {
        return t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
