package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an unprivileged user sees: ip and a jip JVM each run as nobody (setpriv), on a namespace this test
 * made as root, their standard output, standard error and exit status compared byte for byte. ip names
 * the step it was refused at (setns, the run directory's shared mount, the unlink), and so must jip.
 */
class UnprivilegedParityTest {
    private static ThrowawayNamespace ns;
    /** jip's classes, copied where nobody can read them (the build's may be under a private home). */
    private static Path classes;

    @BeforeAll
    static void setUp() throws IOException {
        ns = ThrowawayNamespace.create("unpriv");
        classes = Files.createTempDirectory("jip-unpriv", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (Class<?> c : new Class<?>[] {Jip.class, NetlinkClient.class, io.github.netlink4j.json.Json.class}) {
            Path from = Path.of(location(c));
            Path to = classes.resolve(c.getSimpleName() + (Files.isDirectory(from) ? "" : ".jar"));
            copy(from, to);
        }
    }

    private static java.net.URI location(Class<?> c) {
        try {
            return c.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try (var files = Files.walk(to)) {
            for (Path f : files.toList()) Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        try {
            if (ns != null) ns.close();
        } finally {
            if (classes != null) {
                try (var files = Files.walk(classes)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                }
            }
        }
    }

    private record Run(int exit, String out, String err) {}

    /** {@code command} as uid and gid 65534 with no supplementary groups; standard input /dev/null; bounded. */
    private static Run asNobody(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        cmd.addAll(command);
        Path err = Files.createTempFile(classes, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private static void same(String... args) throws IOException, InterruptedException {
        List<String> ip = new ArrayList<>(List.of("ip"));
        ip.addAll(List.of(args));
        String cp = String.join(":", classes.resolve("Jip").toString(), classes.resolve(Files.exists(classes.resolve("NetlinkClient"))
                ? "NetlinkClient" : "NetlinkClient.jar").toString(), classes.resolve(Files.exists(classes.resolve("Json")) ? "Json" : "Json.jar").toString());
        List<String> jip = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, Jip.class.getName()));
        jip.addAll(List.of(args));
        Run want = asNobody(ip);
        Run got = asNobody(jip);
        String what = "ip " + String.join(" ", args) + " as nobody";
        assertEquals(want.out(), got.out(), what);
        assertEquals(want.err(), got.err(), what + " (stderr)");
        assertEquals(want.exit(), got.exit(), what + " (exit status)");
    }

    /** ip opens the namespace's file and is refused at setns. */
    @Test
    void enteringANamespaceIsRefusedAtSetns() throws IOException, InterruptedException {
        same("-n", ns.name(), "link");
        same("-n", ns.name(), "addr", "show", "lo");
        same("-n", ns.name(), "netns", "list");
        same("netns", "exec", ns.name(), "true");
        same("-n", ThrowawayNamespace.uniqueName("none"), "link");
    }

    /** ip is refused at the run directory's shared mount, before it makes any file. */
    @Test
    void addingANamespaceIsRefusedAtTheSharedMount() throws IOException, InterruptedException {
        String name = ThrowawayNamespace.uniqueName("unpriv-add");
        try {
            same("netns", "add", name);
            same("netns", "attach", name, "1");
            assertFalse(NetNamespace.exists(name), "nothing was made");
        } finally {
            if (NetNamespace.exists(name)) NetNamespace.delete(name);
        }
    }

    /** ip ignores its refused umount2 and prints the unlink's error. */
    @Test
    void deletingANamespaceIsRefusedAtTheUnlink() throws IOException, InterruptedException {
        same("netns", "del", ns.name());
        same("netns", "del", ThrowawayNamespace.uniqueName("none"));
        assertTrue(NetNamespace.exists(ns.name()), "the namespace is still there");
    }
}
