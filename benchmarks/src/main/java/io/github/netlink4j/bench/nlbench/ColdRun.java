package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cold measurement: a fresh JVM with no option but native access (what an embedding user's JVM
 * is), running the workload once with no warm-up, so that class loading and JIT are inside its clock.
 * The child is nlbench itself ({@code run W --repeat 1 --warmup 0}); its result file carries the sample back.
 */
final class ColdRun {
    private ColdRun() {}

    private static final long TIMEOUT_S = 3600;

    /** The cold JVM's options: none but what FFM needs, as an embedding user's JVM starts. */
    static final List<String> FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    static Sample run(String workload, int n, int clients, int batch) throws Exception {
        Path out = Files.createTempFile("nlbench-cold", ".json");
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new java.util.ArrayList<>(List.of(java));
            cmd.addAll(FLAGS);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NlBench.class.getName(), "run", workload, "--count", String.valueOf(n), "--clients", String.valueOf(clients),
                    "--repeat", "1", "--warmup", "0", "--mode", "steady", "--quiet", "--json", out.toString()));
            if (batch > 0) cmd.addAll(List.of("--batch", String.valueOf(batch)));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Guard.track(p);
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroy();
                throw new IllegalStateException("cold run of " + workload + " took over " + TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) throw new IllegalStateException("cold run of " + workload + " failed with status " + p.exitValue());
            Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(out, StandardCharsets.UTF_8));
            Map<?, ?> cell = (Map<?, ?>) ((List<?>) doc.get("cells")).get(0);
            return Sample.fromJson((Map<?, ?>) ((List<?>) cell.get("samples")).get(0), -1);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
