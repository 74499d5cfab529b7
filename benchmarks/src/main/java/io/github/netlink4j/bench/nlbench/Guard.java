package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.NetNamespace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What keeps a run inside its own namespaces. Every namespace nlbench makes is named
 * {@code nlb-<pid>-<n>…} (workloads add suffixes to that name), so that this process can remove all of
 * its own at the end, in a shutdown hook on SIGINT/SIGTERM, and so that a later run can tell which
 * leftovers belong to a process that is gone. Child processes (ip, a cold JVM) are stopped by the hook
 * first, so that none makes a namespace after the sweep.
 */
final class Guard {
    private Guard() {}

    static final String PREFIX = "nlb-";
    private static final String OWN = PREFIX + ProcessHandle.current().pid() + "-";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();
    private static volatile boolean closing;
    private static boolean installed;

    /** A fresh namespace name of this run; refused once the process is shutting down. */
    static String newName() {
        if (closing) throw new IllegalStateException("nlbench is stopping; no new namespace");
        return OWN + SEQ.incrementAndGet();
    }

    /** Installs the shutdown hook once. */
    static synchronized void install() {
        if (installed) return;
        installed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Guard::shutdown, "nlbench-cleanup"));
    }

    static void track(Process p) {
        CHILDREN.removeIf(c -> !c.isAlive());
        CHILDREN.add(p);
        if (closing) p.destroy();
    }

    static void untrack(Process p) {
        CHILDREN.remove(p);
    }

    /** The hook: stop the children, then delete this process's namespaces until none is left (bounded). */
    static void shutdown() {
        closing = true;
        for (Process p : CHILDREN) p.destroy(); // SIGTERM: a cold JVM runs its own hook
        for (Process p : CHILDREN) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The main thread may be inside a create while this runs: sweep until two passes in a row find
        // nothing, at most 50 passes 100 ms apart.
        int clean = 0;
        for (int pass = 0; pass < 50 && clean < 2; pass++) {
            clean = removeOwn().isEmpty() ? clean + 1 : 0;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes every namespace whose name {@code which} accepts; returns the names it deleted. */
    static List<String> removeMatching(java.util.function.Predicate<String> which) {
        List<String> gone = new ArrayList<>();
        try {
            for (String n : NetNamespace.list()) {
                if (!which.test(n)) continue;
                try {
                    NetNamespace.delete(n);
                    gone.add(n);
                } catch (IOException e) {
                    System.err.println("nlbench: could not delete namespace " + n + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            System.err.println("nlbench: could not list namespaces: " + e.getMessage());
        }
        return gone;
    }

    /** Deletes namespace {@code name} and those named after it ({@code name-…}: scenarios, namespaces at scale). */
    static List<String> removeTree(String name) {
        return removeMatching(n -> n.equals(name) || n.startsWith(name + "-"));
    }

    static List<String> removeOwn() {
        return removeMatching(n -> n.startsWith(OWN));
    }

    /**
     * Removes the {@code nlb-} namespaces of nlbench processes that no longer run (killed with SIGKILL,
     * or a crash before the hook). A name whose pid is alive is left alone, whoever it is.
     */
    static List<String> sweepStale() throws IOException {
        List<String> gone = new ArrayList<>();
        for (String n : NetNamespace.list()) {
            // Two separate checks on purpose: a namespace that is not nlbench's is never touched, even
            // if the pid test below were wrong.
            if (!n.startsWith(PREFIX)) continue;
            long pid = creatorPid(n);
            if (pid < 0 || ProcessHandle.of(pid).isPresent()) continue;
            NetNamespace.delete(n);
            gone.add(n);
        }
        return gone;
    }

    /** The pid in {@code nlb-<pid>-…}, or -1 when the name is not one of nlbench's. */
    static long creatorPid(String name) {
        if (!name.startsWith(PREFIX)) return -1;
        int dash = name.indexOf('-', PREFIX.length());
        if (dash < 0) return -1;
        try {
            return Long.parseLong(name.substring(PREFIX.length(), dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
