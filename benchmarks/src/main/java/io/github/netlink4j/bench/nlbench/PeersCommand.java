package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.bench.nlbench.peer.Builds;
import io.github.netlink4j.bench.nlbench.peer.Program;
import io.github.netlink4j.bench.nlbench.peer.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code nlbench peers [list|install|build]}: the optional peer columns, what they need, installing and building them. */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = {"The peer programs (go: vishvananda/netlink, mnl: C on libmnl, pyroute2), benchmarks/peers/README.md. "
                + "list (the default): each peer, available or what it lacks, its packages' versions. "
                + "install: apt-get update, then apt-get install -y of every peer's Debian packages, then build. "
                + "build: builds the Go and C peers offline into the cache ($NLBENCH_CACHE, else $XDG_CACHE_HOME/nlbench, else ~/.cache/nlbench)."})
final class PeersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "list|install|build", defaultValue = "list", description = "What to do (default ${DEFAULT-VALUE}).")
    String action;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case "list" -> {
                Map<String, Object> versions = Versions.all();
                for (Program p : Program.values()) {
                    String state = p.unavailable().orElse("available: " + versions.get(p.column()));
                    out.printf("%-13s %s%n", p.column(), state);
                }
                return 0;
            }
            case "install" -> {
                Set<String> pkgs = new LinkedHashSet<>();
                for (Program p : Program.values()) pkgs.addAll(p.packages());
                apt(List.of("apt-get", "update"));
                List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
                install.addAll(pkgs);
                apt(install);
                return build(out);
            }
            case "build" -> {
                return build(out);
            }
            default -> throw new IllegalArgumentException("nlbench peers list|install|build, not " + action);
        }
    }

    private static int build(PrintWriter out) throws Exception {
        int status = 0;
        for (Program p : Program.values()) {
            if (p.unavailable().isPresent()) {
                out.println(p.column() + ": " + p.unavailable().get());
                status = 1;
                continue;
            }
            out.println(p.column() + ": " + String.join(" ", Builds.command(p, out)));
        }
        return status;
    }

    private static void apt(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " took over 30 minutes");
        }
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed with status " + p.exitValue());
    }
}
