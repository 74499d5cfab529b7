package io.github.netlink4j.bench.nlbench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The versions of the peers' packages, as a result file's environment records them. */
public final class Versions {
    private Versions() {}

    /** Every peer program's column and its packages' versions ("pkg version, …"), null where it is not installed. */
    public static Map<String, Object> all() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Program p : Program.values()) m.put(p.column(), p.missing().isEmpty() ? of(p.packages()) : null);
        return m;
    }

    /** {@code dpkg-query}'s versions of {@code packages}, comma-separated; null when dpkg cannot say. */
    static String of(List<String> packages) {
        List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package} ${Version}\\n"));
        cmd.addAll(packages);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && !out.isEmpty() ? String.join(", ", out.split("\n")) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
