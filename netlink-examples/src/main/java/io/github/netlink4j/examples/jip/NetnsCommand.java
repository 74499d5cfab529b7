package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static io.github.netlink4j.examples.jip.Jip.is;
import static io.github.netlink4j.examples.jip.Jip.next;
import static io.github.netlink4j.examples.jip.Jip.usage;

/** {@code jip netns ...}: named namespaces, made and entered without the ip binary. */
final class NetnsCommand {
    private final Jip jip;

    NetnsCommand(Jip jip) {
        this.jip = jip;
    }

    int run(List<String> args) throws IOException {
        if (args.isEmpty() || is(args.get(0), "list") || is(args.get(0), "show")) {
            Map<String, OptionalInt> ids;
            try (NetlinkClient here = NetlinkClient.open()) {
                ids = here.nsids().named();
            }
            if (jip.json) {
                List<Object> out = JsonOut.list();
                for (Map.Entry<String, OptionalInt> e : ids.entrySet()) {
                    Map<String, Object> o = JsonOut.object();
                    o.put("name", e.getKey());
                    if (e.getValue().isPresent()) o.put("id", e.getValue().getAsInt());
                    out.add(o);
                }
                jip.out.println(JsonOut.write(out, jip.pretty));
            } else {
                for (Map.Entry<String, OptionalInt> e : ids.entrySet()) {
                    jip.out.println(e.getKey() + (e.getValue().isPresent() ? " (id: " + e.getValue().getAsInt() + ")" : ""));
                }
            }
            return 0;
        }
        String verb = args.remove(0);
        if (is(verb, "add")) {
            String name = next(args, "name");
            try {
                NetNamespace.create(name).close();
            } catch (io.github.netlink4j.error.SyscallException e) {
                jip.err.println("Cannot create namespace file \"/var/run/netns/" + name + "\": " + e.description());
                return 1;
            }
            return 0;
        }
        if (is(verb, "delete")) {
            String name = next(args, "name");
            try {
                NetNamespace.delete(name);
            } catch (io.github.netlink4j.error.SyscallException e) {
                jip.err.println("Cannot remove namespace file \"/var/run/netns/" + name + "\": " + e.description());
                return 1;
            }
            return 0;
        }
        if (is(verb, "exec")) {
            String name = next(args, "name");
            if (args.isEmpty()) throw usage("No command specified");
            try (NetNamespace ns = NetNamespace.open(name)) {
                // ip execs the command, so signals reach it and its status is ip's: pass them on, wait,
                // and exit with the child's status (128 + the signal if a signal ended it, as a shell says).
                try (ChildSignals forwarding = ChildSignals.install()) {
                    Process p = ns.start(new ProcessBuilder(args).inheritIO());
                    forwarding.attach(p);
                    return p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            } catch (io.github.netlink4j.error.SyscallException e) {
                jip.err.println("Cannot open network namespace \"" + name + "\": " + e.description());
                return 255;
            }
        }
        throw usage("Command \"" + verb + "\" is unknown, try \"ip netns help\".");
    }
}
