package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** {@code tc filter}: tc 6.1's tc_filter.c on the library's {@code Filters}. */
final class FilterCommand {
    private final JtcOptions jtc;
    private final NetlinkClient nl;

    FilterCommand(JtcOptions jtc, NetlinkClient nl) {
        this.jtc = jtc;
        this.nl = nl;
    }

    /** do_filter: the verb in tc's order of matching. */
    int run(List<String> args) throws NetlinkException {
        if (args.isEmpty()) return list(new Args(List.of()));
        String verb = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (Args.matches(verb, "add")) return modify(QdiscCommand.Verb.ADD, rest);
        if (Args.matches(verb, "change")) return modify(QdiscCommand.Verb.CHANGE, rest);
        if (Args.matches(verb, "replace")) return modify(QdiscCommand.Verb.REPLACE, rest);
        if (Args.matches(verb, "delete")) return modify(QdiscCommand.Verb.DELETE, rest);
        if (Args.matches(verb, "get")) return get(rest);
        if (Args.matches(verb, "list") || Args.matches(verb, "show") || Args.matches(verb, "lst")) return list(new Args(rest));
        if (Args.matches(verb, "help")) {
            jtc.err().print(FilterArgs.USAGE);
            return 0;
        }
        jtc.err().print("Command \"" + verb + "\" is unknown, try \"tc filter help\".\n");
        return 255;
    }

    /** tc_filter_modify: the line read whole, then one request; the kernel's refusal as tc reports it. */
    private int modify(QdiscCommand.Verb verb, List<String> words) throws NetlinkException {
        FilterArgs f;
        try {
            f = FilterArgs.parse(words, verb == QdiscCommand.Verb.ADD || verb == QdiscCommand.Verb.REPLACE);
        } catch (TcFail help) {
            if (help.exit != 0) throw help;
            jtc.err().print(help.text);
            return 0;
        }
        if (f.dev() == null) throw TcFail.unsupported("a filter request without dev (tc leaves it to the kernel to refuse)");
        if (f.parent().equals(TcHandle.UNSPEC)) throw TcFail.unsupported("a filter request without a parent");
        try {
            if (verb == QdiscCommand.Verb.DELETE) {
                delete(f);
                return 0;
            }
            FilterSpec spec = f.spec();
            if (spec == null) throw TcFail.unsupported("a filter request without a kind (tc leaves it to the kernel to refuse)");
            switch (verb) {
                case ADD -> nl.filters().add(spec);
                case REPLACE -> nl.filters().replace(spec);
                case CHANGE -> nl.filters().change(spec);
                case DELETE -> throw new AssertionError(verb);
            }
            return 0;
        } catch (NoSuchLinkException e) {
            String more = e.link().equals(f.dev()) ? null : ActionArgs.missingTarget(words, e.link());
            if (more == null) throw e;
            jtc.err().print("Cannot find device \"" + e.link() + "\"\n" + more);
            return 1;
        } catch (NetlinkException e) {
            jtc.err().print(KernelText.of(e) + "We have an error talking to the kernel\n");
            return 2;
        }
    }

    /**
     * tc_filter_get: one RTM_GETTFILTER naming the filter by link, parent, protocol, priority, handle and
     * kind (tc's checks in tc's order), the answer printed as show prints it, the link left out.
     */
    private int get(List<String> words) throws NetlinkException {
        FilterArgs f;
        try {
            f = FilterArgs.parseGet(words);
        } catch (TcFail help) {
            if (help.exit != 0) throw help;
            jtc.err().print(help.text);
            return 0;
        }
        if (f.protocol().value() == 0) throw new TcFail("Must specify filter protocol\n", 255);
        if (f.priority() == 0) throw new TcFail("Must specify filter priority\n", 255);
        if (f.parent().equals(TcHandle.UNSPEC)) throw new TcFail("Must specify filter parent\n", 255);
        if (f.options() == null) throw new TcFail("Must specify filter type\n", 255);
        int kindAt = words.indexOf(f.options().kind());
        if (kindAt >= 0 && kindAt < words.size() - 1) {
            throw new TcFail("Garbage instead of arguments \"" + words.get(kindAt + 1) + " ...\". Try \"tc filter help\".\n", 255);
        }
        if (f.handle().isEmpty()) throw new TcFail("Must specify filter \"handle\"\n", 255);
        if (f.dev() == null) throw new TcFail("Must specify netdevice \"dev\" or block index \"block\"\n", 255);
        List<Link> links = nl.links().list();
        Map<Integer, String> names = new HashMap<>();
        for (Link l : links) names.put(l.index(), l.name());
        int index = links.stream().filter(l -> l.name().equals(f.dev())).mapToInt(Link::index).findFirst().orElse(0);
        if (index == 0) {
            jtc.err().print("Cannot find device \"" + f.dev() + "\"\n");
            return 1;
        }
        Filter found;
        try {
            found = nl.filters().get(f.spec());
        } catch (NetlinkException e) {
            jtc.err().print(KernelText.of(e) + "We have an error talking to the kernel\n");
            return 2;
        }
        TcOut o = new TcOut(jtc.json());
        FilterView.print(o, found, new FilterView.Shown(index, null, 0, 0, null), i -> names.getOrDefault(i, "if" + i), jtc.stats(), jtc.pretty());
        jtc.out().print(o.result(jtc.pretty()));
        return 0;
    }

    /** {@code del}: one filter by handle and kind, or every filter of a priority (and protocol). */
    private void delete(FilterArgs f) throws NetlinkException {
        if (f.handle().isPresent() || f.options() != null) {
            FilterSpec spec = f.spec();
            if (spec == null) throw TcFail.unsupported("a filter delete without a parent or a kind");
            nl.filters().delete(spec);
        } else if (f.protocol().value() == 0 && f.chain().isEmpty()) {
            nl.filters().delete(f.dev(), f.parent(), f.priority());
        } else {
            // no kind goes out without a handle: the placeholder is never sent
            nl.filters().delete(new FilterSpec(f.dev(), f.parent(), f.priority(), f.protocol(), OptionalLong.empty(), f.chain(),
                    new FilterOptions.Other("none", java.util.Optional.empty()), List.of()));
        }
    }

    /** tc_filter_list: one dump of the parent named (the root qdisc's without one), filtered as the kernel filters it. */
    private int list(Args a) throws NetlinkException {
        String dev = null;
        TcHandle parent = null;
        long prio = 0;
        int protocol = 0;
        Long chain = null;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("dev")) {
                String v = a.next();
                if (dev != null) throw TcFail.duparg("dev", v);
                dev = v;
                continue;
            } else if (Args.matches(w, "block")) {
                throw TcFail.unsupported("filter blocks");
            } else if (w.equals("root") || w.equals("ingress") || w.equals("egress")) {
                if (parent != null) throw new TcFail("Error: \"" + w + "\" is duplicate parent ID\n", 255);
                parent = w.equals("root") ? TcHandle.ROOT : w.equals("ingress") ? FilterSpec.INGRESS : FilterSpec.EGRESS;
            } else if (w.equals("parent")) {
                String v = a.next();
                if (parent != null) throw TcFail.duparg("parent", v);
                parent = Args.classid(v, "invalid parent ID");
                continue;
            } else if (w.equals("handle")) {
                throw TcFail.unsupported("filter show … handle");
            } else if (Args.matches(w, "preference") || Args.matches(w, "priority")) {
                String v = a.next();
                if (prio != 0) throw TcFail.duparg("priority", v);
                prio = Args.u32(v, 0);
                if (prio < 0) throw TcFail.invarg("invalid preference", v);
                continue;
            } else if (Args.matches(w, "protocol")) {
                String v = a.next();
                if (protocol != 0) throw TcFail.duparg("protocol", v);
                try {
                    protocol = FilterProtocol.of(v).value();
                } catch (IllegalArgumentException e) {
                    throw TcFail.invarg("invalid protocol", v);
                }
                continue;
            } else if (Args.matches(w, "chain")) {
                String v = a.next();
                if (chain != null) throw TcFail.duparg("chain", v);
                long c = Args.u32(v, 0);
                if (c < 0) throw TcFail.invarg("invalid chain index value", v);
                chain = c;
                continue;
            } else if (Args.matches(w, "help")) {
                jtc.err().print(FilterArgs.USAGE);
            } else {
                jtc.err().print(" What is \"" + w + "\"? Try \"tc filter help\"\n");
                return 255;
            }
            a.take();
        }
        TcOut o = new TcOut(jtc.json());
        if (dev != null) {
            List<Link> links = nl.links().list();
            Map<Integer, String> names = new HashMap<>();
            for (Link l : links) names.put(l.index(), l.name());
            String d = dev;
            int index = links.stream().filter(l -> l.name().equals(d)).mapToInt(Link::index).findFirst().orElse(0);
            if (index == 0) {
                jtc.err().print("Cannot find device \"" + dev + "\"\n");
                return 1;
            }
            TcHandle p = parent == null ? TcHandle.UNSPEC : parent;
            List<Filter> all = chain == null ? nl.filters().list(dev, p) : nl.filters().list(dev, p, chain);
            FilterView.Shown shown = new FilterView.Shown(index, parent, protocol, (int) prio, chain);
            for (Filter f : all) {
                if (prio != 0 && f.priority() != prio) continue;
                if (protocol != 0 && f.protocol().value() != protocol) continue;
                FilterView.print(o, f, shown, i -> names.getOrDefault(i, "if" + i), jtc.stats(), jtc.pretty());
            }
        }
        jtc.out().print(o.result(jtc.pretty()));
        return 0;
    }
}
