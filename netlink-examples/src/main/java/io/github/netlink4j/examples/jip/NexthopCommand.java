package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.RouteProtocol;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip nexthop ...}: nexthop objects as ip 6.1 reads and prints them (ipnexthop.c). */
final class NexthopCommand extends ObjectCommand {
    private final NetlinkClient nl;

    NexthopCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "nexthop");
        this.nl = nl;
    }

    static final String HELP = """
            Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
                   ip nexthop { add | replace } id ID NH [ protocol ID ]
                   ip nexthop { get | del } id ID
            SELECTOR := [ id ID ] [ dev DEV ] [ groups ] [ fdb ]
            NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ] [ fdb ] |
                    group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
            GROUP := [ <id[,weight]>/<id[,weight]>/... ]
            TYPE := { mpath | resilient }
            TYPE_ARGS := [ RESILIENT_ARGS ]
            RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ] [ unbalanced_timer UNBALANCED ]""";

    @Override
    String[] verbs() {
        return new String[] {"add", "replace", "delete", "list", "show", "lst", "get", "flush", "bucket", "help"};
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    int command(String verb, List<String> args) throws IOException {
        return switch (verb) {
            case "add" -> modify(args, false);
            case "replace" -> modify(args, true);
            case "delete" -> delete(args);
            case "", "list", "show", "lst" -> list(args, false);
            case "flush" -> list(args, true);
            case "get" -> get(args);
            default -> throw notImplemented("ip nexthop " + verb);
        };
    }

    private Map<Integer, Link> links() throws IOException {
        return LinkCommand.index(nl.links().list());
    }

    private void print(List<NexthopObject> shown) throws IOException {
        Map<Integer, Link> links = links();
        List<Object> json = Json.list();
        for (NexthopObject n : shown) {
            NexthopView v = new NexthopView(n, links, opt.details() > 0, opt.style());
            if (opt.json()) json.add(v.json());
            else stdout.print(v.text());
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
    }

    /** {@code ip nexthop get id ID}: ip's usage text unless exactly an id is given. */
    private int get(List<String> args) throws IOException {
        long id = 0;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (!a.equals("id")) throw usage(HELP);
            id = NexthopFilter.id(next(args, "id"));
        }
        if (id == 0) throw usage(HELP);
        Optional<NexthopObject> n = nl.nexthops().find(id);
        if (n.isEmpty()) {
            stderr.println("RTNETLINK answers: No such file or directory");
            return 2;
        }
        print(List.of(n.get()));
        return 0;
    }

    private int delete(List<String> args) throws IOException {
        long id = -1;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("id")) id = NexthopFilter.id(next(args, "id"));
            else throw ArgError.invalid(a, "");
        }
        if (id < 0) {
            stderr.println("Error: Nexthop id is missing.");
            return 2;
        }
        nl.nexthops().delete(id);
        return 0;
    }

    /** {@code ip nexthop list|flush [id ID] [dev DEV] [groups] [fdb] [protocol N]}. */
    private int list(List<String> args, boolean flush) throws IOException {
        NexthopFilter f = NexthopFilter.parse(args, links(), HELP);
        if (f.id != null) {
            if (flush) {
                nl.nexthops().delete(f.id);
                return 0;
            }
            return get(new ArrayList<>(List.of("id", Long.toString(f.id))));
        }
        List<NexthopObject> shown = new ArrayList<>();
        for (NexthopObject n : nl.nexthops().list()) if (f.test(n, opt.family())) shown.add(n);
        if (flush) {
            // groups first: a member in use by a group goes when its group goes
            for (NexthopObject n : shown) if (n.isGroup()) nl.nexthops().delete(n.id());
            for (NexthopObject n : shown) {
                if (!n.isGroup()) {
                    try {
                        nl.nexthops().delete(n.id());
                    } catch (io.github.netlink4j.error.KernelException e) {
                        if (e.errno() != io.github.netlink4j.error.Errno.ENOENT) throw e;
                    }
                }
            }
            return 0;
        }
        print(shown);
        return 0;
    }

    /** {@code ip nexthop add|replace id ID NH}: ipnh_modify's keywords in any order. */
    private int modify(List<String> args, boolean replace) throws IOException {
        java.util.OptionalLong id = java.util.OptionalLong.empty();
        InetAddress via = null;
        String dev = null;
        boolean blackhole = false, fdb = false, onlink = false;
        List<NexthopObject.Member> group = new ArrayList<>();
        boolean resilient = false;
        Integer buckets = null;
        Duration idle = null, unbalanced = null;
        RouteProtocol proto = null;
        AddressFamily fam = opt.family() == AddressFamily.INET || opt.family() == AddressFamily.INET6 ? opt.family() : null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "id" -> id = java.util.OptionalLong.of(NexthopFilter.id(next(args, "id")));
                case "dev" -> dev = next(args, "dev");
                case "via" -> {
                    String v = next(args, "via");
                    via = Prefix.address(v, fam);
                }
                case "blackhole" -> blackhole = true;
                case "fdb" -> fdb = true;
                case "onlink" -> onlink = true;
                case "group" -> group = members(next(args, "group"));
                case "type" -> {
                    String t = next(args, "type");
                    if (t.equals("resilient")) {
                        resilient = true;
                        while (!args.isEmpty() && List.of("buckets", "idle_timer", "unbalanced_timer").contains(args.get(0))) {
                            String k = args.remove(0);
                            String v = next(args, k);
                            long x;
                            try {
                                x = Long.parseLong(v);
                            } catch (NumberFormatException e) {
                                throw ArgError.invalid(v, "invalid " + k.replace('_', ' ') + " value");
                            }
                            if (k.equals("buckets")) buckets = (int) x;
                            else if (k.equals("idle_timer")) idle = Duration.ofSeconds(x);
                            else unbalanced = Duration.ofSeconds(x);
                        }
                    } else if (!t.equals("mpath")) {
                        throw ArgError.invalid(t, "\"type\" value is invalid\n");
                    }
                }
                case "protocol" -> {
                    String p = next(args, "protocol");
                    try {
                        proto = RouteProtocol.of(p);
                    } catch (IllegalArgumentException e) {
                        throw ArgError.invalid(p, "\"protocol\" value is invalid\n");
                    }
                }
                case "encap" -> throw notImplemented("ip nexthop encap");
                default -> {
                    if (is(a, "help")) throw usage(HELP);
                    throw ArgError.invalid(a, "");
                }
            }
        }
        String devName = dev;
        if (dev != null && links().values().stream().noneMatch(l -> l.name().equals(devName))) {
            throw ArgError.invalid(dev, "Device does not exist\n");
        }
        Optional<AddressFamily> family = via != null ? Optional.of(AddressFamily.of(via))
                : fam != null ? Optional.of(fam) : (dev != null || blackhole) ? Optional.of(AddressFamily.INET) : Optional.empty();
        NexthopObjectSpec s = new NexthopObjectSpec(id, family, Optional.ofNullable(via), Optional.ofNullable(dev), blackhole, fdb, onlink, group,
                resilient ? Optional.of(io.github.netlink4j.route.NexthopGroupType.RESILIENT) : Optional.empty(),
                buckets == null ? OptionalInt.empty() : OptionalInt.of(buckets), Optional.ofNullable(idle), Optional.ofNullable(unbalanced),
                Optional.ofNullable(proto));
        if (replace) nl.nexthops().replace(s);
        else nl.nexthops().add(s);
        return 0;
    }

    /** {@code A[,W]/B[,W]…}. */
    private static List<NexthopObject.Member> members(String g) {
        List<NexthopObject.Member> out = new ArrayList<>();
        try {
            for (String part : g.split("/")) {
                String[] iw = part.split(",", 2);
                int w = iw.length > 1 ? Integer.parseInt(iw[1]) : 1;
                if (w < 1 || w > 256) throw ArgError.invalid(iw[1], "\"weight\" is invalid\n");
                out.add(new NexthopObject.Member(NexthopFilter.id(iw[0]), w));
            }
        } catch (NumberFormatException e) {
            throw ArgError.invalid(g, "\"group\" value is invalid\n");
        }
        return out;
    }
}
