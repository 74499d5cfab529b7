package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassSpec;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/** RTM_*TCLASS: {@code struct tcmsg} and TCA_*, as tc 6.1's {@code tc class} writes them (tc/tc_class.c). */
public final class ClassCodec {
    private ClassCodec() {}

    /** The message type of a class in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWTCLASS;

    /** How a request treats a class that exists: tc's add, replace and change. */
    public enum Mode {
        /** {@code tc class add}: NLM_F_CREATE | NLM_F_EXCL. */
        ADD(Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL),
        /** {@code tc class replace}: NLM_F_CREATE alone (tc_class.c; classes are changed in place). */
        REPLACE(Netlink.NLM_F_CREATE),
        /** {@code tc class change}: neither (the class must exist). */
        CHANGE(0);

        final int flags;

        Mode(int flags) {
            this.flags = flags;
        }
    }

    /** Decodes the RTM_NEWTCLASS or RTM_DELTCLASS at {@code off}. */
    public static TrafficClass decode(MemorySegment s, long off, int len) throws ProtocolException {
        TcMsg.Common c = TcMsg.decode(s, off, len, "RTM_NEWTCLASS");
        ClassOptions options = QdiscKinds.decodeClass(c.kind(), c.options());
        Optional<TcHandle> leaf = c.info() == 0 ? Optional.empty() : Optional.of(TcHandle.of((int) c.info()));
        return new TrafficClass(c.index(), TcHandle.of(c.handle()), TcHandle.of(c.parent()), leaf, options, c.stats(), c.unknown());
    }

    /** The class in an echo or reply at {@code off}, or null if the message is not RTM_NEWTCLASS. */
    public static TrafficClass decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == NEW ? decode(s, off, len) : null;
    }

    /** RTM_NEWTCLASS as {@code tc class add|replace|change dev LINK parent P classid C [estimator …] KIND OPTIONS} builds it. */
    public static void encodeModify(MessageWriter w, TrafficClassSpec spec, int ifindex, Mode mode, boolean echo) {
        int m = w.beginMessage(NEW, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | mode.flags | (echo ? Netlink.NLM_F_ECHO : 0));
        TcMsg.header(w, ifindex, spec.classid().value(), spec.parent().value());
        TcMsg.kindAndEstimator(w, spec.kind(), spec.estimator());
        QdiscKinds.encodeClass(w, spec.options());
        w.endMessage(m);
    }

    /** RTM_DELTCLASS of class {@code classid} on {@code ifindex} ({@code tc class del dev LINK classid C}). */
    public static void encodeDelete(MessageWriter w, int ifindex, TcHandle classid) {
        int m = w.beginMessage(Rtnetlink.RTM_DELTCLASS, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        TcMsg.header(w, ifindex, classid.value(), 0);
        w.endMessage(m);
    }

    /**
     * RTM_GETTCLASS for class {@code classid} of {@code ifindex}; no ACK: the class or an error answers. As
     * for qdiscs, the kernel sends the class to the asker only with NLM_F_ECHO (tclass_get_notify).
     */
    public static void encodeGet(MessageWriter w, int ifindex, TcHandle classid) {
        int m = w.beginMessage(Rtnetlink.RTM_GETTCLASS, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ECHO);
        TcMsg.header(w, ifindex, classid.value(), 0);
        w.endMessage(m);
    }

    /** RTM_GETTCLASS dump of the classes of {@code ifindex} ({@code tc class show dev LINK}): the kernel lists one link's only. */
    public static void encodeDump(MessageWriter w, int ifindex) {
        int m = w.beginMessage(Rtnetlink.RTM_GETTCLASS, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        TcMsg.header(w, ifindex, 0, 0);
        w.endMessage(m);
    }
}
