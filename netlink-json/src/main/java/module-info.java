/**
 * netlink4j's one JSON reader and writer, for jip and jtc (iproute2's {@code -j} output), the CNI plugin
 * (configs and results, read from a runtime as root) and the benchmarks' result files. No dependencies: jip
 * starts a JVM per command and the CNI plugin's class path is code run as root.
 */
module io.github.netlink4j.json {
    exports io.github.netlink4j.json;
}
