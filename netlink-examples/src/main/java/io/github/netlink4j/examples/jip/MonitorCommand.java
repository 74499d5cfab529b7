package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.Subscription;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * {@code jip monitor [all | OBJECTS] [label] [dev NAME] [count N]}, printing what {@code ip monitor}
 * (iproute2 6.1) prints for the objects the library decodes (link, address, route, neigh, nsid, netconf):
 * every notification, "Deleted " before removals, a "[LINK]"-style banner only with {@code label} or
 * {@code all}, {@code -t}/{@code -ts} timestamps. Notifications ip would print that the library does
 * not decode (IPv6 prefixes, stats, multicast routes) are not printed. {@code count N}, jip's own,
 * stops after N events; a line starting with {@code #} reports a resync after lost notifications.
 */
final class MonitorCommand {

    private final JipOptions opt;
    private final PrintStream stdout;
    private final NetlinkClient nl;

    MonitorCommand(JipOptions opt, PrintStream stdout, NetlinkClient nl) {
        this.opt = opt;
        this.stdout = stdout;
        this.nl = nl;
    }

    int run(List<String> args) throws IOException {
        EnumSet<EventGroup> groups = EnumSet.noneOf(EventGroup.class);
        long count = Long.MAX_VALUE;
        boolean banner = false;
        String dev = null;
        boolean v4 = opt.family() == null || opt.family() == AddressFamily.INET;
        boolean v6 = opt.family() == null || opt.family() == AddressFamily.INET6;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("count")) {
                count = Long.parseLong(Args.next(args, "count"));
            } else if (is(a, "label")) {
                banner = true;
            } else if (is(a, "link")) {
                groups.add(EventGroup.LINK);
            } else if (is(a, "address")) {
                if (v4) groups.add(EventGroup.IPV4_ADDRESS);
                if (v6) groups.add(EventGroup.IPV6_ADDRESS);
            } else if (is(a, "route")) {
                if (v4) groups.add(EventGroup.IPV4_ROUTE);
                if (v6) groups.add(EventGroup.IPV6_ROUTE);
            } else if (is(a, "neigh")) {
                groups.add(EventGroup.NEIGHBOUR);
            } else if (is(a, "nsid")) {
                groups.add(EventGroup.NSID);
            } else if (is(a, "nexthop")) {
                groups.add(EventGroup.NEXTHOP);
            } else if (is(a, "rule")) {
                if (v4) groups.add(EventGroup.IPV4_RULE);
                if (v6) groups.add(EventGroup.IPV6_RULE);
            } else if (is(a, "netconf")) {
                if (v4) groups.add(EventGroup.IPV4_NETCONF);
                if (v6) groups.add(EventGroup.IPV6_NETCONF);
            } else if (a.equals("all")) {
                banner = true;
            } else if (a.equals("dev")) {
                dev = Args.next(args, "dev");
            } else if (is(a, "help")) {
                throw usage("Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]\n"
                        + "                  [ dev DEVICE ]\n"
                        + "OBJECTS :=  address | link | mroute | neigh | netconf |\n"
                        + "            nexthop | nsid | prefix | route | rule | stats\n"
                        + "FILE := file FILENAME");
            } else {
                throw usage("Argument \"" + a + "\" is unknown, try \"ip monitor help\".");
            }
        }
        if (groups.isEmpty()) {
            groups.addAll(EnumSet.of(EventGroup.LINK, EventGroup.NEIGHBOUR, EventGroup.NSID, EventGroup.NEXTHOP));
            if (v4) groups.addAll(EnumSet.of(EventGroup.IPV4_ADDRESS, EventGroup.IPV4_ROUTE, EventGroup.IPV4_NETCONF, EventGroup.IPV4_RULE));
            if (v6) groups.addAll(EnumSet.of(EventGroup.IPV6_ADDRESS, EventGroup.IPV6_ROUTE, EventGroup.IPV6_NETCONF, EventGroup.IPV6_RULE));
        }
        Map<Integer, Link> links = new HashMap<>(LinkCommand.index(nl.links().list()));
        int devIndex = 0;
        if (dev != null) {
            Optional<Link> l = nl.links().find(dev);
            if (l.isEmpty()) throw ArgError.invalid(dev, "Device does not exist\n", 1);
            devIndex = l.get().index();
        }
        Map<Integer, String> nsidNames = new HashMap<>();
        for (var e : nl.nsids().named().entrySet()) e.getValue().ifPresent(id -> nsidNames.put(id, e.getKey()));
        Printer p = new Printer(banner, devIndex, links, nsidNames);
        try (Subscription s = nl.subscribe(groups, Subscription.Options.DEFAULTS.withEveryNotification(true))) {
            for (long seen = 0; seen < count; ) {
                Optional<NetlinkEvent> e;
                try {
                    e = s.next(Duration.ofSeconds(1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                if (e.isEmpty()) continue;
                if (p.print(e.get())) {
                    stdout.flush();
                    seen++;
                }
            }
        }
        return 0;
    }

    /** Prints events as ip's accept_msg does, keeping its cache of link names and namespace ids. */
    private final class Printer {
        private final boolean banner;
        private final int devIndex;
        private final Map<Integer, Link> links;
        private final Map<Integer, String> nsidNames;

        Printer(boolean banner, int devIndex, Map<Integer, Link> links, Map<Integer, String> nsidNames) {
            this.banner = banner;
            this.devIndex = devIndex;
            this.links = links;
            this.nsidNames = nsidNames;
        }

        private String headers(String label) {
            StringBuilder sb = new StringBuilder();
            sb.append(Timestamps.now(opt.timestamp()));
            if (banner) sb.append(label);
            return sb.toString();
        }

        /** ip's ll_index_to_name: the cache, else one RTM_GETLINK for the index, else "ifN". */
        private String name(int index) throws IOException {
            known(index);
            Link l = links.get(index);
            return l != null ? l.name() : "if" + index;
        }

        private void known(int index) throws IOException {
            if (index > 0 && !links.containsKey(index)) nl.links().find(index).ifPresent(l -> links.put(index, l));
        }

        /** What ip prints for an event its printer then filters out: the headers alone. */
        private boolean filtered(String label) {
            String h = headers(label);
            if (h.isEmpty()) return false;
            stdout.print(h);
            return true;
        }

        /** Prints one event; false if ip would print nothing for it. */
        boolean print(NetlinkEvent e) throws IOException {
            String del = e.action() == NetlinkEvent.Action.DELETED ? "Deleted " : "";
            switch (e) {
                case NetlinkEvent.LinkEvent le -> {
                    Link l = le.link();
                    links.put(l.index(), l); // ip's ll_remember_index, also for a deletion it prints
                    // ip prints the headers before its printer applies the dev filter: a filtered event
                    // still gets its timestamp and banner.
                    if (devIndex != 0 && l.index() != devIndex) return filtered("[LINK]");
                    Optional<String> netns = l.linkNetnsId().isPresent() ? Optional.ofNullable(nsidNames.get(l.linkNetnsId().getAsInt())) : Optional.empty();
                    stdout.print(headers("[LINK]") + del + new LinkView(l, links, netns, opt.style()).monitorText());
                    if (le.action() == NetlinkEvent.Action.DELETED) links.remove(l.index());
                }
                case NetlinkEvent.AddressEvent ae -> {
                    Address a = ae.address();
                    if (devIndex != 0 && a.index() != devIndex) return filtered("[ADDR]");
                    String header = headers("[ADDR]");
                    stdout.print(header + del + new AddrView(a, opt.style()).headed(a.index(), name(a.index())));
                }
                case NetlinkEvent.RouteEvent re -> {
                    if (re.route().isCloned()) return false;
                    if (devIndex != 0 && re.route().outputIndex().orElse(0) != devIndex) return filtered("[ROUTE]");
                    known(re.route().outputIndex().orElse(0));
                    for (var h : re.route().multipath()) known(h.outputIndex());
                    stdout.print(headers("[ROUTE]") + del + new RouteView(re.route(), links, true, devIndex == 0, opt.style()).text());
                }
                case NetlinkEvent.NeighbourEvent ne -> {
                    Neighbour n = ne.neighbour();
                    if (opt.family() != null && n.family() != opt.family()) return false;
                    if (devIndex != 0 && n.index() != devIndex) return filtered("[NEIGH]");
                    stdout.print(headers("[NEIGH]") + del + neighbour(n, devIndex == 0));
                }
                case NetlinkEvent.NetconfEvent ce -> {
                    var c = ce.netconf();
                    if (devIndex != 0 && c.index() != devIndex) return filtered("[NETCONF]");
                    String special = NetconfView.name(c.index());
                    stdout.print(headers("[NETCONF]") + del + new NetconfView(c, special != null ? special : name(c.index()), opt.style()).text());
                }
                case NetlinkEvent.NsidEvent ie -> {
                    String header = headers("[NSID]");
                    String known = nsidNames.get(ie.nsid());
                    if (known == null && ie.action() != NetlinkEvent.Action.DELETED) {
                        known = nl.nsids().nameOf(ie.nsid()).orElse(null);
                        if (known != null) nsidNames.put(ie.nsid(), known);
                    }
                    if (ie.action() == NetlinkEvent.Action.DELETED) nsidNames.remove(ie.nsid());
                    stdout.print(header + del + new NetnsView(known, java.util.OptionalInt.of(ie.nsid())).nsidText());
                }
                case NetlinkEvent.NexthopEvent ne -> {
                    stdout.print(headers("[NEXTHOP]") + del + new NexthopView(ne.nexthop(), links, false, opt.style()).text());
                }
                case NetlinkEvent.RuleEvent re -> {
                    if (opt.family() != null && re.rule().family() != opt.family()) return false;
                    stdout.print(headers("[RULE]") + del + new RuleView(re.rule(), false, opt.style()).text());
                }
                // jip monitor joins no traffic-control group (ip monitor has no qdisc or class object): none arrives.
                case NetlinkEvent.QdiscEvent qe -> {
                    return false;
                }
                case NetlinkEvent.TrafficClassEvent ce -> {
                    return false;
                }
                case NetlinkEvent.FilterEvent fe -> {
                    return false;
                }
                case NetlinkEvent.ConntrackEvent ce -> { // ip monitor has no conntrack object: never subscribed
                    return false;
                }
                case NetlinkEvent.Failed f -> throw new IOException("monitor stopped: " + f.cause().getMessage(), f.cause());
                case NetlinkEvent.Resynced r -> {
                    if (r.reason().equals("initial")) return false;
                    stdout.print("# resynced after " + r.reason() + ": " + r.changes() + " changes\n");
                }
            }
            return true;
        }

        /** ipneigh.c print_neigh, as ip monitor calls it. */
        private String neighbour(Neighbour n, boolean showDev) throws IOException {
            return new NeighView(n, showDev && n.index() != 0 ? name(n.index()) : null, opt.style()).text();
        }
    }
}
