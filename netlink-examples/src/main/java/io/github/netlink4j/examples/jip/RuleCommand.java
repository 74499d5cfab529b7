package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip rule ...}: policy rules as ip 6.1 reads and prints them (iprule.c). */
final class RuleCommand extends ObjectCommand {
    private final NetlinkClient nl;

    RuleCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "rule");
        this.nl = nl;
    }

    static final String HELP = """
            Usage: ip rule { add | del } SELECTOR ACTION
                   ip rule { flush | list } [ SELECTOR ]
            SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
                        [ fwmark FWMARK[/MASK] ]
                        [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]
                        [ uidrange NUMBER-NUMBER ]
                        [ ipproto PROTOCOL ]
                        [ sport [ NUMBER | NUMBER-NUMBER ]
                        [ dport [ NUMBER | NUMBER-NUMBER ] ]
            ACTION := [ table TABLE_ID ]
                      [ protocol PROTO ]
                      [ prohibit | reject | unreachable ]
                      [ goto NUMBER ]
                      SUPPRESSOR
            SUPPRESSOR := [ suppress_prefixlength NUMBER ]
                          [ suppress_ifgroup DEVGROUP ]
            TABLE_ID := [ local | main | default | NUMBER ]""";

    @Override
    String[] verbs() {
        return new String[] {"list", "lst", "show", "save", "restore", "add", "delete", "flush", "help"};
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    int command(String verb, List<String> args) throws IOException {
        return switch (verb) {
            case "", "list", "lst", "show" -> list(args, false);
            case "flush" -> list(args, true);
            case "add" -> modify(args, true);
            case "delete" -> modify(args, false);
            default -> throw notImplemented("ip rule " + verb);
        };
    }

    private AddressFamily family() {
        return opt.family() == AddressFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET;
    }

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

    private static RuleRange range(String v, String what, long max) {
        String[] p = v.split("-", 2);
        try {
            long a = Long.parseLong(p[0]), b = p.length > 1 ? Long.parseLong(p[1]) : a;
            if (a < 0 || b > max || b < a) throw new NumberFormatException();
            return new RuleRange(a, b);
        } catch (NumberFormatException e) {
            throw invalid(v, what);
        }
    }

    private static RouteTable table(String t, String what) {
        try {
            return RouteTable.of(t);
        } catch (IllegalArgumentException e) {
            throw invalid(t, what);
        }
    }

    /** {@code ip rule add|del SELECTOR ACTION}: iprule_modify's keywords, in any order. */
    private int modify(List<String> args, boolean add) throws IOException {
        if (args.isEmpty()) {
            stderr.println(add ? "\"ip rule add\" requires arguments." : "\"ip rule del\" requires arguments.");
            return 1;
        }
        // ip's rule family is -4/-6's, else IPv4, whatever the prefixes say; an IPv6 prefix in an IPv4
        // rule is the kernel's "Invalid source address.": refused here before anything is sent.
        AddressFamily fam = opt.family() == AddressFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET;
        if (opt.family() == null) {
            for (int i = 0; i + 1 < args.size(); i++) {
                String w = args.get(i);
                if ((w.equals("from") || w.equals("to")) && Prefix.parse(args.get(i + 1), null).family() == AddressFamily.INET6) {
                    stderr.println(w.equals("from") ? "Error: Invalid source address." : "Error: Invalid destination address.");
                    return 2;
                }
            }
        }
        RuleSpec r = RuleSpec.of(fam);
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("not")) {
                r = r.withInvert();
            } else if (a.equals("from") || a.equals("to")) {
                String p = next(args, a);
                Prefix pre = Prefix.parse(p, fam);
                if (pre.bits() == 0 && pre.bytes().length == 0) continue; // from all: no selector
                String cidr = Address.format(java.net.InetAddress.getByAddress(pre.bytes().length == 0 ? new byte[fam == AddressFamily.INET ? 4 : 16] : pre.bytes()))
                        + "/" + pre.bits();
                r = a.equals("from") ? r.withSource(cidr) : r.withDestination(cidr);
            } else if (is(a, "preference") || is(a, "order") || is(a, "priority")) {
                r = r.withPriority(u32(next(args, a), "preference value is invalid"));
            } else if (a.equals("tos") || is(a, "dsfield")) {
                String t = next(args, a);
                int tos = Names.dsfield(t);
                if (tos < 0) throw invalid(t, "TOS value is invalid");
                r = r.withTos(tos);
            } else if (a.equals("fwmark")) {
                String v = next(args, a);
                int slash = v.indexOf('/');
                long mark = u32(slash < 0 ? v : v.substring(0, slash), "fwmark value is invalid");
                long mask = slash < 0 ? 0xFFFFFFFFL : u32(v.substring(slash + 1), "fwmask value is invalid");
                r = slash < 0 ? r.withFwmark(mark, 0xFFFFFFFFL) : withMask(r, mark, mask);
            } else if (is(a, "protocol")) {
                String p = next(args, a);
                try {
                    r = r.withProtocol(RouteProtocol.of(p));
                } catch (IllegalArgumentException e) {
                    throw invalid(p, "\"protocol\" value is invalid");
                }
            } else if (is(a, "table") || a.equals("lookup")) {
                r = r.withLookup(table(next(args, a), "invalid table ID"));
            } else if (is(a, "suppress_prefixlength") || a.equals("sup_pl")) {
                String v = next(args, a);
                try {
                    r = r.withSuppressPrefixLength(Integer.parseInt(v));
                } catch (IllegalArgumentException e) {
                    throw invalid(v, "suppress_prefixlength value is invalid");
                }
            } else if (is(a, "suppress_ifgroup") || a.equals("sup_group")) {
                String v = next(args, a);
                try {
                    r = r.withSuppressIfGroup(v.equals("default") ? 0 : Integer.toUnsignedLong(Integer.decode(v)));
                } catch (NumberFormatException e) {
                    throw invalid(v, "Invalid \"suppress_ifgroup\" value");
                }
            } else if (a.equals("dev") || a.equals("iif")) {
                r = r.withInputLink(next(args, a));
            } else if (a.equals("oif")) {
                r = r.withOutputLink(next(args, a));
            } else if (a.equals("l3mdev")) {
                r = r.withL3mdev();
            } else if (a.equals("uidrange")) {
                String v = next(args, a);
                if (!v.contains("-")) throw invalid(v, "invalid UID range");
                r = r.withUidRange(range(v, "invalid UID range", 0xFFFFFFFFL));
            } else if (a.equals("ipproto")) {
                String v = next(args, a);
                int p = Names.protocol(v);
                if (p < 0) throw invalid(v, "Invalid \"ipproto\" value");
                r = r.withIpProtocol(p);
            } else if (a.equals("sport")) {
                r = r.withSourcePorts(range(next(args, a), "invalid port range", 65535));
            } else if (a.equals("dport")) {
                r = r.withDestinationPorts(range(next(args, a), "invalid dport range", 65535));
            } else if (is(a, "realms") || is(a, "tun_id") || a.equals("nat") || is(a, "map-to")) {
                throw notImplemented("ip rule " + a);
            } else {
                if (a.equals("type")) a = next(args, "type");
                if (is(a, "help")) throw usage(HELP);
                if (is(a, "goto")) {
                    r = r.withGoto(u32(next(args, "goto"), "invalid target"));
                } else if (is(a, "nop")) {
                    r = r.withAction(RuleAction.NOP);
                } else {
                    RuleAction act = switch (a) {
                        case "blackhole" -> RuleAction.BLACKHOLE;
                        case "unreachable" -> RuleAction.UNREACHABLE;
                        case "prohibit" -> RuleAction.PROHIBIT;
                        case "unicast" -> RuleAction.LOOKUP;
                        default -> throw ArgError.invalid(a, "Failed to parse rule type");
                    };
                    r = act == RuleAction.LOOKUP ? r : r.withAction(act);
                }
            }
        }
        if (add) nl.rules().add(r);
        else nl.rules().delete(r);
        return 0;
    }

    private static RuleSpec withMask(RuleSpec r, long mark, long mask) {
        RuleSpec m = r.withFwmark(mark, 0xFFFFFFFFL);
        // an explicit mask is sent even when it is all ones, as ip sends what it was given
        return new RuleSpec(m.family(), m.priority(), m.source(), m.sourceLength(), m.destination(), m.destinationLength(), m.tos(),
                m.fwmark(), java.util.OptionalLong.of(mask), m.inputLink(), m.outputLink(), m.l3mdev(), m.uidRange(), m.ipProtocol(),
                m.sourcePorts(), m.destinationPorts(), m.invert(), m.action(), m.table(), m.gotoPriority(), m.suppressPrefixLength(),
                m.suppressIfGroup(), m.protocol());
    }

    /** {@code ip rule [list|flush] SELECTOR}. */
    private int list(List<String> args, boolean flush) throws IOException {
        int pf = opt.preferredFamily();
        if (pf != 0 && pf != AddressFamily.INET.value() && pf != AddressFamily.INET6.value()) {
            // ip asks the kernel for the rules of that family (-0, -M, -B), which has none: EAFNOSUPPORT ends the dump
            if (opt.json()) stdout.print("[");
            stdout.flush();
            stderr.println("RTNETLINK answers: Address family not supported by protocol");
            stderr.println("Dump terminated");
            return 255;
        }
        RuleFilter f = RuleFilter.parse(args, family());
        List<Object> json = Json.list();
        List<RuleSpec> gone = new ArrayList<>();
        for (Rule r : nl.rules().list(family())) {
            if (!f.test(r)) continue;
            if (flush) {
                if (r.priority() != 0 && f.protocolMatches(r)) gone.add(r.toSpec());
                continue;
            }
            RuleView v = new RuleView(r, opt.details() > 0, opt.style());
            if (opt.json()) json.add(v.json());
            else stdout.print(v.text());
        }
        if (flush) {
            for (RuleSpec s : gone) nl.rules().delete(s);
            return 0;
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        return 0;
    }
}
