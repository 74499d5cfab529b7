package io.github.netlink4j.bench.nlbench.workload;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The addresses the new workloads use, inside the benchmark ranges 198.18.0.0/15 and fd00:200::/64 only. */
final class Ranges {
    private Ranges() {}

    /** 198.18.0.0/15 holds this many addresses; beyond it the IPv4 workloads move on to the next table. */
    static final int V4_SPAN = 1 << 17;

    /** The {@code i}th IPv4 address, 198.18.0.1 onwards, wrapping inside 198.18.0.0/15. */
    static InetAddress v4(int i) {
        int a = 0xC6120000 + 1 + (i % (V4_SPAN - 2));
        return of(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
    }

    /** The {@code i}th IPv6 address, fd00:200::1 onwards (the low 32 bits of the /64's host part). */
    static InetAddress v6(int i) {
        int a = i + 1;
        byte[] b = {(byte) 0xfd, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        return of(b);
    }

    /** A locally administered MAC for neighbour {@code i}: 02:00 then i's four bytes. */
    static String mac(int i) {
        return String.format("02:00:%02x:%02x:%02x:%02x", (i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff);
    }

    private static InetAddress of(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which the code above never makes
        }
    }
}
