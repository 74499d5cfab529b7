package io.github.netlink4j.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the JDK's process-reaper threads out of foreign namespaces.
 *
 * <p>{@code ProcessBuilder.start()} hands the wait for the child to the JDK's reaper pool from the
 * starting thread; with no reaper idle, the pool creates one there, and a thread inside a namespace
 * would create it inside, where it then serves every later {@code Process} of the JVM. So before a
 * process is started inside a namespace, {@link #prime} makes sure an idle reaper exists (one born at
 * home), starting {@code true} from a home worker if none is. The pool keeps an idle reaper for 60 s.
 * Callers hold {@link #LOCK} from priming to starting, so that two starts do not share one idle
 * reaper; a start elsewhere in the program can still take it meanwhile, which the stray check after
 * the job reports.
 */
public final class Reapers {
    private Reapers() {}

    public static final Object LOCK = new Object();
    private static final String NAME = "process reaper";

    /** Makes an idle reaper born in the process's namespaces available, if a {@code true} binary exists. */
    public static void prime() throws IOException {
        if (idle() > 0) return;
        Path truth = null;
        for (String p : new String[] {"/bin/true", "/usr/bin/true"}) {
            if (Files.isExecutable(Path.of(p))) {
                truth = Path.of(p);
                break;
            }
        }
        if (truth == null) return; // nothing to prime with: the check after the start reports a reaper born inside
        String cmd = truth.toString();
        NetnsThreads.atHome(() -> {
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // a loaded machine may take its time
        while (idle() == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reapers waiting for work: the pool's idle threads wait with a timeout, busy ones sit in waitpid. */
    static int idle() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        if (root == null) root = new Thread(() -> {}).getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        int idle = 0;
        for (int i = 0; i < n; i++) {
            if (NAME.equals(all[i].getName()) && all[i].getState() == Thread.State.TIMED_WAITING) idle++;
        }
        return idle;
    }
}
