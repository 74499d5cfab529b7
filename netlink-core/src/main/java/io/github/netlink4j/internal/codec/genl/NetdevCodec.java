package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.netdev.NetdevDevice;
import io.github.netlink4j.genl.netdev.NetdevEvent;
import io.github.netlink4j.genl.netdev.NetdevNapi;
import io.github.netlink4j.genl.netdev.NetdevQueue;
import io.github.netlink4j.genl.netdev.XdpFeature;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.spec.EnumSpec;
import io.github.netlink4j.internal.wire.spec.FamilySpec;
import io.github.netlink4j.internal.wire.spec.SpecTree;
import io.github.netlink4j.internal.wire.spec.SpecValues;
import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static io.github.netlink4j.internal.wire.spec.gen.Netdev.*;

/**
 * The netdev family's NETDEV_CMD_DEV_GET, NETDEV_CMD_QUEUE_GET, NETDEV_CMD_NAPI_GET and device notifications: requests written with the generated constants, replies decoded
 * through the spec's typed tree ({@link SpecTree}), the flag words named by the spec's own flag definitions.
 */
public final class NetdevCodec {
    private NetdevCodec() {}

    /** NETDEV_CMD_DEV_GET, NETDEV_CMD_QUEUE_GET and NETDEV_CMD_NAPI_GET, for the handle. */
    public static final int DEV_GET = NETDEV_CMD_DEV_GET, QUEUE_GET = NETDEV_CMD_QUEUE_GET, NAPI_GET = NETDEV_CMD_NAPI_GET;
    /** The multicast group of the device notifications. */
    public static final String MGMT = "mgmt";
    /** Messages of one notification datagram decoded at most; the kernel packs far fewer. */
    private static final int MAX_MESSAGES = 4096;
    private static final FamilySpec SPEC = NetdevSpec.SPEC;

    /** A dump of every device. */
    public static void encodeDump(MessageWriter w, GenlFamily f) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.genlmsghdr(NETDEV_CMD_DEV_GET, f.version());
        w.endMessage(m);
    }

    /** A do of device {@code index}. */
    public static void encodeGet(MessageWriter w, GenlFamily f, int index) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
        w.genlmsghdr(NETDEV_CMD_DEV_GET, f.version());
        w.attrU32(NETDEV_A_DEV_IFINDEX, index);
        w.endMessage(m);
    }

    /** The device in the reply at {@code off}. */
    public static NetdevDevice decode(MemorySegment s, long off, int len) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("netdev reply of " + len + " bytes has no genlmsghdr");
        List<SpecTree.Node> dev = SpecTree.decode(s, off + Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN, off + len, SPEC, "dev");
        long index = SpecTree.first(dev, "ifindex").orElseThrow(() -> new ProtocolException("NETDEV_CMD_DEV_GET reply without NETDEV_A_DEV_IFINDEX")).number();
        long xdp = SpecTree.first(dev, "xdp-features").map(SpecTree.Node::number).orElse(0L);
        Set<XdpFeature> features = EnumSet.noneOf(XdpFeature.class);
        for (String n : names("xdp-act", xdp)) {
            try {
                features.add(XdpFeature.ofSpecName(n));
            } catch (IllegalArgumentException newer) {
                // a flag of a newer spec than XdpFeature knows: kept in rawXdpFeatures
            }
        }
        OptionalLong zc = SpecTree.first(dev, "xdp-zc-max-segs").map(n -> OptionalLong.of(n.number())).orElse(OptionalLong.empty());
        return new NetdevDevice((int) index, xdp, features, zc,
                names("xdp-rx-metadata", SpecTree.first(dev, "xdp-rx-metadata-features").map(SpecTree.Node::number).orElse(0L)),
                names("xsk-flags", SpecTree.first(dev, "xsk-features").map(SpecTree.Node::number).orElse(0L)));
    }

    /** A dump of the queues of device {@code index}, or of every running device when it is 0. */
    public static void encodeQueueDump(MessageWriter w, GenlFamily f, int index) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.genlmsghdr(NETDEV_CMD_QUEUE_GET, f.version());
        if (index != 0) w.attrU32(NETDEV_A_QUEUE_IFINDEX, index);
        w.endMessage(m);
    }

    /** The queue in the reply at {@code off}. */
    public static NetdevQueue decodeQueue(MemorySegment s, long off, int len) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("netdev reply of " + len + " bytes has no genlmsghdr");
        Map<String, Object> q = SpecValues.decode(s, off + Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN, off + len, SPEC, "queue");
        if (!(q.get("ifindex") instanceof Long index) || !(q.get("id") instanceof Long id)) {
            throw new ProtocolException("NETDEV_CMD_QUEUE_GET reply without NETDEV_A_QUEUE_IFINDEX or NETDEV_A_QUEUE_ID");
        }
        NetdevQueue.Type type = switch (String.valueOf(q.get("type"))) {
            case "rx" -> NetdevQueue.Type.RX;
            case "tx" -> NetdevQueue.Type.TX;
            default -> throw new ProtocolException("NETDEV_CMD_QUEUE_GET reply with queue type " + q.get("type"));
        };
        OptionalInt napi = q.get("napi-id") instanceof Long n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
        return new NetdevQueue(index.intValue(), id.intValue(), type, napi);
    }

    /** A dump of the NAPI instances of device {@code index}, or of every running device when it is 0. */
    public static void encodeNapiDump(MessageWriter w, GenlFamily f, int index) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.genlmsghdr(NETDEV_CMD_NAPI_GET, f.version());
        if (index != 0) w.attrU32(NETDEV_A_NAPI_IFINDEX, index);
        w.endMessage(m);
    }

    /** The NAPI instance in the reply at {@code off}. */
    public static NetdevNapi decodeNapi(MemorySegment s, long off, int len) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("netdev reply of " + len + " bytes has no genlmsghdr");
        Map<String, Object> n = SpecValues.decode(s, off + Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN, off + len, SPEC, "napi");
        if (!(n.get("ifindex") instanceof Long index) || !(n.get("id") instanceof Long id)) {
            throw new ProtocolException("NETDEV_CMD_NAPI_GET reply without NETDEV_A_NAPI_IFINDEX or NETDEV_A_NAPI_ID");
        }
        return new NetdevNapi(index.intValue(), id.intValue(),
                n.get("irq") instanceof Long irq ? OptionalInt.of(irq.intValue()) : OptionalInt.empty(),
                n.get("pid") instanceof Long pid ? OptionalInt.of(pid.intValue()) : OptionalInt.empty(),
                n.get("defer-hard-irqs") instanceof Long d ? OptionalLong.of(d) : OptionalLong.empty(),
                n.get("gro-flush-timeout") instanceof Long t ? Optional.of(Duration.ofNanos(t)) : Optional.empty());
    }

    /**
     * The device notifications of the datagram {@code [0, n)} of {@code s} (NETDEV_CMD_DEV_ADD_NTF, _DEL_NTF,
     * _CHANGE_NTF of family {@code familyId}); other messages (another family's, page-pool notifications) are
     * skipped.
     */
    public static List<NetdevEvent> decodeEvents(MemorySegment s, int n, int familyId) throws ProtocolException {
        List<NetdevEvent> out = new ArrayList<>();
        long off = 0;
        for (int i = 0; i < MAX_MESSAGES && off + Nlmsg.HDRLEN <= n; i++) {
            int len = Nlmsg.len(s, off);
            if (len < Nlmsg.HDRLEN || off + len > n) throw new ProtocolException("netlink message of " + len + " bytes at offset " + off + " of a " + n + "-byte datagram");
            if (Nlmsg.type(s, off) == familyId) {
                if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("netdev notification of " + len + " bytes has no genlmsghdr");
                NetdevEvent.Action action = switch (Nlmsg.u8(s, off + Nlmsg.HDRLEN)) {
                    case NETDEV_CMD_DEV_ADD_NTF -> NetdevEvent.Action.ADD;
                    case NETDEV_CMD_DEV_DEL_NTF -> NetdevEvent.Action.DELETE;
                    case NETDEV_CMD_DEV_CHANGE_NTF -> NetdevEvent.Action.CHANGE;
                    default -> null;
                };
                if (action != null) out.add(new NetdevEvent(action, decode(s, off, len)));
            }
            off += Nlmsg.align(len);
        }
        return out;
    }

    private static Set<String> names(String flags, long mask) {
        EnumSpec e = SPEC.enumeration(flags).orElseThrow();
        return new LinkedHashSet<>(e.namesOf(mask));
    }
}
