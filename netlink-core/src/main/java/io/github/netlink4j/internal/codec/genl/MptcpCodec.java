package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.mptcp.EndpointFlag;
import io.github.netlink4j.genl.mptcp.MptcpEndpoint;
import io.github.netlink4j.genl.mptcp.MptcpEndpointSpec;
import io.github.netlink4j.genl.mptcp.MptcpLimits;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.OptionalInt;

import static io.github.netlink4j.internal.wire.spec.gen.MptcpPm.*;

/**
 * The mptcp_pm family's requests, written as {@code ip mptcp} 6.1 writes them (golden/mptcp holds its
 * bytes): an endpoint is one MPTCP_PM_ATTR_ADDR nest, flagged NLA_F_NESTED, with its id, flags, device,
 * port, family and address in that order, each only when set. Numbers are the ones generated from the
 * kernel's mptcp_pm spec.
 */
public final class MptcpCodec {
    private MptcpCodec() {}

    /** The commands the handle sends. */
    public static final int ADD_ADDR = MPTCP_PM_CMD_ADD_ADDR, DEL_ADDR = MPTCP_PM_CMD_DEL_ADDR, GET_ADDR = MPTCP_PM_CMD_GET_ADDR,
            FLUSH_ADDRS = MPTCP_PM_CMD_FLUSH_ADDRS, SET_LIMITS = MPTCP_PM_CMD_SET_LIMITS, GET_LIMITS = MPTCP_PM_CMD_GET_LIMITS,
            SET_FLAGS = MPTCP_PM_CMD_SET_FLAGS;

    private static final int AF_INET = 2, AF_INET6 = 10;

    /** A dump of every endpoint. */
    public static void encodeDump(MessageWriter w, GenlFamily f) {
        int m = begin(w, f, GET_ADDR, Netlink.NLM_F_DUMP);
        w.endMessage(m);
    }

    /** A get of endpoint {@code id}: the reply is the endpoint or an error, no ACK (as ip asks). */
    public static void encodeGet(MessageWriter w, GenlFamily f, int id) {
        int m = begin(w, f, GET_ADDR, 0);
        address(w, OptionalInt.of(id), 0, 0, 0, null);
        w.endMessage(m);
    }

    /** Adds the endpoint {@code spec} describes; {@code ifindex} is its device's index, or 0. */
    public static void encodeAdd(MessageWriter w, GenlFamily f, MptcpEndpointSpec spec, int ifindex) {
        int m = begin(w, f, ADD_ADDR, Netlink.NLM_F_ACK);
        address(w, spec.id(), EndpointFlag.bits(spec.flags()), ifindex, spec.port().orElse(0), spec.address());
        w.endMessage(m);
    }

    /** Deletes endpoint {@code id} (1 to 255). */
    public static void encodeDelete(MessageWriter w, GenlFamily f, int id) {
        int m = begin(w, f, DEL_ADDR, Netlink.NLM_F_ACK);
        address(w, OptionalInt.of(id), 0, 0, 0, null);
        w.endMessage(m);
    }

    /** Deletes every endpoint. */
    public static void encodeFlush(MessageWriter w, GenlFamily f) {
        int m = begin(w, f, FLUSH_ADDRS, Netlink.NLM_F_ACK);
        w.endMessage(m);
    }

    /** Sets the backup and fullmesh flags of endpoint {@code id} to those in {@code flags} (no attribute: none). */
    public static void encodeSetFlags(MessageWriter w, GenlFamily f, int id, int flags) {
        int m = begin(w, f, SET_FLAGS, Netlink.NLM_F_ACK);
        address(w, OptionalInt.of(id), flags, 0, 0, null);
        w.endMessage(m);
    }

    /** Asks for the limits: the reply is them, no ACK (as ip asks). */
    public static void encodeGetLimits(MessageWriter w, GenlFamily f) {
        int m = begin(w, f, GET_LIMITS, 0);
        w.endMessage(m);
    }

    /** Sets the limits given (a negative value: left as it is), in ip's order. */
    public static void encodeSetLimits(MessageWriter w, GenlFamily f, long subflows, long addAddrAccepted) {
        int m = begin(w, f, SET_LIMITS, Netlink.NLM_F_ACK);
        if (addAddrAccepted >= 0) w.attrU32(MPTCP_PM_ATTR_RCV_ADD_ADDRS, (int) addAddrAccepted);
        if (subflows >= 0) w.attrU32(MPTCP_PM_ATTR_SUBFLOWS, (int) subflows);
        w.endMessage(m);
    }

    private static int begin(MessageWriter w, GenlFamily f, int cmd, int flags) {
        int m = w.beginMessage(f.id(), Netlink.NLM_F_REQUEST | flags);
        w.genlmsghdr(cmd, f.version());
        return m;
    }

    private static void address(MessageWriter w, OptionalInt id, int flags, int ifindex, int port, InetAddress address) {
        int nest = w.beginNest(MPTCP_PM_ATTR_ADDR | Netlink.NLA_F_NESTED);
        if (id.isPresent()) w.attrU8(MPTCP_PM_ADDR_ATTR_ID, id.getAsInt());
        if (flags != 0) w.attrU32(MPTCP_PM_ADDR_ATTR_FLAGS, flags);
        if (ifindex != 0) w.attrU32(MPTCP_PM_ADDR_ATTR_IF_IDX, ifindex);
        if (port != 0) w.attrU16(MPTCP_PM_ADDR_ATTR_PORT, port);
        if (address != null) {
            boolean v4 = address instanceof Inet4Address;
            w.attrU16(MPTCP_PM_ADDR_ATTR_FAMILY, v4 ? AF_INET : AF_INET6);
            w.attrBytes(v4 ? MPTCP_PM_ADDR_ATTR_ADDR4 : MPTCP_PM_ADDR_ATTR_ADDR6, address.getAddress());
        }
        w.endNest(nest);
    }

    /** The endpoint in the MPTCP_PM_CMD_GET_ADDR reply at {@code off}. */
    public static MptcpEndpoint decodeEndpoint(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, GenlCodec.GENL_HDRLEN, "MPTCP_PM_CMD_GET_ADDR reply", "genlmsghdr");
        while (a.next()) {
            if (a.type() == MPTCP_PM_ATTR_ADDR) return endpoint(a.nestedAttrs("MPTCP_PM_ATTR_ADDR"));
        }
        throw new ProtocolException("MPTCP_PM_CMD_GET_ADDR reply without MPTCP_PM_ATTR_ADDR");
    }

    private static MptcpEndpoint endpoint(Attrs a) throws ProtocolException {
        int id = -1, flags = 0;
        OptionalInt port = OptionalInt.empty(), ifindex = OptionalInt.empty();
        InetAddress v4 = null, v6 = null;
        while (a.next()) {
            switch (a.type()) {
                case MPTCP_PM_ADDR_ATTR_ID -> id = a.u8();
                case MPTCP_PM_ADDR_ATTR_FLAGS -> flags = a.u32();
                case MPTCP_PM_ADDR_ATTR_PORT -> {
                    int p = a.u16();
                    port = p == 0 ? OptionalInt.empty() : OptionalInt.of(p);
                }
                case MPTCP_PM_ADDR_ATTR_IF_IDX -> {
                    int i = a.u32();
                    ifindex = i == 0 ? OptionalInt.empty() : OptionalInt.of(i);
                }
                case MPTCP_PM_ADDR_ATTR_ADDR4 -> v4 = Inet.decode(a);
                case MPTCP_PM_ADDR_ATTR_ADDR6 -> v6 = Inet.decode(a);
                default -> { } // MPTCP_PM_ADDR_ATTR_FAMILY is implied by the address; newer attributes are skipped
            }
        }
        if (id < 0) throw new ProtocolException("MPTCP endpoint without MPTCP_PM_ADDR_ATTR_ID");
        InetAddress address = v4 != null ? v4 : v6;
        if (address == null) throw new ProtocolException("MPTCP endpoint " + id + " without an address");
        return new MptcpEndpoint(id, address, port, flags, EndpointFlag.of(flags), ifindex);
    }

    /** The limits in the MPTCP_PM_CMD_GET_LIMITS reply at {@code off}. */
    public static MptcpLimits decodeLimits(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, GenlCodec.GENL_HDRLEN, "MPTCP_PM_CMD_GET_LIMITS reply", "genlmsghdr");
        long subflows = -1, accepted = -1;
        while (a.next()) {
            if (a.type() == MPTCP_PM_ATTR_SUBFLOWS) subflows = a.u32() & 0xFFFF_FFFFL;
            else if (a.type() == MPTCP_PM_ATTR_RCV_ADD_ADDRS) accepted = a.u32() & 0xFFFF_FFFFL;
        }
        if (subflows < 0 || accepted < 0) throw new ProtocolException("MPTCP_PM_CMD_GET_LIMITS reply without both limits");
        if (subflows > Integer.MAX_VALUE || accepted > Integer.MAX_VALUE) throw new ProtocolException("MPTCP limits out of range");
        return new MptcpLimits((int) subflows, (int) accepted);
    }
}
