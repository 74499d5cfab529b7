package io.github.netlink4j.bench.nlbench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of a peer program, clocked from outside: from just before the process is started to its
 * reaping, the points the {@code ip} columns use, so that exec, the runtime's start and the peer's own
 * set-up are inside (and the exec-only baseline, a {@code noop} run, takes them out again).
 *
 * @param wallNs the outside clock
 */
public record PeerRun(long wallNs, PeerOutput output) {

    /** Runs {@code program} for {@code workload} in namespace {@code ns}; {@code started} sees the process (to stop it on a signal). */
    public static PeerRun run(List<String> program, String workload, String ns, int n, String kind, Consumer<Process> started)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(program);
        cmd.addAll(List.of(workload, "--netns", ns, "--count", String.valueOf(n), "--kind", kind));
        // To a file, not a pipe: a million samples are megabytes, and waiting on a pipe nobody reads
        // would block the peer inside its clock.
        Path out = Files.createTempFile("nlbench-peer", ".out");
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            started.accept(p);
            long timeout = timeoutSeconds(workload, n);
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " took over " + timeout + " s");
            }
            long wall = System.nanoTime() - t;
            if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed with status " + p.exitValue());
            return new PeerRun(wall, PeerOutput.parse(Files.readString(out, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * A minute for start-up plus 5 ms per operation: far above pyroute2's slowest, still bounded; a w3
     * operation is a round of 6,000 objects, which pyroute2 decodes in about a second on a loaded machine,
     * so it has 10 s a round.
     */
    static long timeoutSeconds(String workload, int n) {
        return 60 + (workload.equals("w3") ? 10L * n : n / 200L);
    }
}
