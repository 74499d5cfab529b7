package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.error.ProtocolException;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link SpecTree} into a tree of values in the shape JSON gives, keyed by the spec's attribute
 * names, in the order the kernel sent them: nests are maps, indexed arrays lists of maps, a {@code multi-attr}
 * attribute a list (and so is any other attribute the kernel repeats), numbers {@code Long} (an unsigned
 * 64-bit value above 2^63 a {@code BigInteger}), an enum's value its name, a flag word the list of its
 * flags' names, a binary its bytes ({@code byte[]}) or, when the spec gives its elements a type, a list of
 * numbers. A value no entry of its enum names stays a number, as do bits no flag names (the list's last
 * element): a newer kernel's values survive. What {@link SpecEncoder} reads back.
 */
public final class SpecValues {
    private SpecValues() {}

    /** The attributes in {@code [start, end)} of {@code s} as set {@code set} of {@code spec}. */
    public static Map<String, Object> decode(MemorySegment s, long start, long end, FamilySpec spec, String set) throws ProtocolException {
        return of(SpecTree.decode(s, start, end, spec, set), spec, spec.set(set));
    }

    /** The values of {@code nodes}, decoded as {@code set} of {@code spec}. */
    public static Map<String, Object> of(List<SpecTree.Node> nodes, FamilySpec spec, AttrSetSpec set) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, List<Object>> lists = new HashMap<>();
        for (SpecTree.Node n : nodes) {
            AttrSpec at = set.attr(n.type()).orElse(null);
            Object v = at == null ? n.value() : value(n.value(), at, spec);
            String k = n.name();
            List<Object> l = lists.get(k);
            if (l == null && (at != null && at.multi() || out.containsKey(k))) {
                // a multi-attr attribute is a list from its first instance; any other from its second
                l = new ArrayList<>();
                if (out.containsKey(k)) l.add(out.get(k));
                lists.put(k, l);
                out.put(k, l);
            }
            if (l != null) l.add(v);
            else out.put(k, v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v, AttrSpec at, FamilySpec spec) {
        if (at.nested() != null && v instanceof List<?> l) {
            AttrSetSpec inner = spec.set(at.nested());
            if (at.type() == AttrType.NEST) return of((List<SpecTree.Node>) l, spec, inner);
            List<Object> entries = new ArrayList<>();
            for (Object e : l) entries.add(of((List<SpecTree.Node>) e, spec, inner));
            return entries;
        }
        if (v instanceof long[] a) {
            List<Object> out = new ArrayList<>();
            for (long x : a) out.add(unsigned(x, at.subType()));
            return out;
        }
        if (!(v instanceof Long n)) return v;
        EnumSpec e = at.enumName() == null ? null : spec.enumeration(at.enumName()).orElse(null);
        if (e == null) return unsigned(n, at.type());
        if (!e.flags()) {
            String name = e.nameOf(n);
            return name != null ? name : unsigned(n, at.type());
        }
        List<Object> names = new ArrayList<>(e.namesOf(n));
        long rest = n;
        for (Long bit : e.values()) rest &= ~bit;
        if (rest != 0) names.add(unsigned(rest, at.type()));
        return names;
    }

    /** A 64-bit unsigned value whose top bit is set, as the number it is. */
    private static Object unsigned(long n, AttrType type) {
        boolean unsigned64 = type == AttrType.U64 || type == AttrType.UINT;
        return unsigned64 && n < 0 ? new BigInteger(Long.toUnsignedString(n)) : (Object) n;
    }
}
