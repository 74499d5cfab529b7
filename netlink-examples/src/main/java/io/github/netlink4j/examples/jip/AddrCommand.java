package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteScope;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip addr ...}. */
final class AddrCommand extends ObjectCommand {
    private final NetlinkClient nl;

    AddrCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "address");
        this.nl = nl;
    }

    static final String HELP = """
            Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                              [ CONFFLAG-LIST ]
                   ip address del IFADDR dev IFNAME
                   ip address flush PREFIX-LABEL
                   ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ]
                                     [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
                                     [ master DEVICE ] [ type TYPE ] [ nomaster ] ]
            IFADDR := PREFIX | ADDR peer PREFIX [ broadcast ADDR ] [ label IFNAME ] [ scope SCOPE-ID ]
            SCOPE-ID := [ host | link | global | NUMBER ]
            FLAG-LIST := [ FLAG-LIST ] FLAG
            FLAG  := [ permanent | dynamic | secondary | primary | [-]tentative | [-]deprecated |
                       [-]dadfailed | temporary | CONFFLAG-LIST ]
            CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
            CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
            LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
            LFT := forever | SECONDS""";

    @Override
    String[] verbs() {
        return new String[] {"add", "change", "=chg", "replace", "delete", "list", "show", "lst", "flush", "save", "showdump",
                "restore", "help"};
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
            case "", "list", "show", "lst" -> show(args);
            case "flush" -> flush(args);
            default -> throw notImplemented("ip address " + verb);
        };
    }

    /** The selected links, each with its selected addresses (IPv4 first, then IPv6, each in the kernel's order). */
    private Map<Link, List<Address>> selected(ShowFilter f, List<Link> all) throws IOException {
        f.resolve(LinkCommand.index(all));
        Map<Link, List<Address>> out = new java.util.LinkedHashMap<>();
        if (opt.preferredFamily() == JipOptions.AF_PACKET) { // ip -0 addr: the links, no address asked for
            for (Link l : all) if (f.listed(l)) out.put(l, List.of());
            return out;
        }
        // ip -B/-M addr: no address is of that family, so ipaddr_filter keeps no link
        if (opt.preferredFamily() == AddressFamily.BRIDGE.value() || opt.preferredFamily() == JipOptions.AF_MPLS) return out;
        AddressFamily fam = family(f);
        List<Address> addrs = fam == null ? nl.addresses().list() : nl.addresses().list(fam);
        for (Link l : all) {
            if (!f.listed(l)) continue;
            boolean any = false;
            List<Address> mine = new ArrayList<>();
            for (Address a : addrs) {
                if (a.index() != l.index()) continue;
                any = true;
                if (f.test(a, fam, l)) mine.add(a);
                else if (fam == null || a.family() == fam) mine.add(null); // ip -j prints {} for it
            }
            // ipaddr_filter: a link with no address at all stays when no family was asked for.
            if (mine.stream().allMatch(java.util.Objects::isNull) && (any || fam != null)) continue;
            List<Address> ordered = new ArrayList<>(mine); // the kernel's order: IPv4 first, then IPv6
            out.put(l, ordered);
        }
        return out;
    }

    /**
     * How ip prints the links of this listing: from the AF_INET6 link dump for {@code -6} without a
     * device (with one, ip asks for that link by index and gets the full message), and without the
     * link/ line whenever the listing is for one family.
     */
    private LinkView.Shape shape(ShowFilter f) {
        if (opt.preferredFamily() == AddressFamily.INET6.value() && f.dev == null) return LinkView.Shape.INET6_DUMP;
        return family(f) == null ? LinkView.Shape.FULL : LinkView.Shape.NO_LINK_LINE;
    }

    /** The family the listing is for: -4/-6, else the family of a {@code to} prefix (as ip sets it). */
    private AddressFamily family(ShowFilter f) {
        AddressFamily fam = opt.family() == AddressFamily.BRIDGE ? null : opt.family();
        return fam == null && f.to != null ? f.to.family() : fam;
    }

    /** {@code ip address flush SELECTOR}: deletes every selected address (ip refuses to flush without a selector). */
    private int flush(List<String> args) throws IOException {
        if (args.isEmpty()) {
            stderr.println("Flush requires arguments.");
            return 1;
        }
        if (opt.preferredFamily() == JipOptions.AF_PACKET) {
            stderr.println("Cannot flush link addresses.");
            return 1;
        }
        ShowFilter f = ShowFilter.parse(args, opt.family() == AddressFamily.BRIDGE ? null : opt.family(), opt.preferredFamily(), HELP);
        List<AddressSpec> gone = new ArrayList<>();
        Map<Integer, Link> byIndex = LinkCommand.index(nl.links().list());
        for (var e : selected(f, List.copyOf(byIndex.values())).entrySet()) {
            for (Address a : e.getValue()) if (a != null) gone.add(AddressSpec.of(e.getKey().name(), Address.format(a.address()) + "/" + a.prefixLength()));
        }
        for (AddressSpec s : gone) {
            try {
                nl.addresses().delete(s);
            } catch (io.github.netlink4j.error.KernelException e) {
                // A secondary goes with its primary: already gone is what flush wanted.
                if (e.errno() != io.github.netlink4j.error.Errno.EADDRNOTAVAIL) throw e;
            }
        }
        return 0;
    }


    int show(List<String> args) throws IOException {
        ShowFilter f = ShowFilter.parse(args, opt.family() == AddressFamily.BRIDGE ? null : opt.family(), opt.preferredFamily(), HELP);
        List<Link> all = nl.links().list(opt.stats() > 0);
        Map<Integer, Link> byIndex = LinkCommand.index(all);
        List<Object> json = Json.list();
        for (var e : selected(f, all).entrySet()) {
            Link l = e.getKey();
            List<Address> ordered = f.downRejects(l) ? List.of() : e.getValue();
            LinkView v = new LinkView(l, byIndex, LinkCommand.netnsName(nl, l), opt.style()).as(shape(f));
            if (!f.printed(l)) {
                // print_linkinfo refuses the link: an empty object, or with -o (no link asked) its addresses alone
                boolean addressesAlone = opt.oneline() && !opt.brief() && opt.preferredFamily() != JipOptions.AF_PACKET;
                if (opt.json()) {
                    Map<String, Object> o = Json.object();
                    if (addressesAlone) o.put("addr_info", onelineJson(l, ordered));
                    json.add(o);
                } else if (addressesAlone) {
                    for (Address a : ordered) if (a != null) stdout.print(JipOptions.fold(new AddrView(a, opt.style()).headed(l.index(), l.name())));
                }
                continue;
            }
            if (opt.preferredFamily() == JipOptions.AF_PACKET) {
                links(v, l, json, f.label != null);
                continue;
            }
            if (opt.json()) {
                // ip prints no link with a label selector (print_linkinfo returns 0: no link statistics either, even
                // with -br), nor with -o (its no_link)
                boolean noLink = f.label != null || !opt.brief() && opt.oneline();
                Map<String, Object> o;
                if (opt.brief() && !noLink) {
                    o = Json.object();
                    Map<String, Object> head = v.briefJson();
                    if (head.containsKey("link")) o.put("link", head.get("link"));
                    if (head.containsKey("link_index")) o.put("link_index", head.get("link_index"));
                    o.put("ifname", l.name());
                    o.put("operstate", l.operState().name());
                } else {
                    o = noLink ? Json.object() : opt.details() > 0 ? v.detailedJson(false) : v.json(false);
                    if (!noLink) v.altNamesJson(o);
                }
                List<Object> info = Json.list();
                for (Address a : ordered) {
                    if (a == null) {
                        info.add(Json.object());
                    } else if (opt.brief()) {
                        Map<String, Object> b = Json.object();
                        b.put("local", Address.format(a.address()));
                        a.peer().ifPresent(p -> b.put("address", Address.format(p)));
                        b.put("prefixlen", a.prefixLength());
                        info.add(b);
                    } else if (opt.oneline()) {
                        info.add(onelineJson(l, a));
                    } else {
                        info.add(new AddrView(a, opt.style()).json());
                    }
                }
                o.put("addr_info", info);
                if (opt.stats() > 0 && !opt.brief() && !noLink) StatsView.json(l, opt.stats(), o);
                json.add(o);
            } else if (opt.brief()) {
                StringBuilder sb = new StringBuilder(f.label != null ? "" : v.briefHead());
                for (Address a : ordered) if (a != null) sb.append(new AddrView(a, opt.style()).addressPart()).append(' ');
                stdout.print(sb.append('\n'));
            } else if (opt.oneline()) {
                // ip -o: no link lines, each address on one line after "N: NAME".
                for (Address a : ordered) if (a != null) stdout.print(JipOptions.fold(new AddrView(a, opt.style()).headed(l.index(), l.name())));
            } else {
                if (f.label == null) stdout.print((opt.details() > 0 ? v.detailedText(false) : v.text(false)) + v.altNamesText());
                for (Address a : ordered) if (a != null) stdout.print(new AddrView(a, opt.style()).text());
                if (opt.stats() > 0 && f.label == null) stdout.print(StatsView.text(l, opt.stats()));
            }
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        return 0;
    }

    /** An address as {@code ip -j -o} prints it: print_addrinfo names the link in each address when it prints no link line. */
    private Map<String, Object> onelineJson(Link l, Address a) {
        Map<String, Object> b = Json.object();
        b.put("index", a.index());
        b.put("dev", l.name());
        b.putAll(new AddrView(a, opt.style()).json());
        return b;
    }

    /** The addresses of {@code l} as {@code ip -j -o} prints them, an address the selectors refuse as {@code {}}. */
    private List<Object> onelineJson(Link l, List<Address> ordered) {
        List<Object> info = Json.list();
        for (Address a : ordered) info.add(a == null ? Json.object() : onelineJson(l, a));
        return info;
    }

    /**
     * One link of {@code ip -0 addr}: as ip link prints it, without the mode and with no addresses; with a
     * label selector print_linkinfo prints nothing of it (an empty object in JSON).
     */
    private void links(LinkView v, Link l, List<Object> json, boolean label) {
        if (label) {
            if (opt.json()) json.add(Json.object());
            return;
        }
        if (opt.json()) {
            Map<String, Object> o = opt.brief() ? v.briefJson() : opt.details() > 0 ? v.detailedJson(false) : v.json(false);
            if (!opt.brief()) v.altNamesJson(o);
            if (opt.stats() > 0 && !opt.brief()) StatsView.json(l, opt.stats(), o);
            json.add(o);
            return;
        }
        String text = opt.brief() ? v.brief() : (opt.details() > 0 ? v.detailedText(false) : v.text(false)) + v.altNamesText();
        if (opt.stats() > 0 && !opt.brief()) text += StatsView.text(l, opt.stats());
        stdout.print(opt.oneline() && !opt.brief() ? JipOptions.fold(text) : text);
    }

    int modify(List<String> args, Op op) throws IOException {
        String prefix = null, dev = null, label = null;
        InetAddress peer = null, brd = null;
        RouteScope scope = null;
        List<AddressFlag> flags = new ArrayList<>();
        Long valid = null, preferred = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "dev" -> dev = next(args, "dev");
                case "peer", "remote" -> {
                    String p = next(args, "peer");
                    peer = InetAddress.ofLiteral(p.contains("/") ? p.substring(0, p.indexOf('/')) : p);
                }
                case "broadcast", "brd" -> brd = InetAddress.ofLiteral(next(args, "brd"));
                case "label" -> label = next(args, "label");
                case "scope" -> {
                    String sc = next(args, "scope");
                    scope = switch (sc) {
                        case "global" -> RouteScope.UNIVERSE;
                        case "site" -> RouteScope.SITE;
                        case "link" -> RouteScope.LINK;
                        case "host" -> RouteScope.HOST;
                        case "nowhere" -> RouteScope.NOWHERE;
                        default -> throw ArgError.invalid(sc, "invalid scope value.");
                    };
                }
                case "nodad" -> flags.add(AddressFlag.NODAD);
                case "noprefixroute" -> flags.add(AddressFlag.NOPREFIXROUTE);
                case "mngtmpaddr" -> flags.add(AddressFlag.MANAGETEMPADDR);
                case "autojoin" -> flags.add(AddressFlag.MCAUTOJOIN);
                case "home" -> flags.add(AddressFlag.HOMEADDRESS);
                case "valid_lft" -> valid = lft(next(args, "valid_lft"));
                case "preferred_lft" -> preferred = lft(next(args, "preferred_lft"));
                case "local" -> prefix = next(args, "local");
                default -> {
                    if (prefix != null) throw usage("Error: either \"local\" is duplicate, or \"" + a + "\" is a garbage.");
                    prefix = a;
                }
            }
        }
        if (dev == null) throw usage("Not enough information: \"dev\" argument is required.");
        if (prefix == null) throw usage("Not enough information: address is required.");
        Ifnames.lookup(dev);
        Prefix.parse(prefix, opt.family() == AddressFamily.BRIDGE ? null : opt.family()); // ip's error text for a bad prefix
        AddressSpec s = AddressSpec.of(dev, prefix);
        if (peer != null) s = s.withPeer(peer);
        if (brd != null) s = s.withBroadcast(brd);
        if (label != null) s = s.withLabel(label);
        if (scope != null) s = s.withScope(scope);
        for (AddressFlag f : flags) s = s.withFlag(f);
        if (valid != null || preferred != null) {
            long v = valid != null ? valid : 0xFFFFFFFFL;
            s = s.withLifetimes(java.time.Duration.ofSeconds(v), java.time.Duration.ofSeconds(preferred != null ? preferred : v));
        }
        switch (op) {
            case ADD -> nl.addresses().add(s);
            case REPLACE -> nl.addresses().replace(s);
            case DELETE -> nl.addresses().delete(s);
        }
        return 0;
    }

    private static long lft(String v) {
        return v.equals("forever") ? 0xFFFFFFFFL : Long.parseLong(v.endsWith("sec") ? v.substring(0, v.length() - 3) : v);
    }
}
