package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.RouteScope;

import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Args.next;

/**
 * The selectors {@code ip link show} and {@code ip addr show|flush} share (ipaddr_list_flush_or_save,
 * print_linkinfo and ipaddr_filter in ip 6.1): {@code [dev] NAME}, {@code up}, {@code type KIND},
 * {@code master DEV}, {@code nomaster}, {@code group G}, and for addresses {@code to PREFIX},
 * {@code scope S}, {@code label PATTERN} and the flag words ({@code permanent}, {@code dynamic},
 * {@code secondary}, {@code primary}, {@code tentative}, … each negated by a leading {@code -}).
 */
final class ShowFilter {
    String dev;
    int index = -1;
    boolean up;
    String kind;
    String slaveKind;
    String masterName;
    int master = -1; // -1 any, 0 none (nomaster), else the index
    Long group;
    Prefix to;
    RouteScope scope;
    String label;
    int flags;
    int flagMask;
    private Map<Integer, Link> links = Map.of();

    private static final String[] FLAG_NAMES = {"secondary", "temporary", "nodad", "optimistic", "dadfailed", "home",
            "deprecated", "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};
    private static final int[] FLAG_BITS = {0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800};

    static ShowFilter parse(List<String> args, AddressFamily family, String help) {
        return parse(args, family, 0, help);
    }

    /** With ip's preferred family as an AF_* number, which decides how a {@code to} prefix is read. */
    static ShowFilter parse(List<String> args, AddressFamily family, int preferredFamily, String help) {
        ShowFilter f = new ShowFilter();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("to")) {
                f.to = Prefix.selector(next(args, "to"), family, preferredFamily);
            } else if (a.equals("scope")) {
                String s = next(args, "scope");
                if (!s.equals("all")) {
                    try {
                        f.scope = RouteScope.of(s);
                    } catch (IllegalArgumentException e) {
                        throw ArgError.invalid(s, "invalid \"scope\"\n");
                    }
                }
            } else if (a.equals("up")) {
                f.up = true;
            } else if (f.flagWord(a)) {
                // a flag selector
            } else if (a.equals("label")) {
                f.label = next(args, "label");
            } else if (a.equals("group")) {
                String g = next(args, "group");
                try {
                    f.group = g.equals("default") ? 0L : Long.decode(g);
                } catch (NumberFormatException e) {
                    throw ArgError.invalid(g, "Invalid \"group\" value\n");
                }
            } else if (a.equals("master")) {
                f.masterName = next(args, "master");
            } else if (a.equals("nomaster")) {
                f.master = 0;
            } else if (a.equals("type")) {
                String t = next(args, "type");
                if (t.endsWith("_slave")) f.slaveKind = t.substring(0, t.length() - "_slave".length());
                else f.kind = t;
            } else {
                if (a.equals("dev")) a = next(args, "dev");
                else if (Args.is(a, "help")) throw Args.usage(help);
                if (f.dev != null) throw Args.usage("Error: either \"dev\" is duplicate, or \"" + a + "\" is a garbage.");
                f.dev = a;
            }
        }
        return f;
    }

    private boolean flagWord(String word) {
        boolean inv = word.startsWith("-");
        String w = inv ? word.substring(1) : word;
        if (w.equals("dynamic")) {
            inv = !inv;
            w = "permanent";
        } else if (w.equals("primary")) {
            inv = !inv;
            w = "secondary";
        }
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if (FLAG_NAMES[i].equals(w)) {
                if (inv) flags &= ~FLAG_BITS[i];
                else flags |= FLAG_BITS[i];
                flagMask |= FLAG_BITS[i];
                return true;
            }
        }
        return false;
    }

    /** Resolves names: an unknown {@code dev} is ip's "Device "x" does not exist." (exit 1), an unknown master its invarg. */
    void resolve(Map<Integer, Link> links) {
        this.links = links;
        if (masterName != null) {
            master = indexOf(links, masterName);
            if (master < 0) throw ArgError.invalid(masterName, "Device does not exist\n");
        }
        if (dev != null) {
            index = indexOf(links, dev);
            if (index < 0) throw new UsageException("Device \"" + dev + "\" does not exist.", 1);
        }
    }

    private static int indexOf(Map<Integer, Link> links, String name) {
        // the kernel finds a link by an alternative name as by its name (ip link show ALTNAME)
        for (Link l : links.values()) if (l.name().equals(name) || l.altNames().contains(name)) return l.index();
        return -1;
    }

    /** Whether the link is selected (print_linkinfo's checks). */
    boolean test(Link l) {
        return listed(l) && printed(l);
    }

    /** Whether ip lists the link at all: the device, master and kind it asks the kernel's link dump for. */
    boolean listed(Link l) {
        if (index >= 0 && l.index() != index) return false;
        if (master > 0 && l.masterIndex().orElse(0) != master) return false;
        if (master == 0 && l.masterIndex().orElse(0) != 0) return false;
        return kind == null || kind.equals(l.kind().orElse(null));
    }

    /**
     * print_linkinfo's checks that no dump request carries ({@code up}, {@code group}, the slave kind): ip addr
     * lists a link that fails them, prints no link line for it, and with {@code -o} still its addresses (unless
     * {@link #downRejects it is down}).
     */
    boolean printed(Link l) {
        if (downRejects(l)) return false;
        if (group != null && l.group() != group.longValue()) return false;
        // IFLA_INFO_SLAVE_KIND is the kind of the master (bridge, bond, …): read it from the master link.
        return slaveKind == null || l.masterIndex().isPresent() && links.containsKey(l.masterIndex().getAsInt())
                && slaveKind.equals(links.get(l.masterIndex().getAsInt()).kind().orElse(null));
    }

    /** Whether {@code up} rejects the link: then print_selected_addrinfo skips its addresses too. */
    boolean downRejects(Link l) {
        return up && !l.isUp();
    }

    /** Whether any address selector is given (then links without a selected address are not shown). */
    boolean selectsAddresses() {
        return to != null || scope != null || label != null || flagMask != 0;
    }

    /** Whether the address is selected (ipaddr_filter's checks), {@code family} the -4/-6 option. */
    boolean test(Address a, AddressFamily family, Link l) {
        if (family != null && a.family() != family) return false;
        if (scope != null && !a.scope().equals(scope)) return false;
        if (((flags ^ a.rawFlags()) & flagMask) != 0) return false;
        if (label != null && !Glob.matches(label, a.label().orElse(l.name()))) return false;
        return to == null || to.familyFits(a.family()) && to.matchesFirst(java.util.Optional.of(a.address()), to.bits());
    }
}
