package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOffload;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;

import java.util.function.IntFunction;

/**
 * One filter as tc 6.1's print_filter and its kinds' print_fopt write it (tc_filter.c, f_u32.c,
 * f_matchall.c, f_basic.c, f_fw.c), text and JSON from the same calls. What the listing named (link,
 * parent, protocol, priority, chain) tc leaves out of each line, and so does this.
 */
final class FilterView {
    private FilterView() {}

    /** What the listing named: a field set here is not printed. Zero or null: not named. */
    record Shown(int ifindex, TcHandle parent, int protocol, int priority, Long chain) {}

    /** {@code pretty}: -p, u32's keys in words where tc has them (text only). */
    static void print(TcOut o, Filter f, Shown shown, IntFunction<String> linkNames, int stats, boolean pretty) {
        o.openRecord();
        o.fp("filter ");
        if (shown.ifindex() == 0 || shown.ifindex() != f.index()) {
            String dev = linkNames.apply(f.index());
            o.any("dev", dev, "dev " + dev + " ");
        }
        if (shown.parent() == null || !shown.parent().equals(f.parent())) {
            if (f.parent().equals(TcHandle.ROOT)) o.any("root", true, "root ");
            else if (f.parent().equals(FilterSpec.INGRESS)) o.any("ingress", true, "ingress ");
            else if (f.parent().equals(FilterSpec.EGRESS)) o.any("egress", true, "egress ");
            else o.any("parent", f.parent().toString(), "parent " + f.parent() + " ");
        }
        if (f.priority() != 0 || f.protocol().value() != 0) {
            if ((shown.protocol() == 0 || shown.protocol() != f.protocol().value()) && f.protocol().value() != 0) {
                o.any("protocol", f.protocol().toString(), "protocol " + f.protocol() + " ");
            }
            if ((shown.priority() == 0 || shown.priority() != f.priority()) && f.priority() != 0) {
                o.any("pref", f.priority(), "pref " + f.priority() + " ");
            }
        }
        o.any("kind", f.kind(), f.kind() + " ");
        if (shown.chain() == null || shown.chain() != f.chain()) o.any("chain", f.chain(), "chain " + f.chain() + " ");
        // the kernel sends a kind's options for a filter, not for the priority's head (handle 0)
        if (f.handle() != 0) {
            o.openObject("options");
            switch (f.options()) {
                case FilterOptions.U32 u -> u32(o, f, u, linkNames, stats, pretty);
                case FilterOptions.Matchall m -> simple(o, f, linkNames, stats, true);
                case FilterOptions.Basic b -> simple(o, f, linkNames, stats, false);
                case FilterOptions.Fw w -> simple(o, f, linkNames, stats, false);
                default -> throw TcFail.unsupported("printing " + f.kind() + " filters");
            }
            o.close();
        }
        o.nl();
        o.close();
    }

    /** u32_print_opt. */
    private static void u32(TcOut o, Filter f, FilterOptions.U32 u, IntFunction<String> linkNames, int stats, boolean pretty) {
        U32Handle h = new U32Handle(f.handle());
        o.any("fh", h.toString(), "fh " + h + " ");
        if (h.node() != 0) o.any("order", h.node(), "order " + h.node() + " ");
        U32Selector sel = u.selector().orElse(null);
        if (u.divisor().isPresent()) {
            o.any("ht_divisor", u.divisor().getAsLong(), "ht divisor " + u.divisor().getAsLong() + " ");
        } else if (u.hashTable().isPresent()) {
            U32Handle ht = u.hashTable().get();
            o.any("key_ht", Integer.toHexString(ht.htid()), "key ht " + Integer.toHexString(ht.htid()) + " ");
            o.any("bkt", Integer.toHexString(ht.hash()), "bkt " + Integer.toHexString(ht.hash()) + " ");
        }
        boolean terminal = sel != null && (sel.flags() & U32Selector.TERMINAL) != 0;
        if (u.classid().isPresent()) {
            if (terminal) o.fp("*");
            o.any("flowid", u.classid().get().toString(), "flowid " + u.classid().get() + " ");
        } else if (terminal) {
            o.fp("terminal flowid ");
        }
        u.link().ifPresent(l -> o.any("link", l.toString(), "link " + l + " "));
        flags(o, u.flags(), f.offload());
        if (sel != null) {
            for (U32Key k : sel.keys()) U32KeyView.print(o, k, f.protocol().value(), pretty);
            if ((sel.flags() & 0x0e) != 0) throw TcFail.unsupported("printing u32 offsets");
            if (sel.hmask() != 0) {
                o.nl();
                o.any("hash_mask", Long.toHexString(sel.hmask()), String.format("    hash mask %08x ", sel.hmask()));
                o.any("hash_off", sel.hoff(), "at " + sel.hoff() + " ");
            }
        }
        if (!f.actions().isEmpty()) ActionView.list(o, f.actions(), linkNames, stats, true);
    }

    /** The skip flags and the kernel's offload bits, as u32, matchall and flower print them. */
    private static void flags(TcOut o, int flags, FilterOffload offload) {
        if ((flags & 1) != 0) o.any("skip_hw", true, "skip_hw ");
        if ((flags & 2) != 0) o.any("skip_sw", true, "skip_sw ");
        if (offload == FilterOffload.IN_HW) o.any("in_hw", true, "in_hw ");
        else if (offload == FilterOffload.NOT_IN_HW) o.any("not_in_hw", true, "not_in_hw ");
    }

    /**
     * matchall_print_opt, basic_print_opt and fw_print_opt: the handle (matchall's a number in JSON, basic's
     * hexadecimal; fw writes text alone, even under -j), the class, matchall's flags each on a line, the actions.
     */
    private static void simple(TcOut o, Filter f, IntFunction<String> linkNames, int stats, boolean matchall) {
        String hex = "0x" + Long.toHexString(f.handle());
        if (f.options() instanceof FilterOptions.Fw) {
            o.fp("handle " + hex + " ");
            f.options().classid().ifPresent(c -> o.fp("classid " + c + " "));
            if (!f.actions().isEmpty()) o.fp("\n");
        } else {
            o.any("handle", matchall ? (Object) f.handle() : Long.toHexString(f.handle()), "handle " + hex + " ");
            f.options().classid().ifPresent(c -> o.any("flowid", c.toString(), "flowid " + c + " "));
        }
        if (matchall) {
            int flags = ((FilterOptions.Matchall) f.options()).flags();
            if ((flags & 1) != 0) o.any("skip_hw", true, "\n  skip_hw");
            if ((flags & 2) != 0) o.any("skip_sw", true, "\n  skip_sw");
            if (f.offload() == FilterOffload.IN_HW) o.any("in_hw", true, "\n  in_hw");
            else if (f.offload() == FilterOffload.NOT_IN_HW) o.any("not_in_hw", true, "\n  not_in_hw");
        }
        if (!f.actions().isEmpty()) ActionView.list(o, f.actions(), linkNames, stats, true);
    }
}
