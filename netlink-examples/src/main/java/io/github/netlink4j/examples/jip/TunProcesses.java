package io.github.netlink4j.examples.jip;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes attached to a TUN/TAP device, as {@code ip -d tuntap show} finds them (iptuntap.c's
 * show_processes): every {@code /proc/PID/fd/N} that is {@code /dev/net/tun} and whose fdinfo says
 * {@code iff: NAME}, in pid and fd order, this process left out. Like ip it matches by name only, so a
 * same-named device of another namespace counts too, and a process it may not read is skipped.
 */
final class TunProcesses {
    private TunProcesses() {}

    /** One attached queue: the process's command name (comm, "&lt;NULL&gt;" if unreadable) and pid. */
    record Attached(String name, long pid) {}

    static List<Attached> of(String device) {
        return of(Path.of("/proc"), ProcessHandle.current().pid(), device);
    }

    /** The same over a proc tree at {@code proc}, leaving {@code self} out (a test's fake tree). */
    static List<Attached> of(Path proc, long self, String device) {
        List<Attached> found = new ArrayList<>();
        for (long pid : numbered(proc)) {
            if (pid == self) continue;
            Path dir = proc.resolve(Long.toString(pid));
            for (long fd : numbered(dir.resolve("fd"))) {
                try {
                    if (!Files.readSymbolicLink(dir.resolve("fd").resolve(Long.toString(fd))).toString().equals("/dev/net/tun")) continue;
                    for (String line : Files.readAllLines(dir.resolve("fdinfo").resolve(Long.toString(fd)))) {
                        int colon = line.indexOf(':');
                        if (colon < 0 || !line.substring(0, colon).equals("iff")) continue;
                        String value = line.substring(colon + 1).strip().split("\\s+", 2)[0];
                        if (value.equals(device)) found.add(new Attached(comm(dir), pid));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, not a link, or not ours to read: ip skips it as well
                }
            }
        }
        return found;
    }

    private static String comm(Path dir) {
        try {
            return Files.readString(dir.resolve("comm")).strip();
        } catch (IOException e) {
            return "<NULL>";
        }
    }

    /** The numeric entries of {@code dir}, ascending (the order /proc lists them in). */
    private static List<Long> numbered(Path dir) {
        List<Long> n = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
            for (Path p : d) {
                String f = p.getFileName().toString();
                if (!f.isEmpty() && f.length() < 19 && f.chars().allMatch(Character::isDigit)) n.add(Long.parseLong(f));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        n.sort(null);
        return n;
    }
}
