package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkChange;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.link.VlanProtocol;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.number;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip link ...}. */
final class LinkCommand extends ObjectCommand {
    private final NetlinkClient nl;

    LinkCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "link");
        this.nl = nl;
    }

    static final String HELP = """
            Usage: ip link add [link DEV] [ name ] NAME
                               [ txqueuelen PACKETS ] [ address LLADDR ] [ mtu MTU ] [ alias NAME ] [ master DEV ]
                               type TYPE [ ARGS ]
                   ip link delete { DEVICE | dev DEVICE }
                   ip link set { DEVICE | dev DEVICE }
                               [ { up | down } ] [ name NEWNAME ] [ address LLADDR ] [ mtu MTU ]
                               [ txqueuelen PACKETS ] [ netns { PID | NAME } ] [ alias NAME ]
                               [ master DEVICE ] [ nomaster ]
                   ip link show [ DEVICE | group GROUP ] [up] [master DEV] [nomaster] [type TYPE]
                   ip link help
            TYPE := { bond | bridge | dummy | ifb | ipvlan | macvlan | macvtap | veth | vlan | vxlan }""";

    @Override
    String[] verbs() {
        return new String[] {"add", "set", "change", "replace", "delete", "show", "lst", "list", "xstats", "afstats", "property", "help"};
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    int command(String verb, List<String> args) throws IOException {
        return switch (verb) {
            case "add" -> add(args);
            case "set", "change" -> set(args);
            case "delete" -> delete(args);
            case "property" -> property(args);
            case "", "show", "lst", "list" -> show(args);
            default -> throw notImplemented("ip link " + verb);
        };
    }

    /**
     * {@code ip link property add|del dev DEV altname NAME …}, as iplink_prop reads it: the operator, then
     * the names (check_altifname each) and the device anywhere among them; all the names go in one request.
     */
    private int property(List<String> args) throws IOException {
        if (args.isEmpty()) throw usage(HELP);
        String op = args.remove(0);
        boolean delete = Args.is(op, "del");
        if (op.equals("help")) throw usage(HELP);
        if (!delete && !Args.is(op, "add")) throw usage("Operator required");
        String dev = null;
        List<String> names = new ArrayList<>();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (Args.is(a, "altname")) {
                String n = next(args, "altname");
                if (!Ifnames.altValid(n)) throw ArgError.invalid(n, "not a valid altname");
                names.add(n);
            } else if (Args.is(a, "help")) {
                throw usage(HELP);
            } else {
                if (a.equals("dev")) a = next(args, "dev");
                if (dev != null) throw usage("Error: either \"dev\" is duplicate, or \"" + a + "\" is a garbage.");
                dev = Ifnames.device(a);
            }
        }
        if (dev == null) throw usage("Not enough of information: \"dev\" argument is required.");
        Ifnames.existing(nl, dev);
        if (delete) nl.links().deleteAltNames(dev, names);
        else nl.links().addAltNames(dev, names);
        return 0;
    }

    private int delete(List<String> args) throws IOException {
        String name = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("dev")) a = next(args, "dev");
            else if (Args.is(a, "help")) throw usage(HELP);
            if (name != null) throw usage("Error: either \"dev\" is duplicate, or \"" + a + "\" is a garbage.");
            name = a;
        }
        if (name == null) throw usage("Not enough information: \"dev\" argument is required.");
        nl.links().delete(Ifnames.device(name));
        return 0;
    }

    /** Every link by index, for names of peers and masters. */
    static Map<Integer, Link> index(List<Link> links) {
        Map<Integer, Link> m = new LinkedHashMap<>();
        for (Link l : links) m.put(l.index(), l);
        return m;
    }

    static Optional<String> netnsName(NetlinkClient nl, Link l) throws IOException {
        if (l.linkNetnsId().isEmpty()) return Optional.empty();
        return nl.nsids().nameOf(l.linkNetnsId().getAsInt());
    }

    int show(List<String> args) throws IOException {
        ShowFilter f = ShowFilter.parse(args, null, HELP);
        List<Link> all = nl.links().list(opt.stats() > 0);
        Map<Integer, Link> byIndex = index(all);
        f.resolve(byIndex);
        List<Object> json = Json.list();
        for (Link l : all) {
            if (!f.listed(l)) continue;
            if (!f.printed(l)) {
                // ip opens the link's JSON object before print_linkinfo's up/group checks refuse it: an empty one
                if (opt.json()) json.add(Json.object());
                continue;
            }
            LinkView v = new LinkView(l, byIndex, netnsName(nl, l), opt.style());
            if (opt.json()) {
                Map<String, Object> o = opt.brief() ? v.briefJson() : opt.details() > 0 ? v.detailedJson(true) : v.json(true);
                if (opt.stats() > 0 && !opt.brief()) StatsView.json(l, opt.stats(), o);
                if (!opt.brief()) v.altNamesJson(o);
                json.add(o);
            } else {
                String text = opt.brief() ? v.brief() : opt.details() > 0 ? v.detailedText(true) : v.text(true);
                if (opt.stats() > 0 && !opt.brief()) text += StatsView.text(l, opt.stats());
                if (!opt.brief()) text += v.altNamesText();
                stdout.print(opt.oneline() && !opt.brief() ? JipOptions.fold(text) : text);
            }
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        return 0;
    }

    private int add(List<String> args) throws IOException {
        String name = null, type = null, parent = null;
        LinkOptions o = LinkOptions.DEFAULTS;
        io.github.netlink4j.common.MacAddress address = null; // LinkOptions takes 6 bytes only: checked below
        List<String> rest = new ArrayList<>();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "name" -> name = Ifnames.newName(next(args, "name"));
                case "dev" -> name = Ifnames.newDevice(next(args, "dev"));
                case "link" -> parent = Ifnames.lookup(next(args, "link"));
                case "mtu" -> o = o.withMtu(number(next(args, "mtu"), "\"mtu\" value is invalid"));
                case "address" -> address = LlAddr.parse(next(args, "address"));
                case "txqueuelen", "txqlen", "qlen" -> o = o.withTxQueueLength(number(next(args, "qlen"), "\"qlen\" value is invalid"));
                case "alias" -> o = o.withAlias(next(args, "alias"));
                case "master" -> o = o.withMaster(next(args, "master"));
                case "up" -> o = o.withUp(true);
                case "type" -> {
                    type = next(args, "type");
                    rest.addAll(args);
                    args.clear();
                }
                default -> {
                    if (name == null) name = Ifnames.newDevice(a);
                    else throw usage("Garbage instead of arguments \"" + a + " ...\". Try \"ip link help\".");
                }
            }
        }
        if (name == null) throw usage("Not enough information: \"dev\" argument is required.");
        if (type == null) throw usage("Not enough information: \"type\" argument is required");
        // Every kind jip makes is Ethernet, whose validate hook refuses another length with a bare EINVAL.
        if (address != null && address.length() != 6) throw new UsageException("RTNETLINK answers: Invalid argument", 2);
        if (address != null) o = o.withAddress(address);
        LinkSpec spec = kind(type, name, parent, rest).withOptions(o);
        nl.links().add(spec);
        return 0;
    }

    private LinkSpec kind(String type, String name, String parent, List<String> a) throws IOException {
        switch (type) {
            case "veth" -> {
                String peer = null, peerNs = null;
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    if (w.equals("peer")) continue;
                    if (w.equals("name")) peer = Ifnames.newName(next(a, "peer name"));
                    else if (w.equals("netns")) peerNs = next(a, "netns");
                    else if (w.equals("dev")) peer = Ifnames.newDevice(next(a, "peer dev"));
                    else if (peer == null) peer = Ifnames.newDevice(w);
                    else throw usage("Garbage instead of arguments \"" + w + " ...\".");
                }
                if (peer == null) throw usage("veth: peer name is required");
                LinkSpec.Veth v = LinkSpec.veth(name, peer);
                if (peerNs != null) {
                    // The handle must outlive the request: it is closed when the JVM exits.
                    v = v.withPeerNamespace(NetNamespace.open(peerNs));
                }
                return v;
            }
            case "bridge" -> {
                return LinkSpec.bridge(name);
            }
            case "ifb" -> {
                return LinkSpec.ifb(name);
            }
            case "dummy" -> {
                return LinkSpec.dummy(name);
            }
            case "bond" -> {
                BondMode mode = BondMode.BALANCE_RR;
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    if (w.equals("mode")) mode = bondMode(next(a, "mode"));
                }
                return LinkSpec.bond(name, mode);
            }
            case "macvlan", "macvtap" -> {
                MacvlanMode mode = MacvlanMode.VEPA;
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    if (w.equals("mode")) mode = macvlanMode(next(a, "mode"));
                }
                if (parent == null) throw usage("Not enough information: \"link\" argument is required");
                return type.equals("macvtap") ? LinkSpec.macvtap(name, parent, mode) : LinkSpec.macvlan(name, parent, mode);
            }
            case "ipvlan" -> {
                IpvlanMode mode = IpvlanMode.L3;
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    if (w.equals("mode")) mode = ipvlanMode(next(a, "mode"));
                }
                if (parent == null) throw usage("Not enough information: \"link\" argument is required");
                return LinkSpec.ipvlan(name, parent, mode);
            }
            case "vlan" -> {
                int id = -1;
                VlanProtocol proto = VlanProtocol.IEEE_8021Q;
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    if (w.equals("id")) id = number(next(a, "id"), "\"id\" value is invalid");
                    else if (w.equals("protocol")) proto = next(a, "protocol").equalsIgnoreCase("802.1ad") ? VlanProtocol.IEEE_8021AD : VlanProtocol.IEEE_8021Q;
                }
                if (parent == null) throw usage("Not enough information: \"link\" argument is required");
                if (id < 0) throw usage("8021q: VLAN properties must be specified");
                return new LinkSpec.Vlan(name, parent, id, proto, LinkOptions.DEFAULTS);
            }
            case "vxlan" -> {
                int vni = -1;
                OptionalInt port = OptionalInt.empty();
                Optional<InetAddress> local = Optional.empty(), remote = Optional.empty();
                Optional<String> dev = Optional.empty();
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    switch (w) {
                        case "id", "vni" -> vni = number(next(a, "id"), "invalid id");
                        case "dstport" -> port = OptionalInt.of(number(next(a, "dstport"), "dstport"));
                        case "local" -> local = Optional.of(InetAddress.ofLiteral(next(a, "local")));
                        case "remote", "group" -> remote = Optional.of(InetAddress.ofLiteral(next(a, "remote")));
                        case "dev" -> dev = Optional.of(next(a, "dev"));
                        default -> throw usage("vxlan: unknown command \"" + w + "\"?");
                    }
                }
                if (vni < 0) throw usage("vxlan: missing virtual network identifier");
                return new LinkSpec.Vxlan(name, vni, port, local, remote, dev, LinkOptions.DEFAULTS);
            }
            default -> {
                return LinkSpec.of(name, type);
            }
        }
    }

    /** ip's iplink_macvlan.c: the mode's name in lower case, as strcmp compares it. */
    private static MacvlanMode macvlanMode(String m) {
        for (MacvlanMode v : MacvlanMode.values()) if (v.name().toLowerCase(java.util.Locale.ROOT).equals(m)) return v;
        throw new IllegalArgumentException("argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"" + m + "\"");
    }

    /** ip's iplink_ipvlan.c: l2, l3 or l3s. */
    private static IpvlanMode ipvlanMode(String m) {
        for (IpvlanMode v : IpvlanMode.values()) if (v.name().toLowerCase(java.util.Locale.ROOT).equals(m)) return v;
        throw new IllegalArgumentException("argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"");
    }

    private static BondMode bondMode(String m) {
        for (BondMode b : BondMode.values()) if (b.text().equals(m)) return b;
        try {
            return BondMode.of(number(m, "invalid mode"));
        } catch (IllegalArgumentException e) {
            throw usage("invalid mode");
        }
    }

    private static final Map<String, io.github.netlink4j.link.LinkFlag> FLAG_WORDS = Map.of("multicast", io.github.netlink4j.link.LinkFlag.MULTICAST,
            "allmulticast", io.github.netlink4j.link.LinkFlag.ALLMULTI, "promisc", io.github.netlink4j.link.LinkFlag.PROMISC,
            "trailers", io.github.netlink4j.link.LinkFlag.NOTRAILERS, "arp", io.github.netlink4j.link.LinkFlag.NOARP,
            "dynamic", io.github.netlink4j.link.LinkFlag.DYNAMIC);

    /**
     * {@code ip link set}: the keywords in any order and the device anywhere among them, as ip's
     * iplink_parse reads them; everything is checked before the one request is sent.
     */
    private int set(List<String> args) throws IOException {
        String dev = null, netns = null;
        io.github.netlink4j.common.MacAddress mac = null; // LinkChange takes 6 bytes only: checked below, as ip checks it
        LinkChange c = LinkChange.empty();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("up")) {
                c = c.withUp(true);
            } else if (a.equals("down")) {
                c = c.withUp(false);
            } else if (a.equals("name")) {
                c = c.withName(Ifnames.newName(next(args, "name")));
            } else if (Args.is(a, "address")) {
                mac = LlAddr.parse(next(args, "address"));
            } else if (Args.is(a, "broadcast") || a.equals("brd")) {
                // no length check here: the kernel refuses a short one (EINVAL) and cuts a long one
                c = c.withBroadcast(LlAddr.parse(next(args, "broadcast")));
            } else if (Args.is(a, "txqueuelen") || a.equals("qlen") || Args.is(a, "txqlen")) {
                c = c.withTxQueueLength(number(next(args, "txqueuelen"), "Invalid \"txqueuelen\" value\n"));
            } else if (a.equals("mtu")) {
                c = c.withMtu(number(next(args, "mtu"), "Invalid \"mtu\" value\n"));
            } else if (a.equals("netns")) {
                if (netns != null) throw usage("Error: duplicate \"netns\": \"" + args.get(0) + "\" is the second value.");
                netns = next(args, "netns");
            } else if (Args.is(a, "master")) {
                String m = next(args, "master");
                // ip looks the master up as it reads it: a name no link can have does not exist
                if (!Ifnames.kernelValid(m)) throw ArgError.invalid(m, "Device does not exist\n");
                c = c.withMaster(m);
            } else if (Args.is(a, "nomaster")) {
                c = c.withoutMaster();
            } else if (Args.is(a, "alias")) {
                c = c.withAlias(next(args, "alias"));
            } else if (FLAG_WORDS.containsKey(a)) {
                String v = next(args, a);
                if (!v.equals("on") && !v.equals("off")) {
                    throw new UsageException("Error: argument of \"" + a + "\" must be \"on\" or \"off\", not \"" + v + "\"", 1);
                }
                boolean on = v.equals("on");
                // arp and trailers name the absence of their flags (IFF_NOARP, IFF_NOTRAILERS).
                c = c.withFlag(FLAG_WORDS.get(a), a.equals("arp") || a.equals("trailers") ? !on : on);
            } else if (a.equals("group")) {
                String g = next(args, "group");
                try {
                    c = c.withGroup(g.equals("default") ? 0 : Long.decode(g));
                } catch (NumberFormatException e) {
                    throw ArgError.invalid(g, "Invalid \"group\" value\n");
                }
            } else if (List.of("carrier", "protodown", "mode", "state", "addrgenmode", "vf", "xdp", "type").contains(a)) {
                throw notImplemented("ip link set " + a);
            } else {
                if (a.equals("dev")) a = next(args, "dev");
                else if (Args.is(a, "help")) throw usage(HELP);
                if (dev != null) throw usage("Error: either \"dev\" is duplicate, or \"" + a + "\" is a garbage.");
                dev = Ifnames.device(a);
            }
        }
        if (dev == null) throw usage("Not enough information: \"dev\" argument is required.");
        var links = nl.links();
        Link link = links.get(dev); // Cannot find device "x" before anything changes
        if (mac != null) {
            int own = link.address().map(io.github.netlink4j.common.MacAddress::length).orElse(mac.length());
            // iplink_parse's check against the link's own address length: nothing is sent
            if (mac.length() != own) throw new UsageException("Invalid address length " + mac.length() + " - must be " + own + " bytes", 1);
            c = c.withAddress(mac);
        }
        if (c.master().isPresent() && links.find(c.master().get()).isEmpty()) {
            throw ArgError.invalid(c.master().get(), "Device does not exist\n");
        }
        NetNamespace target = null;
        try {
            if (netns != null && !netns.chars().allMatch(Character::isDigit)) {
                try {
                    target = NetNamespace.open(netns);
                } catch (io.github.netlink4j.error.NetlinkException e) {
                    throw new UsageException("Cannot open network namespace \"" + netns + "\": " + NetnsErrors.describe(e), 255);
                }
            }
            links.set(dev, c);
            String now = c.name().orElse(dev);
            if (target != null) links.moveTo(now, target);
            else if (netns != null) links.moveToPid(now, Long.parseLong(netns));
        } finally {
            if (target != null) target.close();
        }
        return 0;
    }
}
