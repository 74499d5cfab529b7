package io.github.netlink4j;

import io.github.netlink4j.internal.wire.Nlmsg;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntPredicate;

/**
 * The attributes a decoder skipped, kept as one copy of the attribute area and split into
 * {@link RawAttribute}s only when someone reads the list. A link carries ~25 such attributes (~1.5 KB,
 * most of it IFLA_AF_SPEC) that few callers look at: one array copy per link instead of 25 objects and
 * copies. Immutable; the area was already walked (lengths checked) by the decoder that made it.
 */
final class UndecodedAttributes extends AbstractList<RawAttribute> implements RandomAccess {
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
                if (len < 4 || len > area.length - pos) break; // cannot happen: the decoder checked it
                int type = Nlmsg.u16(area, pos + 2) & 0x3fff; // NLA_TYPE_MASK
                if (!decoded.test(type)) out.add(RawAttribute.owning(type, java.util.Arrays.copyOfRange(area, pos + 4, pos + len)));
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
}
