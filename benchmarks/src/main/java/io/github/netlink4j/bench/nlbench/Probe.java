package io.github.netlink4j.bench.nlbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reading of the clocks a measurement starts and stops with: wall time, this process's CPU user and
 * system time and its reaped children's (from {@code /proc/self/stat}, in USER_HZ ticks of 10 ms), and
 * the bytes all Java threads have allocated ({@code getTotalThreadAllocatedBytes}, which counts
 * threads that have ended too). CPU covers the whole process: JIT and GC threads are part of what a
 * request costs a JVM.
 */
record Probe(long nanos, long userTicks, long sysTicks, long childUserTicks, long childSysTicks, long allocated) {
    /** USER_HZ: fixed at 100 by the kernel's user ABI on the architectures a JDK runs on. */
    static final long NS_PER_TICK = 10_000_000L;

    static Probe now() {
        long[] t = ticks();
        return new Probe(System.nanoTime(), t[0], t[1], t[2], t[3], allocatedNow());
    }

    static long allocatedNow() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported()) {
            return b.getTotalThreadAllocatedBytes();
        }
        return -1;
    }

    /** utime, stime, cutime, cstime: fields 14–17 of /proc/self/stat, counted after the command's closing parenthesis. */
    private static long[] ticks() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0, 0};
        }
    }
}
