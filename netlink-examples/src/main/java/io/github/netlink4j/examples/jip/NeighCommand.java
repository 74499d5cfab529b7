package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip neigh ...}. */
final class NeighCommand extends ObjectCommand {
    private final NetlinkClient nl;

    NeighCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "neigh");
        this.nl = nl;
    }

    static final String HELP = """
            Usage: ip neigh { add | del | change | replace }
                            { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }
                            [ dev DEV ]
                   ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]
                   ip neigh get { ADDR | proxy ADDR } dev DEV
            STATE := { delay | failed | incomplete | noarp | none |
                       permanent | probe | reachable | stale }""";

    @Override
    String[] verbs() {
        return new String[] {"add", "change", "=chg", "replace", "delete", "get", "show", "lst", "list", "flush", "help"};
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
            case "delete" -> modify(args, Op.DELETE);
            case "", "show", "lst", "list" -> show(args, false);
            case "flush" -> show(args, true);
            case "get" -> get(args);
            default -> throw notImplemented("ip neigh " + verb);
        };
    }

    /** {@code ip neigh get ADDR dev DEV}: printed as text even under -j, as ip 6.1 does. */
    private int get(List<String> args) throws IOException {
        String dev = null, addr = null;
        boolean proxy = false;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("dev")) {
                dev = next(args, "dev");
            } else if (a.equals("proxy")) {
                proxy = true;
            } else {
                if (a.equals("to")) a = next(args, "to");
                if (Args.is(a, "help")) throw usage(HELP);
                if (addr != null) throw usage("Error: either \"to\" is duplicate, or \"" + a + "\" is a garbage.");
                addr = a;
            }
        }
        if (dev == null || addr == null) {
            stderr.println("Device and address are required arguments.");
            return 255;
        }
        InetAddress ip = Prefix.address(addr, opt.family() == AddressFamily.BRIDGE ? null : opt.family());
        java.util.Optional<Neighbour> n = proxy ? nl.neighbours().findProxy(dev, ip) : nl.neighbours().find(dev, ip);
        if (n.isEmpty()) {
            stderr.println(proxy ? "Error: Proxy neighbour entry not found." : "Error: Neighbour entry not found.");
            return 2;
        }
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        NeighView v = view(n.get(), links, null);
        stdout.print(opt.brief() ? v.brief() : v.text());
        return 0;
    }

    /** The entry's view: its device named unless {@code dev} selected the entries or it has none (ip's !filter.index). */
    private NeighView view(Neighbour n, Map<Integer, Link> links, String dev) {
        return new NeighView(n, dev == null && n.index() != 0 ? name(n, links) : null, opt.style(), opt.stats() > 0);
    }

    private static String name(Neighbour n, Map<Integer, Link> links) {
        return Optional.ofNullable(links.get(n.index())).map(Link::name).orElse("if" + n.index());
    }


    /** {@code ip neigh show|flush [dev D] [nud S]… [to PREFIX] [master D] [nomaster]}. */
    int show(List<String> args, boolean flush) throws IOException {
        if (flush && args.isEmpty()) {
            stderr.println("Flush requires arguments.");
            return 1;
        }
        if (flush && opt.stats() > 0) throw notImplemented("ip -s neigh flush"); // its rounds' reports
        NeighFilter f = NeighFilter.parse(args, flush, opt.family() == AddressFamily.BRIDGE ? null : opt.family(), HELP);
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        int masterIndex = f.masterIndex(links);
        String dev = f.dev;
        if (dev != null && links.values().stream().noneMatch(l -> l.name().equals(dev))) {
            stderr.println("Cannot find device \"" + dev + "\"");
            return 1;
        }
        List<Neighbour> all = f.proxyOnly ? nl.neighbours().listProxies(dev)
                : dev != null ? nl.neighbours().list(dev) : f.family != null ? nl.neighbours().list(f.family) : nl.neighbours().list();
        List<Object> json = Json.list();
        List<NeighbourSpec> gone = new ArrayList<>();
        for (Neighbour n : all) {
            if (!f.test(n, links, masterIndex)) continue;
            if (flush) {
                boolean proxyEntry = f.proxyOnly;
                n.address().ifPresent(ad -> gone.add(new NeighbourSpec(name(n, links), ad, Optional.empty(), NeighbourState.PERMANENT, proxyEntry)));
            } else if (opt.json()) {
                NeighView v = view(n, links, dev);
                json.add(opt.brief() ? v.briefJson() : v.json());
            } else {
                NeighView v = view(n, links, dev);
                stdout.print(opt.brief() ? v.brief() : v.text());
            }
        }
        for (NeighbourSpec g : gone) nl.neighbours().delete(g);
        if (opt.json() && !flush) stdout.println(Json.write(json, opt.pretty()));
        return 0;
    }

    /**
     * An lladdr of a length other than 6 (NeighbourSpec takes 6) as the kernel's neigh_add takes it: one
     * shorter than the link's addresses is refused with its extended ACK, a longer one is cut to the link's
     * length.
     */
    private MacAddress linkLength(String dev, MacAddress ll) throws IOException {
        int own = nl.links().get(dev).address().map(MacAddress::length).orElse(0);
        if (ll.length() < own) throw new UsageException("Error: Invalid link address.", 2);
        return MacAddress.of(java.util.Arrays.copyOf(ll.bytes(), own));
    }

    int modify(List<String> args, Op op) throws IOException {
        String dev = null, dst = null;
        MacAddress ll = null;
        boolean proxy = false;
        RouteProtocol protocol = null;
        NeighbourState state = NeighbourState.PERMANENT;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "dev" -> dev = next(args, "dev");
                case "lladdr" -> ll = LlAddr.parse(next(args, "lladdr"));
                case "nud" -> {
                    String st = next(args, "nud");
                    int bit = NeighFilter.nudBit(st);
                    state = NeighbourState.fromBits(bit).iterator().next();
                }
                case "proxy" -> {
                    proxy = true;
                    dst = next(args, "proxy");
                }
                case "protocol" -> {
                    String p = next(args, "protocol");
                    try {
                        protocol = RouteProtocol.of(p);
                    } catch (IllegalArgumentException e) {
                        throw ArgError.invalid(p, "\"protocol\" value is invalid\n");
                    }
                }
                case "router", "extern_learn", "managed" -> throw notImplemented("ip neigh " + a);
                default -> {
                    if (a.equals("to")) a = next(args, "to");
                    if (Args.is(a, "help")) throw usage(HELP);
                    if (dst != null) throw usage("Error: either \"to\" is duplicate, or \"" + a + "\" is a garbage.");
                    dst = a;
                }
            }
        }
        if (dev == null || dst == null) throw usage("Device and destination are required arguments.");
        Ifnames.lookup(dev);
        InetAddress addr = Prefix.address(dst, opt.family() == AddressFamily.BRIDGE ? null : opt.family());
        if (ll != null && ll.length() != 6) ll = linkLength(dev, ll);
        NeighbourSpec s = new NeighbourSpec(dev, addr, Optional.ofNullable(ll), state, proxy, Optional.ofNullable(protocol));
        switch (op) {
            case ADD -> nl.neighbours().add(s);
            case REPLACE -> nl.neighbours().replace(s);
            case DELETE -> nl.neighbours().delete(s);
            default -> throw notImplemented("ip neigh " + op.name().toLowerCase(java.util.Locale.ROOT));
        }
        return 0;
    }
}
