package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleRange;

import java.util.List;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;

/** The selectors of {@code ip rule list|flush} (iprule_list_flush_or_save and filter_nlmsg in ip 6.1). */
final class RuleFilter {
    Long priority;
    boolean not;
    Integer tos;
    Long fwmark;
    Long fwmask;
    String iif;
    String oif;
    boolean l3mdev;
    RuleRange uid;
    Integer ipproto;
    RuleRange sport;
    RuleRange dport;
    RouteTable table;
    Prefix from;
    Prefix to;
    RouteProtocol protocol;

    /** iprule.c's invarg texts all end in a newline, so ip prints an empty line after them. */
    private static UsageException invalid(String arg, String what) {
        return ArgError.invalid(arg, what + "\n");
    }

    private static long u32(String v, String what) {
        try {
            long x = Long.decode(v);
            if (x < 0 || x > 0xFFFFFFFFL) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw invalid(v, what);
        }
    }

    private static RuleRange range(String v, String what) {
        String[] p = v.split("-", 2);
        try {
            long a = Long.parseLong(p[0]), b = p.length > 1 ? Long.parseLong(p[1]) : a;
            return new RuleRange(a, b);
        } catch (IllegalArgumentException e) {
            throw invalid(v, what);
        }
    }

    static RuleFilter parse(List<String> args, AddressFamily family) {
        RuleFilter f = new RuleFilter();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (is(a, "preference") || is(a, "order") || is(a, "priority")) {
                f.priority = u32(next(args, a), "preference value is invalid");
            } else if (a.equals("not")) {
                f.not = true;
            } else if (a.equals("tos") || a.equals("dsfield")) {
                String t = next(args, a);
                int v = Names.dsfield(t);
                if (v < 0) throw invalid(t, "TOS value is invalid");
                f.tos = v;
            } else if (a.equals("fwmark")) {
                String v = next(args, a);
                int slash = v.indexOf('/');
                f.fwmark = u32(slash < 0 ? v : v.substring(0, slash), "fwmark value is invalid");
                if (slash >= 0) f.fwmask = u32(v.substring(slash + 1), "fwmask value is invalid");
            } else if (a.equals("dev") || a.equals("iif")) {
                f.iif = next(args, a);
            } else if (a.equals("oif")) {
                f.oif = next(args, a);
            } else if (a.equals("l3mdev")) {
                f.l3mdev = true;
            } else if (a.equals("uidrange")) {
                f.uid = range(next(args, a), "invalid UID range");
            } else if (is(a, "lookup") || is(a, "table")) {
                String t = next(args, a);
                try {
                    f.table = RouteTable.of(t);
                } catch (IllegalArgumentException e) {
                    throw invalid(t, "table id value is invalid");
                }
            } else if (is(a, "from") || is(a, "src")) {
                f.from = Prefix.parse(next(args, a), family);
            } else if (is(a, "protocol")) {
                String p = next(args, a);
                if (!p.equals("all")) {
                    try {
                        f.protocol = RouteProtocol.of(p);
                    } catch (IllegalArgumentException e) {
                        throw invalid(p, "invalid \"protocol\"");
                    }
                }
            } else if (a.equals("ipproto")) {
                String v = next(args, a);
                int p = Names.protocol(v);
                if (p < 0) throw invalid(v, "Invalid \"ipproto\" value");
                f.ipproto = p;
            } else if (a.equals("sport")) {
                f.sport = range(next(args, a), "invalid port range");
            } else if (a.equals("dport")) {
                f.dport = range(next(args, a), "invalid dport range");
            } else {
                if (is(a, "dst") || is(a, "to")) a = next(args, a);
                f.to = Prefix.parse(a, family);
            }
        }
        return f;
    }

    private static boolean prefixMatches(Prefix p, Optional<java.net.InetAddress> addr, int len, AddressFamily fam) {
        if (p == null || p.bytes().length == 0 && p.bits() == 0 && p.family() == null) return true;
        if (p.family() != null && p.family() != fam) return false;
        if (p.bits() > len) return false;
        return p.matchesFirst(addr, p.bits());
    }

    boolean test(Rule r) {
        if (priority != null && priority != r.priority()) return false;
        if (not && !r.isInverted()) return false;
        if (from != null && !prefixMatches(from, r.source(), r.sourceLength(), r.family())) return false;
        if (to != null && !prefixMatches(to, r.destination(), r.destinationLength(), r.family())) return false;
        if (tos != null && tos != r.tos()) return false;
        if (fwmark != null && fwmark != r.fwmark().orElse(0)) return false;
        if (fwmask != null && fwmask != r.fwmask().orElse(0)) return false;
        if (iif != null && !iif.equals(r.inputLink().orElse(null))) return false;
        if (oif != null && !oif.equals(r.outputLink().orElse(null))) return false;
        if (l3mdev && !r.l3mdev()) return false;
        if (uid != null && !r.uidRange().equals(Optional.of(uid))) return false;
        if (ipproto != null && ipproto != r.ipProtocol().orElse(0)) return false;
        if (sport != null && !r.sourcePorts().equals(Optional.of(sport))) return false;
        if (dport != null && !r.destinationPorts().equals(Optional.of(dport))) return false;
        return table == null || table.equals(r.table());
    }

    /** flush_rule's own check: the protocol, when one was given. */
    boolean protocolMatches(Rule r) {
        return protocol == null || r.protocol().map(protocol::equals).orElse(false);
    }
}
