package io.github.netlink4j.examples.jynl;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.JsonException;
import io.github.netlink4j.generic.GenericNetlink;
import io.github.netlink4j.generic.SpecFamily;
import io.github.netlink4j.generic.SpecListener;
import io.github.netlink4j.genl.SpecMessage;
import io.github.netlink4j.genl.SpecOperation;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jynl}: a command line for any generic netlink family netlink4j has a spec of, in the spirit of the
 * kernel's YNL client: the request is JSON keyed by the spec's attribute names, the replies are JSON the
 * same way (enums and flags by name, binaries as hex), and nothing about a family is written here: the
 * generated spec drives it all ({@link SpecFamily}). The same jar as jip, started by the {@code jynl}
 * script with this class as its main.
 *
 * <pre>
 * jynl --family ethtool --do channels-get --json '{"header": {"dev-name": "veth0"}}'
 * jynl -n NETNS --family netdev --dump dev-get
 * jynl --family ethtool --subscribe monitor --sleep 5
 * jynl --family ethtool --list-ops
 * </pre>
 *
 * A do prints its reply as one JSON object (nothing when the kernel answers with an ACK alone), a dump one
 * JSON array, each notification a JSON object {@code {"name": OP, "msg": {...}}} on a line of its own.
 * The kernel's refusal of a request is printed as YNL prints it, on standard output ({@link YnlError}:
 * {@code Netlink error: no device matches name: No such device {'bad-attr': '.header.dev-name'}}); jynl's own
 * errors on standard error after {@code jynl: }.
 * Exit status: 0, 1 for an error of the request or the kernel, 2 for a command line jynl cannot run.
 */
public final class Jynl {
    /** Notifications printed at most per run, whatever arrives within --sleep. */
    static final int MAX_NOTIFICATIONS = 100_000;

    private final PrintStream out;
    private final PrintStream err;

    Jynl(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs jynl with {@code args} and exits with its status. */
    public static void main(String[] args) {
        int rc = new Jynl(System.out, System.err).run(args);
        System.out.flush();
        System.exit(rc);
    }

    int run(String... argv) {
        JynlArgs args;
        Map<String, Object> request;
        try {
            args = JynlArgs.parse(argv);
            request = request(args.json());
        } catch (JynlArgs.UsageException e) {
            err.println("jynl: " + e.getMessage());
            err.print(JynlArgs.USAGE);
            return 2;
        }
        try {
            if (args.listFamilies()) {
                GenericNetlink.specFamilies().forEach(out::println);
                return 0;
            }
            try (NetlinkClient nl = client(args.netns())) {
                SpecFamily family = nl.genl().spec(args.family());
                if (args.listOps()) {
                    listOps(family);
                    return 0;
                }
                return run(family, args, request);
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("jynl: " + e.getMessage());
            return 1;
        }
    }

    private int run(SpecFamily family, JynlArgs args, Map<String, Object> request) throws IOException {
        SpecListener listener = args.subscribe() == null ? null : family.subscribe(args.subscribe());
        try {
            try {
                if (args.doOp() != null) {
                    for (SpecMessage m : family.call(args.doOp(), request)) out.println(json(m.attributes(), args.pretty()));
                } else if (args.dumpOp() != null) {
                    List<Object> all = new ArrayList<>();
                    for (SpecMessage m : family.dump(args.dumpOp(), request)) all.add(m.attributes());
                    out.println(json(all, args.pretty()));
                }
            } catch (NetlinkException e) {
                Optional<KernelException> k = YnlError.kernel(e);
                if (k.isEmpty()) throw e;
                // as YNL's cli prints an NlError: on standard output, status 1
                boolean dump = args.doOp() == null;
                out.println(YnlError.text(k.get(), family.attributePath(dump ? args.dumpOp() : args.doOp(), dump, request, k.get())));
                return 1;
            }
            if (listener != null) {
                for (SpecMessage m : listener.poll(Duration.ofSeconds(args.sleepSeconds()), MAX_NOTIFICATIONS)) {
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("name", m.operation());
                    n.put("msg", m.attributes());
                    out.println(json(n, args.pretty()));
                }
            }
            return 0;
        } finally {
            if (listener != null) listener.close();
        }
    }

    /** As YNL's --list-ops: each operation with what it can be asked as (the spec's list; the kernel is not asked). */
    private void listOps(SpecFamily family) {
        for (SpecOperation op : family.operations()) {
            List<String> modes = new ArrayList<>();
            if (op.canDo()) modes.add("do");
            if (op.canDump()) modes.add("dump");
            if (op.notification()) modes.add("notify");
            out.println(op.name() + " [" + String.join(", ", modes) + "]");
        }
    }

    private static NetlinkClient client(String netns) throws IOException {
        if (netns == null) return NetlinkClient.open();
        try (NetNamespace ns = NetNamespace.open(netns)) {
            return NetlinkClient.open(ns);
        }
    }

    /** The request: a JSON object, or a usage error saying what it is instead. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> request(String text) throws JynlArgs.UsageException {
        Object v;
        try {
            v = Json.read(text);
        } catch (JsonException e) {
            throw new JynlArgs.UsageException("--json is not JSON: " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> m)) throw new JynlArgs.UsageException("--json must be an object of attributes, not " + text);
        return (Map<String, Object>) m;
    }

    /** The JSON of a decoded tree: binaries as hex, everything else as it is. */
    static String json(Object tree, boolean pretty) {
        return Json.write(jsonValue(tree), pretty);
    }

    private static Object jsonValue(Object v) {
        if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, jsonValue(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(Jynl::jsonValue).toList();
        return v;
    }
}
