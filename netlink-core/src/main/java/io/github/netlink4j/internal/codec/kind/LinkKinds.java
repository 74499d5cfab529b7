package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The registry of link kinds: one line per kind. The link codec decodes IFLA_INFO_DATA, writes it and
 * finds the links a spec names through here; the rtnetlink attribute names take each kind's
 * IFLA_INFO_DATA names from here. A kind not listed is decoded as {@link LinkData.Other} (the kernel has
 * many more kinds than the library types), but a spec or data record without a kind here fails
 * LinkKindsTest.
 */
public final class LinkKinds {
    private LinkKinds() {}

    /** Every kind the library knows. */
    public static final List<LinkKind<?>> ALL = List.of(
            new VethKind(),
            new BridgeKind(),
            new VlanKind(),
            MacvlanKind.MACVLAN,
            MacvlanKind.MACVTAP,
            new IpvlanKind(),
            new BondKind(),
            new VxlanKind(),
            LinkKind.plain("ifb", LinkSpec.Ifb.class),
            LinkKind.plain("dummy", LinkSpec.Dummy.class));

    /** Any other kind: {@link LinkSpec.Generic} creates it by name alone, its data stays raw. */
    public static final LinkKind<LinkSpec.Generic> OTHER = new LinkKind<>(null, LinkSpec.Generic.class, LinkData.Other.class) {};

    /**
     * The kinds by the length of their name. A lookup compares the decoded name with the one to three
     * kinds of its length and never hashes it: hashing a string made fresh for each link, inlined into
     * LinkCodec.decode, crowded the rest out of the JIT's inlining budget (DecodeBenchmark).
     */
    private static final LinkKind<?>[][] BY_LENGTH = byLength();

    // Plain loops, no streams or lambdas: this runs inside the first request that names a link kind, and in
    // a fresh JVM (jip, the CNI plugin) each lambda's first bootstrap costs more than the rest together.
    private static LinkKind<?>[][] byLength() {
        int longest = 0;
        for (LinkKind<?> k : ALL) longest = Math.max(longest, k.kind().length());
        int[] count = new int[longest + 1];
        Set<String> seen = new HashSet<>();
        for (LinkKind<?> k : ALL) {
            if (!seen.add(k.kind())) throw new IllegalStateException("link kind " + k.kind() + " is listed twice");
            count[k.kind().length()]++;
        }
        LinkKind<?>[][] by = new LinkKind<?>[longest + 1][];
        for (int i = 0; i <= longest; i++) by[i] = new LinkKind<?>[count[i]];
        for (LinkKind<?> k : ALL) {
            int len = k.kind().length();
            by[len][by[len].length - count[len]--] = k;
        }
        return by;
    }

    /** The kind named {@code kind} (IFLA_INFO_KIND), or {@link #OTHER}. */
    public static LinkKind<?> of(String kind) {
        if (kind != null && kind.length() < BY_LENGTH.length) {
            for (LinkKind<?> k : BY_LENGTH[kind.length()]) if (kind.equals(k.kind())) return k;
        }
        return OTHER;
    }

    /**
     * The kind that writes {@code spec}: its kind's, unless the spec is not the one that kind is made from
     * (a Generic naming a known kind). The link codec looks it up once per request and asks it for the
     * parent and the data.
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
     * The names of IFLA_INFO_DATA's attributes, by kind, for the kinds that have them; built from the uapi
     * classes on each call (only the naming of an error asks, once).
     */
    public static Map<String, AttrTable> dataTables() {
        Map<String, AttrTable> out = new HashMap<>();
        for (LinkKind<?> k : ALL) {
            AttrTable names = k.dataNames();
            if (names != null) out.put(k.kind(), names);
        }
        return Map.copyOf(out);
    }
}
