package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.link.LinkSpec;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code jtc --train}: the run the jtc script records its AOT cache from, as jip's: everyday tc commands
 * on a veth pair in an anonymous namespace this process makes and that goes when it closes it. Exit 0
 * only if every command succeeded.
 */
final class JtcTraining {
    private JtcTraining() {}

    static final List<String[]> COMMANDS = List.of(
            new String[] {"qdisc", "add", "dev", "veth0", "root", "handle", "1:", "htb", "default", "10"},
            new String[] {"class", "add", "dev", "veth0", "parent", "1:", "classid", "1:10", "htb", "rate", "1mbit"},
            new String[] {"qdisc", "add", "dev", "veth1", "root", "tbf", "rate", "1mbit", "burst", "32kb", "latency", "400ms"},
            new String[] {"qdisc", "add", "dev", "veth1", "clsact"},
            new String[] {"qdisc", "show"},
            new String[] {"-s", "-j", "qdisc", "show", "dev", "veth0"},
            new String[] {"-s", "-d", "class", "show", "dev", "veth0"},
            new String[] {"qdisc", "del", "dev", "veth0", "root"});

    /** One training command in a namespace: the entry point's, passed in so that this class names no entry point. */
    interface Runner {
        int run(NetNamespace ns, String[] command);
    }

    static int run(Runner jtc) {
        try (NetNamespace ns = NetNamespace.createAnonymous()) {
            try (NetlinkClient nl = NetlinkClient.open(ns)) {
                nl.links().add(LinkSpec.veth("veth0", "veth1"));
            }
            return run(ns, COMMANDS, System.err, jtc);
        } catch (Exception e) {
            System.err.println("jtc --train: " + e);
            return 1;
        }
    }

    /** Runs {@code commands} in {@code ns} in order, their output discarded; stops at the first that fails and names it. */
    static int run(NetNamespace ns, List<String[]> commands, PrintStream err, Runner jtc) {
        for (String[] command : commands) {
            int rc = jtc.run(ns, command);
            if (rc != 0) {
                err.println("jtc --train: " + String.join(" ", command) + " exited " + rc);
                return 1;
            }
        }
        return 0;
    }

}
