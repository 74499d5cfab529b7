package io.github.netlink4j.internal.codec;

import io.github.netlink4j.RawAttribute;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The attributes a decoder skipped, kept as one copy of the attribute area and split into
 * {@link RawAttribute}s only when someone reads the list: a link carries ~25 such attributes
 * (~1.5 KB, most of it IFLA_AF_SPEC) that few callers look at. Immutable. The decoder that made it
 * walked the area and checked every length; a malformed area is still refused here, never cut short.
 */
public final class UndecodedAttributes extends AbstractList<RawAttribute> implements RandomAccess {
    private final byte[] area;
    private final IntPredicate decoded;
    private volatile List<RawAttribute> parsed;

    /** {@code area} holds whole attributes; those whose type {@code decoded} accepts are left out. */
    UndecodedAttributes(byte[] area, IntPredicate decoded) {
        this.area = area;
        this.decoded = decoded;
    }

    private List<RawAttribute> parsed() {
        List<RawAttribute> p = parsed;
        if (p == null) {
            List<RawAttribute> out = new ArrayList<>();
            int pos = 0;
            while (pos + 4 <= area.length) {
                int len = Nlmsg.u16(area, pos);
                if (len < 4 || len > area.length - pos) {
                    throw new IllegalStateException("attribute of length " + len + " at " + pos + " of " + area.length + " undecoded bytes");
                }
                int type = Nlmsg.u16(area, pos + 2) & Netlink.NLA_TYPE_MASK;
                if (!decoded.test(type)) out.add(RawAttribute.of(type, Arrays.copyOfRange(area, pos + 4, pos + len)));
                pos += Nlmsg.align(len);
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

    /** A summary, {@code [24 attributes, types 3, 6, 7, …]}: never the payloads. */
    @Override
    public String toString() {
        return summary(this);
    }

    /** The summary {@link #toString} prints, for any list of raw attributes. */
    public static String summary(List<RawAttribute> attributes) {
        TreeSet<Integer> types = new TreeSet<>();
        for (RawAttribute a : attributes) types.add(a.type());
        StringBuilder sb = new StringBuilder("[").append(attributes.size()).append(attributes.size() == 1 ? " attribute" : " attributes");
        if (!types.isEmpty()) sb.append(", types ");
        int i = 0;
        for (int t : types) sb.append(i++ == 0 ? "" : ", ").append(t);
        return sb.append(']').toString();
    }
}
