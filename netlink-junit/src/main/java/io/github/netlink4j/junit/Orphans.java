package io.github.netlink4j.junit;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.SyscallException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Namespaces a test JVM left behind when it was killed mid-test ({@code kill -9}, an OOM kill, a CI
 * timeout): no {@code @AfterEach} ran, so the namespace is still mounted under
 * {@link NetNamespace#RUN_DIR} with every link the test made in it. The kit names each namespace
 * after the JVM that made it, {@code nl4j-junit-PIDNS-PID-START-RANDOM}: the inode of the JVM's pid
 * namespace, its pid, and its start time in clock ticks since boot (field 22 of
 * {@code /proc/PID/stat}), so that a pid the kernel has since given to another process is not
 * mistaken for the JVM. A namespace is an orphan when its JVM is in this pid namespace and no
 * process with that pid and start time runs; names from another pid namespace cannot be judged from
 * here and are left alone, as is every name without the kit's prefix.
 */
final class Orphans {
    static final String PREFIX = "nl4j-junit-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-(\\d+)-[0-9a-f]{8}");

    private Orphans() {}

    /** A JVM as the kit's names record it. */
    record Jvm(long pidNamespace, long pid, long startTime) {
        /** This JVM. */
        static Jvm self() throws IOException {
            long pid = ProcessHandle.current().pid();
            return new Jvm(Orphans.pidNamespace(), pid, Orphans.startTime(pid));
        }

        /** A fresh namespace name for this JVM. */
        String newName() {
            return PREFIX + pidNamespace + "-" + pid + "-" + startTime + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    /** The inode of the calling process's pid namespace ({@code pid:[INODE]}). */
    static long pidNamespace() throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
    }

    /** Field 22 of /proc/PID/stat, or -1 when there is no such process. */
    static long startTime(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (NoSuchFileException gone) {
            return -1;
        }
        // The command name (field 2) may hold spaces and parentheses: count the fields after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[22 - 3]);
    }

    /** The JVM a kit namespace name records, or null for any other name. */
    static Jvm owner(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) return null;
        try {
            return new Jvm(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    /**
     * Deletes the kit's namespaces whose JVM is dead (the kernel then removes the links in them) and
     * returns their names; each is also reported on standard error. One another sweep removed first
     * is not reported twice; one that cannot be deleted is reported and left.
     */
    static List<String> sweep() throws IOException {
        long pidNs = pidNamespace();
        List<String> removed = new ArrayList<>();
        for (String name : NetNamespace.list()) {
            Jvm owner = owner(name);
            if (owner == null || owner.pidNamespace() != pidNs || startTime(owner.pid()) == owner.startTime()) continue;
            try {
                NetNamespace.delete(name);
                removed.add(name);
                System.err.println("netlink4j JUnit kit: removed namespace " + name + ", left by JVM " + owner.pid()
                        + " which is no longer running");
            } catch (SyscallException e) {
                if (e.errno() == Errno.ENOENT) continue;
                System.err.println("netlink4j JUnit kit: cannot remove namespace " + name + ", left by JVM " + owner.pid()
                        + " which is no longer running: " + e.getMessage());
            }
        }
        return removed;
    }
}
