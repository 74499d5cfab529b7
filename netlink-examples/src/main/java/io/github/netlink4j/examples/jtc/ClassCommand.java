package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Estimator;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassSpec;

import java.util.List;
import java.util.Optional;

/** {@code tc class}: tc 6.1's tc_class.c on the library's {@code TrafficClasses}. */
final class ClassCommand {
    static final String USAGE = """
            Usage: tc class [ add | del | change | replace | show ] dev STRING
                   [ classid CLASSID ] [ root | parent CLASSID ]
                   [ [ QDISC_KIND ] [ help | OPTIONS ] ]

                   tc class show [ dev STRING ] [ root | parent CLASSID ]
            Where:
            QDISC_KIND := { prio | cbq | etc. }
            OPTIONS := ... try tc class add <desired QDISC_KIND> help
            """;

    private final JtcOptions jtc;
    private final NetlinkClient nl;

    ClassCommand(JtcOptions jtc, NetlinkClient nl) {
        this.jtc = jtc;
        this.nl = nl;
    }

    int run(List<String> args) throws NetlinkException {
        if (args.isEmpty()) return list(new Args(List.of()));
        String verb = args.get(0);
        Args rest = new Args(args.subList(1, args.size()));
        if (Args.matches(verb, "add")) return modify(QdiscCommand.Verb.ADD, rest);
        if (Args.matches(verb, "change")) return modify(QdiscCommand.Verb.CHANGE, rest);
        if (Args.matches(verb, "replace")) return modify(QdiscCommand.Verb.REPLACE, rest);
        if (Args.matches(verb, "delete")) return modify(QdiscCommand.Verb.DELETE, rest);
        if (Args.matches(verb, "list") || Args.matches(verb, "show") || Args.matches(verb, "lst")) return list(rest);
        if (Args.matches(verb, "help")) {
            jtc.err().print(USAGE);
            return 0;
        }
        jtc.err().print("Command \"" + verb + "\" is unknown, try \"tc class help\".\n");
        return 255;
    }

    /** tc_class_modify. */
    private int modify(QdiscCommand.Verb verb, Args a) throws NetlinkException {
        String dev = null, kind = null;
        TcHandle classid = null, parent = null;
        Estimator est = null;
        ClassOptions options = null;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("dev")) {
                String v = a.next();
                if (dev != null) throw TcFail.duparg("dev", v);
                dev = v;
            } else if (w.equals("classid")) {
                String v = a.next();
                if (classid != null) throw TcFail.duparg("classid", v);
                classid = Args.classid(v, "invalid class ID");
            } else if (w.equals("handle")) {
                throw new TcFail("Error: try \"classid\" instead of \"handle\"\n", 255);
            } else if (w.equals("root")) {
                if (parent != null) throw new TcFail("Error: \"root\" is duplicate parent ID.\n", 255);
                parent = TcHandle.ROOT;
                a.take();
            } else if (w.equals("parent")) {
                String v = a.next();
                if (parent != null) throw TcFail.duparg("parent", v);
                parent = Args.classid(v, "invalid parent ID");
            } else if (Args.matches(w, "estimator")) {
                est = QdiscCommand.estimator(a);
            } else if (Args.matches(w, "help")) {
                jtc.err().print(USAGE);
                a.take();
            } else {
                kind = a.take();
                if (!kind.equals("htb")) throw new TcFail("Error: Qdisc \"" + kind + "\" is classless.\n", 1);
                options = KindArgs.htbClass(a);
                break;
            }
        }
        if (verb == QdiscCommand.Verb.DELETE && dev != null && classid != null) {
            nl.trafficClasses().delete(dev, classid);
            return 0;
        }
        if (dev == null || classid == null || parent == null || options == null) {
            throw TcFail.unsupported("a class request without dev, classid, a parent or a kind (tc leaves these to the kernel to refuse)");
        }
        TrafficClassSpec spec = new TrafficClassSpec(dev, parent, classid, options, Optional.ofNullable(est));
        switch (verb) {
            case ADD -> nl.trafficClasses().add(spec);
            case REPLACE -> nl.trafficClasses().replace(spec);
            case CHANGE -> nl.trafficClasses().change(spec);
            case DELETE -> nl.trafficClasses().delete(spec);
        }
        return 0;
    }

    /** tc_class_list: the classes of one link (the kernel lists none without one), filtered as tc filters them. */
    private int list(Args a) throws NetlinkException {
        String dev = null;
        TcHandle qdisc = null, classid = null, parent = null;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("dev")) {
                String v = a.next();
                if (dev != null) throw TcFail.duparg("dev", v);
                dev = v;
            } else if (w.equals("qdisc")) {
                String v = a.next();
                if (qdisc != null) throw TcFail.duparg("qdisc", v);
                qdisc = QdiscCommand.qdiscHandle(v);
                if (qdisc == null) throw TcFail.invarg("invalid qdisc ID", v);
            } else if (w.equals("classid")) {
                String v = a.next();
                if (classid != null) throw TcFail.duparg("classid", v);
                classid = Args.classid(v, "invalid class ID");
            } else if (w.equals("root")) {
                if (parent != null) throw new TcFail("Error: \"root\" is duplicate parent ID\n", 255);
                parent = TcHandle.ROOT;
                a.take();
            } else if (w.equals("parent")) {
                if (parent != null) throw TcFail.duparg("parent", w);
                parent = Args.classid(a.next(), "invalid parent ID");
            } else if (Args.matches(w, "help")) {
                jtc.err().print(USAGE);
                a.take();
            } else {
                jtc.err().print("What is \"" + w + "\"? Try \"tc class help\".\n");
                return 255;
            }
        }
        if (dev == null) return 0;
        String d = dev;
        if (nl.links().list().stream().noneMatch((Link l) -> l.name().equals(d))) {
            jtc.err().print("Cannot find device \"" + dev + "\"\n");
            return 1;
        }
        List<TrafficClass> all = nl.trafficClasses().list(dev);
        StringBuilder sb = new StringBuilder();
        boolean minorsOnly = qdisc != null && qdisc.value() != 0;
        for (TrafficClass c : all) {
            // the kernel lists the classes of the qdisc the parent names (its major), tc then filters the rest
            if (parent != null && parent.value() != 0 && c.handle().major() != parent.major()) continue;
            if (minorsOnly && c.handle().major() != qdisc.major()) continue;
            if (classid != null && classid.value() != 0 && !c.handle().equals(classid)) continue;
            sb.append(ClassView.print(c, minorsOnly, jtc.details(), jtc.stats()));
        }
        jtc.out().print(sb);
        return 0;
    }
}
