package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code jip --train}: the run the jip script records its AOT cache from. Everyday commands (making a
 * veth pair, addresses, routes, and showing them as text and JSON) in an anonymous namespace this
 * process makes and that goes when it closes it, so the cache holds the namespace path as well as the
 * requests and printers, and nothing anywhere else is touched. Exit 0 only if every command succeeded.
 */
final class JipTraining {
    private JipTraining() {}

    static final List<String[]> COMMANDS = List.of(
            new String[] {"link", "set", "lo", "up"},
            new String[] {"link", "add", "veth0", "type", "veth", "peer", "name", "veth1"},
            new String[] {"link", "set", "veth0", "up"},
            new String[] {"addr", "add", "10.200.0.2/24", "dev", "veth0"},
            new String[] {"route", "add", "10.200.9.0/24", "via", "10.200.0.1"},
            new String[] {"link", "show"},
            new String[] {"-br", "addr"},
            new String[] {"-j", "addr", "show"},
            new String[] {"route", "show"},
            new String[] {"neigh", "show"},
            new String[] {"rule", "show"},
            new String[] {"link", "del", "veth0"});

    /** Runs one command line in {@code ns} with its output discarded; returns its exit status. */
    interface Runner {
        int run(NetNamespace ns, String[] command);
    }

    static int run(Runner jip) {
        try (NetNamespace ns = NetNamespace.createAnonymous()) {
            return run(ns, COMMANDS, System.err, jip);
        } catch (Exception e) {
            System.err.println("jip --train: " + e);
            return 1;
        }
    }

    /**
     * Runs {@code commands} in {@code ns}, in order, their output discarded; stops at the first that
     * fails (a later one would train on a state the earlier should have made) and names it on {@code err}.
     * Returns 0 only if every command exited 0.
     */
    static int run(NetNamespace ns, List<String[]> commands, PrintStream err, Runner jip) {
        for (String[] command : commands) {
            int rc = jip.run(ns, command);
            if (rc != 0) {
                err.println("jip --train: " + String.join(" ", command) + " exited " + rc);
                return 1;
            }
        }
        return 0;
    }
}
