package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.SpecMessage;
import io.github.netlink4j.genl.SpecOperation;
import io.github.netlink4j.genl.SpecRequestException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.spec.FamilySpec;
import io.github.netlink4j.internal.wire.spec.OpSpec;
import io.github.netlink4j.internal.wire.spec.SpecEncoder;
import io.github.netlink4j.internal.wire.spec.SpecPaths;
import io.github.netlink4j.internal.wire.spec.SpecValues;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests and replies of any family with a generated spec (an instance per family, for the handle; the
 * static functions take the spec), its attributes given and returned as trees of
 * values ({@link SpecEncoder}, {@link SpecValues}): what the spec-driven calls of
 * {@code GenericNetlink.spec(name)} and jynl send and read.
 */
public final class SpecCodec {
    private final FamilySpec spec;

    private SpecCodec(FamilySpec spec) {
        this.spec = spec;
    }

    /** The codec of the family named {@code family}, if the build generated its spec. */
    public static Optional<SpecCodec> of(String family) {
        return GenlSpecs.of(family).map(SpecCodec::new);
    }

    /** The family's name. */
    public String family() {
        return spec.name();
    }

    /** Every operation of the spec, in its order. */
    public List<SpecOperation> operations() {
        return spec.operations().stream()
                .map(o -> new SpecOperation(o.name(), !o.notification() && o.hasDo(), !o.notification() && o.hasDump(), o.notification()))
                .toList();
    }

    /** The names of the spec's multicast groups. */
    public List<String> groups() {
        return List.copyOf(spec.groups().keySet());
    }

    /**
     * The request command of {@code operation} as a dump or a do, once {@code values} are known to encode:
     * a {@link SpecRequestException} otherwise, before anything is sent (they are written to a scratch buffer).
     */
    public int check(String operation, boolean dump, Map<String, ?> values) {
        OpSpec op = requestOp(spec, operation, dump);
        encode(new MessageWriter(256), 0, 0, spec, op, dump, values);
        return op.request();
    }

    /** The request of {@code operation} to family {@code familyId} of {@code version}, checked first by {@link #check}. */
    public void encode(MessageWriter w, int familyId, int version, String operation, boolean dump, Map<String, ?> values) {
        encode(w, familyId, version, spec, requestOp(spec, operation, dump), dump, values);
    }

    /**
     * The attribute an extended-ACK {@code offset} points at in the request of {@code operation} with
     * {@code values}, in the spec's names joined by dots ({@code header.dev-name}, as YNL names it): the request
     * is written again to a scratch buffer, the same bytes {@link #encode} sent. Empty when the offset points
     * at no attribute.
     */
    public Optional<String> specPath(String operation, boolean dump, Map<String, ?> values, int offset) {
        MessageWriter w = new MessageWriter(256);
        encode(w, 0, 0, spec, requestOp(spec, operation, dump), dump, values);
        return Optional.ofNullable(SpecPaths.specPathAt(w.segment(), 0, offset, spec));
    }

    /** The message at {@code off}, by this family's spec. */
    public SpecMessage decode(MemorySegment s, long off, int len) throws ProtocolException {
        return decode(s, off, len, spec);
    }

    /**
     * A reply of a dump of {@code operation} at {@code off}: named by the operation when its command is the one
     * the spec gives that dump's replies (devlink's port-get dump answers with the command of get's replies),
     * else as {@link #decode} names it.
     */
    public SpecMessage decodeDumpReply(String operation, MemorySegment s, long off, int len) throws ProtocolException {
        OpSpec op = spec.op(operation);
        int head = Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN + spec.fixedHeader();
        if (len < head || op.set() == null || Nlmsg.u8(s, off + Nlmsg.HDRLEN) != spec.dumpReplyOf(op)) return decode(s, off, len, spec);
        return new SpecMessage(op.name(), SpecValues.decode(s, off + head, off + len, spec, op.set()));
    }

    /** The messages of family {@code familyId} in the datagram {@code [0, n)}. */
    public List<SpecMessage> decodeAll(MemorySegment s, int n, int familyId) throws ProtocolException {
        return decodeAll(s, n, familyId, spec);
    }

    /** Messages of one notification datagram decoded at most; the kernel packs far fewer. */
    private static final int MAX_MESSAGES = 4096;

    /**
     * The operation named {@code name} of {@code spec}, checked to be one a caller can send as a dump
     * ({@code dump}) or a do; a {@link SpecRequestException} naming it otherwise.
     */
    public static OpSpec requestOp(FamilySpec spec, String name, boolean dump) {
        OpSpec op = spec.operations().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new SpecRequestException(spec.name(), name, null, "the spec has no such operation"));
        if (op.notification() || op.request() < 0) throw new SpecRequestException(spec.name(), name, null, "is a notification, never asked for");
        if (dump && !op.hasDump()) throw new SpecRequestException(spec.name(), name, null, "cannot be dumped (do it instead)");
        if (!dump && !op.hasDo()) throw new SpecRequestException(spec.name(), name, null, "has no do (dump it instead)");
        return op;
    }

    /**
     * A request of {@code op} to the family with id {@code familyId} and {@code version}: a dump
     * (NLM_F_DUMP) or a do asking an ACK, the fixed header zeroed, {@code values} as attributes of the
     * operation's set.
     */
    public static void encode(MessageWriter w, int familyId, int version, FamilySpec spec, OpSpec op, boolean dump, Map<String, ?> values) {
        if (op.set() == null && !values.isEmpty()) throw new SpecRequestException(spec.name(), op.name(), null, "carries no attributes");
        int m = w.beginMessage(familyId, Netlink.NLM_F_REQUEST | (dump ? Netlink.NLM_F_DUMP : Netlink.NLM_F_ACK));
        w.genlmsghdr(op.request(), version);
        if (spec.fixedHeader() > 0) w.raw(new byte[spec.fixedHeader()]);
        if (op.set() != null) SpecEncoder.encode(w, spec, op.name(), op.set(), values);
        w.endMessage(m);
    }

    /** The message at {@code off}: its command names the operation, the operation's set its attributes. */
    public static SpecMessage decode(MemorySegment s, long off, int len, FamilySpec spec) throws ProtocolException {
        int head = Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN + spec.fixedHeader();
        if (len < head) throw new ProtocolException(spec.name() + " message of " + len + " bytes is shorter than its headers (" + head + ")");
        int cmd = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        OpSpec op = spec.opOfReply(cmd).filter(o -> o.set() != null).orElse(null);
        if (op == null) {
            // a command of a newer kernel: its attributes are numbered, not named
            Map<String, Object> raw = new LinkedHashMap<>();
            Attrs a = new Attrs().reset(s, off + head, off + len, spec.name() + " command " + cmd);
            while (a.next()) raw.put("attribute " + a.type(), a.bytes());
            return new SpecMessage("command " + cmd, raw);
        }
        return new SpecMessage(op.name(), SpecValues.decode(s, off + head, off + len, spec, op.set()));
    }

    /** The messages of family {@code familyId} in the datagram {@code [0, n)} of {@code s}; others (an nlmsgerr, a stray) are skipped. */
    public static List<SpecMessage> decodeAll(MemorySegment s, int n, int familyId, FamilySpec spec) throws ProtocolException {
        List<SpecMessage> out = new ArrayList<>();
        long off = 0;
        for (int i = 0; i < MAX_MESSAGES && off + Nlmsg.HDRLEN <= n; i++) {
            int len = Nlmsg.len(s, off);
            if (len < Nlmsg.HDRLEN || off + len > n) throw new ProtocolException("netlink message of " + len + " bytes at offset " + off + " of a " + n + "-byte datagram");
            if (Nlmsg.type(s, off) == familyId) out.add(decode(s, off, len, spec));
            off += Nlmsg.align(len);
        }
        return out;
    }
}
