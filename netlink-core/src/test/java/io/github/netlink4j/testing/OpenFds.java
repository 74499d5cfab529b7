package io.github.netlink4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** This process's open file descriptors, for tests that check a leak. */
public final class OpenFds {
    private OpenFds() {}

    /** The numbers of every open descriptor, sorted. */
    public static List<String> all() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The netlink sockets open in the calling thread's network namespace, as {@code "fd socket:[inode]"},
     * sorted: what a leaked or early-closed netlink socket changes, and nothing else does. Comparing
     * {@link #all()} also sees files other threads of the test JVM open and close meanwhile (a jar read
     * for a class, a stream a cleaner closes).
     */
    public static List<String> netlinkSockets() throws IOException {
        Set<String> netlink = new HashSet<>();
        List<String> table = Files.readAllLines(Path.of("/proc/thread-self/net/netlink"));
        for (String line : table.subList(1, table.size())) {
            String[] cols = line.trim().split("\\s+");
            netlink.add("socket:[" + cols[cols.length - 1] + "]");
        }
        List<String> out = new ArrayList<>();
        for (String fd : all()) {
            String target;
            try {
                target = Files.readSymbolicLink(Path.of("/proc/self/fd", fd)).toString();
            } catch (IOException closedMeanwhile) {
                continue;
            }
            if (netlink.contains(target)) out.add(fd + " " + target);
        }
        return out.stream().sorted().toList();
    }
}
