package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlMessage;
import io.github.netlink4j.genl.GenlMulticastGroup;
import io.github.netlink4j.genl.GenlOperation;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Genetlink;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic netlink messages: struct genlmsghdr (cmd, version, reserved) and attributes, and the
 * {@code nlctrl} family's CTRL_CMD_GETFAMILY, by which every other family's id is found.
 */
public final class GenlCodec {
    private GenlCodec() {}

    /** sizeof(struct genlmsghdr), already aligned (GENL_HDRLEN). */
    public static final int GENL_HDRLEN = 4;

    /** CTRL_CMD_GETFAMILY for the family named {@code name} (a get: the reply is the family or ENOENT). */
    public static void encodeGetFamily(MessageWriter w, String name) {
        int m = w.beginMessage(Genetlink.GENL_ID_CTRL, Netlink.NLM_F_REQUEST);
        w.genlmsghdr(Genetlink.CTRL_CMD_GETFAMILY, 2);
        w.attrString(Genetlink.CTRL_ATTR_FAMILY_NAME, name);
        w.endMessage(m);
    }

    /** CTRL_CMD_GETFAMILY dump: every family registered. */
    public static void encodeDumpFamilies(MessageWriter w) {
        int m = w.beginMessage(Genetlink.GENL_ID_CTRL, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.genlmsghdr(Genetlink.CTRL_CMD_GETFAMILY, 2);
        w.endMessage(m);
    }

    /** A dump of {@code command} of {@code family}, {@code attributes} its filter. */
    public static void encodeDump(MessageWriter w, GenlFamily family, int command, List<RawAttribute> attributes) {
        encodeRequest(w, family, command, Netlink.NLM_F_DUMP, attributes);
    }

    /** A "do" of {@code command} of {@code family}, asking an ACK. */
    public static void encodeDo(MessageWriter w, GenlFamily family, int command, List<RawAttribute> attributes) {
        encodeRequest(w, family, command, Netlink.NLM_F_ACK, attributes);
    }

    /** A request of {@code family}: {@code flags} (NLM_F_REQUEST added), its command, version and attributes. */
    static void encodeRequest(MessageWriter w, GenlFamily family, int command, int flags, List<RawAttribute> attributes) {
        int m = w.beginMessage(family.id(), Netlink.NLM_F_REQUEST | flags);
        w.genlmsghdr(command, family.version());
        if (family.headerSize() > 0) w.raw(new byte[family.headerSize()]); // a family header, zeroed
        for (RawAttribute a : attributes) w.attrBytes(a.type() | (a.isNest() ? Netlink.NLA_F_NESTED : 0), a.value());
        w.endMessage(m);
    }

    /** The family in the CTRL_CMD_NEWFAMILY message at {@code off}. */
    public static GenlFamily decodeFamily(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, GENL_HDRLEN, "CTRL_CMD_NEWFAMILY", "genlmsghdr");
        String name = null;
        int id = -1, version = 0, hdr = 0, max = 0;
        List<GenlOperation> ops = new ArrayList<>();
        List<GenlMulticastGroup> groups = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case Genetlink.CTRL_ATTR_FAMILY_NAME -> name = a.string();
                case Genetlink.CTRL_ATTR_FAMILY_ID -> id = a.u16();
                case Genetlink.CTRL_ATTR_VERSION -> version = a.u32();
                case Genetlink.CTRL_ATTR_HDRSIZE -> hdr = a.u32();
                case Genetlink.CTRL_ATTR_MAXATTR -> max = a.u32();
                case Genetlink.CTRL_ATTR_OPS -> {
                    Attrs list = a.nestedAttrs("CTRL_ATTR_OPS");
                    while (list.next()) {
                        Attrs op = list.nestedAttrs("CTRL_ATTR_OPS entry");
                        int cmd = -1, flags = 0;
                        while (op.next()) {
                            if (op.type() == Genetlink.CTRL_ATTR_OP_ID) cmd = op.u32();
                            else if (op.type() == Genetlink.CTRL_ATTR_OP_FLAGS) flags = op.u32();
                        }
                        if (cmd >= 0) ops.add(new GenlOperation(cmd, GenlOperation.Flag.fromBits(flags)));
                    }
                }
                case Genetlink.CTRL_ATTR_MCAST_GROUPS -> {
                    Attrs list = a.nestedAttrs("CTRL_ATTR_MCAST_GROUPS");
                    while (list.next()) {
                        Attrs g = list.nestedAttrs("CTRL_ATTR_MCAST_GROUPS entry");
                        String gname = null;
                        int gid = 0;
                        while (g.next()) {
                            if (g.type() == Genetlink.CTRL_ATTR_MCAST_GRP_NAME) gname = g.string();
                            else if (g.type() == Genetlink.CTRL_ATTR_MCAST_GRP_ID) gid = g.u32();
                        }
                        if (gname != null && gid > 0) groups.add(new GenlMulticastGroup(gname, gid));
                    }
                }
                default -> { }
            }
        }
        if (name == null || id < 0) throw new ProtocolException("CTRL_CMD_NEWFAMILY without a family name or id");
        return new GenlFamily(name, id, version, hdr, max, ops, groups);
    }

    /** The generic netlink message at {@code off}, its attributes kept raw; {@code headerSize} bytes of family header are skipped. */
    public static GenlMessage decodeMessage(MemorySegment s, long off, int len, int headerSize) throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GENL_HDRLEN + headerSize) throw new ProtocolException("generic netlink message of " + len + " bytes has no genlmsghdr");
        int cmd = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        int version = Nlmsg.u8(s, off + Nlmsg.HDRLEN + 1);
        Attrs a = Attrs.ofMessage(s, off, len, GENL_HDRLEN + headerSize, "generic netlink message", "genlmsghdr");
        List<RawAttribute> attrs = new ArrayList<>();
        while (a.next()) attrs.add(RawAttribute.of(a.type(), a.bytes()));
        return new GenlMessage(Nlmsg.type(s, off), cmd, version, attrs);
    }
}
