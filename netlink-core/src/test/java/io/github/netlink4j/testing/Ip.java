package io.github.netlink4j.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2 as an independent oracle in tests (never in the library): {@code ip -n NS ...}.
 * Output is returned; a non-zero exit throws with stderr.
 */
public final class Ip {
    private Ip() {}

    /** The result of one ip run. */
    public record Result(int exit, String out, String err) {}

    public static Result run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ip");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ip " + String.join(" ", args) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Runs {@code ip -n ns args}; throws unless it exits 0. */
    public static String in(String ns, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("-n", ns));
        a.addAll(List.of(args));
        Result r = run(a.toArray(String[]::new));
        if (r.exit != 0) throw new IOException("ip " + String.join(" ", a) + " failed (" + r.exit + "): " + r.err);
        return r.out;
    }
}
