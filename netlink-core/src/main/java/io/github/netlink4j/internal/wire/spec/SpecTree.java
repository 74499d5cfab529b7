package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes attributes into a tree typed by a family's spec: numbers as {@code Long} (unsigned types keep
 * their bits: a u64 above 2^63 reads as a negative long), strings as {@code String}, flags as
 * {@code Boolean.TRUE}, binaries as {@code byte[]} (or {@code long[]} when the spec gives an element
 * type), nests as the {@link Node}s of their set, indexed arrays as a list of element node lists. An
 * attribute the spec does not know is kept, named {@code attribute N}, with its bytes: a newer kernel
 * adds attributes, and they round-trip rather than vanish.
 */
public final class SpecTree {
    private SpecTree() {}

    /** Deepest nest decoded; deeper ones are kept as bytes. */
    private static final int MAX_DEPTH = 16;

    /**
     * One decoded attribute.
     *
     * @param name  the spec's name, or {@code attribute N}
     * @param type  the attribute number
     * @param value the decoded value, as the class comment says
     */
    public record Node(String name, int type, Object value) {
        /** The nested nodes, for a nest; empty for anything else. */
        @SuppressWarnings("unchecked")
        public List<Node> children() {
            return value instanceof List<?> l && (l.isEmpty() || l.get(0) instanceof Node) ? (List<Node>) l : List.of();
        }

        /** The first child named {@code childName}. */
        public Optional<Node> child(String childName) {
            return first(children(), childName);
        }

        /** The value as a number. */
        public long number() {
            if (value instanceof Long l) return l;
            throw new IllegalStateException(name + " is not a number: " + value);
        }
    }

    /** The first node named {@code name} in {@code nodes}. */
    public static Optional<Node> first(List<Node> nodes, String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The attributes in {@code [start, end)} of {@code s}, read as set {@code set} of {@code spec}. */
    public static List<Node> decode(MemorySegment s, long start, long end, FamilySpec spec, String set) throws ProtocolException {
        return decode(new Attrs().reset(s, start, end, spec.name() + " " + set), spec, spec.set(set), 0);
    }

    private static List<Node> decode(Attrs a, FamilySpec spec, AttrSetSpec set, int depth) throws ProtocolException {
        List<Node> out = new ArrayList<>();
        while (a.next()) {
            AttrSpec at = set.attr(a.type()).orElse(null);
            if (at == null) {
                out.add(new Node("attribute " + a.type(), a.type(), a.bytes()));
                continue;
            }
            out.add(new Node(at.name(), a.type(), value(a, at, spec, depth)));
        }
        return List.copyOf(out);
    }

    private static Object value(Attrs a, AttrSpec at, FamilySpec spec, int depth) throws ProtocolException {
        if (at.nested() != null && depth < MAX_DEPTH) {
            AttrSetSpec inner = spec.set(at.nested());
            Attrs nest = a.nestedAttrs(spec.name() + " " + at.name());
            if (at.type() == AttrType.NEST) return decode(nest, spec, inner, depth + 1);
            if (at.type() == AttrType.INDEXED_ARRAY || at.type() == AttrType.NEST_TYPE_VALUE) {
                List<List<Node>> entries = new ArrayList<>();
                while (nest.next()) entries.add(decode(nest.nestedAttrs(spec.name() + " " + at.name() + " entry"), spec, inner, depth + 1));
                return List.copyOf(entries);
            }
        }
        return scalar(a, at.type(), at.subType(), at.bigEndian());
    }

    private static Object scalar(Attrs a, AttrType type, AttrType sub, boolean bigEndian) throws ProtocolException {
        return switch (type) {
            case FLAG -> Boolean.TRUE;
            case U8 -> (long) a.u8();
            case S8 -> (long) (byte) a.u8();
            case U16 -> (long) (bigEndian ? a.u16be() : a.u16());
            case S16 -> (long) (short) a.u16();
            case U32 -> Integer.toUnsignedLong(bigEndian && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(a.u32()) : a.u32());
            case S32 -> (long) a.u32();
            case U64, S64 -> a.u64();
            case UINT -> a.payloadLength() == 4 ? Integer.toUnsignedLong(a.u32()) : a.u64();
            case SINT -> a.payloadLength() == 4 ? (long) a.u32() : a.u64();
            case STRING -> a.string();
            case BINARY -> sub == null ? a.bytes() : array(a, sub);
            default -> a.bytes();
        };
    }

    /** A binary of fixed-width elements ({@code sub-type}), in host order; a trailing partial element is dropped. */
    private static long[] array(Attrs a, AttrType sub) {
        int w = switch (sub) {
            case U8, S8 -> 1;
            case U16, S16 -> 2;
            case U32, S32 -> 4;
            default -> 8;
        };
        long[] out = new long[a.payloadLength() / w];
        MemorySegment p = MemorySegment.ofArray(a.bytes());
        for (int i = 0; i < out.length; i++) {
            long off = (long) i * w;
            out[i] = switch (sub) {
                case U8 -> Byte.toUnsignedLong(p.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off));
                case S8 -> p.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off);
                case U16 -> Short.toUnsignedLong(p.get(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), off));
                case S16 -> p.get(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), off);
                case U32 -> Integer.toUnsignedLong(p.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), off));
                case S32 -> p.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), off);
                default -> p.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.nativeOrder()), off);
            };
        }
        return out;
    }
}
