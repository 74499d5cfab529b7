package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourState;

import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** The selectors of {@code ip neigh show|flush} (ipneigh.c's do_show_or_flush and print_neigh's filter in ip 6.1). */
final class NeighFilter {
    /** NUD_NONE has no bit of its own: ip's filter gives it 0x100. */
    static final int NONE = 0x100;

    String dev;
    String master;
    boolean nomaster;
    boolean proxyOnly;
    /** The states shown, NUD_* bits: all but NOARP unless nud says (a flush also spares PERMANENT). */
    int states;
    /** -4/-6, or the family of {@code to}; null: every family. */
    AddressFamily family;
    Prefix to;

    /** {@code [dev D] [nud S]… [to PREFIX] [master D] [nomaster] [proxy] [unused]}; {@code family}: -4/-6 (not -B). */
    static NeighFilter parse(List<String> args, boolean flush, AddressFamily family, String help) {
        NeighFilter f = new NeighFilter();
        f.family = family;
        f.states = flush ? ~(NeighbourState.PERMANENT.bit() | NeighbourState.NOARP.bit()) : 0xFF & ~NeighbourState.NOARP.bit();
        boolean stateGiven = false;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "dev" -> {
                    if (f.dev != null) throw usage("Error: duplicate \"dev\": \"" + args.get(0) + "\" is the second value.");
                    f.dev = next(args, "dev");
                }
                case "master" -> f.master = next(args, "master");
                case "nomaster" -> f.nomaster = true;
                case "unused" -> { }
                case "proxy" -> f.proxyOnly = true;
                case "nud" -> {
                    String st = next(args, "nud");
                    if (!stateGiven) {
                        stateGiven = true;
                        f.states = 0;
                    }
                    int bit;
                    if (st.equals("all")) bit = flush ? ~NeighbourState.NOARP.bit() : ~0;
                    else if (st.equals("none")) bit = NONE;
                    else bit = nudBit(st);
                    f.states |= bit;
                }
                default -> {
                    if (a.equals("to")) a = next(args, "to");
                    if (Args.is(a, "help")) throw usage(help);
                    f.to = Prefix.parse(a, f.family);
                    if (f.family == null) f.family = f.to.family();
                }
            }
        }
        return f;
    }

    /** A NUD state's bit by its name, in any case, as ip's nud_state_a2n reads it. */
    static int nudBit(String name) {
        for (NeighbourState s : NeighbourState.values()) {
            if (s.name().equalsIgnoreCase(name)) return s.bit();
        }
        throw ArgError.invalid(name, "nud state is bad");
    }

    /**
     * The index of the master named, -1 when none is; a master that does not exist is invarg's error.
     * Asked once the links are known.
     */
    int masterIndex(Map<Integer, Link> links) {
        if (master == null) return -1;
        for (Link l : links.values()) if (l.name().equals(master)) return l.index();
        throw ArgError.invalid(master, "Device does not exist\n");
    }

    /** Whether {@code n} is shown; {@code links} by index, {@code masterIndex} as {@link #masterIndex} gave it. */
    boolean test(Neighbour n, Map<Integer, Link> links, int masterIndex) {
        int bit = n.rawState() == 0 ? NONE : n.rawState();
        if (!proxyOnly && (bit & states) == 0) return false;
        if (family != null && n.family() != family) return false;
        if (to != null && !to.matchesFirst(n.address(), to.bits())) return false;
        Link l = links.get(n.index());
        if (masterIndex > 0 && (l == null || l.masterIndex().orElse(0) != masterIndex)) return false;
        return !(nomaster && l != null && l.masterIndex().isPresent());
    }
}
