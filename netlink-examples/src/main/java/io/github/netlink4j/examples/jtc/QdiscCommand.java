package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.tc.Estimator;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.TcHandle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code tc qdisc}: tc 6.1's tc_qdisc.c on the library's {@code Qdiscs}. */
final class QdiscCommand {
    static final String USAGE = """
            Usage: tc qdisc [ add | del | replace | change | show ] dev STRING
                   [ handle QHANDLE ] [ root | ingress | clsact | parent CLASSID ]
                   [ estimator INTERVAL TIME_CONSTANT ]
                   [ stab [ help | STAB_OPTIONS] ]
                   [ ingress_block BLOCK_INDEX ] [ egress_block BLOCK_INDEX ]
                   [ [ QDISC_KIND ] [ help | OPTIONS ] ]

                   tc qdisc { show | list } [ dev STRING ] [ QDISC_ID ] [ invisible ]
            Where:
            QDISC_KIND := { [p|b]fifo | tbf | prio | cbq | red | etc. }
            OPTIONS := ... try tc qdisc add <desired QDISC_KIND> help
            STAB_OPTIONS := ... try tc qdisc add stab help
            QDISC_ID := { root | ingress | handle QHANDLE | parent CLASSID }
            """;

    private final JtcOptions jtc;
    private final NetlinkClient nl;

    QdiscCommand(JtcOptions jtc, NetlinkClient nl) {
        this.jtc = jtc;
        this.nl = nl;
    }

    /** do_qdisc: the verb in tc's order of matching ({@code l} is link, {@code d} delete). */
    int run(List<String> args) throws NetlinkException {
        if (args.isEmpty()) return list(new Args(List.of()));
        String verb = args.get(0);
        Args rest = new Args(args.subList(1, args.size()));
        if (Args.matches(verb, "add")) return modify(Verb.ADD, rest);
        if (Args.matches(verb, "change")) return modify(Verb.CHANGE, rest);
        if (Args.matches(verb, "replace")) return modify(Verb.REPLACE, rest);
        if (Args.matches(verb, "link")) throw TcFail.unsupported("qdisc link");
        if (Args.matches(verb, "delete")) return modify(Verb.DELETE, rest);
        if (Args.matches(verb, "list") || Args.matches(verb, "show") || Args.matches(verb, "lst")) return list(rest);
        if (Args.matches(verb, "help")) {
            jtc.err().print(USAGE);
            return 0;
        }
        jtc.err().print("Command \"" + verb + "\" is unknown, try \"tc qdisc help\".\n");
        return 255;
    }

    enum Verb { ADD, CHANGE, REPLACE, DELETE }

    /** tc_qdisc_modify: the words read in tc's order, the kind's options parsed before the link is looked up. */
    private int modify(Verb verb, Args a) throws NetlinkException {
        String dev = null;
        TcHandle handle = null, parent = null;
        Estimator est = null;
        QdiscOptions options = null;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("dev")) {
                String v = a.next();
                if (dev != null) throw TcFail.duparg("dev", v);
                dev = v;
            } else if (w.equals("handle")) {
                if (handle != null) throw TcFail.duparg("handle", w); // tc names the word itself
                String v = a.next();
                handle = qdiscHandle(v);
                if (handle == null) throw TcFail.invarg("invalid qdisc ID", v);
            } else if (w.equals("root")) {
                if (parent != null) throw new TcFail("Error: \"root\" is duplicate parent ID\n", 255);
                parent = TcHandle.ROOT;
                a.take();
            } else if (w.equals("clsact") || w.equals("ingress")) {
                if (parent != null) throw new TcFail("Error: \"" + w + "\" is a duplicate parent ID\n", 255);
                parent = TcHandle.INGRESS;
                handle = TcHandle.qdisc(0xffff);
                a.take();
                options = KindArgs.qdisc(w, a);
                break;
            } else if (w.equals("parent")) {
                String v = a.next();
                if (parent != null) throw TcFail.duparg("parent", v);
                parent = Args.classid(v, "invalid parent ID");
            } else if (Args.matches(w, "estimator")) {
                est = estimator(a);
            } else if (Args.matches(w, "stab") || Args.matches(w, "ingress_block") || Args.matches(w, "egress_block")) {
                throw TcFail.unsupported(w);
            } else if (Args.matches(w, "help")) {
                jtc.err().print(USAGE);
                a.take();
            } else {
                a.take();
                options = KindArgs.qdisc(w, a);
                break;
            }
        }
        if (verb == Verb.DELETE && dev != null && options == null) {
            // tc qdisc del without a kind names the qdisc by its parent alone (none: 0, which the kernel refuses)
            nl.qdiscs().delete(dev, parent == null ? TcHandle.UNSPEC : parent);
            return 0;
        }
        if (dev == null || parent == null || options == null) {
            throw TcFail.unsupported("a qdisc request without dev, a parent or a kind (tc leaves these to the kernel to refuse)");
        }
        QdiscSpec spec = new QdiscSpec(dev, parent, Optional.ofNullable(handle), options, Optional.ofNullable(est));
        switch (verb) {
            case ADD -> nl.qdiscs().add(spec);
            case REPLACE -> nl.qdiscs().replace(spec);
            case CHANGE -> nl.qdiscs().change(spec);
            case DELETE -> nl.qdiscs().delete(spec);
        }
        return 0;
    }

    /** tc_qdisc_list: one dump, filtered by link, parent or handle as tc filters it. */
    private int list(Args a) throws NetlinkException {
        String dev = null;
        TcHandle parent = null, handle = null;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("dev")) {
                dev = a.next();
                continue;
            }
            if (w.equals("root") || w.equals("ingress") || w.equals("clsact") || Args.matches(w, "parent") || Args.matches(w, "handle")) {
                if (parent != null) throw TcFail.invarg("parent is already specified", w);
                if (handle != null) throw TcFail.invarg("handle is already specified", w);
            }
            if (w.equals("root")) {
                parent = TcHandle.ROOT;
                a.take();
            } else if (w.equals("ingress") || w.equals("clsact")) {
                parent = TcHandle.INGRESS;
                a.take();
            } else if (Args.matches(w, "parent")) {
                parent = Args.classid(a.next(), "invalid parent ID");
            } else if (Args.matches(w, "handle")) {
                String v = a.next();
                handle = qdiscHandle(v);
                if (handle == null) throw TcFail.invarg("invalid handle ID", v);
            } else if (Args.matches(w, "help")) {
                jtc.err().print(USAGE);
                a.take();
            } else if (w.equals("invisible")) {
                throw TcFail.unsupported("invisible");
            } else {
                jtc.err().print("What is \"" + w + "\"? Try \"tc qdisc help\".\n");
                return 255;
            }
        }
        List<Link> links = nl.links().list();
        Map<Integer, String> names = new HashMap<>();
        for (Link l : links) names.put(l.index(), l.name());
        int index = 0;
        if (dev != null) {
            String d = dev;
            index = links.stream().filter(l -> l.name().equals(d)).mapToInt(Link::index).findFirst().orElse(0);
            if (index == 0) {
                jtc.err().print("Cannot find device \"" + dev + "\"\n");
                return 1;
            }
        }
        TcOut o = new TcOut(jtc.json());
        for (Qdisc q : nl.qdiscs().list()) {
            if (index != 0 && q.index() != index) continue;
            if (handle != null && handle.value() != 0 && !q.handle().equals(handle)) continue;
            if (parent != null && !q.parent().equals(parent)) continue;
            QdiscView.print(o, q, index != 0 ? null : names.getOrDefault(q.index(), "if" + q.index()), jtc.details(), jtc.stats());
        }
        jtc.out().print(o.result(jtc.pretty()));
        return 0;
    }

    /**
     * get_qdisc_handle: {@code none}, or strtoul's hexadecimal major below 0x10000 followed by nothing or
     * by a colon and anything at all ({@code 1:10} is {@code 1:}, as tc reads it).
     */
    static TcHandle qdiscHandle(String text) {
        if (text.equals("none")) return TcHandle.UNSPEC;
        int i = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0, start = i;
        while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0) i++;
        if (i == start) return null;
        if (i < text.length() && text.charAt(i) != ':') return null;
        String digits = text.substring(start, i).replaceFirst("^0+(?=.)", "");
        if (digits.length() > 4) return null;
        return TcHandle.qdisc(Integer.parseInt(digits, 16));
    }

    /** parse_estimator: {@code estimator INTERVAL TIME_CONSTANT}. */
    static Estimator estimator(Args a) {
        a.take();
        if (!a.more()) throw TcFail.incomplete();
        String interval = a.take();
        if (!a.more()) throw TcFail.incomplete();
        String constant = a.take();
        java.time.Duration i = KindArgs.time(interval), c = KindArgs.time(constant);
        if (i == null) throw new TcFail("Illegal \"interval\"\n", 255);
        if (c == null) throw new TcFail("Illegal \"time constant\"\n", 255);
        try {
            return new Estimator(i, c);
        } catch (IllegalArgumentException e) {
            throw new TcFail("Error: " + e.getMessage() + "\n", 255);
        }
    }
}
