package io.github.netlink4j.testing;

import io.github.netlink4j.internal.transport.IdleWorkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** netlink4j's namespace workers as tests see them: ended on demand, counted, and located through /proc. */
public final class Workers {
    private Workers() {}

    /** Retires the idle workers and waits (at most 5 s) until no worker thread is left. */
    public static void quiesce() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            IdleWorkers.retire();
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

    /**
     * The network namespace ({@code net:[inode]}) each live worker thread is in, read from
     * /proc/self/task (the kernel keeps the first 15 characters of a thread's name: "netlink4j-netns").
     */
    public static List<String> namespaces() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (!Files.readString(t.resolve("comm")).trim().equals("netlink4j-netns")) continue;
                    found.add(Files.readSymbolicLink(t.resolve("ns/net")).toString());
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return found;
    }
}
