package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.internal.wire.uapi.PktSched;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * tc's clock arithmetic (tc/tc_core.c), which the kernel's options carry: a burst is sent as the time its
 * bytes take at the rate, in the packet scheduler's ticks, and rate tables list those times for 256
 * packet sizes. Byte-exact with tc 6.1 only if done as tc does it, doubles truncated to unsigned ints at
 * the same steps.
 */
final class TcClock {
    private TcClock() {}

    /**
     * Ticks per microsecond. tc reads it from /proc/net/psched (tc_core_init): 1000 ns per µs over
     * PSCHED_TICKS2NS(1) = 64 ns (PSCHED_SHIFT 6, unchanged since Linux 2.6.24); clock_res 1000000 there
     * makes tc's clock factor 1. A constant here keeps the codec pure.
     */
    static final double TICKS_PER_US = 1000.0 / 64;
    /**
     * HZ as tc's get_hz() reads it from /proc/net/psched: nanosecond timer resolution, 10^9, on every
     * kernel with high-resolution timers. htb's default burst is rate / HZ + MTU.
     */
    static final long HZ = 1_000_000_000L;
    /** The packet size tc's htb assumes (q_htb.c, "eth packet len"): the default burst's base and the rate tables' cell. */
    static final int HTB_MTU = 1600;
    /** A rate table's MTU when none is given (tc_calc_rtable): 2047. */
    static final int DEFAULT_MTU = 2047;

    /** tc_core_time2tick: microseconds as ticks, truncated to an unsigned int. */
    static long time2tick(long us) {
        return u32((long) (us * TICKS_PER_US), "time");
    }

    /** tc_core_tick2time: ticks as microseconds, truncated. */
    static long tick2time(long ticks) {
        return (long) (ticks / TICKS_PER_US);
    }

    /**
     * tc_calc_xmittime: the ticks {@code size} bytes take at {@code rate} bytes/s; the microseconds are
     * truncated first, as tc passes them through an unsigned int.
     *
     * @throws IllegalArgumentException when the time does not fit the kernel's u32 of ticks (about 274 s)
     */
    static long xmittime(long rate, long size) {
        return time2tick(u32((long) (1e6 * ((double) size / (double) rate)), "time"));
    }

    /** tc_calc_xmitsize: the bytes {@code ticks} let through at {@code rate}, as tc prints a burst. */
    static long xmitsize(long rate, long ticks) {
        return (long) (((double) rate * tick2time(ticks)) / 1e6) & 0xffff_ffffL;
    }

    /** The burst tc prints for {@code ticks} at {@code rate}; the kernel's values fit, a hostile one is cut to a u32. */
    static Size burst(long rate, long ticks) {
        return Size.ofBytes(xmitsize(rate, ticks));
    }

    /** The cell_log tc picks for {@code mtu} (0: 2047): the smallest that fits the MTU in 256 cells. */
    static int cellLog(long mtu) {
        long m = mtu == 0 ? DEFAULT_MTU : mtu;
        int cellLog = 0;
        while ((m >> cellLog) > 255) cellLog++;
        return cellLog;
    }

    /** The 32-bit rate of a ratespec: the rate, or ~0 from 4 GB/s, where TCA_*_RATE64 carries it. */
    static long rate32(Rate r) {
        return r.bytesPerSecond() >= 1L << 32 ? 0xffff_ffffL : r.bytesPerSecond();
    }

    /**
     * tc_calc_rtable: the time of (i + 1) << cellLog bytes at the ratespec's 32-bit rate, for i in 0..255
     * (TC_RTAB_SIZE bytes). The kernel no longer looks these up since 3.8, but still requires them.
     */
    static byte[] rtable(long rate32, int cellLog) {
        ByteBuffer b = ByteBuffer.allocate(PktSched.TC_RTAB_SIZE).order(ByteOrder.nativeOrder());
        for (int i = 0; i < 256; i++) b.putInt((int) xmittime(rate32, (long) (i + 1) << cellLog));
        return b.array();
    }

    /**
     * {@code struct tc_ratespec} as tc_calc_rtable leaves it: cell_log, linklayer ethernet, overhead 0,
     * cell_align -1, mpu 0, rate; or all zero for a rate that is not set.
     */
    static void ratespec(ByteBuffer b, long rate32, int cellLog) {
        if (rate32 == 0) {
            b.putLong(0).putInt(0);
            return;
        }
        b.put((byte) cellLog).put((byte) PktSched.TC_LINKLAYER_ETHERNET).putShort((short) 0).putShort((short) -1).putShort((short) 0)
                .putInt((int) rate32);
    }

    private static long u32(long v, String what) {
        if (v < 0 || v > 0xffff_ffffL) throw new IllegalArgumentException("a burst's " + what + " at its rate does not fit the kernel's 32 bits of 64 ns ticks");
        return v;
    }
}
