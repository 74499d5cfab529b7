package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.bench.nlbench.peer.Builds;
import io.github.netlink4j.bench.nlbench.peer.PeerRun;
import io.github.netlink4j.bench.nlbench.peer.Program;
import io.github.netlink4j.bench.nlbench.peer.Syscalls;
import io.github.netlink4j.bench.nlbench.workload.Workload;
import io.github.netlink4j.bench.nlbench.workload.Workloads;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.bench.LegacyWorkloads;
import io.github.netlink4j.error.UnsupportedLinkKindException;
import io.github.netlink4j.link.LinkSpec;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Settings}: for each workload, each column (netlink4j, then the peers asked for) in an
 * order that rotates from repeat to repeat, each measurement in a fresh namespace prepared outside the
 * clock. Between measurements it waits until the kernel has torn the previous namespace down (a veth
 * whose one end lives in the run's home namespace and the other in the measured one disappears only
 * then), so that no column pays for the teardown of the one before.
 */
final class Bench {
    /** The most rounds one repeat (under --duration) or one warm-up may run. */
    static final int MAX_ROUNDS = 10_000;
    static final String OURS = "netlink4j";
    private static final long TEARDOWN_WAIT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final int BASELINE_RUNS = 5;

    private final Settings s;
    private final PrintWriter log;
    /** The command line of each peer program asked for, built before the first namespace is made. */
    private final Map<String, List<String>> programs = new LinkedHashMap<>();
    private String kind = "dummy";
    private NetlinkClient home;
    private int sentinels;

    Bench(Settings s, PrintWriter log) {
        this.s = s;
        this.log = log;
    }

    List<Cell> run() throws Exception {
        // perf counts the peer programs; the netlink4j column counts its own socket's calls
        if (s.syscalls() && s.peers().stream().anyMatch(p -> Program.isProgram(p) || p.equals("ip-batch") || p.equals("ip")) && Syscalls.unavailable().isPresent()) throw new IllegalArgumentException(Syscalls.unavailable().get());
        for (String p : s.peers()) {
            if (!Program.isProgram(p)) continue;
            Program program = Program.of(p);
            java.util.Optional<String> why = program.unavailable();
            if (why.isPresent()) throw new IllegalArgumentException(why.get());
            programs.put(p, Builds.command(program, log));
        }
        Guard.install();
        List<String> stale = Guard.sweepStale();
        if (!stale.isEmpty()) log.println("nlbench: removed namespaces left by nlbench processes that are gone: " + stale);
        String homeName = Guard.newName();
        List<Cell> cells = new ArrayList<>();
        try (NetNamespace homeNs = NetNamespace.create(homeName); NetlinkClient nl = NetlinkClient.open(homeNs)) {
            home = nl;
            kind = detectKind(nl);
            for (String name : s.workloads()) {
                Workload w = Workloads.get(name);
                for (int n : s.countsFor(w)) cells.addAll(runWorkload(w, n));
            }
        } finally {
            Guard.removeTree(homeName);
        }
        return cells;
    }

    /** dummy where the kernel has it, else ifb (the same choice as the runner's). */
    private static String detectKind(NetlinkClient nl) throws Exception {
        try {
            nl.links().add(LinkSpec.dummy("probe0"));
            nl.links().delete("probe0");
            return "dummy";
        } catch (UnsupportedLinkKindException e) {
            return "ifb";
        }
    }

    /**
     * One column of a workload's cells: netlink4j once per batch size of the run ({@code --batch}, or each of
     * {@code --sweep batch=}; 0: one call per operation), each peer once (batch 0: --batch does not change them).
     */
    record Column(String name, int batch) {
        @Override public String toString() { return batch > 0 ? name + " B=" + batch : name; }
    }

    private List<Cell> runWorkload(Workload w, int n) throws Exception {
        Workload.Setup probe = new Workload.Setup("x", n, kind, s.clients());
        List<Column> columns = new ArrayList<>();
        for (int b : s.batchesFor()) columns.add(new Column(OURS, b));
        int ours = columns.size();
        // Asked only when an ip column is wanted: a million routes' command lines are a heap of their own.
        boolean ipOps = s.peers().stream().anyMatch(p -> !Program.isProgram(p)) && w.ipOps(probe).isPresent();
        for (String p : s.peers()) {
            if (Program.isProgram(p) ? Program.of(p).supports(w.name()) : ipOps) columns.add(new Column(p, 0));
            else log.printf("nlbench: %s: no %s column (the peer has no equivalent)%n", w.name(), p);
        }
        Map<String, Long> baselines = new LinkedHashMap<>();
        long ipBaseline = -1;
        for (Column col : columns.subList(ours, columns.size())) {
            String c = col.name();
            long b;
            if (Program.isProgram(c)) {
                b = programBaseline(c);
            } else {
                if (ipBaseline < 0) ipBaseline = baseline(); // ip and ip-batch start the same program
                b = ipBaseline;
            }
            baselines.put(c, b);
            log.printf("nlbench: %s: exec-only baseline %.2f ms per %s process%n", w.name(), b / 1e6, c);
        }
        if (s.mode().equals("steady")) for (Column c : columns.subList(0, ours)) warmup(w, n, c.batch());
        Map<Column, List<Sample>> byColumn = new LinkedHashMap<>();
        for (Column c : columns) byColumn.put(c, new ArrayList<>());
        for (int r = 0; r < s.repeat(); r++) {
            for (int j = 0; j < columns.size(); j++) {
                Column c = columnAt(columns, r, j);
                Sample x = repeatOnce(w, n, c, baselines.getOrDefault(c.name(), -1L));
                byColumn.get(c).add(x);
                log.printf("nlbench: %s %s rep %d/%d: %.1f %s/s%n", w.name(), c, r + 1, s.repeat(), x.opsPerSecond(), w.unit());
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<Column, List<Sample>> e : byColumn.entrySet()) {
            String c = e.getKey().name();
            int batch = e.getKey().batch();
            boolean peer = !c.equals(OURS);
            List<String> flags = jvmFlags(peer, s.mode(), java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            Double syscalls = null; // not a chain of ?: — a double beside a null there unboxes the null
            if (s.syscalls() && Program.isProgram(c)) syscalls = syscallsPerOp(w, n, c);
            else if (s.syscalls() && c.equals(OURS)) syscalls = ourSyscallsPerOp(w, n, batch);
            else if (s.syscalls() && c.equals("ip-batch")) syscalls = ipBatchSyscallsPerOp(w, n);
            else if (s.syscalls() && c.equals("ip")) syscalls = ipSyscallsPerOp(w, n);
            cells.add(new Cell(w.name(), c, peer ? "process" : s.mode(), n, s.clients(), w.unit(), peer ? baselines.get(c) : -1, e.getValue(),
                    flags, syscalls, batch));
        }
        return cells;
    }

    /** The flags of the JVM that measured a cell: none for a process column, the fresh JVM's in cold mode, else this one's. */
    static List<String> jvmFlags(boolean processColumn, String mode, List<String> thisJvm) {
        if (processColumn) return null;
        return mode.equals("cold") ? ColdRun.FLAGS : thisJvm;
    }

    /** The {@code j}th column to run in repeat {@code r}: the order rotates, so no column always runs first or after the same one. */
    static <T> T columnAt(List<T> columns, int r, int j) {
        return columns.get((j + r) % columns.size());
    }

    private void warmup(Workload w, int n, int batch) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < MAX_ROUNDS; i++) {
            if (s.warmupNs() > 0 ? System.nanoTime() - t0 >= s.warmupNs() : i >= s.warmupRounds()) return;
            round(w, n, new Column(OURS, batch), -1);
        }
    }

    private Sample repeatOnce(Workload w, int n, Column column, long baseline) throws Exception {
        Sample acc = round(w, n, column, baseline);
        for (int i = 1; i < MAX_ROUNDS && s.durationNs() > 0 && acc.elapsedNs() < s.durationNs(); i++) acc = acc.plus(round(w, n, column, baseline));
        return acc;
    }

    /**
     * The exec-only cost of one iproute2 process: the fastest of a few empty {@code ip -n NS -batch}
     * runs. The fastest, not the median: a loaded machine's slow exec would otherwise be taken out of
     * every operation and leave less than nothing.
     */
    private long baseline() throws Exception {
        String name = Guard.newName();
        long[] t = new long[BASELINE_RUNS];
        try (NetNamespace ns = NetNamespace.create(name)) {
            for (int i = 0; i < t.length; i++) t[i] = LegacyWorkloads.ipBatch(List.of(), name, Guard::track);
        } finally {
            Guard.removeTree(name);
        }
        return Arrays.stream(t).min().orElseThrow();
    }

    /**
     * The exec-only cost of one run of a peer program: the fastest of a few {@code noop} runs (start,
     * enter the namespace, open the socket, exit) in a namespace of its own, for the reason above.
     */
    private long programBaseline(String column) throws Exception {
        String name = Guard.newName();
        long[] t = new long[BASELINE_RUNS];
        try (NetNamespace ns = NetNamespace.create(name)) {
            for (int i = 0; i < t.length; i++) t[i] = PeerRun.run(programs.get(column), Program.NOOP, name, 0, kind, Guard::track).wallNs();
        } finally {
            Guard.removeTree(name);
        }
        return Arrays.stream(t).min().orElseThrow();
    }

    /** A peer program's system calls per operation: one counted run of the work and one of its noop, each in a namespace of its own, outside every clock. */
    private double syscallsPerOp(Workload w, int n, String column) throws Exception {
        String idle = Guard.newName();
        long noop;
        try (NetNamespace ns = NetNamespace.create(idle)) {
            noop = Syscalls.count(programs.get(column), Program.NOOP, idle, 0, kind, Guard::track);
        } finally {
            Guard.removeTree(idle);
        }
        String name = Guard.newName();
        String sentinel = "nlbw" + (++sentinels);
        long work;
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            home.links().add(LinkSpec.veth(sentinel, "nlbw").withPeerNamespace(ns));
            w.prepare(nl, new Workload.Setup(name, n, kind, s.clients(), s.batch()));
            work = Syscalls.count(programs.get(column), w.name(), name, n, kind, Guard::track);
        } finally {
            Guard.removeTree(name);
            awaitGone(sentinel);
        }
        double per = Syscalls.perOp(work, noop, n);
        log.printf("nlbench: %s %s: %.1f system calls per operation (%d, less %d for its noop)%n", w.name(), column, per, work, noop);
        return per;
    }

    /** ip -batch's system calls per operation, under perf as the peer programs: the batch's less an empty batch's, over N. */
    private double ipBatchSyscallsPerOp(Workload w, int n) throws Exception {
        String idle = Guard.newName();
        long empty;
        try (NetNamespace ns = NetNamespace.create(idle)) {
            empty = Syscalls.countIpBatch(List.of(), idle, Guard::track);
        } finally {
            Guard.removeTree(idle);
        }
        String name = Guard.newName();
        String sentinel = "nlbw" + (++sentinels);
        long work;
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            home.links().add(LinkSpec.veth(sentinel, "nlbw").withPeerNamespace(ns));
            Workload.Setup setup = new Workload.Setup(name, n, kind, s.clients(), s.batch());
            w.prepare(nl, setup);
            work = Syscalls.countIpBatch(w.ipOps(setup).orElseThrow(), name, Guard::track);
        } finally {
            Guard.removeTree(name);
            awaitGone(sentinel);
        }
        double per = Syscalls.perOp(work, empty, n);
        log.printf("nlbench: %s ip-batch: %.1f system calls per operation (%d, less %d for an empty batch)%n", w.name(), per, work, empty);
        return per;
    }

    /**
     * ip per operation's system calls per operation, under perf as the others: its N processes run from one
     * script, less as many empty {@code ip -batch} processes from a script of the same length (exec,
     * namespace, socket, exit, and the script's fork and wait), over N.
     */
    private double ipSyscallsPerOp(Workload w, int n) throws Exception {
        String name = Guard.newName();
        String sentinel = "nlbw" + (++sentinels);
        long work, empty;
        int processes;
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            home.links().add(LinkSpec.veth(sentinel, "nlbw").withPeerNamespace(ns));
            Workload.Setup setup = new Workload.Setup(name, n, kind, s.clients(), s.batch());
            w.prepare(nl, setup);
            List<List<String>> ops = w.ipOps(setup).orElseThrow();
            processes = ops.size();
            work = Syscalls.countIpEach(ops, Guard::track);
        } finally {
            Guard.removeTree(name);
            awaitGone(sentinel);
        }
        String idle = Guard.newName();
        try (NetNamespace ns = NetNamespace.create(idle)) {
            empty = Syscalls.countEmptyIpProcesses(processes, idle, Guard::track);
        } finally {
            Guard.removeTree(idle);
        }
        double per = Syscalls.perOp(work, empty, n);
        log.printf("nlbench: %s ip: %.1f system calls per operation (%d for %d processes, less %d for as many empty ones)%n", w.name(), per, work,
                processes, empty);
        return per;
    }

    /**
     * The netlink4j column's system calls per operation: one run of the work, outside every clock, in a
     * namespace of its own, counted by its client ({@link NetlinkClient#syscalls()}: the sendto and recvfrom
     * calls of its rtnetlink socket; clients a workload opens of its own, as the scenarios do, are not in it).
     */
    private double ourSyscallsPerOp(Workload w, int n, int batch) throws Exception {
        String name = Guard.newName();
        String sentinel = "nlbw" + (++sentinels);
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            home.links().add(LinkSpec.veth(sentinel, "nlbw").withPeerNamespace(ns));
            Workload.Setup setup = new Workload.Setup(name, n, kind, s.clients(), batch);
            w.prepare(nl, setup);
            long before = nl.syscalls();
            w.run(nl, setup, Sample.histogram());
            double per = (nl.syscalls() - before) / (double) n;
            log.printf("nlbench: %s %s: %.2f system calls per operation%n", w.name(), OURS, per);
            return per;
        } finally {
            Guard.removeTree(name);
            awaitGone(sentinel);
        }
    }

    /** One measurement of {@code column} in a namespace of its own, removed (and waited for) after. */
    private Sample round(Workload w, int n, Column col, long baseline) throws Exception {
        String column = col.name();
        if (column.equals(OURS) && s.mode().equals("cold")) return ColdRun.run(w.name(), n, s.clients(), col.batch());
        String name = Guard.newName();
        Workload.Setup setup = new Workload.Setup(name, n, kind, s.clients(), col.batch());
        String sentinel = "nlbw" + (++sentinels);
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            home.links().add(LinkSpec.veth(sentinel, "nlbw").withPeerNamespace(ns));
            w.prepare(nl, setup);
            try (io.github.netlink4j.bench.nlbench.workload.Churner churn = w.churn(setup)) { // null for most: then nothing to close
                Sample x = switch (column) {
                    case OURS -> inProcess(w, nl, setup);
                    case "ip" -> Peers.perOp(w.ipOps(setup).orElseThrow(), n, baseline);
                    case "ip-batch" -> Peers.batch(w.ipOps(setup).orElseThrow(), name, n, baseline);
                    default -> Peers.program(programs.get(column), w.name(), setup, baseline);
                };
                return churn == null ? x : x.withCount("changes", churn.changes());
            }
        } finally {
            Guard.removeTree(name);
            awaitGone(sentinel);
        }
    }

    private static Sample inProcess(Workload w, NetlinkClient nl, Workload.Setup setup) throws Exception {
        Histogram h = Sample.histogram();
        Probe a = Probe.now();
        boolean timed = w.run(nl, setup, h);
        Probe b = Probe.now();
        long elapsed = b.nanos() - a.nanos();
        long alloc = a.allocated() < 0 ? -1 : b.allocated() - a.allocated();
        return new Sample(elapsed, elapsed, setup.count(), (b.userTicks() - a.userTicks()) * Probe.NS_PER_TICK,
                (b.sysTicks() - a.sysTicks()) * Probe.NS_PER_TICK, alloc, -1, timed ? h : null, w.events().orElse(null));
    }

    /** Waits (bounded) until the kernel has destroyed the measured namespace: its sentinel's home end is gone. */
    private void awaitGone(String sentinel) throws Exception {
        long deadline = System.nanoTime() + TEARDOWN_WAIT_NS;
        while (home.links().list().stream().anyMatch(l -> l.name().equals(sentinel))) {
            if (System.nanoTime() - deadline > 0) throw new IllegalStateException("namespace teardown took over 60 s");
            Thread.sleep(2);
        }
    }
}
