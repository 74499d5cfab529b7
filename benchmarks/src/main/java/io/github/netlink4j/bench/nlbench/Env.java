package io.github.netlink4j.bench.nlbench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine and build a result came from, so that two result files can be told apart: every key is
 * always present, null where this machine does not say (no cpufreq governor in a VM, no git checkout).
 */
final class Env {
    private Env() {}

    static Map<String, Object> collect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        Path code = codeSource();
        Path dir = code == null ? Path.of(".") : (Files.isDirectory(code) ? code : code.getParent());
        String commit = run(List.of("git", "-C", dir.toString(), "rev-parse", "HEAD"));
        m.put("git_commit", commit);
        String status = commit == null ? null : run(List.of("git", "-C", dir.toString(), "status", "--porcelain", "--untracked-files=no"));
        m.put("git_dirty", status == null ? null : !status.isEmpty());
        m.put("jar_sha256", code != null && Files.isRegularFile(code) ? sha256(code) : null);
        m.put("jvm_version", Runtime.version().toString());
        m.put("jvm_vendor", System.getProperty("java.vendor"));
        m.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("kernel", System.getProperty("os.version"));
        m.put("cpu_model", cpuModel());
        m.put("cpu_count", Runtime.getRuntime().availableProcessors());
        m.put("governor", read("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
        m.put("iproute2", run(List.of("ip", "-V")));
        m.put("peer_versions", io.github.netlink4j.bench.nlbench.peer.Versions.all());
        String load = read("/proc/loadavg");
        m.put("load_average", load == null ? null : List.of(Double.parseDouble(load.split(" ")[0]), Double.parseDouble(load.split(" ")[1]),
                Double.parseDouble(load.split(" ")[2])));
        return m;
    }

    static Path codeSource() {
        try {
            return Path.of(Env.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            return HexFormat.of().formatHex(d.digest());
        } catch (Exception e) {
            return null;
        }
    }

    /** A command's trimmed stdout, or null when it cannot run, fails or takes over 10 s. */
    private static String run(List<String> cmd) {
        try {
            // Waited for before reading: the outputs asked for are far below a pipe's 64 KiB.
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
