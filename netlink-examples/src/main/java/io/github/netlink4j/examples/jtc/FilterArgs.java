package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code tc filter add|replace|change|del} line read as tc 6.1's tc_filter_modify reads it, and the
 * kind's words as f_u32.c, f_matchall.c, f_basic.c and f_fw.c read them: pure, so that the request
 * jtc makes can be held to the bytes tc sent for the same line.
 *
 * @param dev      the link (null when the line names none)
 * @param parent   tcm_parent (UNSPEC when the line names none)
 * @param priority tc's {@code prio}, 0 when not given
 * @param protocol tc's {@code protocol}: ETH_P_ALL by default for add and replace, 0 (any) otherwise
 * @param handle   the handle as the kind reads it, if given
 * @param chain    {@code chain}, if given
 * @param options  the kind and its options, null when the line names no kind
 * @param actions  the kind's actions
 */
record FilterArgs(String dev, TcHandle parent, int priority, FilterProtocol protocol, OptionalLong handle, OptionalLong chain,
                  FilterOptions options, List<ActionSpec> actions) {

    /** tc filter's usage, printed by {@code help} here and by the command. */
    static final String USAGE = """
            Usage: tc filter [ add | del | change | replace | show ] [ dev STRING ]
                   tc filter [ add | del | change | replace | show ] [ block BLOCK_INDEX ]
                   tc filter get dev STRING parent CLASSID protocol PROTO handle FILTERID pref PRIO FILTER_TYPE
                   tc filter get block BLOCK_INDEX protocol PROTO handle FILTERID pref PRIO FILTER_TYPE
                   [ pref PRIO ] protocol PROTO [ chain CHAIN_INDEX ]
                   [ estimator INTERVAL TIME_CONSTANT ]
                   [ root | ingress | egress | parent CLASSID ]
                   [ handle FILTERID ] [ [ FILTER_TYPE ] [ help | OPTIONS ] ]

                   tc filter show [ dev STRING ] [ root | ingress | egress | parent CLASSID ]
                   tc filter show [ block BLOCK_INDEX ]
            Where:
            FILTER_TYPE := { rsvp | u32 | bpf | fw | route | etc. }
            FILTERID := ... format depends on classifier, see there
            OPTIONS := ... try tc filter add <desired FILTER_KIND> help
            """;

    /** The spec the library sends; null when the line names no parent or no kind (tc leaves those to the kernel). */
    FilterSpec spec() {
        if (dev == null || parent.equals(TcHandle.UNSPEC) || options == null) return null;
        return new FilterSpec(dev, parent, priority, protocol, handle, chain, options, actions);
    }

    /** The words after the verb; {@code create} for add and replace, whose protocol defaults to all. */
    static FilterArgs parse(List<String> words, boolean create) {
        return parse(words, create, true);
    }

    /** The words after {@code get}, which checks a missing kind in its own order (tc_filter_get). */
    static FilterArgs parseGet(List<String> words) {
        return parse(words, false, false);
    }

    private static FilterArgs parse(List<String> words, boolean create, boolean handleNeedsKind) {
        Args a = new Args(words);
        String dev = null;
        TcHandle parent = TcHandle.UNSPEC;
        long prio = 0;
        FilterProtocol protocol = create ? FilterProtocol.ALL : FilterProtocol.ANY;
        boolean protocolSet = false;
        OptionalLong chain = OptionalLong.empty();
        String handle = null, kind = null;
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
                if (!parent.equals(TcHandle.UNSPEC)) throw new TcFail("Error: \"" + w + "\" is duplicate parent ID\n", 255);
                parent = w.equals("root") ? TcHandle.ROOT : w.equals("ingress") ? FilterSpec.INGRESS : FilterSpec.EGRESS;
            } else if (w.equals("parent")) {
                String v = a.next();
                if (!parent.equals(TcHandle.UNSPEC)) throw TcFail.duparg("parent", v);
                parent = Args.classid(v, "Invalid parent ID");
                continue;
            } else if (w.equals("handle")) {
                String v = a.next();
                if (handle != null) throw TcFail.duparg("handle", v);
                handle = v;
                continue;
            } else if (Args.matches(w, "preference") || Args.matches(w, "priority")) {
                String v = a.next();
                if (prio != 0) throw TcFail.duparg("priority", v);
                prio = Args.u32(v, 0);
                if (prio < 0 || prio > 0xffff) throw TcFail.invarg("invalid priority value", v);
                continue;
            } else if (Args.matches(w, "protocol")) {
                String v = a.next();
                if (protocolSet) throw TcFail.duparg("protocol", v);
                protocol = Args.protocol(v);
                protocolSet = true;
                continue;
            } else if (Args.matches(w, "chain")) {
                String v = a.next();
                if (chain.isPresent()) throw TcFail.duparg("chain", v);
                long c = Args.u32(v, 0);
                if (c < 0) throw TcFail.invarg("invalid chain index value", v);
                chain = OptionalLong.of(c);
                continue;
            } else if (Args.matches(w, "estimator")) {
                throw TcFail.unsupported("a filter's estimator");
            } else if (Args.matches(w, "help")) {
                throw new TcFail(USAGE, 0);
            } else {
                kind = a.take();
                break;
            }
            a.take();
        }
        if (kind == null) {
            if (handle != null && handleNeedsKind) throw new TcFail("Must specify filter type when using \"handle\"\n", 255);
            return new FilterArgs(dev, parent, (int) prio, protocol, OptionalLong.empty(), chain, null, List.of());
        }
        FilterKind k = switch (kind) {
            case "u32" -> u32(a, handle);
            case "matchall", "basic" -> simple(kind, a, handle);
            case "fw" -> fw(a, handle);
            case "flower" -> FlowerArgs.parse(a, handle);
            case "bpf" -> throw TcFail.unsupported(bpfSource(a.more() ? a.peek() : ""));
            default -> throw TcFail.unsupported("filter kind " + kind + " (jtc parses u32, flower, matchall, basic and fw)");
        };
        return new FilterArgs(dev, parent, (int) prio, protocol, k.handle(), chain, k.options(), k.actions());
    }

    /** f_u32.c's u32_parse_opt, for match ip/u32, classid, divisor, ht, link, hashkey, actions and the skip flags. */
    private static FilterKind u32(Args a, String handle) {
        OptionalLong h = OptionalLong.empty();
        if (handle != null) {
            U32Handle v = u32Handle(handle);
            if (v == null) throw new TcFail("Illegal filter ID\n", 1);
            h = OptionalLong.of(v.value());
        }
        if (!a.more()) return new FilterKind(new FilterOptions.U32(Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), 0), List.of(), h);
        List<U32Key> keys = new ArrayList<>();
        Optional<TcHandle> classid = Optional.empty();
        OptionalLong divisor = OptionalLong.empty();
        Optional<U32Handle> ht = Optional.empty(), link = Optional.empty();
        long hmask = 0;
        int hoff = 0, flags = 0;
        List<ActionSpec> actions = List.of();
        while (a.more()) {
            String w = a.take();
            if (Args.matches(w, "match")) {
                if (!a.more()) throw TcFail.incomplete();
                keys.add(match(a));
            } else if (Args.matches(w, "classid") || w.equals("flowid")) {
                if (!a.more()) throw TcFail.incomplete();
                String v = a.take();
                try {
                    classid = Optional.of(TcHandle.of(v));
                } catch (IllegalArgumentException e) {
                    throw new TcFail("Illegal \"classid\"\n", 1);
                }
            } else if (Args.matches(w, "divisor")) {
                if (!a.more()) throw TcFail.incomplete();
                long d = Args.u32(a.take(), 0);
                if (d <= 0 || d > 0x100 || ((d - 1) & d) != 0) throw new TcFail("Illegal \"divisor\"\n", 1);
                divisor = OptionalLong.of(d);
            } else if (w.equals("ht") || w.equals("link")) {
                if (!a.more()) throw TcFail.incomplete();
                U32Handle v = u32Handle(a.take());
                if (v == null) throw new TcFail("Illegal \"" + w + "\"\n", 1);
                if (w.equals("link")) {
                    if (v.value() != 0 && v.node() != 0) throw new TcFail("\"link\" must be a hash table.\n", 1);
                    link = Optional.of(v);
                } else {
                    if (handle != null && v.node() != 0) throw new TcFail("\"ht\" must be a hash table.\n", 1);
                    ht = Optional.of(new U32Handle(v.value() & 0xfffff000L));
                }
            } else if (Args.matches(w, "hashkey")) {
                // parse_hashkey: mask MASK at OFF
                if (!a.more() || !a.take().equals("mask") || !a.more()) throw new TcFail("Illegal \"hashkey\"\n", 1);
                hmask = Args.u32(a.take(), 16);
                if (hmask < 0 || !a.more() || !a.take().equals("at") || !a.more()) throw new TcFail("Illegal \"hashkey\"\n", 1);
                long off = Args.u32(a.take(), 0);
                if (off < 0 || off % 4 != 0) throw new TcFail("Illegal \"hashkey\"\n", 1);
                hoff = (int) off;
            } else if (Args.matches(w, "action")) {
                if (!a.more()) throw TcFail.incomplete();
                List<ActionSpec> more = new ArrayList<>(actions);
                more.addAll(ActionArgs.parse(a));
                actions = more;
            } else if (w.equals("skip_hw")) {
                flags |= 1;
            } else if (w.equals("skip_sw")) {
                flags |= 2;
            } else if (Args.matches(w, "offset") || Args.matches(w, "order") || w.equals("sample") || w.equals("indev")
                    || Args.matches(w, "police")) {
                throw TcFail.unsupported("u32 " + w);
            } else {
                throw new TcFail((w.equals("help") ? "" : "What is \"" + w + "\"?\n") + U32_USAGE, 1);
            }
        }
        if (flags == 3) throw new TcFail("skip_hw and skip_sw are mutually exclusive\n", 1);
        Optional<U32Selector> sel = Optional.empty();
        if (!keys.isEmpty()) {
            try {
                U32Selector s = U32Selector.of(keys.toArray(U32Key[]::new));
                sel = Optional.of(hmask != 0 || hoff != 0 ? s.withHashKey(hmask, hoff) : s);
            } catch (IllegalArgumentException e) {
                throw TcFail.unsupported("u32 keys that tc packs another way (" + e.getMessage() + ")");
            }
        } else if (hmask != 0) {
            throw TcFail.unsupported("a u32 hashkey without match");
        }
        return new FilterKind(new FilterOptions.U32(classid, sel, divisor, ht, link, flags), actions, h);
    }

    /** get_u32_handle: {@code HTID:[HASH[:NODE]]} in hexadecimal, or a whole 0x number; a bare number is not one. Null when it fails. */
    private static U32Handle u32Handle(String text) {
        if (text.indexOf(':') < 0) {
            long v = text.startsWith("0x") ? Args.u32(text, 16) : -1;
            return v < 0 ? null : new U32Handle(v);
        }
        try {
            return U32Handle.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** parse_selector: {@code ip src|dst PREFIX}, {@code ip sport|dport|protocol|tos|dsfield VALUE MASK}, {@code u32 VALUE MASK [at OFF]}. */
    private static U32Key match(Args a) {
        String type = a.take();
        if (type.equals("u32")) {
            long v = need(a, 0), m = need(a, 16);
            int off = 0;
            if (a.more() && a.peek().equals("at")) {
                a.take();
                long o = need(a, 0);
                if (o % 4 != 0) throw illegalMatch();
                off = (int) o;
            }
            return U32Key.of(v & m, m, off);
        }
        if (!type.equals("ip")) {
            if (List.of("u16", "u8", "ip6", "udp", "tcp", "icmp", "mark", "ether").contains(type)) {
                throw TcFail.unsupported("match " + type + " (jtc parses match ip and match u32)");
            }
            throw illegalMatch();
        }
        if (!a.more()) throw illegalMatch();
        String field = a.take();
        switch (field) {
            case "src", "dst" -> {
                if (!a.more()) throw illegalMatch();
                IpPrefix p;
                try {
                    p = IpPrefix.of(a.take());
                } catch (IllegalArgumentException e) {
                    throw illegalMatch();
                }
                return field.equals("src") ? U32Key.ipSrc(p) : U32Key.ipDst(p);
            }
            case "sport", "dport" -> {
                long v = need(a, 0), m = need(a, 16);
                if (v > 0xffff || m > 0xffff) throw illegalMatch();
                return field.equals("sport") ? U32Key.of((v & m) << 16, m << 16, 20) : U32Key.of(v & m, m, 20);
            }
            case "protocol", "tos", "dsfield" -> {
                long v = need(a, 0), m = need(a, 16);
                if (v > 0xff || m > 0xff) throw illegalMatch();
                int at = field.equals("protocol") ? 9 : 1;
                int shift = 8 * (3 - at % 4);
                return U32Key.of((v & m) << shift, m << shift, at & ~3);
            }
            default -> {
                if (List.of("precedence", "ihl", "nofrag", "firstfrag", "df", "mf", "icmp_type", "icmp_code").contains(field)) {
                    throw TcFail.unsupported("match ip " + field);
                }
                throw illegalMatch();
            }
        }
    }

    private static long need(Args a, int base) {
        if (!a.more()) throw illegalMatch();
        long v = Args.u32(a.take(), base);
        if (v < 0) throw illegalMatch();
        return v;
    }

    private static TcFail illegalMatch() {
        return new TcFail("Illegal \"match\"\n", 1);
    }

    /** matchall and basic: {@code [classid C] [action …]} (and matchall's skip flags); the handle a u32 in any base. */
    private static FilterKind simple(String kind, Args a, String handle) {
        OptionalLong h = OptionalLong.empty();
        if (handle != null) {
            long v = Args.u32(handle, 0);
            if (v < 0) throw new TcFail("Illegal \"handle\"\n", 1);
            h = OptionalLong.of(v);
        }
        Optional<TcHandle> classid = Optional.empty();
        List<ActionSpec> actions = new ArrayList<>();
        int flags = 0;
        while (a.more()) {
            String w = a.take();
            if (Args.matches(w, "classid") || w.equals("flowid")) {
                if (!a.more()) throw TcFail.incomplete();
                String v = a.take();
                try {
                    classid = Optional.of(TcHandle.of(v));
                } catch (IllegalArgumentException e) {
                    throw new TcFail("Illegal \"classid\"\n", 1);
                }
            } else if (Args.matches(w, "action")) {
                if (!a.more()) throw TcFail.incomplete();
                actions.addAll(ActionArgs.parse(a));
            } else if (kind.equals("matchall") && w.equals("skip_hw")) {
                flags |= 1;
            } else if (kind.equals("matchall") && w.equals("skip_sw")) {
                flags |= 2;
            } else {
                throw TcFail.unsupported(kind + " " + w);
            }
        }
        FilterOptions o = kind.equals("matchall") ? new FilterOptions.Matchall(classid, flags) : new FilterOptions.Basic(classid);
        return new FilterKind(o, actions, h);
    }

    /**
     * What f_bpf.c's way of naming the program is, for the refusal: the library takes an eBPF program by fd
     * ({@code FilterOptions.Bpf}), and jtc has no way to get one: it loads no ELF object ({@code obj}) and
     * opens no pin ({@code pinned}); classic BPF ({@code bytecode}) is not modelled.
     */
    static String bpfSource(String word) {
        return switch (word) {
            case "obj", "object-file" -> "bpf obj (loading an ELF object; the library takes a loaded program's fd)";
            case "pinned", "object-pinned", "fd" -> "bpf pinned (opening a pinned program; the library takes a loaded program's fd)";
            case "bytecode", "bc", "bytecode-file", "bcf" -> "classic bpf (bytecode)";
            default -> "bpf " + word;
        };
    }

    /** fw: the handle is the mark; {@code [classid C] [action …]}. */
    private static FilterKind fw(Args a, String handle) {
        if (handle != null && handle.contains("/")) throw TcFail.unsupported("an fw mark's mask");
        FilterKind k = simple("basic", a, handle);
        Optional<TcHandle> classid = k.options().classid();
        return new FilterKind(new FilterOptions.Fw(classid), k.actions(), k.handle());
    }


    static final String U32_USAGE = """
            Usage: ... u32 [ match SELECTOR ... ] [ link HTID ] [ classid CLASSID ]
                           [ action ACTION_SPEC ] [ offset OFFSET_SPEC ]
                           [ ht HTID ] [ hashkey HASHKEY_SPEC ]
                           [ sample SAMPLE ] [skip_hw | skip_sw]
            or         u32 divisor DIVISOR

            Where: SELECTOR := SAMPLE SAMPLE ...
                   SAMPLE := { ip | ip6 | udp | tcp | icmp | u{32|16|8} | mark }
                             SAMPLE_ARGS [ divisor DIVISOR ]
                   FILTERID := X:Y:Z

            NOTE: CLASSID is parsed at hexadecimal input.
            """;
}
