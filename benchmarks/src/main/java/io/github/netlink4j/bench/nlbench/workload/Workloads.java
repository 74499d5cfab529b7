package io.github.netlink4j.bench.nlbench.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every workload nlbench knows, by name, in {@code nlbench list}'s order. */
public final class Workloads {
    private Workloads() {}

    /** The largest N any workload accepts (routes at 1,000,000 is the largest case). */
    public static final int MAX_COUNT = 1_000_000;

    /** Every workload by name, in {@code nlbench list}'s order. */
    public static final Map<String, Workload> ALL;

    static {
        Map<String, Workload> m = new LinkedHashMap<>();
        List<Workload> list = new ArrayList<>(Legacy.all());
        list.addAll(List.of(new DumpRounds(), new Routes(false, false), new Routes(true, false), new Routes(false, true), new Neighbours(), new Addresses6(), new Namespaces(), new Clients(), new Events(0), new Events(8192), new DumpChurn()));
        for (Workload w : list) m.put(w.name(), w);
        ALL = java.util.Collections.unmodifiableMap(m);
    }

    /** The names of the workloads with a bulk form, in {@code nlbench list}'s order. */
    public static List<String> bulk() {
        return ALL.values().stream().filter(Workload::bulk).map(Workload::name).toList();
    }

    /** The workload named {@code name}; IllegalArgumentException names the list command when there is none. */
    public static Workload get(String name) {
        Workload w = ALL.get(name);
        if (w == null) throw new IllegalArgumentException("unknown workload " + name + " (nlbench list shows them)");
        return w;
    }
}
