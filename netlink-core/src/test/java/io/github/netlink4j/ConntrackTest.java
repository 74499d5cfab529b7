package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackFilter;
import io.github.netlink4j.conntrack.ConntrackStatus;
import io.github.netlink4j.conntrack.ConntrackTuple;
import io.github.netlink4j.conntrack.TcpState;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conntrack through the API against conntrack-tools' {@code conntrack} on the same namespace: flows sent from
 * a client namespace to a server namespace whose nftables rule matches on ct state (which turns tracking on
 * there), and entries inserted with {@code conntrack -I}. Lists are compared line for line with
 * {@code conntrack -L -o extended,id}; deletions made by one side are checked on the other.
 */
class ConntrackTest {
    static final InetAddress CLIENT = InetAddress.ofLiteral("10.200.7.1");
    static final InetAddress SERVER = InetAddress.ofLiteral("10.200.7.2");
    private ThrowawayNamespace client, server;
    private Conntrack ct;

    @BeforeEach
    void setUp() throws IOException {
        client = ThrowawayNamespace.create("ct-c");
        server = ThrowawayNamespace.create("ct-s");
        NetlinkClient c = client.client();
        c.links().add(LinkSpec.veth("veth0", "veth1"));
        c.links().moveTo("veth1", server.ns());
        c.addresses().add(AddressSpec.of("veth0", "10.200.7.1/24"));
        c.links().setUp("veth0");
        NetlinkClient s = server.client();
        s.addresses().add(AddressSpec.of("veth1", "10.200.7.2/24"));
        s.links().setUp("veth1");
        s.links().setUp("lo");
        run(server, "sysctl", "-qw", "net.netfilter.nf_conntrack_acct=1", "net.netfilter.nf_conntrack_timestamp=1");
        run(server, "nft", "add table inet nl4j; add chain inet nl4j in { type filter hook input priority 0; ct state new,established,related counter accept; }");
        ct = s.conntrack();
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (client != null) client.close();
        } finally {
            if (server != null) server.close();
        }
    }

    /** Runs {@code cmd} in {@code ns} with ip netns exec; returns stdout, throws unless it exits 0. */
    static String run(ThrowawayNamespace ns, String... cmd) throws IOException {
        List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        a.addAll(Arrays.asList(cmd));
        Process p = new ProcessBuilder(a).redirectErrorStream(false).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(a + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(a + " exited " + p.exitValue() + ": " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }

    /** conntrack's lines with the timeout and delta-time (which tick between two reads) written T. */
    static Set<String> normalised(List<String> lines) {
        Set<String> out = new TreeSet<>();
        for (String l : lines) {
            if (l.isBlank()) continue;
            out.add(l.strip().replaceFirst("^((?:ipv[46] +\\d+ )?\\S+ +\\d+ )\\d+ ", "$1T ").replaceAll("delta-time=\\d+", "delta-time=T"));
        }
        return out;
    }

    Set<String> conntrackL(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("conntrack", "-L", "-o", "extended,id"));
        cmd.addAll(Arrays.asList(args));
        return normalised(Arrays.asList(run(server, cmd.toArray(String[]::new)).split("\n")));
    }

    static Set<String> ours(List<ConntrackEntry> entries) {
        Instant now = Instant.now();
        return normalised(entries.stream().map(e -> e.toText(true, true, now)).toList());
    }

    /**
     * Real flows (a TCP exchange with a server, a UDP datagram, a refused TCP connection) and inserted entries
     * (TCP with a mark, ICMP, UDP over IPv6 in zone 4) in the server's table.
     */
    void makeFlows() throws IOException {
        Process web = new ProcessBuilder("ip", "netns", "exec", server.name(), "socat", "TCP-LISTEN:8080,reuseaddr", "SYSTEM:echo hello")
                .redirectErrorStream(true).start();
        try {
            String got = "";
            for (int i = 0; i < 50 && !got.contains("hello"); i++) { // bounded: until the listener is up, 5 s at most
                try {
                    got = run(client, "socat", "-T", "2", "-", "TCP:10.200.7.2:8080");
                } catch (IOException notYet) {
                    sleep(100);
                }
            }
            assertTrue(got.contains("hello"), "the server answered");
        } finally {
            web.destroyForcibly();
        }
        run(client, "sh", "-c", "echo x | socat -u - UDP:10.200.7.2:5353");
        try {
            run(client, "socat", "-u", "/dev/null", "TCP:10.200.7.2:81,connect-timeout=2");
        } catch (IOException refused) {
            // the server answers with a RST: the entry is what this is for
        }
        run(server, "conntrack", "-I", "-s", "10.200.7.9", "-d", "10.200.7.2", "-p", "tcp", "--sport", "40000", "--dport", "80",
                "--state", "ESTABLISHED", "-t", "300", "-u", "ASSURED,SEEN_REPLY", "-m", "7");
        run(server, "conntrack", "-I", "-s", "10.200.7.1", "-d", "10.200.7.2", "-p", "icmp", "--icmp-type", "8", "--icmp-code", "0",
                "--icmp-id", "77", "-t", "30");
        run(server, "conntrack", "-I", "-s", "fd00:200::9", "-d", "fd00:200::2", "-p", "udp", "--sport", "1000", "--dport", "53",
                "-t", "300", "-w", "4", "-m", "0x107");
    }

    @Test
    void listIsWhatConntrackLists() throws IOException {
        makeFlows();
        Set<String> theirs = conntrackL();
        assertTrue(theirs.size() >= 5, theirs.toString());
        assertEquals(theirs, ours(ct.list()));
    }

    @Test
    void forEachSeesWhatListAndConntrackSee() throws IOException {
        makeFlows();
        java.util.List<String> records = new java.util.ArrayList<>();
        for (var e : ct.list()) {
            records.add(e.original().protocol() + " " + e.original().source().getHostAddress() + ":" + e.original().sourcePort().orElse(0) + " > "
                    + e.original().destination().getHostAddress() + ":" + e.original().destinationPort().orElse(0) + " " + e.rawStatus() + " " + e.mark().orElse(0));
        }
        java.util.List<String> views = new java.util.ArrayList<>();
        ct.forEach(v -> views.add(v.protocol() + " " + v.source().getHostAddress() + ":" + v.sourcePort() + " > " + v.destination().getHostAddress()
                + ":" + v.destinationPort() + " " + v.rawStatus() + " " + v.mark()));
        assertEquals(records.stream().sorted().toList(), views.stream().sorted().toList());
        // conntrack -L prints one line per entry and a summary on stderr
        assertEquals(run(server, "conntrack", "-L").lines().filter(l -> !l.isBlank()).count(), views.size());
        assertTrue(views.size() >= 3, views::toString);
    }

    @Test
    void plainLinesAreConntrackLsLines() throws IOException {
        makeFlows();
        Set<String> theirs = normalised(Arrays.asList(run(server, "conntrack", "-L").split("\n")));
        assertEquals(theirs, normalised(ct.list().stream().map(ConntrackEntry::toString).toList()));
    }

    @Test
    void filtersSelectWhatConntracksSelectorsSelect() throws IOException {
        makeFlows();
        assertEquals(conntrackL("-p", "udp"), ours(ct.list(ConntrackFilter.all().withProtocol(ConntrackTuple.UDP))));
        assertEquals(conntrackL("-f", "ipv6"), ours(ct.list(ConntrackFilter.all().withFamily(AddressFamily.INET6))));
        assertEquals(conntrackL("-m", "7/0xff"), ours(ct.list(ConntrackFilter.all().withMark(7, 0xff))));
        assertEquals(conntrackL("-w", "4"), ours(ct.list(ConntrackFilter.all().withZone(4))));
        assertEquals(conntrackL("-s", "10.200.7.1"), ours(ct.list(ConntrackFilter.all().withSource(CLIENT))));
        assertEquals(conntrackL("-p", "tcp", "--dport", "80"),
                ours(ct.list(ConntrackFilter.all().withProtocol(ConntrackTuple.TCP).withDestinationPort(80))));
        assertEquals(conntrackL("-u", "ASSURED"), ours(ct.list(ConntrackFilter.all().withStatus(Set.of(ConntrackStatus.ASSURED)))));
        assertEquals(2, ct.list(ConntrackFilter.all().withMark(7, 0xff)).size(), "7 and 0x107 agree under 0xff");
        assertEquals(conntrackL("-m", "7"), ours(ct.list(ConntrackFilter.all().withMark(7, 0xffffffffL))));
        assertEquals(1, ct.list(ConntrackFilter.all().withMark(7, 0xffffffffL)).size(), "only 7 under every bit");
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void countersAndTimestampsWhereTheNamespaceKeepsThem() throws IOException {
        makeFlows();
        ConntrackEntry web = ct.list(ConntrackFilter.all().withDestinationPort(8080)).getFirst();
        assertTrue(web.originalCounters().orElseThrow().packets() >= 3, web.toString());
        assertTrue(web.replyCounters().orElseThrow().bytes() > 0, web.toString());
        assertTrue(web.status().containsAll(Set.of(ConntrackStatus.SEEN_REPLY, ConntrackStatus.ASSURED)), web.toString());
        assertTrue(web.tcpState().isPresent());
        Instant start = web.start().orElseThrow();
        assertTrue(Math.abs(start.getEpochSecond() - Instant.now().getEpochSecond()) < 60, start.toString());
        assertEquals(CLIENT, web.original().source());
        ConntrackEntry ping = ct.list(ConntrackFilter.all().withProtocol(ConntrackTuple.ICMP)).getFirst();
        assertEquals(ConntrackTuple.icmp(CLIENT, SERVER, 8, 0, 77), ping.original());
    }

    @Test
    void getAndFindByTuple() throws IOException {
        makeFlows();
        ConntrackTuple t = ConntrackTuple.tcp(InetAddress.ofLiteral("10.200.7.9"), SERVER, 40000, 80);
        ConntrackEntry e = ct.get(t);
        assertEquals(TcpState.ESTABLISHED, e.tcpState().orElseThrow());
        assertEquals(7, e.mark().orElseThrow());
        // a get holds a reference while it answers (use=2): compared with conntrack's own get
        assertEquals(normalised(List.of(run(server, "conntrack", "-G", "-p", "tcp", "-s", "10.200.7.9", "-d", "10.200.7.2", "--sport", "40000",
                "--dport", "80", "-o", "extended,id").split("\n"))), ours(List.of(e)));
        ConntrackTuple missing = ConntrackTuple.tcp(InetAddress.ofLiteral("10.200.7.9"), SERVER, 40001, 80);
        assertTrue(ct.find(missing).isEmpty());
        NotFoundException nf = assertThrows(NotFoundException.class, () -> ct.get(missing));
        assertTrue(nf.getMessage().contains("sport=40001"), nf.getMessage());
        ConntrackTuple v6 = ConntrackTuple.udp(InetAddress.ofLiteral("fd00:200::9"), InetAddress.ofLiteral("fd00:200::2"), 1000, 53);
        assertTrue(ct.find(v6).isEmpty(), "zone 4, not the default zone");
        assertEquals(4, ct.find(v6, 4).orElseThrow().zone().getAsInt());
    }

    @Test
    void whatWeDeleteIsGoneForConntrack() throws IOException {
        makeFlows();
        ConntrackTuple t = ConntrackTuple.tcp(InetAddress.ofLiteral("10.200.7.9"), SERVER, 40000, 80);
        ct.delete(t);
        assertEquals(Set.of(), conntrackL("-s", "10.200.7.9"));
        assertFalse(conntrackL().isEmpty(), "the other entries stay");
        NotFoundException again = assertThrows(NotFoundException.class, () -> ct.delete(t));
        assertTrue(again.kernelError().isPresent());
        ConntrackTuple v6 = ConntrackTuple.udp(InetAddress.ofLiteral("fd00:200::9"), InetAddress.ofLiteral("fd00:200::2"), 1000, 53);
        ct.delete(v6, 4);
        assertEquals(Set.of(), conntrackL("-f", "ipv6"));
    }

    @Test
    void whatConntrackDeletesIsGoneForUs() throws IOException {
        makeFlows();
        run(server, "conntrack", "-D", "-p", "udp", "-s", "10.200.7.1");
        assertEquals(List.of(), ct.list(ConntrackFilter.all().withProtocol(ConntrackTuple.UDP).withSource(CLIENT)));
        assertEquals(conntrackL(), ours(ct.list()));
    }

    @Test
    void deleteAllDeletesWhatTheFilterSelects() throws IOException {
        makeFlows();
        int before = ct.list().size();
        BulkResult<Void> r = ct.deleteAll(ConntrackFilter.all().withSource(CLIENT));
        assertTrue(r.allSucceeded(), r.failures().toString());
        assertTrue(r.size() >= 3, "ping, UDP and TCP from the client: " + r.size());
        assertEquals(Set.of(), conntrackL("-s", "10.200.7.1"));
        assertEquals(before - r.size(), conntrackL().size());
    }

    @Test
    void flushEmptiesTheTableAndCountCountsIt() throws IOException {
        makeFlows();
        assertEquals(Long.parseLong(run(server, "conntrack", "-C").strip()), ct.count());
        assertTrue(ct.count() >= 5);
        ct.flush();
        assertEquals(Set.of(), conntrackL());
        assertEquals(0, ct.count());
    }

    @Test
    void statisticsHaveALinePerCpuAsConntrackS() throws IOException {
        List<String> theirs = Arrays.stream(run(server, "conntrack", "-S").split("\n")).filter(l -> !l.isBlank()).toList();
        var ours = ct.stats();
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(theirs.get(i).replaceAll("\\s+", " ").strip(), ours.get(i).toString().replaceAll("\\s+", " ").strip());
        }
    }
}
