package io.github.netlink4j.examples.jip;

import io.github.netlink4j.BondMode;
import io.github.netlink4j.IpvlanMode;
import io.github.netlink4j.Link;
import io.github.netlink4j.LinkOptions;
import io.github.netlink4j.LinkSpec;
import io.github.netlink4j.MacAddress;
import io.github.netlink4j.MacvlanMode;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.VlanProtocol;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.examples.jip.Jip.is;
import static io.github.netlink4j.examples.jip.Jip.next;
import static io.github.netlink4j.examples.jip.Jip.number;
import static io.github.netlink4j.examples.jip.Jip.usage;

/** {@code jip link ...}. */
final class LinkCommand {
    private final Jip jip;
    private final NetlinkClient nl;

    LinkCommand(Jip jip, NetlinkClient nl) {
        this.jip = jip;
        this.nl = nl;
    }

    int run(List<String> args) throws IOException {
        if (args.isEmpty() || is(args.get(0), "show") || is(args.get(0), "list") || args.get(0).equals("lst")) {
            if (!args.isEmpty()) args.remove(0);
            return show(args);
        }
        String verb = args.remove(0);
        if (is(verb, "add")) return add(args);
        if (is(verb, "set") || is(verb, "change")) return set(args);
        if (is(verb, "delete")) {
            String name = next(args, "name");
            if (name.equals("dev")) name = next(args, "name");
            nl.links().delete(name);
            return 0;
        }
        throw usage("Command \"" + verb + "\" is unknown, try \"ip link help\".");
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
        String dev = Jip.devArgument(args);
        List<Link> all = nl.links().list();
        Map<Integer, Link> byIndex = index(all);
        List<Link> shown = Jip.shown(all, dev);
        List<Object> json = JsonOut.list();
        for (Link l : shown) {
            LinkView v = new LinkView(l, byIndex, netnsName(nl, l));
            if (jip.json) json.add(jip.brief ? v.briefJson() : v.json(true));
            else jip.out.print(jip.brief ? v.brief() : v.text(true));
        }
        if (jip.json) jip.out.println(JsonOut.write(json));
        return 0;
    }

    private int add(List<String> args) throws IOException {
        String name = null, type = null, parent = null;
        LinkOptions o = LinkOptions.DEFAULTS;
        List<String> rest = new ArrayList<>();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "name", "dev" -> name = next(args, "name");
                case "link" -> parent = next(args, "link");
                case "mtu" -> o = o.withMtu(number(next(args, "mtu"), "\"mtu\" value is invalid"));
                case "address" -> o = o.withAddress(MacAddress.parse(next(args, "address")));
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
                    if (name == null) name = a;
                    else throw usage("Garbage instead of arguments \"" + a + " ...\". Try \"ip link help\".");
                }
            }
        }
        if (name == null) throw usage("Not enough information: \"dev\" argument is required.");
        if (type == null) throw usage("Not enough information: \"type\" argument is required");
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
                    if (w.equals("name")) peer = next(a, "peer name");
                    else if (w.equals("netns")) peerNs = next(a, "netns");
                    else if (peer == null) peer = w;
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
                    if (w.equals("mode")) mode = MacvlanMode.valueOf(next(a, "mode").toUpperCase());
                }
                if (parent == null) throw usage("Not enough information: \"link\" argument is required");
                return type.equals("macvtap") ? LinkSpec.macvtap(name, parent, mode) : LinkSpec.macvlan(name, parent, mode);
            }
            case "ipvlan" -> {
                IpvlanMode mode = IpvlanMode.L3;
                while (!a.isEmpty()) {
                    String w = a.remove(0);
                    if (w.equals("mode")) mode = IpvlanMode.valueOf(next(a, "mode").toUpperCase());
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

    private static BondMode bondMode(String m) {
        for (BondMode b : BondMode.values()) if (b.text().equals(m)) return b;
        try {
            return BondMode.of(number(m, "invalid mode"));
        } catch (IllegalArgumentException e) {
            throw usage("invalid mode");
        }
    }

    private int set(List<String> args) throws IOException {
        String name = next(args, "dev");
        if (name.equals("dev")) name = next(args, "dev");
        var links = nl.links();
        links.get(name); // Cannot find device "x" before anything changes
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "up" -> links.setUp(name);
                case "down" -> links.setDown(name);
                case "mtu" -> links.setMtu(name, number(next(args, "mtu"), "\"mtu\" value is invalid"));
                case "name" -> {
                    String n = next(args, "name");
                    links.rename(name, n);
                    name = n;
                }
                case "address" -> links.setAddress(name, MacAddress.parse(next(args, "address")));
                case "master" -> links.setMaster(name, next(args, "master"));
                case "nomaster" -> links.setNoMaster(name);
                case "alias" -> links.setAlias(name, next(args, "alias"));
                case "txqueuelen", "txqlen", "qlen" -> links.setTxQueueLength(name, number(next(args, "qlen"), "\"qlen\" value is invalid"));
                case "netns" -> {
                    String ns = next(args, "netns");
                    if (ns.chars().allMatch(Character::isDigit)) {
                        links.moveToPid(name, Long.parseLong(ns));
                    } else {
                        try (NetNamespace target = NetNamespace.open(ns)) {
                            links.moveTo(name, target);
                        }
                    }
                }
                default -> throw usage("Garbage instead of arguments \"" + a + " ...\". Try \"ip link help\".");
            }
        }
        return 0;
    }
}
