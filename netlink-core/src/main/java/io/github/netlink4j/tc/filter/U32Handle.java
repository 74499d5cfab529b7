package io.github.netlink4j.tc.filter;

/**
 * A u32 filter's handle, {@code htid:hash:node} as tc writes it in hexadecimal ({@code 800::800},
 * {@code 2:}, {@code 2:7:}): the hash table (12 bits, {@code 800} is the one every priority starts
 * with), the bucket in it (8 bits) and the node (12 bits), packed as linux/pkt_cls.h's TC_U32_* macros
 * read them.
 *
 * @param value the 32-bit handle: htid in bits 20-31, hash in 12-19, node in 0-11
 */
public record U32Handle(long value) {
    /** Checks the range. */
    public U32Handle {
        if (value < 0 || value > 0xffffffffL) throw new IllegalArgumentException("u32 handle " + value + " is out of range (0 to 0xffffffff)");
    }

    /** The handle of hash table {@code htid} (0 to 0xfff), bucket {@code hash} (0 to 0xff), node {@code node} (0 to 0xfff). */
    public static U32Handle of(int htid, int hash, int node) {
        if (htid < 0 || htid > 0xfff || hash < 0 || hash > 0xff || node < 0 || node > 0xfff) {
            throw new IllegalArgumentException("a u32 handle is htid:hash:node of at most fff:ff:fff, not "
                    + Integer.toHexString(htid) + ":" + Integer.toHexString(hash) + ":" + Integer.toHexString(node));
        }
        return new U32Handle((long) htid << 20 | (long) hash << 12 | node);
    }

    /** The hash table {@code htid:} itself (what {@code handle 2:} makes with a divisor). */
    public static U32Handle table(int htid) {
        return of(htid, 0, 0);
    }

    /**
     * Reads tc's {@code HTID[:HASH[:NODE]]} in hexadecimal, empty parts 0 ({@code 800::10}, {@code 2:},
     * {@code 2:7:}), as get_u32_handle does.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static U32Handle of(String text) {
        String[] p = text.split(":", -1);
        if (p.length > 3 || text.isEmpty()) throw invalid(text);
        try {
            int htid = part(p[0], 3, text);
            int hash = p.length > 1 ? part(p[1], 2, text) : 0;
            int node = p.length > 2 ? part(p[2], 3, text) : 0;
            return of(htid, hash, node);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static int part(String s, int digits, String whole) {
        if (s.isEmpty()) return 0;
        if (s.length() > digits) throw invalid(whole);
        return Integer.parseInt(s, 16);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a u32 handle (htid:hash:node in hexadecimal, such as 800::800)");
    }

    /** The hash table, bits 20-31 ({@code TC_U32_USERHTID}). */
    public int htid() {
        return (int) (value >>> 20);
    }

    /** The bucket, bits 12-19 ({@code TC_U32_HASH}). */
    public int hash() {
        return (int) (value >>> 12) & 0xff;
    }

    /** The node, bits 0-11 ({@code TC_U32_NODE}). */
    public int node() {
        return (int) value & 0xfff;
    }

    /** As tc prints a u32 handle: {@code 800::800}, {@code 2:}, {@code 2:7:}. */
    @Override
    public String toString() {
        String s = Integer.toHexString(htid()) + ":";
        if (hash() != 0 || node() != 0) s += hash() == 0 ? "" : Integer.toHexString(hash());
        if (node() != 0) s += ":" + Integer.toHexString(node());
        else if (hash() != 0) s += ":";
        return s;
    }
}
