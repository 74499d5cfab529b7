package io.github.netlink4j.testing;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.error.StrandedThreadException;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a fresh JVM (nothing warmed, no pool threads yet): does a job that grows the common pool,
 * and starts a process inside a namespace, then prints every thread that is not in the process's
 * network and mount namespaces, apart from those the library reported. Prints "reported: ..." for
 * the report and "clean" or "stranded: ..." at the end.
 */
public final class StrandProbe {
    public static void main(String[] args) throws Exception {
        Set<String> reported = new HashSet<>();
        try (NetNamespace ns = NetNamespace.createAnonymous()) {
            try {
                ns.call(() -> CompletableFuture.runAsync(() -> { }).join());
                System.out.println("reported: none");
            } catch (StrandedThreadException e) {
                System.out.println("reported: " + e.threads());
                for (String t : e.threads()) reported.add(t.substring(t.lastIndexOf("tid ") + 4, t.length() - 1));
            }
            Process p = ns.start(new ProcessBuilder("true"));
            System.out.println("exit: " + p.waitFor());
        }
        String net = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        String mnt = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")).toString();
        // A thread that has ended for Java may need a moment to leave the kernel's task list.
        String bad = scan(net, mnt, reported);
        for (int i = 0; i < 100 && !bad.isEmpty(); i++) {
            Thread.sleep(10);
            bad = scan(net, mnt, reported);
        }
        System.out.println(bad.isEmpty() ? "clean" : "stranded: " + bad);
    }

    private static String scan(String net, String mnt, Set<String> reported) throws java.io.IOException {
        StringBuilder bad = new StringBuilder();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                String tid = t.getFileName().toString();
                try {
                    String n = Files.readSymbolicLink(t.resolve("ns/net")).toString();
                    String m = Files.readSymbolicLink(t.resolve("ns/mnt")).toString();
                    if ((!n.equals(net) || !m.equals(mnt)) && !reported.contains(tid)) {
                        bad.append(Files.readString(t.resolve("comm")).strip()).append(" (tid ").append(tid).append(") ");
                    }
                } catch (java.io.IOException ended) {
                    // gone meanwhile
                }
            }
        }
        return bad.toString();
    }
}
