package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.WaitTimeoutException;
import io.github.netlink4j.sockdiag.InetSocket;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocket;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Socket diagnostics against ss(8), field by field, on sockets the test opens inside a throwaway
 * namespace: {@code ss -tane}, {@code ss -uane}, {@code ss -xa}, and ss's own state and port filters.
 */
class SocketDiagTest {
    private ThrowawayNamespace t;
    private NetlinkClient nl;
    private final List<Closeable> open = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("sockdiag");
        nl = t.client();
        nl.links().setUp("lo");
        dir = Files.createTempDirectory("nl4j-sockdiag");
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

    /** A listener on {@code host}, one connection to it and the accepted end; returns the listener's port. */
    private int tcpPair(String host) throws IOException {
        ServerSocketChannel l = keep(t.ns().call(() -> ServerSocketChannel.open().bind(new InetSocketAddress(host, 0), 7)));
        int port = ((InetSocketAddress) l.getLocalAddress()).getPort();
        SocketChannel c = keep(t.ns().call(() -> SocketChannel.open(new InetSocketAddress(host, port))));
        keep(l.accept());
        c.write(java.nio.ByteBuffer.wrap(new byte[100])); // 100 bytes in the accepted end's receive queue
        return port;
    }

    /** Runs ss inside the namespace and returns its lines after the header, each split on whitespace. */
    private List<String[]> ss(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", t.name(), "ss"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "ss " + cmd);
        return out.lines().skip(1).map(l -> l.trim().split("\\s+")).toList();
    }

    /** An address as a value both sides agree on: "any" for a wildcard, else the address's own text (v4-mapped ones as IPv4). */
    static String address(InetAddress a) {
        return a.isAnyLocalAddress() ? "any" : a.getHostAddress();
    }

    /** ss's "ADDR:PORT" ("[v6]:PORT", "*:*", "0.0.0.0:*") parsed into an address value and a port. */
    static String parsed(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        String host = endpoint.substring(0, colon), port = endpoint.substring(colon + 1);
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        String a = host.equals("*") ? "any" : address(InetAddress.ofLiteral(host.replaceAll("%.*", "")));
        return a + " " + (port.equals("*") ? "0" : port);
    }

    /** Our record as ss's fields: state, Recv-Q, Send-Q, local address and port, peer address and port, the inode of -e. */
    private static String fields(InetSocket s) {
        return s.state().ssName() + " " + s.receiveQueue() + " " + s.sendQueue() + " " + address(s.localAddress()) + " " + s.localPort()
                + " " + address(s.remoteAddress()) + " " + s.remotePort() + " ino:" + s.inode();
    }

    /** ss's lines as the same fields; {@code state} fills the column ss leaves out when one state is asked for. */
    static List<String> ssInet(List<String[]> lines, String state) {
        return lines.stream().map(f -> {
            List<String> c = new ArrayList<>(Arrays.asList(f));
            if (c.get(0).matches("\\d+")) c.add(0, state);
            return String.join(" ", c.get(0), c.get(1), c.get(2), parsed(c.get(3)), parsed(c.get(4)),
                    c.stream().filter(x -> x.startsWith("ino:")).findFirst().orElse("ino:0"));
        }).sorted().toList();
    }

    private static List<String> ssInet(List<String[]> lines) {
        return ssInet(lines, null);
    }

    @Test
    void tcpSocketsAreWhatSsShowsFieldByField() throws Exception {
        tcpPair("127.0.0.1");
        tcpPair("::1");
        List<InetSocket> ours = nl.sockets().list(SocketQuery.tcp());
        assertEquals(6, ours.size(), ours.toString());
        assertEquals(ssInet(ss("-tane")), ours.stream().map(SocketDiagTest::fields).sorted().toList());
        assertTrue(ours.stream().anyMatch(s -> s.state() == SocketState.ESTABLISHED && s.receiveQueue() == 100), ours.toString());
        assertTrue(ours.stream().allMatch(s -> s.uid() == 0 && s.protocol() == SocketProtocol.TCP));
    }

    @Test
    void udpSocketsAreWhatSsShows() throws Exception {
        keep(t.ns().call(() -> DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))));
        keep(t.ns().call(() -> DatagramChannel.open(StandardProtocolFamily.INET6).bind(new InetSocketAddress("::1", 0))));
        List<InetSocket> ours = nl.sockets().list(SocketQuery.udp());
        assertEquals(2, ours.size(), ours.toString());
        assertEquals(ssInet(ss("-uane")), ours.stream().map(SocketDiagTest::fields).sorted().toList());
        // the JDK's sockets are dual-stack: both are AF_INET6, the first bound to ::ffff:127.0.0.1
        assertEquals(ours.stream().filter(s -> s.family() == AddressFamily.INET6).toList(),
                nl.sockets().list(SocketQuery.udp().withFamily(AddressFamily.INET6)));
    }

    @Test
    void stateAndPortFiltersAreTheKernelsAndAgreeWithSs() throws Exception {
        int p1 = tcpPair("127.0.0.1");
        int p2 = tcpPair("127.0.0.1");
        List<InetSocket> listening = nl.sockets().list(SocketQuery.tcp().withStates(SocketState.LISTEN).withLocalPort(p1));
        assertEquals(1, listening.size());
        assertEquals(ssInet(ss("-tane", "state", "listening", "sport", "=", ":" + p1), "LISTEN"), listening.stream().map(SocketDiagTest::fields).toList());
        List<InetSocket> toP2 = nl.sockets().list(SocketQuery.tcp().withRemotePort(p2));
        assertEquals(1, toP2.size());
        assertEquals(ssInet(ss("-tane", "dport", "=", ":" + p2)), toP2.stream().map(SocketDiagTest::fields).toList());
        List<InetSocket> est = nl.sockets().list(SocketQuery.tcp().withStates(SocketState.ESTABLISHED).withLocalPort(p2));
        assertEquals(ssInet(ss("-tane", "state", "established", "sport", "=", ":" + p2), "ESTAB"), est.stream().map(SocketDiagTest::fields).toList());
        assertTrue(est.stream().allMatch(s -> s.matches(SocketQuery.tcp().withLocalPort(p2))));
        assertTrue(nl.sockets().isListening(SocketProtocol.TCP, p1));
        assertFalse(nl.sockets().isListening(SocketProtocol.TCP, 1));
    }

    @Test
    void unixSocketsAreWhatSsShows() throws Exception {
        Path path = dir.resolve("s.sock");
        ServerSocketChannel l = keep(t.ns().call(() -> ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(path), 3)));
        keep(t.ns().call(() -> SocketChannel.open(UnixDomainSocketAddress.of(path))));
        keep(l.accept());
        keep(t.ns().call(() -> SocketChannel.open(StandardProtocolFamily.UNIX))); // unbound, unconnected: UNCONN
        List<UnixSocket> ours = nl.sockets().listUnix();
        assertEquals(4, ours.size(), ours.toString());
        // Netid State Recv-Q Send-Q Local Port Peer Port: the peer's name is ss's lookup in its own list, left out
        List<String> theirs = ss("-xa").stream().map(f -> String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5], f[7])).sorted().toList();
        List<String> mine = ours.stream().map(s -> String.join(" ", s.type().ssName(), s.state().ssName(), String.valueOf(s.receiveQueue()),
                String.valueOf(s.sendQueue()), s.path().orElse("*"), String.valueOf(s.inode()),
                String.valueOf(s.peerInode().orElse(0)))).sorted().toList();
        assertEquals(theirs, mine);
    }

    @Test
    void aWaitForAListenerEndsWhenItListensAndTimesOutOtherwise() throws Exception {
        ServerSocketChannel l = keep(t.ns().call(ServerSocketChannel::open));
        int port;
        try (ServerSocketChannel probe = t.ns().call(() -> ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)))) {
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> nl.waits().listening(SocketProtocol.TCP, port, Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("port " + port), e.getMessage());
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
                l.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (Exception x) {
                throw new RuntimeException(x);
            }
        });
        long t0 = System.nanoTime();
        nl.waits().listening(SocketProtocol.TCP, port, Duration.ofSeconds(10));
        later.get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        assertTrue(nl.sockets().isListening(SocketProtocol.TCP, port));
    }
}
