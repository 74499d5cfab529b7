package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.TcHandle;

import java.lang.foreign.MemorySegment;

/** RTM_*QDISC: {@code struct tcmsg} and TCA_*, as tc 6.1's {@code tc qdisc} writes them (tc/tc_qdisc.c). */
public final class QdiscCodec {
    private QdiscCodec() {}

    /** The message type of a qdisc in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWQDISC;

    /** How a request treats a qdisc that exists: tc's add, replace and change. */
    public enum Mode {
        /** {@code tc qdisc add}: NLM_F_CREATE | NLM_F_EXCL. */
        ADD(Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL),
        /** {@code tc qdisc replace}: NLM_F_CREATE | NLM_F_REPLACE. */
        REPLACE(Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE),
        /** {@code tc qdisc change}: neither (the qdisc must exist). */
        CHANGE(0);

        final int flags;

        Mode(int flags) {
            this.flags = flags;
        }
    }

    /** Decodes the RTM_NEWQDISC or RTM_DELQDISC at {@code off}. */
    public static Qdisc decode(MemorySegment s, long off, int len) throws ProtocolException {
        TcMsg.Common c = TcMsg.decode(s, off, len, "RTM_NEWQDISC");
        QdiscOptions options = QdiscKinds.decode(c.kind(), c.options());
        return new Qdisc(c.index(), TcHandle.of(c.handle()), TcHandle.of(c.parent()), options, c.info(), c.offloaded(), c.stats(),
                QdiscKinds.directPackets(c.kind(), c.options()), c.unknown());
    }

    /** The qdisc in an echo or reply at {@code off}, or null if the message is not RTM_NEWQDISC (the DELQDISC of the one replaced). */
    public static Qdisc decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == NEW ? decode(s, off, len) : null;
    }

    /** RTM_NEWQDISC as {@code tc qdisc add|replace|change dev LINK … [handle H] [estimator …] KIND OPTIONS} builds it. */
    public static void encodeModify(MessageWriter w, QdiscSpec spec, int ifindex, Mode mode, boolean echo) {
        int m = w.beginMessage(NEW, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | mode.flags | (echo ? Netlink.NLM_F_ECHO : 0));
        TcMsg.header(w, ifindex, spec.handle().map(TcHandle::value).orElse(0), spec.parent().value());
        TcMsg.kindAndEstimator(w, spec.kind(), spec.estimator());
        QdiscKinds.encode(w, spec.options());
        w.endMessage(m);
    }

    /**
     * RTM_DELQDISC of the qdisc at {@code parent} on {@code ifindex} ({@code tc qdisc del dev LINK root|parent P}),
     * naming its handle and kind when given (0, null: not), which the kernel then checks.
     */
    public static void encodeDelete(MessageWriter w, int ifindex, TcHandle parent, int handle, String kind) {
        int m = w.beginMessage(Rtnetlink.RTM_DELQDISC, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        TcMsg.header(w, ifindex, handle, parent.value());
        if (kind != null) w.attrString(Rtnetlink.TCA_KIND, kind);
        w.endMessage(m);
    }

    /** RTM_GETQDISC dump of every link's qdiscs, as {@code tc qdisc show} asks (the kernel lists all links whatever the ifindex). */
    public static void encodeDump(MessageWriter w) {
        int m = w.beginMessage(Rtnetlink.RTM_GETQDISC, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        TcMsg.header(w, 0, 0, 0);
        w.endMessage(m);
    }
}
