package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code ip -d tuntap show}'s process list, over a proc tree made here (no device needed). */
class TunProcessesTest {
    private static void fd(Path proc, long pid, int fd, String target, String fdinfo) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        Files.createDirectories(dir.resolve("fd"));
        Files.createDirectories(dir.resolve("fdinfo"));
        Files.createSymbolicLink(dir.resolve("fd").resolve(Integer.toString(fd)), Path.of(target));
        Files.writeString(dir.resolve("fdinfo").resolve(Integer.toString(fd)), fdinfo);
    }

    @Test
    void queuesOfTheDeviceInPidAndFdOrderWithoutThisProcess(@TempDir Path proc) throws IOException {
        String tap0 = "pos:\t0\nflags:\t02004002\nmnt_id:\t25\nino:\t1051\niff:\ttap0\n";
        fd(proc, 100, 4, "/dev/net/tun", tap0);
        Files.writeString(proc.resolve("100/comm"), "qemu\n");
        fd(proc, 100, 12, "/dev/net/tun", tap0);
        fd(proc, 100, 3, "/dev/null", tap0); // not the clone device
        fd(proc, 9, 5, "/dev/net/tun", "pos:\t0\niff:\ttap0\n"); // no comm: ip prints <NULL>
        fd(proc, 20, 5, "/dev/net/tun", "pos:\t0\niff:\ttap01\n"); // another device
        fd(proc, 33, 7, "/dev/net/tun", tap0); // the caller itself
        Files.writeString(proc.resolve("33/comm"), "jip\n");
        Files.createDirectories(proc.resolve("self"));
        assertEquals(List.of(new TunProcesses.Attached("<NULL>", 9), new TunProcesses.Attached("qemu", 100),
                new TunProcesses.Attached("qemu", 100)), TunProcesses.of(proc, 33, "tap0"));
        assertEquals(List.of(), TunProcesses.of(proc, 33, "tap"));
    }
}
