package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSelector;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteQuery;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.number;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip route ...}. */
final class RouteCommand extends ObjectCommand {
    private final NetlinkClient nl;

    RouteCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "route");
        this.nl = nl;
    }


    static final String HELP = """
            Usage: ip route { list | flush } SELECTOR
                   ip route get ADDRESS [ from ADDRESS ] [ iif STRING ] [ oif STRING ] [ mark NUMBER ] [ uid NUMBER ] [ fibmatch ]
                   ip route { add | del | change | append | replace } ROUTE
            SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
                        [ table TABLE_ID ] [ proto RTPROTO ] [ type TYPE ] [ scope SCOPE ]
                        [ dev STRING ] [ via ADDRESS ] [ src ADDRESS ] [ metric NUMBER ]
            ROUTE := NODE_SPEC [ INFO_SPEC ]
            NODE_SPEC := [ TYPE ] PREFIX [ table TABLE_ID ] [ proto RTPROTO ] [ scope SCOPE ] [ metric METRIC ]
            INFO_SPEC := [ via ADDRESS ] [ dev STRING ] [ src ADDRESS ]
            TYPE := { unicast | local | broadcast | multicast | throw | unreachable | prohibit | blackhole | nat }""";

    @Override
    String[] verbs() {
        return new String[] {"add", "change", "=chg", "replace", "prepend", "append", "test", "delete", "list", "show", "lst",
                "get", "flush", "save", "restore", "showdump", "help"};
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    int command(String verb, List<String> args) throws IOException {
        return switch (verb) {
            case "add" -> modify(args, Op.ADD);
            case "replace" -> modify(args, Op.REPLACE);
            case "change", "chg" -> modify(args, Op.CHANGE);
            case "append" -> modify(args, Op.APPEND);
            case "prepend" -> modify(args, Op.PREPEND);
            case "delete" -> modify(args, Op.DELETE);
            case "", "list", "show", "lst" -> show(args);
            case "get" -> get(args);
            case "flush" -> flush(args);
            default -> throw notImplemented("ip route " + verb);
        };
    }

    private List<Route> selected(RouteFilter f, Map<Integer, Link> links) throws IOException {
        f.resolve(links);
        AddressFamily fam = opt.family() == AddressFamily.BRIDGE ? AddressFamily.INET : opt.family();
        if (fam == null && f.table != null) fam = AddressFamily.INET;
        // ip names the table in its dump request (RTA_TABLE), and the kernel refuses one that does not exist
        List<Route> routes = fam == null ? nl.routes().list()
                : f.table != null ? nl.routes().list(fam, RouteSelector.of(f.table).withTableRequired()) : nl.routes().list(fam);
        List<Route> out = new java.util.ArrayList<>();
        for (Route r : routes) if (f.test(r, fam)) out.add(r);
        return out;
    }

    int show(List<String> args) throws IOException {
        RouteFilter f = RouteFilter.parse(args, opt.family() == AddressFamily.BRIDGE ? null : opt.family(), HELP);
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        List<Object> json = Json.list();
        List<Route> routes;
        try {
            routes = selected(f, links);
        } catch (NotFoundException e) {
            return terminated(e, "Dump");
        }
        Map<Long, io.github.netlink4j.route.NexthopObject> nexthops = new java.util.HashMap<>();
        if (opt.details() > 0 && routes.stream().anyMatch(r -> r.nexthopId().isPresent())) {
            for (var n : nl.nexthops().list()) nexthops.put(n.id(), n);
        }
        for (Route r : routes) {
            RouteView v = new RouteView(r, links, f, opt.style()).detailed(opt.details() > 0).statistics(opt.stats() > 0).withNexthops(nexthops);
            if (opt.json()) json.add(v.json());
            else stdout.print(v.text());
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        return 0;
    }

    /**
     * What ip prints when the kernel ends its dump with an error (rtnl_dump_done): the JSON array a show had
     * opened (json_writer's "[" and, pretty, the space before its first element), the kernel's extended ACK as an
     * error (ENOENT without one says nothing), then that the dump or flush ended.
     */
    private int terminated(NotFoundException e, String what) {
        if (opt.json() && what.equals("Dump")) stdout.print(opt.pretty() ? "[ " : "[");
        stdout.flush();
        e.kernelError().flatMap(KernelException::extAckMessage).ifPresent(m -> stderr.println("Error: " + m + (m.endsWith(".") ? "" : ".")));
        stderr.println(what + " terminated");
        return 2;
    }

    /** {@code ip route flush SELECTOR}: deletes what show would list (ip refuses to flush everything unasked). */
    private int flush(List<String> args) throws IOException {
        if (args.isEmpty()) {
            stderr.println("\"ip route flush\" requires arguments.");
            return 1;
        }
        RouteFilter f = RouteFilter.parse(args, opt.family(), HELP);
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        List<RouteSpec> gone = new java.util.ArrayList<>();
        List<Route> routes;
        try {
            routes = selected(f, links);
        } catch (NotFoundException e) {
            return terminated(e, "Flush");
        }
        for (Route r : routes) gone.add(deleting(r, links));
        var result = nl.routes().deleteAll(gone);
        for (var e : result.failures().values()) if (e.errno() != io.github.netlink4j.error.Errno.ESRCH) throw e;
        return 0;
    }

    /** The delete that removes exactly {@code r}: the route's own spec, with the scope left to the kernel as ip does. */
    private static RouteSpec deleting(Route r, Map<Integer, Link> links) {
        return r.toSpec(i -> links.get(i).name()).withScope(RouteScope.NOWHERE);
    }

    /** {@code ip route get ADDRESS [from A] [iif D] [oif D] [mark M] [uid U] [fibmatch]}. */
    private int get(List<String> args) throws IOException {
        InetAddress dst = null, from = null;
        String iif = null, oif = null;
        Integer mark = null, uid = null;
        boolean fibmatch = false;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("tos") || is(a, "dsfield")) {
                next(args, "tos");
            } else if (is(a, "from")) {
                from = host(next(args, "from"));
            } else if (a.equals("iif")) {
                iif = next(args, "iif");
            } else if (is(a, "mark")) {
                mark = number(next(args, "mark"), "invalid mark value");
            } else if (is(a, "oif") || a.equals("dev")) {
                oif = next(args, "oif");
            } else if (is(a, "notify") || is(a, "connected")) {
                // accepted; the answer is printed the same way
            } else if (is(a, "uid")) {
                uid = number(next(args, "uid"), "invalid UID");
            } else if (is(a, "fibmatch")) {
                fibmatch = true;
            } else {
                if (is(a, "to")) a = next(args, "to");
                if (is(a, "help")) throw usage(HELP);
                dst = host(a);
            }
        }
        if (dst == null) {
            stderr.println("need at least a destination address");
            return 1;
        }
        RouteQuery q = RouteQuery.to(dst);
        if (from != null) q = q.withSource(from);
        if (iif != null) q = q.withInputLink(iif);
        if (oif != null) q = q.withOutputLink(oif);
        if (mark != null) q = q.withMark(mark);
        if (uid != null) q = q.withUid(uid);
        if (fibmatch) q = q.withFibMatch();
        Route r = nl.routes().lookup(q);
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        RouteView v = new RouteView(r, links, true, true, opt.style()).detailed(opt.details() > 0).statistics(opt.stats() > 0);
        if (opt.json()) stdout.println(Json.write(List.of(v.json()), opt.pretty()));
        else stdout.print(opt.oneline() ? JipOptions.fold(v.text()) : v.text()); // ip -o folds the cache line (its _SL_)
        return 0;
    }

    private InetAddress host(String text) {
        Prefix p = Prefix.parse(text, opt.family() == AddressFamily.BRIDGE ? null : opt.family());
        try {
            return InetAddress.getByAddress(p.bytes());
        } catch (java.net.UnknownHostException e) {
            throw Prefix.wrong(text, opt.family());
        }
    }

    /** A value of ip's vocabulary, or ip's usage error {@code error}. */
    /** {@code p}'s value, or invarg's message for {@code arg} (iproute.c's texts end in a newline). */
    private static <T> T parse(java.util.function.Supplier<T> p, String arg, String what) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw ArgError.invalid(arg, what + "\n");
        }
    }

    /**
     * The destination as the kernel takes it from ip, which sends it as typed: an IPv4 prefix with host
     * bits set is refused by the kernel (fib_valid_key_len, before it looks at anything else in the
     * request), so jip refuses it with the kernel's words and exit status, once ip's own lookup of
     * {@code dev} has passed, and sends nothing; IPv6 clears them (ip6_route_add), so jip clears them.
     */
    private IpPrefix network(String dst, String dev) throws IOException {
        IpPrefix p = IpPrefix.of(dst);
        if (p.isNetwork()) return p;
        if (p.family() == AddressFamily.INET6) return p.network();
        if (dev != null) Ifnames.existing(nl, dev);
        throw new UsageException("Error: Invalid prefix for given prefix length.", 2);
    }

    int modify(List<String> args, Op op) throws IOException {
        RouteType type = RouteType.UNICAST;
        String dst = null, dev = null;
        InetAddress via = null, src = null;
        Integer metric = null;
        RouteTable table = null;
        RouteProtocol proto = null;
        RouteScope scope = null;
        Integer nhid = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "via" -> via = InetAddress.ofLiteral(next(args, "via"));
                case "nhid" -> {
                    String v = next(args, "nhid");
                    try {
                        nhid = (int) Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw ArgError.invalid(v, "\"id\" value is invalid\n");
                    }
                }
                case "dev", "oif" -> dev = next(args, "dev");
                case "src" -> src = InetAddress.ofLiteral(next(args, "src"));
                case "metric", "priority", "preference" -> metric = number(next(args, "metric"), "\"metric\" value is invalid");
                case "table" -> {
                    String t = next(args, "table");
                    table = parse(() -> RouteTable.of(t), t, "\"table\" value is invalid");
                }
                case "proto", "protocol" -> {
                    String p = next(args, "proto");
                    proto = parse(() -> RouteProtocol.of(p), p, "\"protocol\" value is invalid");
                }
                case "scope" -> {
                    String sc = next(args, "scope");
                    scope = parse(() -> RouteScope.of(sc), sc, "invalid \"scope\" value");
                }
                case "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat" -> {
                    if (dst == null && type == RouteType.UNICAST) type = RouteType.valueOf(a.toUpperCase(java.util.Locale.ROOT));
                    else throw usage("Garbage instead of arguments \"" + a + " ...\".");
                }
                default -> {
                    if (dst != null) throw usage("Error: either \"to\" is duplicate, or \"" + a + "\" is a garbage.");
                    dst = a.equals("to") ? next(args, "to") : a;
                }
            }
        }
        if (dst == null) throw usage("Not enough information: destination is required.");
        if (!dst.equals("default")) Prefix.parse(dst, opt.family() == AddressFamily.BRIDGE ? null : opt.family()); // ip's text for a bad prefix
        if (dev != null) Ifnames.lookup(dev);
        RouteSpec s;
        if (dst.equals("default")) {
            s = via != null ? RouteSpec.defaultVia(via) : RouteSpec.defaultRoute(opt.family() == AddressFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET);
        } else {
            s = RouteSpec.to(network(dst, dev));
            if (via != null) s = s.withGateway(via);
        }
        if (type != RouteType.UNICAST) s = s.withType(type);
        if (dev != null) s = s.withLink(dev);
        if (src != null) s = s.withPreferredSource(src);
        if (metric != null) s = s.withMetric(metric);
        if (table != null) s = s.withTable(table);
        if (proto != null) s = s.withProtocol(proto);
        if (scope != null) s = s.withScope(scope);
        if (nhid != null) s = s.withNexthopId(nhid);
        switch (op) {
            case ADD -> nl.routes().add(s);
            case REPLACE -> nl.routes().replace(s);
            case DELETE -> nl.routes().delete(s);
            case CHANGE -> nl.routes().change(s);
            case APPEND -> nl.routes().append(s);
            case PREPEND -> nl.routes().prepend(s);
        }
        return 0;
    }
}
