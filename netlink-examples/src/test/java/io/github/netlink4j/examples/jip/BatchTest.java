package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip -batch} against {@code ip -batch} on the same file in two fresh namespaces: the same
 * output, errors ("Command failed FILE:LINE"), exit status and end state, with and without -force.
 */
class BatchTest {
    private static final String BATCH = """
            # the seed's host side, as a batch
            link add veth0 type veth peer name veth1
            link set veth0 up   # a comment after a command
            addr add 10.200.0.2/24 \\
                dev veth0
            link add "veth0" type veth peer name veth2
            link show dev veth0
            """;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome ip(String ns, Path file, boolean force) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "-n", ns));
        if (force) cmd.add("-force");
        cmd.addAll(List.of("-batch", file.toString()));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return new Outcome(p.exitValue(), out, err);
    }

    private static Outcome jip(String ns, Path file, boolean force) {
        List<String> args = new java.util.ArrayList<>(List.of("-n", ns));
        if (force) args.add("-force");
        args.addAll(List.of("-batch", file.toString()));
        JipParityTest.Run r = JipParityTest.jip(args.toArray(String[]::new));
        return new Outcome(r.exit(), r.out(), r.err());
    }

    private static void same(boolean force) throws Exception {
        Path file = Files.createTempFile("nl4j-batch", ".txt");
        try (ThrowawayNamespace a = ThrowawayNamespace.create("batch-jip"); ThrowawayNamespace b = ThrowawayNamespace.create("batch-ip")) {
            Files.writeString(file, BATCH);
            Outcome j = jip(a.name(), file, force);
            Outcome i = ip(b.name(), file, force);
            assertEquals(i.exit(), j.exit(), "exit\nip: " + i + "\njip: " + j);
            assertEquals(i.err().replace(b.name(), "NS"), j.err().replace(a.name(), "NS"));
            // Indexes and MAC addresses differ between the namespaces: compare the shapes of the lines.
            assertEquals(mask(i.out()), mask(j.out()));
            assertEquals(mask(Ip.in(b.name(), "-br", "addr")), mask(Ip.in(a.name(), "-br", "addr")), "end state");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String mask(String s) {
        return s.replaceAll("(?m)^\\d+:", "N:").replaceAll("@if\\d+", "@ifN").replaceAll("([0-9a-f]{2}:){5}[0-9a-f]{2}", "MAC")
                .replaceAll("link-netnsid \\d+", "link-netnsid N");
    }

    @Test
    void aFailedLineEndsTheBatchLikeIp() throws Exception {
        same(false);
    }

    @Test
    void forceGoesOnLikeIp() throws Exception {
        same(true);
    }

    @Test
    void wordsSplitAsIproute2Does() {
        assertEquals(List.of("link", "set", "dev", "a b", "alias", "x y z"), BatchReader.words("link set  dev 'a b' alias \"x y z\""));
    }
    /** A batch file run by ip and by jip, each in a namespace of its own: stdout, stderr (the file's path as FILE) and exit. */
    private static void sameAsIp(String name, String batch, ThrowawayNamespace ipNs, ThrowawayNamespace jipNs) throws Exception {
        Path file = Files.createTempFile("nl4j-batch", ".txt");
        try {
            Files.writeString(file, batch);
            for (boolean force : new boolean[] {false, true}) {
                Outcome i = ip(ipNs.name(), file, force);
                Outcome j = jip(jipNs.name(), file, force);
                String what = name + (force ? " with -force" : "") + "\nip: " + i + "\njip: " + j;
                assertEquals(i.exit(), j.exit(), "exit, " + what);
                assertEquals(i.err().replace(file.toString(), "FILE"), j.err().replace(file.toString(), "FILE"), "stderr, " + what);
                assertEquals(i.out(), j.out(), "stdout, " + what);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void quotesContinuationLinesAndCommentsAsIp61() throws Exception {
        String show = "link show dev lo\n";
        String[][] cases = {
                {"an unterminated quote ends the batch with 1, -force or not", show + "link set dev \"lo up\n" + show},
                {"a quote left open on the last line", show + "link set dev lo alias 'a b\n"},
                {"a backslash-newline on the last line: Missing continuation line, the line not run", show + "link show \\\n"},
                {"a backslash without a newline after it is a word", show + "link show \\"},
                {"a backslash before a comment joins nothing", "link set dev lo alias a\\# comment\n" + show},
                {"a continuation line's comment is cut too, newline and all", "link set dev lo \\\n  alias c\\# comment\n" + show},
                {"comments and empty lines", "\n   \n# only a comment\n\t\n" + show + "#\n"},
                {"continued twice", "link \\\nshow \\\ndev lo\n"},
                {"quotes", "link show dev 'lo'\nlink show dev \"lo\"\n"},
                {"511 words are the most a line may have", "link show dev lo" + " up".repeat(507) + "\n" + show},
                {"512 end the batch", show + "link show dev lo" + " up".repeat(508) + "\n" + show},
        };
        try (ThrowawayNamespace a = ThrowawayNamespace.create("batch-jip"); ThrowawayNamespace b = ThrowawayNamespace.create("batch-ip")) {
            for (String[] c : cases) sameAsIp(c[0], c[1], b, a);
        }
    }

    @Test
    void aLineFromAPipeRunsBeforeTheInputEnds() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("batch-pipe")) {
            PipedOutputStream writer = new PipedOutputStream();
            PipedInputStream stdin = new PipedInputStream(writer);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
            int[] exit = {-1};
            Thread jip = Thread.ofPlatform().start(() -> exit[0] = new Jip(stdin, sink, sink).run(new String[] {"-n", ns.name(), "-batch", "-"}));
            try {
                writer.write("link add a0 type veth peer name a1\n".getBytes(StandardCharsets.UTF_8));
                writer.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ns.client().links().find("a0").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
                assertTrue(ns.client().links().find("a0").isPresent(), "the first line ran while the input was still open: " + out);
                writer.write("link add b0 type veth peer name b1\n".getBytes(StandardCharsets.UTF_8));
            } finally {
                writer.close();
                jip.join(10_000);
            }
            assertEquals(0, exit[0], out.toString());
            assertTrue(ns.client().links().find("b0").isPresent(), "and the second when it came");
        }
    }

    @Test
    void aBatchLargerThanTheHeapRunsInIt() throws Exception {
        // 200,000 comment lines of 600 bytes, 120 MB, through the standard input of a JVM with a 64 MB
        // heap: only a reader that keeps one line at a time gets to the last line.
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("batch-heap")) {
            String javaBin = ProcessHandle.current().info().command().orElseThrow();
            Process p = new ProcessBuilder(javaBin, "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Jip.class.getName(), "-n", ns.name(), "-batch", "-").redirectErrorStream(true).start();
            try {
                Thread feed = Thread.ofPlatform().start(() -> {
                    byte[] line = ("#" + "x".repeat(598) + "\n").getBytes(StandardCharsets.US_ASCII);
                    try (OutputStream o = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                        for (int i = 0; i < 200_000; i++) o.write(line);
                        o.write("link show dev lo\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException ignored) {
                        // the JVM died: its exit status and output say why
                    }
                });
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                feed.join(10_000);
                assertEquals(0, p.exitValue(), said);
                assertTrue(said.startsWith("1: lo: <LOOPBACK>"), said);
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
