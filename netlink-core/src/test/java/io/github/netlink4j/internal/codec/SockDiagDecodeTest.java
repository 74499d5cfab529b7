package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocket;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The socket-diagnostics decoders on messages built here field by field, for what the captured replies of
 * SockDiagCodecTest leave at zero: both halves of the cookie, a bound device, the unix queues in their
 * order, the first and last TCP states, and names at their edges.
 */
class SockDiagDecodeTest {
    private static MemorySegment native_(ByteBuffer b) {
        MemorySegment s = Arena.ofAuto().allocate(b.capacity());
        s.copyFrom(MemorySegment.ofArray(b.array()));
        return s;
    }

    /** An inet_diag_msg for 10.200.0.2:sport -> 10.200.0.3:dport, with its host-order fields as given. */
    private static MemorySegment inet(int state, int ifindex, long cookieLow, long cookieHigh) {
        ByteBuffer b = ByteBuffer.allocate(16 + 72).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(88).putShort((short) 20).putShort((short) 2).putInt(1).putInt(0);
        b.put((byte) 2).put((byte) state).put((byte) 0).put((byte) 0);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) 40001).putShort((short) 8080).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {10, (byte) 200, 0, 2}).put(new byte[12]).put(new byte[] {10, (byte) 200, 0, 3}).put(new byte[12]);
        b.putInt(ifindex).putInt((int) cookieLow).putInt((int) cookieHigh);
        b.putInt(0).putInt(5).putInt(6).putInt(1000).putInt((int) 0xfffffff1L);
        return native_(b);
    }

    /** A unix_diag_msg with inode 77, the given cookie and, if {@code rq >= 0}, UNIX_DIAG_RQLEN (rq, wq). */
    private static MemorySegment unix(long cookieLow, long cookieHigh, long rq, long wq, byte[] name) {
        int attrs = (rq >= 0 ? 12 : 0) + (name == null ? 0 : (4 + name.length + 3) & ~3);
        ByteBuffer b = ByteBuffer.allocate(16 + 16 + attrs).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(32 + attrs).putShort((short) 20).putShort((short) 2).putInt(1).putInt(0);
        b.put((byte) 1).put((byte) 1).put((byte) 10).put((byte) 0).putInt(77).putInt((int) cookieLow).putInt((int) cookieHigh);
        if (rq >= 0) b.putShort((short) 12).putShort((short) 4).putInt((int) rq).putInt((int) wq);
        if (name != null) {
            b.putShort((short) (4 + name.length)).putShort((short) 0).put(name);
            b.position(b.capacity());
        }
        return native_(b);
    }

    private static InetSocket decodeInet(MemorySegment s) throws ProtocolException {
        return SockDiagCodec.decodeInet(s, 0, (int) s.byteSize(), SocketProtocol.TCP);
    }

    private static UnixSocket decodeUnix(MemorySegment s) throws ProtocolException {
        return SockDiagCodec.decodeUnix(s, 0, (int) s.byteSize());
    }

    @Test
    void theCookieIsBothHalvesAndTheDeviceIsKeptWhenThereIsOne() throws ProtocolException {
        InetSocket t = decodeInet(inet(1, 7, 0x89abcdefL, 0x01234567L));
        assertEquals(0x0123456789abcdefL, t.cookie());
        assertEquals(OptionalInt.of(7), t.boundDevice());
        assertEquals(40001, t.localPort());
        assertEquals(8080, t.remotePort());
        assertEquals(5, t.receiveQueue());
        assertEquals(6, t.sendQueue());
        assertEquals(1000, t.uid());
        assertEquals(0xfffffff1L, t.inode());
        assertEquals(OptionalInt.empty(), decodeInet(inet(1, 0, 1, 0)).boundDevice());
    }

    @Test
    void statesOneToTwelveAreTcpStatesAndNoOthers() throws ProtocolException {
        assertEquals(SocketState.of(1), decodeInet(inet(1, 0, 0, 0)).state());
        assertEquals(SocketState.of(12), decodeInet(inet(12, 0, 0, 0)).state());
        assertThrows(ProtocolException.class, () -> decodeInet(inet(0, 0, 0, 0)));
        assertThrows(ProtocolException.class, () -> decodeInet(inet(13, 0, 0, 0)));
    }

    @Test
    void aUnixSocketsCookieAndQueuesInTheirOrder() throws ProtocolException {
        UnixSocket u = decodeUnix(unix(0xfedcba98L, 0x76543210L, 3, 0x80000000L, null));
        assertEquals(0x76543210fedcba98L, u.cookie());
        assertEquals(3, u.receiveQueue());
        assertEquals(0x80000000L, u.sendQueue());
        assertEquals(77, u.inode());
        assertEquals(Optional.empty(), u.path());
    }

    @Test
    void namesAtTheirEdges() throws ProtocolException {
        assertEquals(Optional.of("@"), decodeUnix(unix(0, 0, -1, 0, new byte[] {0})).path());
        assertEquals(Optional.of("@x"), decodeUnix(unix(0, 0, -1, 0, new byte[] {0, 'x'})).path());
        assertEquals(Optional.of("/a"), decodeUnix(unix(0, 0, -1, 0, new byte[] {'/', 'a', 0, 'z'})).path());
        assertEquals(Optional.of("/ab"), decodeUnix(unix(0, 0, -1, 0, new byte[] {'/', 'a', 'b'})).path());
        assertEquals("", SockDiagCodec.name(new byte[0]));
    }
}
