package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.PktSched;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.FqCodel;
import io.github.netlink4j.tc.Netem;
import io.github.netlink4j.tc.Prio;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.Sfq;
import io.github.netlink4j.tc.Tbf;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Each kind's TCA_OPTIONS, by kind: what a spec's options encode to (a switch over the sealed records,
 * so a new kind does not compile until it is encoded), what a reported kind decodes to (kinds not listed
 * are kept raw), and the names of its attributes for extended-ACK paths.
 */
final class QdiscKinds {
    private QdiscKinds() {}

    static void encode(MessageWriter w, QdiscOptions o) {
        switch (o) {
            case QdiscOptions.Pfifo p -> FifoCodec.encode(w, p.limit());
            case QdiscOptions.Bfifo b -> FifoCodec.encode(w, b.limit().isPresent() ? java.util.OptionalLong.of(b.limit().get().bytes())
                    : java.util.OptionalLong.empty());
            case QdiscOptions.Htb h -> HtbCodec.encodeQdisc(w, h);
            case Tbf t -> TbfCodec.encode(w, t);
            case Netem n -> NetemCodec.encode(w, n);
            case FqCodel f -> FqCodelCodec.encode(w, f);
            case Prio p -> PrioCodec.encode(w, p);
            case Sfq s -> SfqCodec.encode(w, s);
            case QdiscOptions.Other other -> other.options().ifPresent(r ->
                    w.attrBytes(Rtnetlink.TCA_OPTIONS | (r.isNest() ? Netlink.NLA_F_NESTED : 0), r.value()));
            // No options to send: pfifo_fast's are fixed, clsact and ingress have none.
            case QdiscOptions.PfifoFast p -> { }
            case QdiscOptions.Clsact c -> { }
            case QdiscOptions.Ingress i -> { }
        }
    }

    /**
     * The options of a qdisc of {@code kind} from its TCA_OPTIONS ({@code area}, null when there was none).
     * A value no record takes (a hostile rate, a prio of 40 bands) is a ProtocolException, as any
     * malformed reply.
     */
    static QdiscOptions decode(String kind, TcArea area) throws ProtocolException {
        try {
            return switch (kind) {
                case "pfifo" -> FifoCodec.decodePfifo(area);
                case "bfifo" -> FifoCodec.decodeBfifo(area);
                case "pfifo_fast" -> PrioCodec.decodePfifoFast(area);
                case "htb" -> HtbCodec.decodeQdisc(area);
                case "tbf" -> TbfCodec.decode(area);
                case "clsact" -> new QdiscOptions.Clsact();
                case "ingress" -> new QdiscOptions.Ingress();
                case "netem" -> NetemCodec.decode(area);
                case "fq_codel" -> FqCodelCodec.decode(area);
                case "prio" -> PrioCodec.decodePrio(area);
                case "sfq" -> SfqCodec.decode(area);
                default -> new QdiscOptions.Other(kind, area == null ? Optional.empty() : Optional.of(area.raw()));
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("TCA_OPTIONS of " + kind + ": " + e.getMessage());
        }
    }

    /** htb's count of packets it sent unclassified, read from its TCA_OPTIONS; empty for the other kinds. */
    static OptionalLong directPackets(String kind, TcArea area) throws ProtocolException {
        return kind.equals("htb") ? HtbCodec.directPackets(area) : OptionalLong.empty();
    }

    static void encodeClass(MessageWriter w, ClassOptions o) {
        switch (o) {
            case ClassOptions.Htb h -> HtbCodec.encodeClass(w, h);
            case ClassOptions.Other other -> other.options().ifPresent(r ->
                    w.attrBytes(Rtnetlink.TCA_OPTIONS | (r.isNest() ? Netlink.NLA_F_NESTED : 0), r.value()));
        }
    }

    static ClassOptions decodeClass(String kind, TcArea area) throws ProtocolException {
        try {
            return kind.equals("htb") ? HtbCodec.decodeClass(area)
                    : new ClassOptions.Other(kind, area == null ? Optional.empty() : Optional.of(area.raw()));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("TCA_OPTIONS of " + kind + " class: " + e.getMessage());
        }
    }

    /** The names inside TCA_OPTIONS for the kinds whose options are a nest of attributes; null for the rest. */
    static AttrTable names(String kind) {
        return switch (kind) {
            case "htb" -> AttrTable.of(PktSched.class, "TCA_HTB_");
            case "tbf" -> AttrTable.of(PktSched.class, "TCA_TBF_");
            case "fq_codel" -> AttrTable.of(PktSched.class, "TCA_FQ_CODEL_");
            default -> null;
        };
    }
}
