package io.github.netlink4j.examples.jip;

import io.github.netlink4j.EventGroup;
import io.github.netlink4j.Link;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.NetlinkEvent;
import io.github.netlink4j.Subscription;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Jip.is;
import static io.github.netlink4j.examples.jip.Jip.usage;

/**
 * {@code jip monitor [link|address|route|neigh|all] [count N]}: prints changes as {@code ip monitor}
 * does ("Deleted " before removals, "[LINK]"-style banners when following several objects), plus a
 * line when the subscription had to resync after the kernel dropped notifications.
 */
final class MonitorCommand {
    private final Jip jip;
    private final NetlinkClient nl;

    MonitorCommand(Jip jip, NetlinkClient nl) {
        this.jip = jip;
        this.nl = nl;
    }

    int run(List<String> args) throws IOException {
        EnumSet<EventGroup> groups = EnumSet.noneOf(EventGroup.class);
        long count = Long.MAX_VALUE;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("count")) {
                count = Long.parseLong(Jip.next(args, "count"));
            } else if (is(a, "link")) {
                groups.add(EventGroup.LINK);
            } else if (is(a, "address")) {
                groups.addAll(EnumSet.of(EventGroup.IPV4_ADDRESS, EventGroup.IPV6_ADDRESS));
            } else if (is(a, "route")) {
                groups.addAll(EnumSet.of(EventGroup.IPV4_ROUTE, EventGroup.IPV6_ROUTE));
            } else if (is(a, "neigh")) {
                groups.add(EventGroup.NEIGHBOUR);
            } else if (is(a, "all")) {
                groups.addAll(EnumSet.allOf(EventGroup.class));
            } else {
                throw usage("Argument \"" + a + "\" is unknown, try \"ip monitor help\".");
            }
        }
        if (groups.isEmpty()) groups.addAll(EnumSet.allOf(EventGroup.class));
        boolean banner = groups.size() > 2;
        Map<Integer, Link> links = new HashMap<>(LinkCommand.index(nl.links().list()));
        try (Subscription s = nl.subscribe(groups)) {
            for (long seen = 0; seen < count; ) {
                Optional<NetlinkEvent> e;
                try {
                    e = s.next(Duration.ofSeconds(1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                if (e.isEmpty()) continue;
                print(e.get(), links, banner);
                jip.out.flush();
                seen++;
            }
        }
        return 0;
    }

    private void print(NetlinkEvent e, Map<Integer, Link> links, boolean banner) throws IOException {
        String del = e.action() == NetlinkEvent.Action.DELETED ? "Deleted " : "";
        switch (e) {
            case NetlinkEvent.LinkEvent le -> {
                if (le.action() == NetlinkEvent.Action.DELETED) links.remove(le.link().index());
                else links.put(le.link().index(), le.link());
                jip.out.print((banner ? "[LINK]" : "") + del + new LinkView(le.link(), links, Optional.empty()).text(false));
            }
            case NetlinkEvent.AddressEvent ae -> {
                Link l = links.get(ae.address().index());
                String name = l != null ? l.name() : "if" + ae.address().index();
                jip.out.print((banner ? "[ADDR]" : "") + del + ae.address().index() + ": " + name + " "
                        + new AddrView(ae.address()).text().stripLeading());
            }
            case NetlinkEvent.RouteEvent re -> jip.out.print((banner ? "[ROUTE]" : "") + del + new RouteView(re.route(), links, true).text());
            case NetlinkEvent.NeighbourEvent ne -> {
                Link l = links.get(ne.neighbour().index());
                jip.out.print((banner ? "[NEIGH]" : "") + del + ne.neighbour().address().map(io.github.netlink4j.Address::format).orElse("")
                        + " dev " + (l != null ? l.name() : "if" + ne.neighbour().index())
                        + ne.neighbour().lladdr().map(m -> " lladdr " + m).orElse("") + " " + NeighCommand.states(ne.neighbour()) + "\n");
            }
            case NetlinkEvent.NsidEvent ie -> jip.out.print((banner ? "[NSID]" : "") + del + "nsid " + ie.nsid() + "\n");
            case NetlinkEvent.Resynced r -> jip.out.print("# resynced after " + r.reason() + ": " + r.changes() + " changes\n");
        }
    }
}
