package io.github.netlink4j.junit;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What {@link NetnsExtension} compares before and after a test. */
final class Leaks {
    private Leaks() {}

    /** The links of the namespace the JVM runs in, by name: only read, never changed. */
    static List<String> ownLinks() throws IOException {
        try (NetlinkClient nl = NetlinkClient.open()) {
            return nl.links().list().stream().map(Link::name).sorted().toList();
        }
    }

    static int openFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        }
    }

    /**
     * Threads of this process in another network namespace than the process's own, except netlink4j's
     * own namespace workers (which return home between jobs and may be inside one for another test).
     */
    static List<String> threadsAway() throws IOException {
        String home = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        List<String> away = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String ns = Files.readSymbolicLink(t.resolve("ns/net")).toString();
                    if (ns.equals(home)) continue;
                    String name = Files.readString(t.resolve("comm")).trim();
                    if (name.startsWith("netlink4j-")) continue;
                    away.add("thread " + t.getFileName() + " (" + name + ") is in " + ns);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return away;
    }
}
