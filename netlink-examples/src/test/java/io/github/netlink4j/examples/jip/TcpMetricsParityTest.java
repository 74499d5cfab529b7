package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip tcp_metrics} against {@code ip tcp_metrics} on caches filled by real connections in twin
 * throwaway namespaces: shows compared byte for byte with the entries' ages (which run on between the two
 * runs) masked; deletes and flushes run by ip in one twin and jip in the other, the caches compared after.
 */
class TcpMetricsParityTest {
    private ThrowawayNamespace byIp;
    private ThrowawayNamespace byJip;

    @BeforeEach
    void setUp() throws Exception {
        byIp = ThrowawayNamespace.create("tcpm-ip");
        byJip = ThrowawayNamespace.create("tcpm-jip");
        for (ThrowawayNamespace t : List.of(byIp, byJip)) fill(t);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (ThrowawayNamespace t : new ThrowawayNamespace[] {byIp, byJip}) if (t != null) t.close();
    }

    /** Loopback addresses and three closed connections (two IPv4 destinations, one IPv6), so three entries. */
    private static void fill(ThrowawayNamespace t) throws Exception {
        Ip.in(t.name(), "link", "set", "lo", "up");
        Ip.in(t.name(), "addr", "add", "10.200.0.1/32", "dev", "lo");
        Ip.in(t.name(), "addr", "add", "10.200.0.2/32", "dev", "lo");
        Ip.in(t.name(), "addr", "add", "fd00:200::1/128", "dev", "lo", "nodad");
        connect(t.ns(), "10.200.0.1", "10.200.0.2");
        connect(t.ns(), "10.200.0.2", "10.200.0.1");
        connect(t.ns(), "fd00:200::1", "fd00:200::1");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Ip.in(t.name(), "tcp_metrics").lines().count() < 3) {
            assertTrue(System.nanoTime() < deadline, "the kernel saved no metrics: " + Ip.in(t.name(), "tcp_metrics"));
            Thread.sleep(20);
        }
    }

    private static void connect(NetNamespace ns, String from, String to) throws IOException {
        // A loaded machine's CI run once saw ENETUNREACH completing a connect between two addresses of lo
        // added just before (not reproduced alone): the connection is setup here, not what is tested, so it
        // is tried up to three times.
        for (int attempt = 1; ; attempt++) {
            try {
                connectOnce(ns, from, to);
                return;
            } catch (SocketException e) {
                if (attempt == 3) throw e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void connectOnce(NetNamespace ns, String from, String to) throws IOException {
        ns.call(() -> {
            InetAddress dst = InetAddress.ofLiteral(to);
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(dst, 5001));
                try (Socket c = new Socket()) {
                    c.setSoTimeout(5000);
                    c.bind(new InetSocketAddress(InetAddress.ofLiteral(from), 0));
                    c.connect(new InetSocketAddress(dst, 5001), 5000);
                    try (Socket s = server.accept()) {
                        s.setSoTimeout(5000);
                        c.getOutputStream().write(new byte[32 * 1024]);
                        c.shutdownOutput();
                        InputStream in = s.getInputStream();
                        byte[] buf = new byte[16 * 1024];
                        for (long got = 0; got < 32 * 1024; ) {
                            int n = in.read(buf);
                            if (n < 0) break;
                            got += n;
                        }
                        s.getOutputStream().write(new byte[512]);
                    }
                }
            }
            return null;
        });
    }

    /** The cache's entries as destination and source: their measurements differ between the twins' connections. */
    private static List<String> entries(ThrowawayNamespace t) throws IOException {
        return Ip.in(t.name(), "tcp_metrics").lines().map(l -> l.split(" ")[0] + " " + l.substring(l.indexOf(" source "))).sorted().toList();
    }

    private static String masked(String s) {
        return s.replaceAll("age [0-9.]+sec", "age Xsec").replaceAll("\"age\": ?[0-9.e+-]+", "\"age\":X");
    }

    private static String ip(String ns, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("-n", ns));
        a.addAll(List.of(args));
        Ip.Result r = Ip.run(a.toArray(String[]::new));
        return r.exit() + "\n" + r.out() + "\n" + r.err();
    }

    private static String jip(String ns, String... args) {
        List<String> a = new ArrayList<>(List.of("-n", ns));
        a.addAll(List.of(args));
        JipParityTest.Run r = JipParityTest.jip(a.toArray(String[]::new));
        return r.exit() + "\n" + r.out() + "\n" + r.err();
    }

    @Test
    void showsAreByteIdenticalButForTheAge() throws IOException {
        String[][] shows = {
                {"tcp_metrics"}, {"tcp_metrics", "show"}, {"-j", "tcp_metrics", "show"}, {"-j", "-p", "tcp_metrics"},
                {"-4", "tcp_metrics"}, {"-6", "tcp_metrics", "show"}, {"tcp_metrics", "show", "10.200.0.0/24"},
                {"tcp_metrics", "show", "10.200.0.1"}, {"-j", "tcp_metrics", "show", "10.200.0.1"},
                {"tcp_metrics", "show", "address", "10.200.0.2"}, {"tcp_metrics", "show", "10.200.0.1", "src", "10.200.0.2"},
                {"tcpmetrics", "l"}, {"tcp_metrics", "show", "10.200.0.9"}, {"tcp_metrics", "show", "foo"},
                {"tcp_metrics", "show", "src", "10.200.0.1/24"}, {"tcp_metrics", "delete"}, {"tcp_metrics", "delete", "10.200.0.0/24"},
                {"tcp_metrics", "delete", "10.200.0.9"}, {"tcp_metrics", "bogus"}, {"tcp_metrics", "help"}};
        for (String[] show : shows) {
            String want = masked(ip(byIp.name(), show));
            assertTrue(want.contains("age Xsec") || want.contains("\"age\":X") || !want.startsWith("0\n1"), "the mask must hit: " + want);
            assertEquals(want, masked(jip(byIp.name(), show)), String.join(" ", show));
        }
    }

    @Test
    void deletesAndFlushesLeaveTheSameCache() throws IOException {
        String[][] steps = {{"tcp_metrics", "delete", "10.200.0.1"}, {"-6", "tcp_metrics", "flush"},
                {"tcp_metrics", "flush", "10.200.0.0/24"}, {"tcp_metrics", "flush", "10.200.0.0/24"}};
        for (String[] step : steps) {
            assertEquals(ip(byIp.name(), step), jip(byJip.name(), step), String.join(" ", step));
            assertEquals(entries(byIp), entries(byJip), "after " + String.join(" ", step));
        }
        assertEquals("0\n\n", ip(byJip.name(), "tcp_metrics"), "everything flushed");
    }

    @Test
    void flushingEverythingIsOneRequestThatEmptiesTheCache() throws IOException {
        assertEquals(ip(byIp.name(), "tcp_metrics", "flush"), jip(byJip.name(), "tcp_metrics", "flush"));
        assertEquals("0\n\n", ip(byIp.name(), "tcp_metrics"));
        assertEquals("0\n\n", ip(byJip.name(), "tcp_metrics"));
    }
}
