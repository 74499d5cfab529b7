package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsEntry;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP metrics cache of a throwaway namespace, filled by real connections over its loopback (the kernel
 * saves an entry when a connection closes) and checked against {@code ip -j tcp_metrics} on the same state.
 */
class TcpMetricsTest {
    private static final InetAddress A = IpText.parse("10.200.0.1"), B = IpText.parse("10.200.0.2");
    private ThrowawayNamespace ns;
    private NetlinkClient nl;
    private TcpMetrics cache;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("tcpm");
        nl = ns.client();
        nl.links().setUp("lo");
        nl.addresses().add(AddressSpec.of("lo", "10.200.0.1/32"));
        nl.addresses().add(AddressSpec.of("lo", "10.200.0.2/32"));
        cache = nl.genl().tcpMetrics();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    /** One connection from {@code from} to {@code to}:5001 in the namespace, some data each way, closed. */
    private void connect(InetAddress from, InetAddress to) throws IOException {
        ns.ns().call(() -> {
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(to, 5001));
                try (Socket c = new Socket()) {
                    c.setSoTimeout(5000);
                    c.bind(new InetSocketAddress(from, 0));
                    c.connect(new InetSocketAddress(to, 5001), 5000);
                    try (Socket s = server.accept()) {
                        s.setSoTimeout(5000);
                        OutputStream out = c.getOutputStream();
                        out.write(new byte[64 * 1024]);
                        c.shutdownOutput();
                        InputStream in = s.getInputStream();
                        long got = 0;
                        byte[] buf = new byte[16 * 1024];
                        for (int n; got < 64 * 1024 && (n = in.read(buf)) > 0; ) got += n;
                        s.getOutputStream().write(new byte[1024]);
                    }
                }
            }
            return null;
        });
    }

    /** Waits (at most 5 s) for the kernel to have saved the entry of {@code dst}: it does so as the socket goes. */
    private TcpMetricsEntry saved(InetAddress dst) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<TcpMetricsEntry> e = cache.find(dst);
            if (e.isPresent()) return e.get();
            Thread.sleep(20);
        }
        throw new AssertionError("no tcp metrics entry for " + dst);
    }

    @Test
    void entriesAreTheOnesIpShows() throws Exception {
        connect(A, B);
        connect(B, A);
        saved(A);
        saved(B);
        List<TcpMetricsEntry> ours = cache.list();
        List<Map<String, Object>> ip = Json.array(Ip.in(ns.name(), "-j", "tcp_metrics", "show"));
        assertEquals(ip.size(), ours.size(), ip.toString());
        for (Map<String, Object> o : ip) {
            TcpMetricsEntry e = ours.stream().filter(x -> IpText.text(x.destination()).equals(o.get("dst"))).findFirst().orElseThrow();
            assertEquals(o.get("source"), e.source().map(IpText::text).orElse(null));
            assertEquals(((Number) o.get("rtt")).doubleValue(), e.rtt().orElseThrow().toNanos() / 1e9, 1e-9);
            assertEquals(((Number) o.get("rttvar")).doubleValue(), e.rttVariance().orElseThrow().toNanos() / 1e9, 1e-9);
            if (o.containsKey("cwnd")) assertEquals(((Number) o.get("cwnd")).longValue(), e.cwnd().orElseThrow());
            else assertFalse(e.cwnd().isPresent());
            if (o.containsKey("ssthresh")) assertEquals(((Number) o.get("ssthresh")).longValue(), e.ssthresh().orElseThrow());
            double ageIp = ((Number) o.get("age")).doubleValue();
            assertTrue(e.age().toMillis() / 1000.0 <= ageIp + 0.001, "ip read it after us: " + e.age() + " vs " + ageIp);
        }
        assertEquals(A, cache.get(A).destination());
        assertEquals(Optional.of(A), cache.get(B, A).source());
    }

    /** forEach's views say what list()'s records say, and what ip shows: destination, source, rtt, rttvar, cwnd, ssthresh. */
    @Test
    void entriesStreamAsListedAndAsIpShowsThem() throws Exception {
        connect(A, B);
        connect(B, A);
        saved(A);
        saved(B);
        List<String> records = cache.list().stream().map(e -> IpText.text(e.destination()) + " " + e.source().map(IpText::text) + " "
                + e.rtt().map(d -> d.toNanos() / 1000).orElse(0L) + " " + e.rttVariance().map(d -> d.toNanos() / 1000).orElse(0L) + " "
                + e.ssthresh().orElse(0) + " " + e.cwnd().orElse(0)).sorted().toList();
        List<String> views = new java.util.ArrayList<>();
        List<Long> ages = new java.util.ArrayList<>();
        cache.forEach(v -> {
            views.add(IpText.text(v.destination()) + " " + v.source().map(IpText::text) + " " + v.rttMicros() + " " + v.rttVarianceMicros() + " "
                    + v.ssthresh() + " " + v.cwnd());
            ages.add(v.ageMillis());
        });
        assertEquals(records, views.stream().sorted().toList());
        assertEquals(2, views.size());
        List<String> ip = Json.array(Ip.in(ns.name(), "-j", "tcp_metrics", "show")).stream().map(o -> o.get("dst") + " Optional[" + o.get("source")
                + "] " + Math.round(((Number) o.get("rtt")).doubleValue() * 1e6) + " " + Math.round(((Number) o.get("rttvar")).doubleValue() * 1e6) + " "
                + (o.containsKey("ssthresh") ? o.get("ssthresh") : 0) + " " + (o.containsKey("cwnd") ? o.get("cwnd") : 0)).sorted().toList();
        assertEquals(ip, views.stream().sorted().toList());
        assertTrue(ages.stream().allMatch(x -> x >= 0 && x < 60_000), ages::toString);
        io.github.netlink4j.genl.tcpmetrics.TcpMetricsView[] kept = new io.github.netlink4j.genl.tcpmetrics.TcpMetricsView[1];
        cache.forEach(v -> kept[0] = v);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, kept[0]::destination);
    }

    @Test
    void deletedEntriesAreGoneForIpAndIpsDeletesForUs() throws Exception {
        connect(A, B);
        connect(B, A);
        saved(A);
        saved(B);
        cache.delete(B, null);
        assertEquals(Optional.empty(), cache.find(B));
        Ip.Result shown = Ip.run("-n", ns.name(), "tcp_metrics", "show", "10.200.0.2");
        assertEquals(2, shown.exit(), "ip finds no entry we deleted: " + shown);
        NotFoundException again = assertThrows(NotFoundException.class, () -> cache.delete(B, null));
        assertTrue(again.kernelError().isPresent());
        assertThrows(NotFoundException.class, () -> cache.get(B));

        Ip.in(ns.name(), "tcp_metrics", "delete", "10.200.0.1");
        assertEquals(List.of(), cache.list());
    }

    @Test
    void flushEmptiesTheCache() throws Exception {
        connect(A, B);
        connect(B, A);
        saved(A);
        saved(B);
        cache.flush();
        assertEquals(List.of(), cache.list());
        assertEquals("", Ip.in(ns.name(), "tcp_metrics", "show"));
    }
}
