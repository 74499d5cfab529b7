package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.bench.nlbench.peer.Program;
import io.github.netlink4j.bench.nlbench.workload.Workload;
import io.github.netlink4j.bench.nlbench.workload.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nlbench list}: each workload, what its clock covers and what it builds first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the workloads: what each measures, what it sets up, its default N.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Workload w : Workloads.ALL.values()) {
            List<String> peers = new ArrayList<>();
            if (w.ipOps(new Workload.Setup("NS", 1, "dummy", 1)).isPresent()) peers.addAll(List.of("ip", "ip-batch"));
            for (Program p : Program.values()) if (p.supports(w.name())) peers.add(p.column());
            out.printf("%-8s %s%n", w.name(), w.measures());
            out.printf("%-8s   sets up: %s; default N=%d; unit %s; peers: %s%n", "", w.setsUp(), w.defaultCount(), w.unit(),
                    peers.isEmpty() ? "none" : String.join(", ", peers));
        }
        return 0;
    }
}
