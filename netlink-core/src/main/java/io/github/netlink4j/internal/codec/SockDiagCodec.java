package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.SockDiag;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocket;
import io.github.netlink4j.sockdiag.UnixSocketType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * SOCK_DIAG_BY_FAMILY: the dump requests ss(8) sends (inet_diag_req_v2 with the state mask and, for
 * ports, INET_DIAG_REQ_BYTECODE compiled as ss compiles {@code sport = :P}; unix_diag_req asking name,
 * peer and queue lengths) and the replies (inet_diag_msg, unix_diag_msg) as records.
 */
public final class SockDiagCodec {
    private SockDiagCodec() {}

    /** The type of every request and reply. */
    public static final int TYPE = SockDiag.SOCK_DIAG_BY_FAMILY;
    /** What ss shows of a UNIX socket: its name, its peer and its queues. */
    static final int UNIX_SHOW = SockDiag.UDIAG_SHOW_NAME | SockDiag.UDIAG_SHOW_PEER | SockDiag.UDIAG_SHOW_RQLEN;
    /** One port condition: the op, struct inet_diag_hostcond (family, prefix_len, pad, port) and an address of 4 bytes. */
    private static final int COND = 16;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;

    /** The idiag_states bits of {@code states}. */
    static int stateMask(Set<SocketState> states) {
        int mask = 0;
        for (SocketState s : states) mask |= 1 << s.value();
        // ss asks for NEW_SYN_RECV's sockets with SYN_RECV's bit; 1 << 12 is not a state the kernel filters by
        mask &= 0xfff;
        // every state: ss's SS_ALL, (1 << 12) - 1, whose bit 0 names no state; sent the same so the bytes are ss's
        return mask == 0xffe ? 0xfff : mask;
    }

    /** The dump of {@code query}'s sockets of {@code family}. */
    public static void encodeInetDump(MessageWriter w, SocketQuery query, AddressFamily family) {
        int m = w.beginMessage(TYPE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        byte[] req = new byte[SockDiag.INET_DIAG_REQ_V2];
        req[0] = (byte) family.value();
        req[1] = (byte) query.protocol().value();
        MemorySegment.ofArray(req).set(U32.withOrder(ByteOrder.nativeOrder()), 4, stateMask(query.states()));
        w.raw(req);
        int conds = (query.localPort().isPresent() ? 1 : 0) + (query.remotePort().isPresent() ? 1 : 0);
        if (conds > 0) w.attrBytes(SockDiag.INET_DIAG_REQ_BYTECODE, bytecode(query.localPort(), query.remotePort()));
        w.endMessage(m);
    }

    /**
     * The filter: one S_COND/D_COND per port, each jumping to the next on a match ({@code yes}) and past
     * the end, which rejects, on a miss ({@code no} = bytes left + 4), as ss compiles an "and".
     */
    static byte[] bytecode(OptionalInt local, OptionalInt remote) {
        int n = (local.isPresent() ? 1 : 0) + (remote.isPresent() ? 1 : 0);
        byte[] bc = new byte[n * COND];
        MemorySegment s = MemorySegment.ofArray(bc);
        int at = 0;
        if (local.isPresent()) at = cond(s, at, bc.length, SockDiag.INET_DIAG_BC_S_COND, local.getAsInt());
        if (remote.isPresent()) cond(s, at, bc.length, SockDiag.INET_DIAG_BC_D_COND, remote.getAsInt());
        return bc;
    }

    private static int cond(MemorySegment s, int at, int total, int code, int port) {
        s.set(ValueLayout.JAVA_BYTE, at, (byte) code);
        s.set(ValueLayout.JAVA_BYTE, at + 1, (byte) COND);
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), at + 2, (short) (total - at + 4));
        // hostcond: family AF_UNSPEC and prefix_len 0 (any address), then the port as a host-order int
        s.set(U32.withOrder(ByteOrder.nativeOrder()), at + 8, port);
        return at + COND;
    }

    /** The dump of every UNIX socket in {@code states}, with name, peer and queue lengths. */
    public static void encodeUnixDump(MessageWriter w, Set<SocketState> states) {
        int m = w.beginMessage(TYPE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        byte[] req = new byte[SockDiag.UNIX_DIAG_REQ];
        req[0] = SockDiag.AF_UNIX;
        MemorySegment r = MemorySegment.ofArray(req);
        r.set(U32.withOrder(ByteOrder.nativeOrder()), 4, stateMask(states));
        r.set(U32.withOrder(ByteOrder.nativeOrder()), 12, UNIX_SHOW);
        w.raw(req);
        w.endMessage(m);
    }

    /** An inet_diag_msg of {@code protocol} at {@code off} ({@code len} bytes). */
    public static InetSocket decodeInet(MemorySegment s, long off, int len, SocketProtocol protocol) throws ProtocolException {
        // checks the message holds an inet_diag_msg and lies inside the segment before any field is read
        Attrs a = Attrs.ofMessage(s, off, len, SockDiag.INET_DIAG_MSG, "SOCK_DIAG_BY_FAMILY", "inet_diag_msg");
        long b = off + Nlmsg.HDRLEN;
        int fam = u8(s, b);
        AddressFamily family = switch (fam) {
            case SockDiag.AF_INET -> AddressFamily.INET;
            case SockDiag.AF_INET6 -> AddressFamily.INET6;
            default -> throw new ProtocolException("inet_diag_msg of family " + fam + ", not AF_INET or AF_INET6");
        };
        SocketState state = state(u8(s, b + 1), "inet_diag_msg");
        int sport = u16be(s, b + 4), dport = u16be(s, b + 6);
        InetAddress src = address(s, b + 8, family), dst = address(s, b + 24, family);
        int ifindex = s.get(U32, b + 40);
        long cookie = s.get(U32, b + 44) & 0xffffffffL | (s.get(U32, b + 48) & 0xffffffffL) << 32;
        long rq = u32(s, b + 56), wq = u32(s, b + 60), uid = u32(s, b + 64), inode = u32(s, b + 68);
        // the attributes after it (INET_DIAG_SHUTDOWN, MARK, …) are not kept, but must be well formed
        while (a.next()) { }
        return new InetSocket(protocol, family, state, src, sport, dst, dport, ifindex == 0 ? OptionalInt.empty() : OptionalInt.of(ifindex),
                rq, wq, uid, inode, cookie);
    }

    /** A unix_diag_msg at {@code off} ({@code len} bytes). */
    public static UnixSocket decodeUnix(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, SockDiag.UNIX_DIAG_MSG, "SOCK_DIAG_BY_FAMILY", "unix_diag_msg");
        long b = off + Nlmsg.HDRLEN;
        if (u8(s, b) != SockDiag.AF_UNIX) throw new ProtocolException("unix_diag_msg of family " + u8(s, b) + ", not AF_UNIX");
        int t = u8(s, b + 1);
        UnixSocketType type;
        try {
            type = UnixSocketType.of(t);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("unix_diag_msg of socket type " + t);
        }
        SocketState state = state(u8(s, b + 2), "unix_diag_msg");
        long inode = u32(s, b + 4);
        long cookie = s.get(U32, b + 8) & 0xffffffffL | (s.get(U32, b + 12) & 0xffffffffL) << 32;
        Optional<String> path = Optional.empty();
        OptionalLong peer = OptionalLong.empty();
        long rq = 0, wq = 0;
        while (a.next()) {
            switch (a.type()) {
                case SockDiag.UNIX_DIAG_NAME -> path = Optional.of(name(a.bytes()));
                case SockDiag.UNIX_DIAG_PEER -> peer = OptionalLong.of(a.u32() & 0xffffffffL);
                case SockDiag.UNIX_DIAG_RQLEN -> {
                    if (a.payloadLength() != 8) throw new ProtocolException("UNIX_DIAG_RQLEN of " + a.payloadLength() + " bytes, not 8");
                    rq = u32(s, a.payloadOffset());
                    wq = u32(s, a.payloadOffset() + 4);
                }
                default -> { } // VFS, ICONS, MEMINFO, SHUTDOWN, UID: not asked for
            }
        }
        return new UnixSocket(type, state, inode, path, peer, rq, wq, cookie);
    }

    /** A sun_path as ss prints it: an abstract name (leading NUL) with '@' for the NUL, a path up to its NUL. */
    static String name(byte[] b) {
        if (b.length > 0 && b[0] == 0) return "@" + new String(b, 1, b.length - 1, java.nio.charset.StandardCharsets.UTF_8);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static SocketState state(int v, String what) throws ProtocolException {
        if (v < 1 || v > 12) throw new ProtocolException(what + " with state " + v + ", not a TCP state (1 to 12)");
        return SocketState.of(v);
    }

    private static InetAddress address(MemorySegment s, long at, AddressFamily f) {
        byte[] a = new byte[f == AddressFamily.INET ? 4 : 16];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at, a, 0, a.length);
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    private static int u8(MemorySegment s, long at) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
    }

    private static int u16be(MemorySegment s, long at) {
        return Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), at));
    }

    private static long u32(MemorySegment s, long at) {
        return s.get(U32, at) & 0xffffffffL;
    }
}
