package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of("link", "set", "dev", "a b", "alias", "x y z"), Jip.words("link set  dev 'a b' alias \"x y z\""));
    }
}
