package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the descriptor of a link kind by its name: kind {@code vlan} is described by the class
 * {@code VlanKind} in this package, {@code macvtap} by {@code MacvtapKind}. The package is the list:
 * adding a kind is its spec record, its data record and its descriptor class, and nothing else names it.
 * A kind with no class (the kernel has many more kinds than the library types, and {@code dummy} or
 * {@code ifb} carry no IFLA_INFO_DATA) is {@link #OTHER}: created by name alone, its data kept raw.
 * LinkKindsTest fails for a spec or data record that needs a descriptor and has none.
 *
 * <p>A descriptor is loaded the first time its kind is met, not before: a fresh JVM (jip, the CNI plugin)
 * that creates one ifb loads no other kind's classes. Lookups compare the name with the few kinds met so
 * far and never hash it: hashing a string made fresh for each decoded link, inlined into
 * LinkCodec.decode, crowded the rest out of the JIT's inlining budget (DecodeBenchmark).
 */
public final class LinkKinds {
    private LinkKinds() {}

    /** Any kind without a descriptor: a spec of it is created by name alone, its data stays raw. */
    public static final LinkKind<LinkSpec> OTHER = new LinkKind<>(null, LinkSpec.class, LinkData.Other.class) {};

    /**
     * How many names without a descriptor are remembered. The kernel has a few dozen kinds; a generic spec
     * may name anything, and such names past this are looked up again each time rather than held forever.
     * A name with a descriptor is always remembered: there are only as many as the package has classes.
     */
    private static final int REMEMBERED = 64;

    private record Met(String name, LinkKind<?> kind) {}

    // Copied on write under the class lock; readers take the array as it is.
    private static volatile Met[] met = new Met[0];

    /** The kind named {@code kind} (IFLA_INFO_KIND), or {@link #OTHER}. */
    public static LinkKind<?> of(String kind) {
        if (kind == null) return OTHER;
        for (Met m : met) if (m.name.equals(kind)) return m.kind;
        return meet(kind);
    }

    private static synchronized LinkKind<?> meet(String kind) {
        Met[] now = met;
        for (Met m : now) if (m.name.equals(kind)) return m.kind;
        LinkKind<?> k = load(kind);
        if (k != OTHER || now.length < REMEMBERED) {
            Met[] more = Arrays.copyOf(now, now.length + 1);
            more[now.length] = new Met(kind, k);
            met = more;
        }
        return k;
    }

    /** The class that describes {@code kind}: its name with the first letter in upper case, then "Kind". */
    // A StringBuilder, not '+': the first string concatenation of a JVM bootstraps StringConcatFactory
    // (a dozen classes), and a fresh JVM (jip, the CNI plugin) meets this in its first link request.
    static String className(String kind) {
        return new StringBuilder(64).append(LinkKinds.class.getPackageName()).append('.')
                .append(Character.toUpperCase(kind.charAt(0))).append(kind, 1, kind.length()).append("Kind").toString();
    }

    // Only names a kernel kind can have (lower case, digits, '_') are looked up: anything else would not
    // name a class of this package, and a generic spec's kind is a caller's string.
    private static boolean looksLikeAKind(String kind) {
        if (kind.isEmpty() || kind.length() > 32 || kind.charAt(0) < 'a' || kind.charAt(0) > 'z') return false;
        for (int i = 1; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) return false;
        }
        return true;
    }

    private static LinkKind<?> load(String kind) {
        if (!looksLikeAKind(kind)) return OTHER;
        Class<?> c;
        try {
            c = Class.forName(className(kind), true, LinkKinds.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return OTHER;
        }
        if (!LinkKind.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) return OTHER;
        LinkKind<?> k;
        try {
            k = (LinkKind<?>) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getName() + " describes a link kind but cannot be made without arguments", e);
        }
        if (!kind.equals(k.kind())) throw new IllegalStateException(c.getName() + " describes kind " + k.kind() + ", not " + kind);
        return k;
    }

    /**
     * The kind that writes {@code spec}: its kind's, unless the spec is not the one that kind is made from
     * (a Generic naming a known kind, or a kind without a descriptor). The link codec looks it up once per
     * request and asks it for the parent and the data.
     */
    public static LinkKind<?> kindOf(LinkSpec spec) {
        LinkKind<?> k = of(spec.kind());
        return k.specType().isInstance(spec) ? k : OTHER;
    }

    /** The links {@code spec}'s kind refers to: its parent, then any its IFLA_INFO_DATA names. */
    public static List<String> referencedLinks(LinkSpec spec) {
        LinkKind<?> k = kindOf(spec);
        List<String> names = new ArrayList<>(2);
        String parent = k.parentOf(spec);
        if (parent != null) names.add(parent);
        names.addAll(k.dataLinksOf(spec));
        return names;
    }

    /** What IFLA_INFO_DATA ({@code d}, null if absent) says for a link of {@code kind}. */
    public static LinkData decodeData(String kind, Attrs d) throws ProtocolException {
        return of(kind).decodeData(d);
    }

    /** What IFLA_INFO_SLAVE_DATA ({@code d}, null if absent) says for a port of a {@code kind} master. */
    public static LinkData decodePortData(String kind, Attrs d) throws ProtocolException {
        return d == null ? LinkKind.raw(null) : of(kind).decodePortData(d);
    }

    /** {@code data} of a link (or port of a master) of {@code kind} without its running timers. */
    public static LinkData withoutTimers(String kind, LinkData data) {
        return of(kind).withoutTimers(data);
    }

    /**
     * The names of IFLA_INFO_DATA's attributes for a link of {@code kind}, or null when the kind names
     * none; built on each call (only the naming of an error asks).
     */
    public static AttrTable dataNames(String kind) {
        return of(kind).dataNames();
    }
}
