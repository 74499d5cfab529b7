package io.github.netlink4j.bench;

import io.github.netlink4j.NetlinkClient;

import java.lang.management.ManagementFactory;

/**
 * The first request in a fresh JVM, as an embedding user's JVM makes it: from {@code main} to the
 * reply to one RTM_GETLINK for {@code lo} in the calling thread's namespace (read-only), then the
 * classes loaded by then. Run it with no option but native access, once per JVM:
 * {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.github.netlink4j.bench.ColdStart}.
 * Prints {@code first_reply_ms=… jvm_uptime_ms=… classes=…}.
 */
public final class ColdStart {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int index;
        try (NetlinkClient nl = NetlinkClient.open()) {
            index = nl.links().get("lo").index();
        }
        long t1 = System.nanoTime();
        // Read after the clock stopped: the management beans load classes of their own.
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        if (index != 1) throw new IllegalStateException("lo has index " + index);
        System.out.printf("first_reply_ms=%.1f jvm_uptime_ms=%d classes=%d%n", (t1 - t0) / 1e6, uptime, classes);
    }
}
