package io.github.netlink4j.tc.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * What a u32 filter compares, {@code struct tc_u32_sel} (TCA_U32_SEL): its keys, and the hashing and
 * header-skipping parameters tc's {@code hashkey}, {@code offset} and {@code link} set. Keys at the same
 * offset are merged into one, as tc merges {@code match ip sport 1 0xffff match ip dport 2 0xffff}.
 *
 * @param flags    TC_U32_TERMINAL (1: the keys decide), TC_U32_OFFSET, TC_U32_VAROFFSET, TC_U32_EAT; as tc, the request sets
 *                 TC_U32_TERMINAL itself when the filter has a classid or actions
 * @param offshift {@code offshift}
 * @param offmask  {@code offmask}, a 16-bit value in network order as read
 * @param off      {@code off}
 * @param offoff   {@code offoff}
 * @param hoff     {@code hoff}, the offset of the word hashed ({@code hashkey … at HOFF})
 * @param hmask    {@code hmask}, the bits hashed, as read in network order ({@code hashkey mask 0x000000ff})
 * @param keys     the comparisons, at most 128 (tc's limit)
 */
public record U32Selector(int flags, int offshift, int offmask, int off, int offoff, int hoff, long hmask, List<U32Key> keys) {
    /** TC_U32_TERMINAL. */
    public static final int TERMINAL = 1;

    /** Checks the field widths; copies the keys. */
    public U32Selector {
        if (flags < 0 || flags > 0xff || offshift < 0 || offshift > 0xff) throw new IllegalArgumentException("flags and offshift are bytes");
        if (offmask < 0 || offmask > 0xffff || off < 0 || off > 0xffff) throw new IllegalArgumentException("offmask and off are 16-bit");
        if (offoff < Short.MIN_VALUE || offoff > Short.MAX_VALUE || hoff < Short.MIN_VALUE || hoff > Short.MAX_VALUE) {
            throw new IllegalArgumentException("offoff and hoff are signed 16-bit");
        }
        if (hmask < 0 || hmask > 0xffffffffL) throw new IllegalArgumentException("hmask is 32-bit");
        keys = List.copyOf(keys);
        if (keys.size() > 128) throw new IllegalArgumentException(keys.size() + " keys, more than the 128 tc allows");
    }

    /** The selector of {@code keys} ({@code match … match …}), keys at the same offset merged. */
    public static U32Selector of(U32Key... keys) {
        return new U32Selector(0, 0, 0, 0, 0, 0, 0, merge(List.of(keys)));
    }

    /** The same with the hash key {@code hashkey mask HMASK at HOFF} (for a filter that links to a hash table). */
    public U32Selector withHashKey(long hmask, int hoff) {
        return new U32Selector(flags, offshift, offmask, off, offoff, hoff, hmask, keys);
    }

    /** The same with {@code flags}. */
    public U32Selector withFlags(int flags) {
        return new U32Selector(flags, offshift, offmask, off, offoff, hoff, hmask, keys);
    }

    /** The same with {@code key} added, merged into a key at its offset if there is one. */
    public U32Selector with(U32Key key) {
        List<U32Key> all = new ArrayList<>(keys);
        all.add(key);
        return new U32Selector(flags, offshift, offmask, off, offoff, hoff, hmask, merge(all));
    }

    /** tc's pack_key: a key whose offset and offmask equal an earlier one's is folded into it. */
    private static List<U32Key> merge(List<U32Key> in) {
        List<U32Key> out = new ArrayList<>();
        for (U32Key k : in) {
            int i = 0;
            while (i < out.size() && !(out.get(i).off() == k.off() && out.get(i).offmask() == k.offmask())) i++;
            if (i == out.size()) {
                out.add(k);
            } else {
                U32Key o = out.get(i);
                if (((o.value() ^ k.value()) & o.mask() & k.mask()) != 0) {
                    throw new IllegalArgumentException(k + " contradicts " + o + ": no packet would match both");
                }
                out.set(i, new U32Key(o.value() | k.value(), o.mask() | k.mask(), o.off(), o.offmask()));
            }
        }
        return out;
    }
}
