package io.github.netlink4j.bench.nlbench.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the peer programs come from: their sources travel in nlbench's jar ({@code nlbench/peers/…}),
 * and the Go and C ones are built offline into a cache directory named after the source's hash, so that
 * a changed source is rebuilt and an unchanged one never is.
 */
public final class Builds {
    private Builds() {}

    private static final long BUILD_TIMEOUT_S = 600;

    /**
     * The cache root: {@code $NLBENCH_CACHE}, else {@code $XDG_CACHE_HOME/nlbench}, else
     * {@code ~/.cache/nlbench} (the XDG base directory rule).
     */
    static Path cacheRoot(Map<String, String> env) {
        String own = env.get("NLBENCH_CACHE");
        if (own != null && !own.isEmpty()) return Path.of(own);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "nlbench");
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache", "nlbench");
    }

    /** The program's source as the jar carries it. */
    static byte[] source(Program p) throws IOException {
        try (InputStream in = Builds.class.getResourceAsStream("/nlbench/peers/" + p.source())) {
            if (in == null) throw new IOException("the jar carries no nlbench/peers/" + p.source() + " (build it with mvn -pl benchmarks -am package)");
            return in.readAllBytes();
        }
    }

    /** The directory for this source: the program's name and the first 16 hex digits of the source's SHA-256. */
    static Path dirFor(Path root, Program p, byte[] source) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)).substring(0, 16);
            return root.resolve("peers").resolve(p.column() + "-" + hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** The command line that runs {@code p} ({@code noop} or a workload follows), building it first if its cache holds no build. */
    public static List<String> command(Program p, PrintWriter log) throws IOException, InterruptedException {
        byte[] src = source(p);
        Path dir = dirFor(cacheRoot(System.getenv()), p, src);
        Path file = dir.resolve(Path.of(p.source()).getFileName());
        if (!p.compiled()) {
            write(file, src);
            return List.of("/usr/bin/python3", file.toString());
        }
        Path bin = dir.resolve("nlbench-peer-" + p.column());
        List<String> run = new java.util.ArrayList<>(List.of(bin.toString()));
        run.addAll(p.options());
        if (Files.isExecutable(bin)) return List.copyOf(run);
        write(file, src);
        Path tmp = dir.resolve(bin.getFileName() + ".tmp");
        List<String> cmd = p == Program.GO
                ? List.of("/usr/bin/go", "build", "-o", tmp.toString(), ".")
                : List.of("/usr/bin/gcc", "-O2", "-Wall", "-o", tmp.toString(), file.toString(), "-lmnl");
        log.println("nlbench: building peer " + p.column() + " in " + dir);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        // Offline: Debian's packaged sources under GOPATH, no module proxy, a build cache of our own.
        pb.environment().putAll(Map.of("GO111MODULE", "off", "GOFLAGS", "", "GOPATH", "/usr/share/gocode",
                "GOCACHE", dir.getParent().resolve("gocache").toString(), "GOPROXY", "off"));
        Process b = pb.start();
        if (!b.waitFor(BUILD_TIMEOUT_S, TimeUnit.SECONDS)) {
            b.destroyForcibly();
            throw new IOException("building peer " + p.column() + " took over " + BUILD_TIMEOUT_S + " s");
        }
        if (b.exitValue() != 0) throw new IOException("building peer " + p.column() + " failed (" + String.join(" ", cmd) + ", status " + b.exitValue() + ")");
        Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return List.copyOf(run);
    }

    private static void write(Path file, byte[] src) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), src)) Files.write(file, src);
    }
}
