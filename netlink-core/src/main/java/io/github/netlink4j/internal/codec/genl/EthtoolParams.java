package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.ethtool.Coalesce;
import io.github.netlink4j.genl.ethtool.Eee;
import io.github.netlink4j.genl.ethtool.Pause;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.spec.SpecValues;
import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * ethtool's pause, EEE and coalescing replies decoded into the records of {@code genl.ethtool}, read through
 * the spec's names ({@link SpecValues}) rather than attribute by attribute: the requests are the header
 * alone ({@link EthtoolCodec#encodeGet}), as ethtool -a, --show-eee and -c send them.
 */
public final class EthtoolParams {
    private EthtoolParams() {}

    /** The commands, as the spec numbers them (user space to kernel). */
    public static final int PAUSE_GET = ETHTOOL_MSG_PAUSE_GET, EEE_GET = ETHTOOL_MSG_EEE_GET, COALESCE_GET = ETHTOOL_MSG_COALESCE_GET;

    /** ETHTOOL_MSG_PAUSE_GET_REPLY. */
    public static Pause pause(MemorySegment s, long off, int len) throws ProtocolException {
        return pause(s, off, len, ETHTOOL_MSG_PAUSE_GET_REPLY, "ETHTOOL_MSG_PAUSE_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_PAUSE_NTF carries them too). */
    static Pause pause(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        Map<String, Object> a = attrs(s, off, len, cmd, what, "pause");
        Map<?, ?> h = header(a, what);
        return new Pause(name(h), index(h), bool(a, "autoneg"), bool(a, "rx"), bool(a, "tx"));
    }

    /** ETHTOOL_MSG_EEE_GET_REPLY. */
    public static Eee eee(MemorySegment s, long off, int len) throws ProtocolException {
        return eee(s, off, len, ETHTOOL_MSG_EEE_GET_REPLY, "ETHTOOL_MSG_EEE_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_EEE_NTF carries them too). */
    static Eee eee(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        Map<String, Object> a = attrs(s, off, len, cmd, what, "eee");
        Map<?, ?> h = header(a, what);
        Object timer = a.get("tx-lpi-timer");
        return new Eee(name(h), index(h), bool(a, "active"), bool(a, "enabled"), bool(a, "tx-lpi-enabled"),
                timer instanceof Long t ? OptionalLong.of(t) : OptionalLong.empty());
    }

    /** ETHTOOL_MSG_COALESCE_GET_REPLY: every number it carries; the header and the nested profiles are not parameters. */
    public static Coalesce coalesce(MemorySegment s, long off, int len) throws ProtocolException {
        return coalesce(s, off, len, ETHTOOL_MSG_COALESCE_GET_REPLY, "ETHTOOL_MSG_COALESCE_GET_REPLY");
    }

    /** The same attributes in message {@code cmd} (ETHTOOL_MSG_COALESCE_NTF carries them too). */
    static Coalesce coalesce(MemorySegment s, long off, int len, int cmd, String what) throws ProtocolException {
        Map<String, Object> a = attrs(s, off, len, cmd, what, "coalesce");
        Map<?, ?> h = header(a, what);
        Map<String, Long> params = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (v instanceof Long n) params.put(k, n);
        });
        return new Coalesce(name(h), index(h), params);
    }

    private static Map<String, Object> attrs(MemorySegment s, long off, int len, int cmd, String what, String set) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException(what + " of " + len + " bytes has no genlmsghdr");
        int got = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        if (got != cmd) throw new ProtocolException("expected " + what + " (command " + cmd + "), got command " + got);
        return SpecValues.decode(s, off + Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN, off + len, EthtoolSpec.SPEC, set);
    }

    private static Map<?, ?> header(Map<String, Object> a, String what) throws ProtocolException {
        if (a.get("header") instanceof Map<?, ?> h && h.get("dev-name") instanceof String) return h;
        throw new ProtocolException(what + " without ETHTOOL_A_HEADER_DEV_NAME");
    }

    private static String name(Map<?, ?> header) {
        return (String) header.get("dev-name");
    }

    private static int index(Map<?, ?> header) {
        return header.get("dev-index") instanceof Long i ? i.intValue() : 0;
    }

    private static Optional<Boolean> bool(Map<String, Object> a, String name) {
        return a.get(name) instanceof Long v ? Optional.of(v != 0) : Optional.empty();
    }
}
