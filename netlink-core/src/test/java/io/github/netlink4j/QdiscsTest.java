package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NoSuchParentException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.UnsupportedQdiscKindException;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.Tbf;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStats;
import io.github.netlink4j.tc.TcTime;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Qdiscs in a throwaway namespace with two veth pairs, each checked against {@code tc -j -s qdisc show}:
 * what the library adds tc reports, what tc adds the library reports, and the kernel's refusals.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a request the kernel never answers fails, not hangs
class QdiscsTest {
    private ThrowawayNamespace t;
    private String ns;
    private NetlinkClient nl;
    private final Map<Integer, String> names = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("qdiscs");
        ns = t.name();
        nl = t.client();
        // IPv6 off: no neighbour discovery or MLD packet passes a qdisc unasked while counters are compared.
        Ip.in(ns, "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().add(LinkSpec.veth("veth2", "veth3"));
        for (String l : List.of("veth0", "veth1", "veth2", "veth3")) nl.links().setUp(l);
        for (var l : nl.links().list()) names.put(l.index(), l.name());
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    /** The qdisc tc lists with this one's link and handle. */
    private Map<String, Object> tcView(Qdisc q) throws IOException {
        String handle = Integer.toHexString(q.handle().major()) + ":";
        return Tc.qdiscs(ns).stream().filter(j -> names.get(q.index()).equals(j.get("dev")) && handle.equals(j.get("handle"))).findFirst()
                .orElseThrow(() -> new AssertionError("tc does not list " + q));
    }

    private static long n(Map<String, Object> j, String key) {
        return ((Number) j.get(key)).longValue();
    }

    /** Kind, handle, parent, refcnt and options as tc prints them in JSON; counters where {@code counters}. */
    private void assertAsTcReports(Qdisc q, boolean counters) throws IOException {
        Map<String, Object> j = tcView(q);
        assertEquals(j.get("kind"), q.kind(), q.toString());
        if (Boolean.TRUE.equals(j.get("root"))) assertEquals(TcHandle.ROOT, q.parent());
        else assertEquals(j.get("parent"), q.parent().toString());
        assertEquals(j.containsKey("refcnt") ? n(j, "refcnt") : 1, q.refcount(), "tc prints refcnt when it is not 1");
        @SuppressWarnings("unchecked") Map<String, Object> o = (Map<String, Object>) j.get("options");
        switch (q.options()) {
            case QdiscOptions.Htb h -> {
                assertEquals(n(o, "r2q"), h.r2q());
                assertEquals(o.get("default"), "0x" + Long.toHexString(h.defaultClass()));
                assertEquals(n(o, "direct_qlen"), h.directQlen().orElseThrow());
            }
            case Tbf tbf -> {
                assertEquals(n(o, "rate"), tbf.rate().bytesPerSecond(), "JSON rates are bytes/s");
                assertEquals(n(o, "burst"), tbf.burst().bytes());
                assertEquals(n(o, "lat"), TcTime.micros(tbf.latency()), "lat in µs, as tc computes it from the limit");
                assertEquals(o.containsKey("minburst") ? Optional.of(n(o, "minburst")) : Optional.empty(), tbf.mtu().map(Size::bytes));
            }
            case QdiscOptions.Pfifo p -> assertEquals(n(o, "limit"), p.limit().orElseThrow());
            case QdiscOptions.Bfifo b -> assertEquals(n(o, "limit"), b.limit().orElseThrow().bytes());
            case QdiscOptions.PfifoFast p -> {
                assertEquals(n(o, "bands"), p.bands());
                assertEquals(((List<?>) o.get("priomap")).stream().map(x -> ((Number) x).intValue()).toList(), p.priomap());
            }
            case QdiscOptions.Clsact c -> assertEquals(Map.of(), o);
            case QdiscOptions.Ingress i -> assertEquals(Map.of(), o);
            case QdiscOptions.Other other -> assertEquals(Map.of(), o, "noqueue has no options");
            default -> throw new AssertionError("this kernel has no " + q.kind());
        }
        if (!counters) return;
        TcStats s = q.stats().orElseThrow();
        for (var c : Map.of("bytes", s.bytes(), "packets", s.packets(), "drops", s.drops(), "overlimits", s.overlimits(), "requeues", s.requeues(),
                "backlog", s.backlog(), "qlen", s.qlen()).entrySet()) {
            assertEquals(n(j, c.getKey()), c.getValue(), c.getKey() + " of " + q);
        }
    }

    @Test
    void whatTheLibraryAddsTcReports() throws Exception {
        Qdisc htb = nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:")));
        assertEquals(new QdiscOptions.Htb(10, 0x10, java.util.OptionalLong.of(1000)), htb.options(), "the kernel's direct_qlen, the txqueuelen");
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))));
        Qdisc pfifo = nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("1:10"), QdiscOptions.pfifo().withLimit(50)).withHandle(TcHandle.of("10:")));
        Qdisc ingress = nl.qdiscs().add(QdiscSpec.ingress("veth0"));
        Qdisc tbf = nl.qdiscs().add(QdiscSpec.root("veth1", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"))));
        assertEquals(0x8000, tbf.handle().major() & 0x8000, "the kernel picked a handle, 8xxx:");
        Qdisc clsact = nl.qdiscs().add(QdiscSpec.clsact("veth1"));
        Qdisc bfifo = nl.qdiscs().add(QdiscSpec.root("veth2", QdiscOptions.bfifo(Size.of("32kb"))).withHandle(TcHandle.of("2:")));
        Qdisc fast = nl.qdiscs().add(QdiscSpec.root("veth3", QdiscOptions.PfifoFast.FIXED).withHandle(TcHandle.of("3:")));

        for (Qdisc made : List.of(htb, pfifo, ingress, tbf, clsact, bfifo, fast)) {
            Qdisc q = nl.qdiscs().get(names.get(made.index()), made.handle());
            assertAsTcReports(q, false);
            // The echo's reference count is the one before the kernel attached the qdisc; the rest is what get finds.
            assertEquals(new Qdisc(q.index(), q.handle(), q.parent(), q.options(), made.refcount(), q.offloaded(), Optional.empty(), OptionalLong.empty(), q.unknown()),
                    made.withoutStats(), "add returns what it made");
        }
        assertEquals(7, nl.qdiscs().list().stream().filter(q -> !q.kind().equals("noqueue")).count());
        assertEquals(List.of("htb", "pfifo", "ingress"), nl.qdiscs().list("veth0").stream().map(Qdisc::kind).toList());
        for (Qdisc q : nl.qdiscs().list()) {
            assertAsTcReports(q, false);
            assertTrue(q.toSpec(names::get).matches(q, names::get), q.toString());
        }
    }

    /** tc's text for the same qdiscs is what the options print: rates, sizes and times in tc's own words. */
    @Test
    void optionsPrintAsTcPrintsThem() throws Exception {
        List<QdiscSpec> specs = List.of(
                QdiscSpec.root("veth0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"))),
                QdiscSpec.root("veth1", QdiscOptions.tbf(Rate.of("1.5mbit"), Size.ofBytes(1514), TcTime.of("12.5ms"))),
                QdiscSpec.root("veth2", QdiscOptions.tbf(Rate.of("12345kbit"), Size.of("1mb"), Size.ofBytes(3_000_000))),
                QdiscSpec.root("veth3", QdiscOptions.tbf(Rate.of("800kbit"), Size.of("10kb"), TcTime.of("2s"))));
        for (QdiscSpec s : specs) {
            Qdisc q = nl.qdiscs().add(s);
            String line = Tc.in(ns, "qdisc", "show", "dev", s.link()).lines().filter(l -> l.startsWith("qdisc tbf")).findFirst().orElseThrow();
            String tcOptions = line.substring(line.indexOf("rate ")).strip();
            assertEquals(tcOptions, q.options().toString(), s.link());
        }
        for (String limit : List.of("32kb", "1514", "1mb", "1030", "100000")) {
            Qdisc q = nl.qdiscs().replace(QdiscSpec.root("veth0", QdiscOptions.bfifo(Size.of(limit))));
            String line = Tc.in(ns, "qdisc", "show", "dev", "veth0").lines().findFirst().orElseThrow();
            assertEquals(line.substring(line.indexOf("limit ")).strip(), q.options().toString(), limit);
        }
    }

    @Test
    void whatTcAddsTheLibraryReports() throws Exception {
        Tc.in(ns, "qdisc", "add", "dev", "veth0", "root", "handle", "1:", "htb", "default", "20", "r2q", "5", "direct_qlen", "7");
        Tc.in(ns, "class", "add", "dev", "veth0", "parent", "1:", "classid", "1:20", "htb", "rate", "2mbit");
        Tc.in(ns, "qdisc", "add", "dev", "veth0", "parent", "1:20", "handle", "20:", "bfifo", "limit", "64kb");
        Tc.in(ns, "qdisc", "add", "dev", "veth0", "clsact");
        Tc.in(ns, "qdisc", "add", "dev", "veth1", "root", "handle", "5:", "tbf", "rate", "10mbit", "burst", "10kb", "limit", "30000",
                "peakrate", "20mbit", "mtu", "1514");
        Tc.in(ns, "qdisc", "add", "dev", "veth1", "ingress");
        Tc.in(ns, "qdisc", "add", "dev", "veth2", "root", "handle", "2:", "pfifo", "limit", "7");
        List<Qdisc> all = nl.qdiscs().list();
        assertEquals(Tc.qdiscs(ns).size(), all.size(), "the same qdiscs: " + all);
        for (Qdisc q : all) assertAsTcReports(q, true);
        assertEquals(new QdiscOptions.Htb(5, 0x20, java.util.OptionalLong.of(7)), nl.qdiscs().get("veth0", TcHandle.of("1:")).options());
        Tbf tbf = (Tbf) nl.qdiscs().get("veth1", TcHandle.of("5:")).options();
        assertEquals(Optional.of(Rate.of("20mbit")), tbf.peakrate());
        assertEquals(Optional.of(Size.ofBytes(1512)), tbf.mtu(), "the MTU of 1514 back from its ticks at 20mbit, as tc prints minburst");
        assertEquals(Size.ofBytes(30000), tbf.limit());
        assertEquals(new QdiscOptions.Other("noqueue", Optional.empty()), nl.qdiscs().list("veth3").getFirst().options(), "a kind the library does not model");
        assertEquals(Optional.empty(), nl.qdiscs().find("veth0", TcHandle.of("9:")));
        assertThrows(NotFoundException.class, () -> nl.qdiscs().get("veth0", TcHandle.of("9:")));
        assertThrows(NoSuchLinkException.class, () -> nl.qdiscs().list("nosuch0"));

        // Every record's own spec deletes it: the kernel checks the kind and handle they name.
        List<QdiscSpec> made = all.stream().filter(q -> !q.kind().equals("noqueue") && !q.parent().equals(TcHandle.of("1:20")))
                .map(q -> q.toSpec(names::get)).toList();
        assertTrue(nl.qdiscs().deleteAll(made).allSucceeded());
        assertEquals(List.of("noqueue"), Tc.qdiscs(ns).stream().map(j -> j.get("kind")).distinct().toList(), "only the links' own noqueue is left");
    }

    /** Packets through veth0's htb: the counters the library reads are tc's (read between two reads of the library's). */
    @Test
    void countersAreTcs() throws Exception {
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:")));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))));
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
        nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.1"), MacAddress.of("02:00:00:00:00:01")));
        Ip.in(ns, "netns", "exec", ns, "socat", "-u", "-b", "500", "OPEN:/dev/zero,readbytes=5000", "UDP-DATAGRAM:10.200.0.1:9");
        Qdisc before = nl.qdiscs().get("veth0", TcHandle.of("1:"));
        Map<String, Object> tc = tcView(before);
        Qdisc after = nl.qdiscs().get("veth0", TcHandle.of("1:"));
        TcStats b = before.stats().orElseThrow(), a = after.stats().orElseThrow();
        assertTrue(b.packets() + b.qlen() >= 10, "ten datagrams went out or wait at 1mbit: " + b);
        assertTrue(b.bytes() > 0, b.toString());
        for (var c : Map.of("bytes", List.of(b.bytes(), a.bytes()), "packets", List.of(b.packets(), a.packets()), "drops", List.of(b.drops(), a.drops()),
                "overlimits", List.of(b.overlimits(), a.overlimits())).entrySet()) {
            long v = n(tc, c.getKey());
            assertTrue(c.getValue().get(0) <= v && v <= c.getValue().get(1), c.getKey() + " " + v + " is not within " + c.getValue());
        }
    }

    @Test
    void replaceAndChange() throws Exception {
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.pfifo().withLimit(10)).withHandle(TcHandle.of("1:")));
        // Another kind needs another handle: with the same one the kernel changes the qdisc there, which must then be of that kind.
        assertThrows(KernelException.class, () -> nl.qdiscs().replace(QdiscSpec.root("veth0", QdiscOptions.bfifo(Size.of("1kb")))
                .withHandle(TcHandle.of("1:"))));
        Qdisc tbf = nl.qdiscs().replace(QdiscSpec.root("veth0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms")))
                .withHandle(TcHandle.of("2:")));
        assertEquals("tbf", tbf.kind(), "replace returns the new qdisc, not the pfifo its echo says was deleted");
        assertEquals(List.of("tbf"), Tc.qdiscs(ns, "veth0").stream().map(j -> j.get("kind")).toList());
        QdiscSpec faster = tbf.toSpec(names::get).withOptions(QdiscOptions.tbf(Rate.of("2mbit"), Size.of("32kb"), TcTime.of("400ms")));
        Qdisc changed = nl.qdiscs().change(faster);
        assertEquals(Rate.of("2mbit"), ((Tbf) changed.options()).rate());
        assertEquals(250_000L, n(Tc.qdiscs(ns, "veth0").getFirst().get("options") instanceof Map<?, ?> m ? castMap(m) : Map.of(), "rate"));
        assertAsTcReports(changed, false);
        NotFoundException gone = assertThrows(NotFoundException.class,
                () -> nl.qdiscs().change(QdiscSpec.root("veth1", QdiscOptions.pfifo().withLimit(5)).withHandle(TcHandle.of("4:"))));
        assertTrue(gone.kernelError().isPresent(), "the kernel said so");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /**
     * The kernel's refusals as typed errors with its own words (what tc prints after "Error:"), and nothing
     * left half-made: the qdiscs are what they were.
     */
    @Test
    void refusalsAreTypedAndLeaveNothingHalfMade() throws Exception {
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:")));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))));
        List<Qdisc> before = nl.qdiscs().list().stream().map(Qdisc::withoutStats).toList();

        UnsupportedQdiscKindException kind = assertThrows(UnsupportedQdiscKindException.class,
                () -> nl.qdiscs().add(QdiscSpec.root("veth1", QdiscOptions.netem(Duration.ofMillis(20)))), "this kernel has no netem");
        assertEquals("netem", kind.kind());
        assertTcSays(kind, "qdisc", "add", "dev", "veth1", "root", "netem", "delay", "20ms");
        assertThrows(UnsupportedQdiscKindException.class, () -> nl.qdiscs().add(QdiscSpec.root("veth1", QdiscOptions.other("nosuchkind", Optional.empty()))));

        NoSuchParentException parent = assertThrows(NoSuchParentException.class,
                () -> nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("7:3"), QdiscOptions.pfifo())));
        assertEquals("7:3", parent.parent());
        assertTcSays(parent.kernelError().orElseThrow(), "qdisc", "add", "dev", "veth0", "parent", "7:3", "pfifo");
        assertThrows(NoSuchParentException.class, () -> nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("1:99"), QdiscOptions.pfifo())),
                "htb has no class 1:99");

        // A handle another qdisc of the link holds: the kernel will not move that one here.
        KernelException moved = assertThrows(KernelException.class,
                () -> nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("1:10"), QdiscOptions.pfifo()).withHandle(TcHandle.of("1:"))));
        assertTcSays(moved, "qdisc", "add", "dev", "veth0", "parent", "1:10", "handle", "1:", "pfifo");
        assertThrows(AlreadyExistsException.class, () -> nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.pfifo()).withHandle(TcHandle.of("2:"))),
                "NLM_F_REPLACE needed to override");
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.root("veth0", QdiscOptions.pfifo()).withHandle(TcHandle.of("2:5")),
                "a handle with a minor never reaches the kernel");
        assertThrows(NoSuchLinkException.class, () -> nl.qdiscs().add(QdiscSpec.root("nosuch0", QdiscOptions.pfifo())));
        NotFoundException noRoot = assertThrows(NotFoundException.class, () -> nl.qdiscs().delete("veth2", TcHandle.ROOT), "noqueue is no qdisc to delete");
        assertTrue(noRoot.kernelError().orElseThrow().extAckMessage().isPresent());

        assertEquals(before, nl.qdiscs().list().stream().map(Qdisc::withoutStats).toList(), "nothing half-made");
    }

    /** The kernel's message is the one tc prints for the same command, "Error: <message>.". */
    private void assertTcSays(KernelException e, String... tcArgs) throws IOException {
        Tc.Result r = Tc.run(ns, tcArgs);
        assertEquals(2, r.exit(), r.err());
        assertEquals(r.err().strip(), "Error: " + e.extAckMessage().orElseThrow() + ".", e.getMessage());
        assertTrue(e.getMessage().contains(e.extAckMessage().orElseThrow()), e.getMessage());
    }

    @Test
    void qdiscsInBulk() throws Exception {
        List<QdiscSpec> specs = new ArrayList<>();
        for (String l : List.of("veth0", "veth1", "veth2", "veth3")) specs.add(QdiscSpec.root(l, QdiscOptions.pfifo().withLimit(l.hashCode() & 0xff)));
        specs.add(QdiscSpec.of("veth0", TcHandle.of("7:1"), QdiscOptions.pfifo()));
        var added = nl.qdiscs().addAll(specs);
        assertEquals(java.util.Set.of(4), added.failures().keySet(), added.failures().toString());
        assertTrue(added.error(4).orElseThrow() instanceof NoSuchParentException, added.error(4).toString());
        assertEquals(4, Tc.qdiscs(ns).stream().filter(j -> "pfifo".equals(j.get("kind"))).count());
        var deleted = nl.qdiscs().deleteAll(List.of(specs.get(0), specs.get(1), QdiscSpec.ingress("veth2")));
        assertEquals(java.util.Set.of(2), deleted.failures().keySet(), "veth2 has no ingress qdisc: " + deleted.failures());
        assertEquals(2, Tc.qdiscs(ns).stream().filter(j -> "pfifo".equals(j.get("kind"))).count());
    }

    @Test
    void eventsAndResync() throws Exception {
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.TC))) {
            nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:")));
            var added = (NetlinkEvent.QdiscEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.QdiscEvent q && q.qdisc().kind().equals("htb"));
            assertEquals(NetlinkEvent.Action.NEW, added.action());
            assertFalse(added.resync());
            assertEquals(TcHandle.of("1:"), added.qdisc().handle());
            Tc.in(ns, "qdisc", "del", "dev", "veth0", "root");
            var gone = (NetlinkEvent.QdiscEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.QdiscEvent q
                    && q.action() == NetlinkEvent.Action.DELETED && q.qdisc().kind().equals("htb"));
            assertEquals(names.entrySet().stream().filter(x -> x.getValue().equals("veth0")).findFirst().orElseThrow().getKey(), gone.qdisc().index());
        }
        nl.qdiscs().add(QdiscSpec.root("veth1", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"))).withHandle(TcHandle.of("5:")));
        // A subscription that lists what exists starts with the qdiscs, from the resync's dump.
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.TC), new Subscription.Options(true, 1 << 20, false))) {
            var listed = (NetlinkEvent.QdiscEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.QdiscEvent q && q.qdisc().kind().equals("tbf"));
            assertTrue(listed.resync(), "listed from the dump");
            assertEquals(TcHandle.of("5:"), listed.qdisc().handle());
            assertEquals(Optional.empty(), listed.qdisc().stats(), "a subscription keeps qdiscs without their counters");
        }
    }
}
