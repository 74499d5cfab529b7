package io.github.netlink4j.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gate for tests that need root (CAP_NET_ADMIN and CAP_SYS_ADMIN): they skip with a reason where the
 * privileges are missing, but fail under CI=true, where skipping would hide that nothing ran.
 */
public final class Privileged {
    private Privileged() {}

    /** Skips (or, under CI, fails) the calling test unless the process has the capabilities. */
    public static void require() {
        String why = missing();
        if (why == null) return;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("privileged test cannot run under CI=true: " + why);
        }
        Assumptions.abort("skipped: " + why);
    }

    private static String missing() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    boolean netAdmin = (caps & (1L << 12)) != 0;
                    boolean sysAdmin = (caps & (1L << 21)) != 0;
                    if (netAdmin && sysAdmin) return null;
                    return "needs CAP_NET_ADMIN and CAP_SYS_ADMIN (run as root)";
                }
            }
            return "cannot read capabilities from /proc/self/status";
        } catch (IOException e) {
            return "cannot read /proc/self/status: " + e.getMessage();
        }
    }
}
