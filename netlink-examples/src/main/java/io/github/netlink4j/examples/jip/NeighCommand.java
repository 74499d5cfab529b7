package io.github.netlink4j.examples.jip;

import io.github.netlink4j.Address;
import io.github.netlink4j.Link;
import io.github.netlink4j.MacAddress;
import io.github.netlink4j.Neighbour;
import io.github.netlink4j.NeighbourSpec;
import io.github.netlink4j.NeighbourState;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Jip.next;
import static io.github.netlink4j.examples.jip.Jip.usage;

/** {@code jip neigh ...}. */
final class NeighCommand extends ObjectCommand {
    NeighCommand(Jip jip, NetlinkClient nl) {
        super(jip, nl, "neigh");
    }


    /** The states as ip prints them (print_neigh_state): each name and a space, nothing for NUD_NONE. */
    static String states(Neighbour n) {
        StringBuilder sb = new StringBuilder();
        for (NeighbourState st : n.state()) sb.append(st.name()).append(' ');
        return sb.toString();
    }

    @Override
    int show(List<String> args) throws IOException {
        String dev = Jip.devArgument(args);
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        List<Neighbour> all = dev != null ? nl.neighbours().list(dev) : nl.neighbours().list();
        List<Object> json = JsonOut.list();
        for (Neighbour n : all) {
            if (n.state().contains(NeighbourState.NOARP) || n.state().isEmpty()) continue; // ip hides NOARP and NONE by default
            if (jip.family != null && n.family() != jip.family) continue;
            String d = Optional.ofNullable(links.get(n.index())).map(Link::name).orElse("if" + n.index());
            String addr = n.address().map(Address::format).orElse("");
            if (jip.json) {
                Map<String, Object> o = JsonOut.object();
                o.put("dst", addr);
                if (dev == null) o.put("dev", d);
                n.lladdr().ifPresent(l -> o.put("lladdr", l.toString()));
                List<Object> st = JsonOut.list();
                for (NeighbourState s : n.state()) st.add(s.name());
                o.put("state", st);
                json.add(o);
            } else {
                StringBuilder sb = new StringBuilder(addr).append(' ');
                if (dev == null) sb.append("dev ").append(d).append(' ');
                n.lladdr().ifPresent(l -> sb.append("lladdr ").append(l).append(' '));
                sb.append(states(n)).append('\n');
                jip.out.print(sb);
            }
        }
        if (jip.json) jip.out.println(JsonOut.write(json));
        return 0;
    }

    @Override
    int modify(List<String> args, Op op) throws IOException {
        String dev = null;
        InetAddress addr = null;
        MacAddress ll = null;
        NeighbourState state = NeighbourState.PERMANENT;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "dev" -> dev = next(args, "dev");
                case "lladdr" -> ll = MacAddress.parse(next(args, "lladdr"));
                case "nud" -> state = NeighbourState.valueOf(next(args, "nud").toUpperCase());
                case "to" -> addr = InetAddress.ofLiteral(next(args, "to"));
                default -> addr = InetAddress.ofLiteral(a);
            }
        }
        if (dev == null || addr == null) throw usage("Device and destination are required arguments.");
        NeighbourSpec s = new NeighbourSpec(dev, addr, Optional.ofNullable(ll), state);
        switch (op) {
            case ADD -> nl.neighbours().add(s);
            case REPLACE -> nl.neighbours().replace(s);
            case DELETE -> nl.neighbours().delete(s);
        }
        return 0;
    }
}
