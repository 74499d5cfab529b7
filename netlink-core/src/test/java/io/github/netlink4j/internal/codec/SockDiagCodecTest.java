package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocket;
import io.github.netlink4j.sockdiag.UnixSocketType;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCK_DIAG_BY_FAMILY both ways against ss(8) 6.1's own bytes (golden/sockdiag, captured by
 * scripts/capture-golden.py in a throwaway namespace): encode → the requests ss sent, the kernel's replies
 * to ss → the records.
 */
class SockDiagCodecTest {
    @Test
    void dumpRequestsAreTheBytesSsSends() {
        GoldenEncodeTest.assertEncodes("sockdiag/tcp-all", w -> SockDiagCodec.encodeInetDump(w, SocketQuery.tcp(), AddressFamily.INET));
        GoldenEncodeTest.assertEncodes("sockdiag/tcp6-all", w -> SockDiagCodec.encodeInetDump(w, SocketQuery.tcp(), AddressFamily.INET6));
        GoldenEncodeTest.assertEncodes("sockdiag/udp-all", w -> SockDiagCodec.encodeInetDump(w, SocketQuery.udp(), AddressFamily.INET));
        GoldenEncodeTest.assertEncodes("sockdiag/unix-all", w -> SockDiagCodec.encodeUnixDump(w, EnumSet.complementOf(EnumSet.of(SocketState.NEW_SYN_RECV))));
    }

    @Test
    void statesAndPortsAreFilteredInTheKernelAsSsCompilesThem() {
        GoldenEncodeTest.assertEncodes("sockdiag/tcp-listening-sport", w -> SockDiagCodec.encodeInetDump(w,
                SocketQuery.tcp().withStates(SocketState.LISTEN).withLocalPort(8080), AddressFamily.INET));
        GoldenEncodeTest.assertEncodes("sockdiag/tcp-sport-dport", w -> SockDiagCodec.encodeInetDump(w,
                SocketQuery.tcp().withLocalPort(8080).withRemotePort(443), AddressFamily.INET));
    }

    private static List<InetSocket> inet(String fixture, SocketProtocol p) throws ProtocolException {
        MemorySegment s = Golden.segment("sockdiag/" + fixture);
        List<InetSocket> out = new ArrayList<>();
        Messages m = new Messages().reset(s, s.byteSize());
        while (m.next()) out.add(SockDiagCodec.decodeInet(s, m.offset(), m.length(), p));
        return out;
    }

    @Test
    void tcpRepliesDecodeToTheSocketsSsPrinted() throws Exception {
        List<InetSocket> v4 = inet("tcp-dump", SocketProtocol.TCP);
        assertEquals(3, v4.size());
        InetSocket listener = v4.get(0);
        InetAddress lo = InetAddress.ofLiteral("127.0.0.1");
        assertEquals(new InetSocket(SocketProtocol.TCP, AddressFamily.INET, SocketState.LISTEN, lo, 8080, InetAddress.ofLiteral("0.0.0.0"), 0,
                OptionalInt.empty(), 0, 5, 0, 8568597, 0x326), listener);
        InetSocket client = v4.get(1);
        assertEquals(SocketState.ESTABLISHED, client.state());
        assertEquals(37840, client.localPort());
        assertEquals(8080, client.remotePort());
        assertEquals(8568598, client.inode());
        List<InetSocket> v6 = inet("tcp6-dump", SocketProtocol.TCP);
        assertEquals(AddressFamily.INET6, v6.get(0).family());
        assertEquals(InetAddress.ofLiteral("::1"), v6.get(0).localAddress());
        assertEquals(60318, v6.get(1).remotePort());
    }

    @Test
    void udpRepliesDecode() throws Exception {
        InetSocket u = inet("udp-dump", SocketProtocol.UDP).getFirst();
        assertEquals(SocketState.CLOSE, u.state());
        assertEquals("UNCONN", u.state().ssName());
        assertEquals(5353, u.localPort());
        assertEquals(8572188, u.inode());
    }

    @Test
    void unixRepliesDecodeWithNamesPeersAndQueues() throws Exception {
        MemorySegment s = Golden.segment("sockdiag/unix-dump");
        List<UnixSocket> out = new ArrayList<>();
        Messages m = new Messages().reset(s, s.byteSize());
        while (m.next()) out.add(SockDiagCodec.decodeUnix(s, m.offset(), m.length()));
        assertEquals(3, out.size());
        UnixSocket listener = out.get(0);
        assertEquals(UnixSocketType.STREAM, listener.type());
        assertEquals(SocketState.LISTEN, listener.state());
        assertEquals(Optional.of("/tmp/nl4j-golden-2298.sock"), listener.path());
        assertEquals(8574572, listener.inode());
        UnixSocket client = out.get(1);
        assertEquals(Optional.empty(), client.path());
        assertEquals(OptionalLong.of(8574574), client.peerInode());
        assertEquals(OptionalLong.of(8574573), out.get(2).peerInode());
    }

    @Test
    void abstractNamesArePrintedWithAnAt() {
        assertEquals("@nl4j", SockDiagCodec.name(new byte[]{0, 'n', 'l', '4', 'j'}));
        assertEquals("/run/x", SockDiagCodec.name(new byte[]{'/', 'r', 'u', 'n', '/', 'x', 0}));
    }

    @Test
    void aShortOrForeignMessageIsAProtocolError() {
        MemorySegment s = Golden.segment("sockdiag/tcp-dump");
        assertThrows(ProtocolException.class, () -> SockDiagCodec.decodeInet(s, 0, 16 + 71, SocketProtocol.TCP));
        MemorySegment u = Golden.segment("sockdiag/unix-dump");
        assertThrows(ProtocolException.class, () -> SockDiagCodec.decodeInet(u, 0, 84, SocketProtocol.TCP));
        assertThrows(ProtocolException.class, () -> SockDiagCodec.decodeUnix(s, 0, 124));
    }

    @Test
    void theStateMaskHasOneBitPerState() {
        assertEquals(1 << 10, SockDiagCodec.stateMask(EnumSet.of(SocketState.LISTEN)));
        assertEquals(0xfff, SockDiagCodec.stateMask(EnumSet.allOf(SocketState.class)));
        assertEquals(0x402, SockDiagCodec.stateMask(EnumSet.of(SocketState.LISTEN, SocketState.ESTABLISHED)));
        assertTrue(SockDiagCodec.bytecode(OptionalInt.empty(), OptionalInt.empty()).length == 0);
    }
}
