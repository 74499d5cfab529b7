package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.filter.FilterOffload;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.Flower;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Each filter kind's TCA_OPTIONS: what a spec encodes to (its actions in the kind's TCA_*_ACT, where tc
 * puts them), what a reported kind decodes to (other kinds kept raw), and its attribute names for
 * extended-ACK paths.
 */
final class FilterKinds {
    private FilterKinds() {}

    /** A kind's options, the actions its TCA_*_ACT held and the offload bits of its TCA_*_FLAGS. */
    record Decoded(FilterOptions options, List<Action> actions, FilterOffload offload) {
        Decoded(FilterOptions options, List<Action> actions) {
            this(options, actions, FilterOffload.UNREPORTED);
        }
    }

    static void encode(MessageWriter w, FilterSpec spec, ToIntFunction<String> ifindex) {
        FilterOptions o = spec.options();
        if (o instanceof FilterOptions.Other other) {
            other.options().ifPresent(r -> w.attrBytes(Rtnetlink.TCA_OPTIONS | (r.isNest() ? Netlink.NLA_F_NESTED : 0), r.value()));
            return;
        }
        boolean acts = !spec.actions().isEmpty();
        int n = w.beginNest(Rtnetlink.TCA_OPTIONS);
        switch (o) {
            case FilterOptions.U32 u -> U32Codec.encode(w, u, acts, () -> ActionCodec.encodeList(w, PktCls.TCA_U32_ACT, spec.actions(), ifindex));
            case Flower f -> FlowerCodec.encode(w, f, spec.protocol(), () -> {
                if (acts) ActionCodec.encodeList(w, PktCls.TCA_FLOWER_ACT, spec.actions(), ifindex);
            });
            case FilterOptions.Matchall m -> {
                m.classid().ifPresent(c -> w.attrU32(PktCls.TCA_MATCHALL_CLASSID, c.value()));
                if (acts) ActionCodec.encodeList(w, PktCls.TCA_MATCHALL_ACT, spec.actions(), ifindex);
                if (m.flags() != 0) w.attrU32(PktCls.TCA_MATCHALL_FLAGS, m.flags());
            }
            case FilterOptions.Basic b -> {
                b.classid().ifPresent(c -> w.attrU32(PktCls.TCA_BASIC_CLASSID, c.value()));
                if (acts) ActionCodec.encodeList(w, PktCls.TCA_BASIC_ACT, spec.actions(), ifindex);
            }
            case FilterOptions.Fw f -> {
                f.classid().ifPresent(c -> w.attrU32(PktCls.TCA_FW_CLASSID, c.value()));
                if (acts) ActionCodec.encodeList(w, PktCls.TCA_FW_ACT, spec.actions(), ifindex);
            }
            case FilterOptions.Bpf b -> {
                // tc's order: what its option loop adds (classid, actions), then the program it loaded, then the flags
                b.classid().ifPresent(c -> w.attrU32(PktCls.TCA_BPF_CLASSID, c.value()));
                if (acts) ActionCodec.encodeList(w, PktCls.TCA_BPF_ACT, spec.actions(), ifindex);
                b.fd().ifPresent(fd -> w.attrU32(PktCls.TCA_BPF_FD, fd));
                b.name().ifPresent(name -> w.attrString(PktCls.TCA_BPF_NAME, name));
                if (b.directAction()) w.attrU32(PktCls.TCA_BPF_FLAGS, PktCls.TCA_BPF_FLAG_ACT_DIRECT);
            }
            case FilterOptions.Other other -> throw new AssertionError(other);
        }
        w.endNest(n);
    }

    /** The options of a filter of {@code kind} from its TCA_OPTIONS ({@code area}, null when there was none). */
    static Decoded decode(String kind, TcArea area) throws ProtocolException {
        try {
            return switch (kind) {
                case "u32" -> U32Codec.decode(area);
                case "flower" -> FlowerCodec.decode(area);
                case "matchall", "basic", "fw" -> simple(kind, area);
                case "bpf" -> bpf(area);
                default -> new Decoded(new FilterOptions.Other(kind, area == null ? Optional.empty() : Optional.of(area.raw())), List.of());
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("TCA_OPTIONS of " + kind + " filter: " + e.getMessage());
        }
    }

    /** matchall, basic and fw: a classid, actions and (matchall) flags, at the kind's own numbers. */
    private static Decoded simple(String kind, TcArea area) throws ProtocolException {
        int classidType = 1; // TCA_MATCHALL_CLASSID, TCA_BASIC_CLASSID, TCA_FW_CLASSID
        int actType = switch (kind) {
            case "matchall" -> PktCls.TCA_MATCHALL_ACT;
            case "basic" -> PktCls.TCA_BASIC_ACT;
            default -> PktCls.TCA_FW_ACT;
        };
        Optional<TcHandle> classid = Optional.empty();
        List<Action> actions = List.of();
        int flags = 0;
        FilterOffload offload = FilterOffload.UNREPORTED;
        Attrs a = area == null ? null : area.attrs(0);
        while (a != null && a.next()) {
            if (a.type() == classidType) classid = Optional.of(TcHandle.of(a.u32()));
            else if (a.type() == actType) actions = ActionCodec.decodeList(a.nestedAttrs(kind + " actions"));
            else if (kind.equals("matchall") && a.type() == PktCls.TCA_MATCHALL_FLAGS) {
                flags = a.u32() & (PktCls.TCA_CLS_FLAGS_SKIP_HW | PktCls.TCA_CLS_FLAGS_SKIP_SW);
                offload = FilterOffload.ofFlags(a.u32());
            }
        }
        FilterOptions o = switch (kind) {
            case "matchall" -> new FilterOptions.Matchall(classid, flags);
            case "basic" -> new FilterOptions.Basic(classid);
            default -> new FilterOptions.Fw(classid);
        };
        return new Decoded(o, actions, offload);
    }

    /** bpf's options as the kernel reports them; a classic-BPF filter (TCA_BPF_OPS) is kept raw, as {@link FilterOptions.Other}. */
    private static Decoded bpf(TcArea area) throws ProtocolException {
        Optional<TcHandle> classid = Optional.empty();
        Optional<String> name = Optional.empty();
        java.util.OptionalInt fd = java.util.OptionalInt.empty();
        java.util.OptionalInt id = java.util.OptionalInt.empty();
        boolean direct = false;
        List<Action> actions = List.of();
        Attrs a = area == null ? null : area.attrs(0);
        while (a != null && a.next()) {
            switch (a.type()) {
                case PktCls.TCA_BPF_CLASSID -> classid = Optional.of(TcHandle.of(a.u32()));
                case PktCls.TCA_BPF_ACT -> actions = ActionCodec.decodeList(a.nestedAttrs("bpf actions"));
                case PktCls.TCA_BPF_FD -> fd = java.util.OptionalInt.of(a.u32());
                case PktCls.TCA_BPF_NAME -> name = Optional.of(a.string());
                case PktCls.TCA_BPF_ID -> id = java.util.OptionalInt.of(a.u32());
                case PktCls.TCA_BPF_FLAGS -> direct = (a.u32() & PktCls.TCA_BPF_FLAG_ACT_DIRECT) != 0;
                case PktCls.TCA_BPF_OPS -> {
                    return new Decoded(new FilterOptions.Other("bpf", Optional.of(area.raw())), List.of());
                }
                default -> { }
            }
        }
        return new Decoded(new FilterOptions.Bpf(classid, fd, name, direct, id), actions);
    }

    /** The names inside a filter's TCA_OPTIONS, by kind, and inside its action list; null for kinds not modelled. */
    static AttrTable names(String kind) {
        String prefix = switch (kind) {
            case "u32" -> "TCA_U32_";
            case "flower" -> "TCA_FLOWER_";
            case "matchall" -> "TCA_MATCHALL_";
            case "basic" -> "TCA_BASIC_";
            case "fw" -> "TCA_FW_";
            case "bpf" -> "TCA_BPF_";
            default -> null;
        };
        if (prefix == null) return null;
        AttrTable t = AttrTable.of(PktCls.class, prefix, "TCA_BPF_FLAG_"); // TCA_BPF_FLAG_ACT_DIRECT is a flag bit, not an attribute
        int act = switch (kind) {
            case "u32" -> PktCls.TCA_U32_ACT;
            case "flower" -> PktCls.TCA_FLOWER_ACT;
            case "matchall" -> PktCls.TCA_MATCHALL_ACT;
            case "basic" -> PktCls.TCA_BASIC_ACT;
            case "bpf" -> PktCls.TCA_BPF_ACT;
            default -> PktCls.TCA_FW_ACT;
        };
        return t.nest(act, ActionCodec.listNames());
    }
}
