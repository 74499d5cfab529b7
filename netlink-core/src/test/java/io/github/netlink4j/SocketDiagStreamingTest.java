package io.github.netlink4j;

import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.InetSocketView;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocketView;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming socket dumps against {@code list()} and against ss(8) in one namespace, on sockets the test
 * opens there: TCP listeners and connections on 127.0.0.1 and ::1, enough UDP sockets that a dump takes more
 * than one datagram, UNIX sockets bound, connected and neither.
 */
class SocketDiagStreamingTest {
    private static final int UDP = 300;
    private ThrowawayNamespace t;
    private NetlinkClient nl;
    private final List<Closeable> open = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("views-more-sd");
        nl = t.client();
        nl.links().setUp("lo");
        dir = Files.createTempDirectory("nl4j-views-more");
        for (String host : List.of("127.0.0.1", "::1")) {
            ServerSocketChannel l = keep(t.ns().call(() -> ServerSocketChannel.open().bind(new InetSocketAddress(host, 0), 7)));
            int port = ((InetSocketAddress) l.getLocalAddress()).getPort();
            SocketChannel c = keep(t.ns().call(() -> SocketChannel.open(new InetSocketAddress(host, port))));
            keep(l.accept());
            c.write(java.nio.ByteBuffer.wrap(new byte[100])); // a receive queue that is not empty
        }
        for (int i = 0; i < UDP; i++) {
            String host = i % 2 == 0 ? "127.0.0.1" : "::1";
            keep(t.ns().call(() -> DatagramChannel.open().bind(new InetSocketAddress(host, 0))));
        }
        Path path = dir.resolve("s.sock");
        ServerSocketChannel u = keep(t.ns().call(() -> ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(path), 3)));
        keep(t.ns().call(() -> SocketChannel.open(UnixDomainSocketAddress.of(path))));
        keep(u.accept());
        keep(t.ns().call(() -> SocketChannel.open(StandardProtocolFamily.UNIX)));
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Closeable c : open) c.close();
        if (t != null) t.close();
        if (dir != null) try (var s = Files.list(dir)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        }
    }

    private <T extends Closeable> T keep(T c) {
        open.add(c);
        return c;
    }

    private List<String[]> ss(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", t.name(), "ss"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "ss " + cmd);
        return out.lines().skip(1).map(l -> l.trim().split("\\s+")).toList();
    }

    /** Every field the view offers, in one line. */
    private static String all(InetSocketView v) {
        return v.protocol() + " " + v.family() + " " + v.state() + " " + v.localAddress() + " " + v.localPort() + " " + v.remoteAddress() + " "
                + v.remotePort() + " " + v.boundDevice() + " " + v.receiveQueue() + " " + v.sendQueue() + " " + v.uid() + " " + v.inode() + " " + v.cookie();
    }

    private static String all(InetSocket r) {
        return r.protocol() + " " + r.family() + " " + r.state() + " " + r.localAddress() + " " + r.localPort() + " " + r.remoteAddress() + " "
                + r.remotePort() + " " + r.boundDevice().orElse(0) + " " + r.receiveQueue() + " " + r.sendQueue() + " " + r.uid() + " " + r.inode() + " " + r.cookie();
    }

    /** ss's columns (state, queues, ends, inode) from a view, as SocketDiagTest makes them from a record. */
    private static String ssFields(InetSocketView v) {
        return v.state().ssName() + " " + v.receiveQueue() + " " + v.sendQueue() + " " + SocketDiagTest.address(v.localAddress()) + " " + v.localPort()
                + " " + SocketDiagTest.address(v.remoteAddress()) + " " + v.remotePort() + " ino:" + v.inode();
    }

    private List<String> streamed(SocketQuery q, java.util.function.Function<InetSocketView, String> f) throws Exception {
        List<String> out = new ArrayList<>();
        nl.sockets().forEach(q, v -> out.add(f.apply(v)));
        return out.stream().sorted().toList();
    }

    @Test
    void tcpAndUdpStreamAsListedAndAsSsShowsThem() throws Exception {
        for (SocketQuery q : List.of(SocketQuery.tcp(), SocketQuery.udp())) {
            assertEquals(nl.sockets().list(q).stream().map(SocketDiagStreamingTest::all).sorted().toList(), streamed(q, SocketDiagStreamingTest::all), q.toString());
        }
        List<String> tcp = streamed(SocketQuery.tcp(), SocketDiagStreamingTest::ssFields);
        assertEquals(SocketDiagTest.ssInet(ss("-tane"), null), tcp);
        assertEquals(6, tcp.size(), tcp::toString); // two listeners, two connections of two ends
        List<String> udp = streamed(SocketQuery.udp(), SocketDiagStreamingTest::ssFields);
        assertEquals(SocketDiagTest.ssInet(ss("-uane"), null), udp);
        assertEquals(UDP, udp.size());
    }

    @Test
    void aFilteredDumpStreamsWhatItLists() throws Exception {
        int port = nl.sockets().list(SocketQuery.tcp().withStates(SocketState.LISTEN)).get(0).localPort();
        SocketQuery q = SocketQuery.tcp().withStates(SocketState.ESTABLISHED).withLocalPort(port);
        List<String> est = streamed(q, SocketDiagStreamingTest::all);
        assertEquals(nl.sockets().list(q).stream().map(SocketDiagStreamingTest::all).sorted().toList(), est);
        assertEquals(1, est.size(), est::toString);
        assertEquals(SocketDiagTest.ssInet(ss("-tane", "state", "established", "sport", "=", ":" + port), "ESTAB"),
                streamed(q, SocketDiagStreamingTest::ssFields));
    }

    @Test
    void unixSocketsStreamAsListedAndAsSsShowsThem() throws Exception {
        List<String> records = nl.sockets().listUnix().stream().map(s -> String.join(" ", s.type().ssName(), s.state().ssName(),
                String.valueOf(s.receiveQueue()), String.valueOf(s.sendQueue()), s.path().orElse("*"), String.valueOf(s.inode()),
                String.valueOf(s.peerInode().orElse(0)), String.valueOf(s.cookie()))).sorted().toList();
        List<String> views = new ArrayList<>();
        nl.sockets().forEachUnix((UnixSocketView v) -> views.add(String.join(" ", v.type().ssName(), v.state().ssName(), String.valueOf(v.receiveQueue()),
                String.valueOf(v.sendQueue()), v.path().orElse("*"), String.valueOf(v.inode()), String.valueOf(v.peerInode()), String.valueOf(v.cookie()))));
        assertEquals(records, views.stream().sorted().toList());
        assertEquals(4, views.size());
        List<String> theirs = ss("-xa").stream().map(f -> String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5], f[7])).sorted().toList();
        assertEquals(theirs, views.stream().map(x -> x.substring(0, x.lastIndexOf(' '))).sorted().toList());
        String path = dir.resolve("s.sock").toString();
        List<Long> bound = new ArrayList<>();
        nl.sockets().forEachUnix(EnumSet.of(SocketState.LISTEN), v -> { if (v.pathEquals(path)) bound.add(v.inode()); });
        assertEquals(1, bound.size());
    }

    @Test
    void aViewKeptAfterItsCallbackThrowsAndAFailingActionLeavesTheHandleReady() throws Exception {
        InetSocketView[] kept = new InetSocketView[1];
        nl.sockets().forEach(SocketQuery.tcp(), v -> kept[0] = v);
        assertThrows(IllegalStateException.class, kept[0]::localPort);
        UnixSocketView[] unix = new UnixSocketView[1];
        nl.sockets().forEachUnix(v -> unix[0] = v);
        assertThrows(IllegalStateException.class, unix[0]::inode);
        assertThrows(IllegalArgumentException.class, () -> nl.sockets().forEach(SocketQuery.udp(), v -> {
            throw new IllegalArgumentException("stop");
        }));
        assertEquals(UDP, nl.sockets().list(SocketQuery.udp()).size());
        assertThrows(IllegalArgumentException.class, () -> nl.sockets().forEachUnix(EnumSet.noneOf(SocketState.class), v -> { }));
    }
}
