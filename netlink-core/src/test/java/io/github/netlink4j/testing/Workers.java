package io.github.netlink4j.testing;

import io.github.netlink4j.internal.transport.NetnsThreads;

/** Ends netlink4j's idle namespace workers, for tests that count threads and file descriptors. */
public final class Workers {
    private Workers() {}

    /** Retires the idle workers and waits (at most 5 s) until no worker thread is left. */
    public static void quiesce() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            NetnsThreads.retireIdleWorkers();
            if (alive() == 0) return;
            Thread.sleep(10);
        }
        throw new AssertionError(alive() + " namespace workers still alive after 5 s");
    }

    /** Live threads named like namespace workers. */
    public static long alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("netlink4j-netns-")).count();
    }
}
