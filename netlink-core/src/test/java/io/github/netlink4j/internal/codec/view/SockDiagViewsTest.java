package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.SockDiagCodec;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.InetSocketView;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.UnixSocket;
import io.github.netlink4j.sockdiag.UnixSocketView;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The socket views against the records, message by message, on the replies ss received (golden/sockdiag: a TCP
 * listener with a connection on 127.0.0.1 and on ::1, a UDP socket, a UNIX listener with a connection).
 */
class SockDiagViewsTest {
    /** Every field of the inet view equals the record's. */
    static void sameInet(InetSocket r, InetSocketView v) throws Exception {
        String at = r.toString();
        byte[] b = new byte[16];
        assertEquals(r.protocol(), v.protocol(), at);
        assertEquals(r.family(), v.family(), at);
        assertEquals(r.state(), v.state(), at);
        assertEquals(r.localAddress(), v.localAddress(), at);
        int k = v.copyLocalAddress(b);
        assertEquals(r.localAddress(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
        assertEquals(r.localPort(), v.localPort(), at);
        assertEquals(r.remoteAddress(), v.remoteAddress(), at);
        k = v.copyRemoteAddress(b);
        assertEquals(r.remoteAddress(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
        assertEquals(r.remotePort(), v.remotePort(), at);
        assertEquals(r.boundDevice().orElse(0), v.boundDevice(), at);
        assertEquals(r.receiveQueue(), v.receiveQueue(), at);
        assertEquals(r.sendQueue(), v.sendQueue(), at);
        assertEquals(r.uid(), v.uid(), at);
        assertEquals(r.inode(), v.inode(), at);
        assertEquals(r.cookie(), v.cookie(), at);
    }

    /** Every field of the UNIX view equals the record's. */
    static void sameUnix(UnixSocket r, UnixSocketView v) {
        String at = r.toString();
        assertEquals(r.type(), v.type(), at);
        assertEquals(r.state(), v.state(), at);
        assertEquals(r.inode(), v.inode(), at);
        assertEquals(r.path(), v.path(), at);
        r.path().ifPresent(p -> assertTrue(v.pathEquals(p), at));
        r.path().ifPresent(p -> assertFalse(v.pathEquals(p + "x"), at));
        r.path().ifPresent(p -> assertFalse(v.pathEquals(p.substring(0, p.length() - 1)), at));
        r.path().ifPresent(p -> assertFalse(v.pathEquals(p + "é"), at));
        assertFalse(v.pathEquals("/no/such/socket"), at);
        assertEquals(r.peerInode().orElse(0), v.peerInode(), at);
        assertEquals(r.receiveQueue(), v.receiveQueue(), at);
        assertEquals(r.sendQueue(), v.sendQueue(), at);
        assertEquals(r.cookie(), v.cookie(), at);
    }

    @Test
    void inetViewEqualsTheRecord() throws Exception {
        InetSocketFlyweight v = new InetSocketFlyweight();
        int[] seen = {0, 0};
        DumpViewsTest.Each tcp = (s, off, len) -> {
            InetSocket r = SockDiagCodec.decodeInet(s, off, len, SocketProtocol.TCP);
            v.open(s, off, len, SocketProtocol.TCP);
            sameInet(r, v);
            if (r.remotePort() != 0) seen[0]++;
            if (r.receiveQueue() != 0 || r.sendQueue() != 0) seen[1]++;
            v.end();
        };
        assertEquals(3, DumpViewsTest.each("sockdiag/tcp-dump", tcp));
        assertEquals(3, DumpViewsTest.each("sockdiag/tcp6-dump", tcp));
        assertEquals(1, DumpViewsTest.each("sockdiag/udp-dump", (s, off, len) -> {
            v.open(s, off, len, SocketProtocol.UDP);
            sameInet(SockDiagCodec.decodeInet(s, off, len, SocketProtocol.UDP), v);
            v.end();
        }));
        assertTrue(seen[0] >= 4 && seen[1] >= 1, Arrays.toString(seen)); // connected ends, and a queue that is not empty
    }

    @Test
    void unixViewEqualsTheRecord() throws Exception {
        UnixSocketFlyweight v = new UnixSocketFlyweight();
        int[] seen = {0, 0};
        assertEquals(3, DumpViewsTest.each("sockdiag/unix-dump", (s, off, len) -> {
            UnixSocket r = SockDiagCodec.decodeUnix(s, off, len);
            v.open(s, off, len);
            sameUnix(r, v);
            if (r.path().isPresent()) seen[0]++;
            if (r.peerInode().isPresent()) seen[1]++;
            v.end();
        }));
        assertTrue(seen[0] >= 1 && seen[1] >= 2, Arrays.toString(seen));
    }

    /** The captured listener's path turned abstract (its first byte a NUL): '@' and every byte after, as the record spells it. */
    @Test
    void anAbstractNameIsReadAsTheRecordReadsIt() throws Exception {
        byte[] b = Golden.bytes("sockdiag/unix-dump");
        // the first message's UNIX_DIAG_NAME: after nlmsghdr (16) and unix_diag_msg (16), an attribute of type 0
        assertEquals(0, b[32 + 2] | b[32 + 3]);
        b[32 + 4] = 0;
        b[32 + 8] = 0; // a NUL inside the name too: part of an abstract name
        MemorySegment s = MemorySegment.ofArray(b);
        int len = io.github.netlink4j.internal.wire.Nlmsg.len(s, 0);
        UnixSocket r = SockDiagCodec.decodeUnix(s, 0, len);
        assertTrue(r.path().get().startsWith("@"), r.toString());
        UnixSocketFlyweight v = new UnixSocketFlyweight();
        v.open(s, 0, len);
        sameUnix(r, v);
        assertFalse(v.pathEquals(r.path().get().replace('\0', 'x')));
    }

    @Test
    void aMalformedMessageFailsAtOpenAsTheDecoderDoes() throws Exception {
        byte[] tcp = Golden.bytes("sockdiag/tcp-dump");
        int len = io.github.netlink4j.internal.wire.Nlmsg.len(MemorySegment.ofArray(tcp), 0);
        for (int[] change : new int[][] {{16, 7}, {17, 0}, {17, 13}}) { // family 7, state 0, state 13
            byte[] b = tcp.clone();
            b[change[0]] = (byte) change[1];
            refusedByBoth(MemorySegment.ofArray(b), len, true);
        }
        refusedByBoth(MemorySegment.ofArray(tcp), 16 + 71, true); // no complete inet_diag_msg
        byte[] bad = tcp.clone();
        bad[16 + 72] = 3; // INET_DIAG_SHUTDOWN's length below 4
        refusedByBoth(MemorySegment.ofArray(bad), len, true);
        byte[] unix = Golden.bytes("sockdiag/unix-dump");
        int ulen = io.github.netlink4j.internal.wire.Nlmsg.len(MemorySegment.ofArray(unix), 0);
        for (int[] change : new int[][] {{16, 2}, {17, 9}, {18, 0}}) { // family AF_INET, type 9, state 0
            byte[] b = unix.clone();
            b[change[0]] = (byte) change[1];
            refusedByBoth(MemorySegment.ofArray(b), ulen, false);
        }
        refusedByBoth(MemorySegment.ofArray(unix), 16 + 15, false);
    }

    private static void refusedByBoth(MemorySegment s, int len, boolean inet) {
        if (inet) {
            assertThrows(ProtocolException.class, () -> SockDiagCodec.decodeInet(s, 0, len, SocketProtocol.TCP));
            assertThrows(ProtocolException.class, () -> new InetSocketFlyweight().open(s, 0, len, SocketProtocol.TCP));
        } else {
            assertThrows(ProtocolException.class, () -> SockDiagCodec.decodeUnix(s, 0, len));
            assertThrows(ProtocolException.class, () -> new UnixSocketFlyweight().open(s, 0, len));
        }
    }

    /** Every accessor of each socket view, called after its callback, throws. */
    @Test
    void everyAccessorOfAClosedViewThrows() throws Exception {
        InetSocketFlyweight inet = new InetSocketFlyweight();
        DumpViewsTest.each("sockdiag/tcp-dump", (s, off, len) -> {
            inet.open(s, off, len, SocketProtocol.TCP);
            inet.end();
        });
        UnixSocketFlyweight unix = new UnixSocketFlyweight();
        DumpViewsTest.each("sockdiag/unix-dump", (s, off, len) -> {
            unix.open(s, off, len);
            unix.end();
        });
        assertEquals(15, DumpViewsTest.everyAccessorThrows(inet, InetSocketView.class));
        assertEquals(9, DumpViewsTest.everyAccessorThrows(unix, UnixSocketView.class));
    }
}
