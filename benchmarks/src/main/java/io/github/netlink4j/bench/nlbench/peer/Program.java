package io.github.netlink4j.bench.nlbench.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A peer program: nlbench's workloads done by another rtnetlink library, a process per measurement
 * (benchmarks/peers/README.md has the contract). Each is available when the Debian packages it needs
 * are installed, which is told by the files they install rather than by asking dpkg: a source
 * checkout's or a hand-installed toolchain would do as well.
 */
public enum Program {
    /** Go's vishvananda/netlink, built offline against Debian's packaged sources. */
    GO("go", "go/main.go", List.of(
            new Need("golang-go", "/usr/bin/go"),
            new Need("golang-github-vishvananda-netlink-dev", "/usr/share/gocode/src/github.com/vishvananda/netlink"),
            new Need("golang-github-vishvananda-netns-dev", "/usr/share/gocode/src/github.com/vishvananda/netns"))),
    /** Hand-written C on libmnl: the floor for the same requests. */
    MNL("mnl", "mnl/nlbench-peer-mnl.c", List.of(new Need("libmnl-dev", "/usr/include/libmnl/libmnl.h"), new Need("gcc", "/usr/bin/gcc"))),
    /** The same C program with its adds and deletes pipelined: 64 requests in one sendto, then their acks, as libmnl's batch examples do. */
    MNL_PIPELINED("mnl-pipelined", "mnl/nlbench-peer-mnl.c", List.of(new Need("libmnl-dev", "/usr/include/libmnl/libmnl.h"), new Need("gcc", "/usr/bin/gcc"))),
    /** pyroute2, run by Debian's /usr/bin/python3, where the package lives, whatever python3 comes first on the PATH. */
    PYROUTE2("pyroute2", "pyroute2/nlbench_peer_pyroute2.py", List.of(
            new Need("python3-pyroute2", "/usr/lib/python3/dist-packages/pyroute2"), new Need("python3", "/usr/bin/python3")));

    /** The workloads every peer program does (the contract's table); {@code noop} is only for the baseline. */
    public static final Set<String> WORKLOADS = Set.of("w1", "w2", "w3", "routes", "routes6", "neigh", "addr6");

    /** The argument a peer is given instead of a workload to measure its exec-only cost. */
    public static final String NOOP = "noop";

    private final String column;
    private final String source;
    private final List<Need> needs;

    Program(String column, String source, List<Need> needs) {
        this.column = column;
        this.source = source;
        this.needs = needs;
    }

    /** A Debian package and a file it installs. */
    record Need(String pkg, String file) {}

    /** The column name {@code --peers} takes. */
    public String column() {
        return column;
    }

    /** The source file, relative to benchmarks/peers (and to {@code nlbench/peers/} in the jar). */
    public String source() {
        return source;
    }

    /** Every package this peer needs, for apt-get. */
    public List<String> packages() {
        return needs.stream().map(Need::pkg).toList();
    }

    /** The workloads only the C program does: dump-churn needs a program that can tell its interrupted dumps, which libmnl reports as EINTR. */
    public static final Set<String> MNL_ONLY = Set.of("dump-churn");

    /** The workloads mnl-pipelined does: those with adds or deletes to pipeline (w3 only dumps: it would be mnl's). */
    public static final Set<String> PIPELINED = Set.of("w1", "w2", "routes", "routes6", "neigh", "addr6");

    /** Whether the peer program does {@code workload}. */
    public boolean supports(String workload) {
        if (this == MNL_PIPELINED) return PIPELINED.contains(workload);
        return WORKLOADS.contains(workload) || (this == MNL && MNL_ONLY.contains(workload));
    }

    /** The options that come before the workload on the program's command line: mnl-pipelined's {@code --pipelined}. */
    public List<String> options() {
        return this == MNL_PIPELINED ? List.of("--pipelined") : List.of();
    }

    /** The packages that are missing, told by their files; empty when the peer can run. */
    public List<String> missing() {
        return missing(p -> Files.exists(p));
    }

    List<String> missing(Predicate<Path> exists) {
        List<String> out = new ArrayList<>();
        for (Need n : needs) if (!exists.test(Path.of(n.file()))) out.add(n.pkg());
        return out;
    }

    /** Why the peer cannot run here, in a sentence that says how to fix it; empty when it can. */
    public Optional<String> unavailable() {
        return unavailable(missing());
    }

    Optional<String> unavailable(List<String> missing) {
        if (missing.isEmpty()) return Optional.empty();
        return Optional.of("peer " + column + " needs " + String.join(", ", missing) + " (not installed); `nlbench peers install` installs them");
    }

    /** Whether this program must be compiled before it runs. */
    boolean compiled() {
        return this != PYROUTE2;
    }

    /** The peer by its column name; IllegalArgumentException for another name. */
    public static Program of(String column) {
        for (Program p : values()) if (p.column.equals(column)) return p;
        throw new IllegalArgumentException("unknown peer program " + column);
    }

    /** Whether {@code column} names a peer program (not ip, ip-batch or netlink4j). */
    public static boolean isProgram(String column) {
        for (Program p : values()) if (p.column.equals(column)) return true;
        return false;
    }
}
