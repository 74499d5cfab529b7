package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code tc -batch} and {@code jtc -batch} on the same file in twin namespaces: what they print, how they
 * end (a failed line stops the batch unless -force; tc's exit(-1) stops it always) and the state each
 * leaves, as tc shows it.
 */
class JtcBatchParityTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void root() {
        Privileged.require();
    }

    private static final String LINES = """
            qdisc add dev va root handle 1: htb default 10
            # a comment, and a line continued
            class add dev va parent 1: \\
                classid 1:10 htb rate 1mbit
            class add dev va parent 1: classid 1:10 htb rate 1mbit
            qdisc add dev vb root handle 3: tbf rate 1mbit burst 10kb latency 50ms
            qdisc show dev va
            class show dev va
            qdisc add dev vb clsact
            """;

    @Test
    void aFailedLineEndsTheBatch() throws Exception {
        same(List.of("-b"), LINES, false);
    }

    @Test
    void forceRunsOnAfterAFailedLine() throws Exception {
        same(List.of("-force", "-b"), LINES, false);
    }

    @Test
    void anInvalidArgumentEndsTheBatchEvenWithForce() throws Exception {
        same(List.of("-force", "-b"), "qdisc add dev va root handle zz htb\nqdisc add dev vb clsact\n", false);
    }

    @Test
    void standardInputIsABatchFileToo() throws Exception {
        same(List.of("-s", "-b"), LINES, true);
    }

    @Test
    void theKernelsWarningsArePrintedLineByLineAsTcPrintsThem() throws Exception {
        String said = same(List.of("-b"), """
                qdisc add dev va root handle 1: htb
                class add dev va parent 1: classid 1:1 htb rate 10gbit
                class add dev va parent 1: classid 1:2 htb rate 1kbit
                """, false);
        assertEquals(2, said.split("Warning: ", -1).length - 1, "htb warned twice: " + said);
    }

    private String same(List<String> options, String lines, boolean stdin) throws Exception {
        Path file = Files.writeString(dir.resolve("batch.tc"), lines);
        String name = stdin ? "-" : file.toString();
        try (ThrowawayNamespace a = ThrowawayNamespace.create("tcb-tc"); ThrowawayNamespace b = ThrowawayNamespace.create("tcb-jtc")) {
            for (ThrowawayNamespace ns : List.of(a, b)) Ip.in(ns.name(), "link", "add", "va", "type", "veth", "peer", "name", "vb");
            List<String> args = new ArrayList<>(options);
            args.add(name);
            JtcRun.Result tc = tc(a.name(), args, stdin ? lines : "");
            JtcRun.Result jtc = JtcRun.jtc(b.name(), stdin ? lines : "", args.toArray(String[]::new));
            assertEquals(tc.text(), jtc.text());
            for (String[] view : List.of(new String[] {"-d", "qdisc", "show"}, new String[] {"-d", "class", "show", "dev", "va"})) {
                assertEquals(JtcRun.tc(a.name(), view).text(), JtcRun.tc(b.name(), view).text(), "the state each left, as tc shows it");
            }
            return tc.text();
        }
    }

    private static JtcRun.Result tc(String ns, List<String> args, String stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tc", "-n", ns));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tc timed out");
        }
        return new JtcRun.Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
