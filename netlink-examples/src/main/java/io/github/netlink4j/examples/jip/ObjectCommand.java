package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.util.List;

import static io.github.netlink4j.examples.jip.Jip.is;
import static io.github.netlink4j.examples.jip.Jip.usage;

/** The verbs ip's address, route and neighbour objects share: show (the default), add, replace, delete. */
abstract class ObjectCommand {
    /** What a modifying verb asks for. */
    enum Op { ADD, REPLACE, DELETE }

    final Jip jip;
    final NetlinkClient nl;
    private final String object;

    ObjectCommand(Jip jip, NetlinkClient nl, String object) {
        this.jip = jip;
        this.nl = nl;
        this.object = object;
    }

    final int run(List<String> args) throws IOException {
        if (args.isEmpty() || is(args.get(0), "show") || is(args.get(0), "list") || args.get(0).equals("lst")) {
            if (!args.isEmpty()) args.remove(0);
            return show(args);
        }
        String verb = args.remove(0);
        if (is(verb, "add")) return modify(args, Op.ADD);
        if (is(verb, "replace")) return modify(args, Op.REPLACE);
        if (is(verb, "delete")) return modify(args, Op.DELETE);
        throw usage("Command \"" + verb + "\" is unknown, try \"ip " + object + " help\".");
    }

    abstract int show(List<String> args) throws IOException;

    abstract int modify(List<String> args, Op op) throws IOException;
}
