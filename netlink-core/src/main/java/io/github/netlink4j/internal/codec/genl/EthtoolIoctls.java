package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The structs of the ethtool ioctl commands that read a driver's own statistics (linux/ethtool.h), laid out
 * and read as pure functions over bytes in the machine's order: {@code struct ethtool_sset_info}
 * (ETHTOOL_GSSET_INFO: how many strings a set has), {@code ethtool_gstrings} (ETHTOOL_GSTRINGS: the names)
 * and {@code ethtool_stats} (ETHTOOL_GSTATS: the values). The kernel writes as many entries as the driver
 * has now, which may differ from what the caller counted a moment before, so every struct is made with
 * {@link #SLACK} entries more than asked and every reader checks the count the kernel wrote.
 */
public final class EthtoolIoctls {
    private EthtoolIoctls() {}

    public static final int ETHTOOL_GSTRINGS = 0x1b, ETHTOOL_GSTATS = 0x1d, ETHTOOL_GSSET_INFO = 0x37;
    /** ETH_SS_STATS: the driver's statistics names, for ETHTOOL_GSTATS. */
    public static final int ETH_SS_STATS = 1;
    /** ETH_GSTRING_LEN: every name takes 32 bytes, NUL-padded (not terminated when it fills them). */
    public static final int ETH_GSTRING_LEN = 32;
    /** Entries past the count asked for, so that a driver that grew meanwhile writes inside the buffer. */
    public static final int SLACK = 64;

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;
    /** sizeof(struct ethtool_sset_info) (cmd, reserved, sset_mask), of ethtool_gstrings (cmd, string_set, len), of ethtool_stats (cmd, n_stats). */
    private static final int SSET_INFO = 16, GSTRINGS = 12, GSTATS = 8;

    /** ETHTOOL_GSSET_INFO asking the size of string set {@code set}: sset_mask with its bit, room for one count. */
    public static byte[] ssetInfo(int set) {
        if (set < 0 || set > 63) throw new IllegalArgumentException("string set " + set + " is out of range (0 to 63)");
        MemorySegment m = MemorySegment.ofArray(new byte[SSET_INFO + 4]);
        m.set(U32, 0, ETHTOOL_GSSET_INFO);
        m.set(U64, 8, 1L << set);
        return m.toArray(ValueLayout.JAVA_BYTE);
    }

    /** The size of string set {@code set} in a GSSET_INFO reply; empty when the kernel cleared its bit (the driver has none). */
    public static OptionalInt ssetCount(byte[] reply, int set) throws ProtocolException {
        if (reply.length < SSET_INFO + 4) throw new ProtocolException("struct ethtool_sset_info of " + reply.length + " bytes");
        MemorySegment m = MemorySegment.ofArray(reply);
        if ((m.get(U64, 8) & (1L << set)) == 0) return OptionalInt.empty();
        return OptionalInt.of(m.get(U32, SSET_INFO));
    }

    /** ETHTOOL_GSTRINGS of string set {@code set}, room for {@code count} names and the slack. */
    public static byte[] gstrings(int set, int count) {
        MemorySegment m = MemorySegment.ofArray(new byte[GSTRINGS + (count + SLACK) * ETH_GSTRING_LEN]);
        m.set(U32, 0, ETHTOOL_GSTRINGS);
        m.set(U32, 4, set);
        m.set(U32, 8, count);
        return m.toArray(ValueLayout.JAVA_BYTE);
    }

    /** The names of a GSTRINGS reply; ProtocolException when the kernel wrote another count than {@code count}. */
    public static List<String> strings(byte[] reply, int count) throws ProtocolException {
        MemorySegment m = MemorySegment.ofArray(reply);
        int len = written(m, 8, count, GSTRINGS, ETH_GSTRING_LEN, "ethtool_gstrings");
        List<String> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            int at = GSTRINGS + i * ETH_GSTRING_LEN, end = at;
            while (end < at + ETH_GSTRING_LEN && reply[end] != 0) end++;
            out.add(new String(reply, at, end - at, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** ETHTOOL_GSTATS, room for {@code count} values and the slack. */
    public static byte[] gstats(int count) {
        MemorySegment m = MemorySegment.ofArray(new byte[GSTATS + (count + SLACK) * 8]);
        m.set(U32, 0, ETHTOOL_GSTATS);
        m.set(U32, 4, count);
        return m.toArray(ValueLayout.JAVA_BYTE);
    }

    /** The values of a GSTATS reply (unsigned 64-bit); ProtocolException when the kernel wrote another count than {@code count}. */
    public static long[] stats(byte[] reply, int count) throws ProtocolException {
        MemorySegment m = MemorySegment.ofArray(reply);
        int n = written(m, 4, count, GSTATS, 8, "ethtool_stats");
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = m.get(U64, GSTATS + 8L * i);
        return out;
    }

    /** The count the kernel wrote at {@code at}, checked against the one asked and the bytes there are. */
    private static int written(MemorySegment m, int at, int count, int header, int entry, String struct) throws ProtocolException {
        if (m.byteSize() < header) throw new ProtocolException("struct " + struct + " of " + m.byteSize() + " bytes");
        int n = m.get(U32, at);
        if (n != count) throw new ProtocolException("struct " + struct + ": the driver has " + Integer.toUnsignedString(n) + " entries now, not " + count);
        if (header + (long) n * entry > m.byteSize()) throw new ProtocolException("struct " + struct + " of " + m.byteSize() + " bytes cannot hold " + n + " entries");
        return n;
    }
}
