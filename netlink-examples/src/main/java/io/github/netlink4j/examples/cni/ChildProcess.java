package io.github.netlink4j.examples.cni;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One run of a delegated plugin: its stdin written and its stdout read on threads of their own, so a
 * child that writes before it reads cannot deadlock against us on full pipes; a deadline on the whole
 * run (exit and the end of its output); a bound on the output kept. A child that misses the deadline
 * or writes too much is killed with every descendant seen, so nothing it started outlives the call;
 * "seen" because a process whose parent has ended is nobody's descendant any more: one orphaned before
 * the first look escapes the kill, but not the deadline.
 */
final class ChildProcess {
    private ChildProcess() {}

    /** How the child ended: its exit status and all it wrote to stdout. */
    record Exit(int status, byte[] out) {}

    /** The child (or something it started, holding its stdout) was still running at the deadline. */
    static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOut(Duration after) {
            super("still running after " + after.toMillis() + " ms");
        }
    }

    /** The child wrote more than the bound to stdout. */
    static final class TooMuchOutput extends Exception {
        private static final long serialVersionUID = 1L;

        TooMuchOutput(int max) {
            super("more than " + max + " bytes on stdout");
        }
    }

    /**
     * When the child's descendants are first looked for, and the longest pause between looks: each look
     * reads all of /proc, which a plugin that answers within the first (as host-local does) never pays.
     */
    private static final long FIRST_POLL_MS = 50, MAX_POLL_MS = 100;

    /** Starts {@code pb} (stdin and stdout must be pipes), feeds it {@code in}, and waits for it within {@code timeout}. */
    static Exit run(ProcessBuilder pb, byte[] in, Duration timeout, int maxOut) throws IOException, InterruptedException, TimedOut, TooMuchOutput {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process p = pb.start();
        // Remembered while it runs: once the child is gone its orphans are no longer its descendants.
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        boolean done = false;
        try {
            Thread.ofPlatform().daemon().name("plugin-stdin").start(() -> feed(p.getOutputStream(), in));
            Drain drain = new Drain(p.getInputStream(), maxOut);
            Thread drainer = Thread.ofPlatform().daemon().name("plugin-stdout").start(drain);
            long pollMs = FIRST_POLL_MS;
            // waitFor returns the moment the child exits: the polling costs a quick child nothing.
            while (!p.waitFor(Math.min(pollMs, remainingMs(deadline)), TimeUnit.MILLISECONDS)) {
                if (drain.overflowed()) throw new TooMuchOutput(maxOut);
                if (remainingMs(deadline) == 0) throw new TimedOut(timeout);
                p.descendants().forEach(seen::add);
                pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
            }
            // Its output is complete when the pipe closes, which a descendant that inherited it may delay.
            drainer.join(Math.max(1, remainingMs(deadline)));
            if (drain.overflowed()) throw new TooMuchOutput(maxOut);
            if (drainer.isAlive()) throw new TimedOut(timeout);
            done = true;
            return new Exit(p.exitValue(), drain.bytes());
        } finally {
            if (!done) killTree(p, seen);
        }
    }

    private static long remainingMs(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static void feed(OutputStream o, byte[] in) {
        try (o) {
            o.write(in);
        } catch (IOException stoppedReading) {
            // the child closed its stdin or ended: its exit status and output tell what happened
        }
    }

    /**
     * SIGKILL to the child first (it can start nothing more), then to every descendant seen or still
     * found, twice over for ones started meanwhile. A handle compares start times as well as pids,
     * so a pid reused since is never hit.
     */
    private static void killTree(Process p, Set<ProcessHandle> seen) {
        p.descendants().forEach(seen::add);
        p.destroyForcibly();
        for (int round = 0; round < 2; round++) {
            for (ProcessHandle h : Set.copyOf(seen)) {
                h.descendants().forEach(seen::add);
                h.destroyForcibly();
            }
        }
    }

    /** Reads a stream to its end, keeping at most {@code max} bytes; past that it stops reading. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean overflowed;

        Drain(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    if (kept.size() + n > max) {
                        overflowed = true;
                        return;
                    }
                    kept.write(buf, 0, n);
                }
            } catch (IOException closed) {
                // the stream was closed under us: what was read stands
            }
        }

        boolean overflowed() {
            return overflowed;
        }

        /** What was read; only once the reading thread has ended (joined). */
        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
