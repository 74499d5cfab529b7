package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchParentException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStats;
import io.github.netlink4j.tc.TrafficClass;
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
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * htb classes in a throwaway namespace, checked against {@code tc -s -d class show}, which tc 6.1 prints as
 * text even with -j: rates, ceilings and bursts in tc's words, priorities, quanta and counters.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a request the kernel never answers fails, not hangs
class TrafficClassesTest {
    private static final TcHandle QDISC = TcHandle.of("1:");
    private ThrowawayNamespace t;
    private String ns;
    private NetlinkClient nl;
    private int veth0;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("classes");
        ns = t.name();
        nl = t.client();
        Ip.in(ns, "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
        veth0 = nl.links().index("veth0");
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(QDISC));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    private static TrafficClassSpec htb(String parent, String classid, ClassOptions.Htb options) {
        return TrafficClassSpec.of("veth0", TcHandle.of(parent), TcHandle.of(classid), options);
    }

    /** Options, parent and counters as tc prints them. */
    private void assertAsTcReports(TrafficClass c) throws IOException {
        Map<String, String> j = Tc.classes(ns, "veth0").stream().filter(m -> m.get("handle").equals(c.handle().toString())).findFirst()
                .orElseThrow(() -> new AssertionError("tc does not list " + c));
        assertEquals(j.get("kind"), c.kind());
        assertEquals(j.get("parent"), c.parent().toString());
        assertEquals(Optional.ofNullable(j.get("leaf")), c.leaf().map(l -> Integer.toHexString(l.major()) + ":"));
        ClassOptions.Htb o = (ClassOptions.Htb) c.options();
        assertEquals(j.get("rate"), o.rate().toString());
        assertEquals(j.get("ceil"), o.ceil().toString());
        assertEquals(j.get("burst"), o.burst().orElseThrow().toString());
        assertEquals(j.get("cburst"), o.cburst().orElseThrow().toString());
        if (j.get("level").equals("0")) {
            assertEquals(j.get("prio"), String.valueOf(o.prio()), "tc prints prio and quantum of leaves only");
            assertEquals(j.get("quantum"), String.valueOf(o.quantum().orElseThrow()));
        }
        TcStats s = c.stats().orElseThrow();
        assertEquals(j.get("bytes"), String.valueOf(s.bytes()));
        assertEquals(j.get("packets"), String.valueOf(s.packets()));
        assertEquals(j.get("drops"), String.valueOf(s.drops()));
        assertEquals(j.get("overlimits"), String.valueOf(s.overlimits()));
        assertEquals(j.get("requeues"), String.valueOf(s.requeues()));
        assertEquals(j.get("qlen"), String.valueOf(s.qlen()));
        assertEquals(j.get("backlog"), Size.ofBytes(s.backlog()).toString());
    }

    @Test
    void whatTheLibraryAddsTcReports() throws Exception {
        TrafficClass top = nl.trafficClasses().add(htb("1:", "1:1", ClassOptions.htb(Rate.of("2mbit"))));
        TrafficClass leaf = nl.trafficClasses().add(htb("1:1", "1:10", ClassOptions.htb(Rate.of("800kbit")).withCeil(Rate.of("2mbit"))
                .withBurst(Size.of("15k")).withCburst(Size.ofBytes(3000)).withPrio(3).withQuantum(1514)));
        TrafficClass fast = nl.trafficClasses().add(htb("1:1", "1:20", ClassOptions.htb(Rate.of("40gbit")).withCeil(Rate.of("50gbit"))));
        nl.qdiscs().add(QdiscSpec.of("veth0", TcHandle.of("1:20"), QdiscOptions.pfifo().withLimit(10)).withHandle(TcHandle.of("20:")));
        ClassOptions.Htb asked = ClassOptions.htb(Rate.of("800kbit")).withCeil(Rate.of("2mbit")).withBurst(Size.of("15k")).withCburst(Size.ofBytes(3000))
                .withPrio(3).withQuantum(1514);
        assertEquals(new ClassOptions.Htb(asked.rate(), asked.ceil(), asked.burst(), asked.cburst(), asked.prio(), asked.quantum(), java.util.OptionalInt.of(0)),
                leaf.options(), "what was asked, as the kernel made it (a leaf, level 0)");
        assertEquals(java.util.OptionalInt.of(7), ((ClassOptions.Htb) nl.trafficClasses().find("veth0", TcHandle.of("1:1")).orElseThrow().options()).level(),
                "an inner class at the top, as tc -d shows it");
        assertEquals(java.util.OptionalLong.of(25_000), ((ClassOptions.Htb) top.options()).quantum(), "the kernel's rate / r2q");
        assertEquals(TcHandle.ROOT, top.parent());
        assertEquals(TcHandle.of("1:1"), fast.parent());
        for (TrafficClass c : nl.trafficClasses().list("veth0")) {
            assertAsTcReports(c);
            assertEquals(c.withoutStats(), nl.trafficClasses().get("veth0", c.handle()).withoutStats(), "get finds what list has");
            assertTrue(c.toSpec(i -> "veth0").matches(c, i -> "veth0"));
        }
        assertEquals(Optional.of(TcHandle.of("20:")), nl.trafficClasses().get("veth0", TcHandle.of("1:20")).leaf(), "a leaf names its qdisc");
        assertEquals(3, nl.trafficClasses().list().size(), "every link's classes: veth1 and lo have none");
        assertEquals(Optional.empty(), nl.trafficClasses().find("veth0", TcHandle.of("1:99")));
        assertEquals(Optional.empty(), nl.trafficClasses().find("veth1", TcHandle.of("1:10")), "no qdisc 1: there");
        assertThrows(NotFoundException.class, () -> nl.trafficClasses().get("veth0", TcHandle.of("1:99")));
    }

    @Test
    void whatTcAddsTheLibraryReports() throws Exception {
        Tc.in(ns, "class", "add", "dev", "veth0", "parent", "1:", "classid", "1:1", "htb", "rate", "10mbit");
        Tc.in(ns, "class", "add", "dev", "veth0", "parent", "1:1", "classid", "1:10", "htb", "rate", "1mbit", "ceil", "10mbit", "prio", "1");
        Tc.in(ns, "class", "add", "dev", "veth0", "parent", "1:1", "classid", "1:2a", "htb", "rate", "1234kbit", "burst", "20kb", "quantum", "3000");
        List<TrafficClass> all = nl.trafficClasses().list("veth0");
        assertEquals(List.of("1:1", "1:10", "1:2a"), all.stream().map(c -> c.handle().toString()).sorted().toList());
        for (TrafficClass c : all) assertAsTcReports(c);
        ClassOptions.Htb odd = (ClassOptions.Htb) nl.trafficClasses().get("veth0", TcHandle.of("1:2a")).options();
        assertEquals(Rate.of("1234kbit"), odd.rate());
        assertEquals(java.util.OptionalLong.of(3000), odd.quantum());
        // Every record's own spec replaces it unchanged (but for a burst's byte lost to the kernel's ticks at odd rates), and deletes it.
        for (TrafficClass c : all) {
            ClassOptions.Htb was = (ClassOptions.Htb) c.options(), is = (ClassOptions.Htb) nl.trafficClasses().replace(c.toSpec(i -> "veth0")).options();
            assertEquals(was.withBurst(Size.ofBytes(0)).withCburst(Size.ofBytes(0)), is.withBurst(Size.ofBytes(0)).withCburst(Size.ofBytes(0)));
            assertTrue(Math.abs(was.burst().orElseThrow().bytes() - is.burst().orElseThrow().bytes()) <= 1, was + " / " + is);
            assertTrue(Math.abs(was.cburst().orElseThrow().bytes() - is.cburst().orElseThrow().bytes()) <= 1, was + " / " + is);
        }
        List<TrafficClassSpec> children = all.stream().filter(c -> !c.parent().equals(TcHandle.ROOT)).map(c -> c.toSpec(i -> "veth0")).toList();
        List<TrafficClassSpec> tops = all.stream().filter(c -> c.parent().equals(TcHandle.ROOT)).map(c -> c.toSpec(i -> "veth0")).toList();
        var deleted = nl.trafficClasses().deleteAll(java.util.stream.Stream.concat(children.stream(), tops.stream()).toList());
        assertTrue(deleted.allSucceeded(), "children first, then 1:1: " + deleted.failures());
        assertEquals(List.of(), Tc.classes(ns, "veth0"));
    }

    /** Packets to no class go to htb's default 1:10: its counters are tc's (read between two of the library's). */
    @Test
    void countersAreTcs() throws Exception {
        nl.trafficClasses().add(htb("1:", "1:10", ClassOptions.htb(Rate.of("100mbit"))));
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
        nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.1"), MacAddress.of("02:00:00:00:00:01")));
        Ip.in(ns, "netns", "exec", ns, "socat", "-u", "-b", "500", "OPEN:/dev/zero,readbytes=5000", "UDP-DATAGRAM:10.200.0.1:9");
        TcStats before = nl.trafficClasses().get("veth0", TcHandle.of("1:10")).stats().orElseThrow();
        Map<String, String> tc = Tc.classes(ns, "veth0").getFirst();
        TcStats after = nl.trafficClasses().get("veth0", TcHandle.of("1:10")).stats().orElseThrow();
        assertTrue(before.packets() >= 10, "ten datagrams went through 1:10: " + before);
        for (var c : Map.of("bytes", List.of(before.bytes(), after.bytes()), "packets", List.of(before.packets(), after.packets())).entrySet()) {
            long v = Long.parseLong(tc.get(c.getKey()));
            assertTrue(c.getValue().get(0) <= v && v <= c.getValue().get(1), c.getKey() + " " + v + " is not within " + c.getValue());
        }
        assertTrue(before.application().isPresent(), "htb's lends, borrows and tokens");
    }

    @Test
    void changeAndReplace() throws Exception {
        nl.trafficClasses().add(htb("1:", "1:10", ClassOptions.htb(Rate.of("1mbit"))));
        TrafficClass changed = nl.trafficClasses().change(htb("1:", "1:10", ClassOptions.htb(Rate.of("2mbit")).withCeil(Rate.of("4mbit"))));
        assertEquals(Rate.of("4mbit"), ((ClassOptions.Htb) changed.options()).ceil());
        assertAsTcReports(changed);
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> nl.trafficClasses().change(htb("1:", "1:11", ClassOptions.htb(Rate.of("1mbit")))));
        assertEquals(Errno.ENOENT, missing.errno());
        TrafficClass replaced = nl.trafficClasses().replace(htb("1:", "1:11", ClassOptions.htb(Rate.of("3mbit"))));
        assertEquals(Rate.of("3mbit"), ((ClassOptions.Htb) replaced.options()).rate(), "replace makes what is missing");
    }

    /** The kernel's refusals, typed, with its words and the attribute it points at; nothing half-made. */
    @Test
    void refusalsAreTypedAndLeaveNothingHalfMade() throws Exception {
        nl.trafficClasses().add(htb("1:", "1:1", ClassOptions.htb(Rate.of("2mbit"))));
        nl.trafficClasses().add(htb("1:1", "1:10", ClassOptions.htb(Rate.of("1mbit"))));
        List<TrafficClass> before = nl.trafficClasses().list("veth0").stream().map(TrafficClass::withoutStats).toList();

        NoSuchParentException noQdisc = assertThrows(NoSuchParentException.class,
                () -> nl.trafficClasses().add(TrafficClassSpec.of("veth0", TcHandle.of("5:"), TcHandle.of("5:1"), ClassOptions.htb(Rate.of("1mbit")))));
        assertEquals("5:", noQdisc.parent());
        assertThrows(NoSuchParentException.class, () -> nl.trafficClasses().add(TrafficClassSpec.of("veth1", QDISC, TcHandle.of("1:3"),
                ClassOptions.htb(Rate.of("1mbit")))), "veth1 has no htb");
        assertThrows(AlreadyExistsException.class, () -> nl.trafficClasses().add(htb("1:", "1:10", ClassOptions.htb(Rate.of("1mbit")))));
        KernelException busy = assertThrows(KernelException.class, () -> nl.trafficClasses().delete("veth0", TcHandle.of("1:1")));
        assertEquals(Errno.EBUSY, busy.errno());
        Tc.Result tc = Tc.run(ns, "class", "del", "dev", "veth0", "classid", "1:1");
        assertEquals("Error: " + busy.extAckMessage().orElseThrow() + ".", tc.err().strip(), "tc prints the kernel's words");

        // Options the kernel's policy refuses (a TCA_HTB_PARMS of 8 bytes, not 44): the extended ACK names the attribute.
        RawAttribute shortParms = RawAttribute.nest(2, List.of(RawAttribute.of(1, new byte[8])));
        KernelException policy = assertThrows(KernelException.class, () -> nl.trafficClasses().add(TrafficClassSpec.of("veth0", QDISC,
                TcHandle.of("1:30"), ClassOptions.other("htb", Optional.of(shortParms)))));
        assertEquals(Errno.ERANGE, policy.errno());
        assertEquals(Optional.of("TCA_OPTIONS › TCA_HTB_PARMS"), policy.attributePath());
        assertTrue(policy.getMessage().contains("TCA_OPTIONS › TCA_HTB_PARMS"), policy.getMessage());
        assertTrue(policy.extAckMessage().orElseThrow().contains("policy"), policy.getMessage());

        assertEquals(before, nl.trafficClasses().list("veth0").stream().map(TrafficClass::withoutStats).toList(), "nothing half-made");
    }

    @Test
    void classesInBulk() throws Exception {
        List<TrafficClassSpec> specs = new java.util.ArrayList<>();
        specs.add(htb("1:", "1:1", ClassOptions.htb(Rate.of("10mbit"))));
        for (int i = 0x10; i < 0x30; i++) specs.add(htb("1:1", "1:" + Integer.toHexString(i), ClassOptions.htb(Rate.of(i + "kbit"))));
        specs.add(htb("1:1", "1:10", ClassOptions.htb(Rate.of("1mbit"))));
        var added = nl.trafficClasses().addAll(specs);
        assertEquals(java.util.Set.of(specs.size() - 1), added.failures().keySet(), "only the second 1:10: " + added.failures());
        assertTrue(added.error(specs.size() - 1).orElseThrow() instanceof AlreadyExistsException);
        assertEquals(specs.size() - 1, Tc.classes(ns, "veth0").size());
        var deleted = nl.trafficClasses().deleteAll(specs.subList(1, 5));
        assertTrue(deleted.allSucceeded(), deleted.failures().toString());
        assertEquals(specs.size() - 5, nl.trafficClasses().list("veth0").size());
    }

    @Test
    void eventsAndResync() throws Exception {
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.TC))) {
            nl.trafficClasses().add(htb("1:", "1:10", ClassOptions.htb(Rate.of("1mbit"))));
            var added = (NetlinkEvent.TrafficClassEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.TrafficClassEvent c
                    && c.trafficClass().handle().equals(TcHandle.of("1:10")));
            assertEquals(NetlinkEvent.Action.NEW, added.action());
            assertEquals(veth0, added.trafficClass().index());
            Tc.in(ns, "class", "del", "dev", "veth0", "classid", "1:10");
            var gone = (NetlinkEvent.TrafficClassEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.TrafficClassEvent c
                    && c.action() == NetlinkEvent.Action.DELETED);
            assertEquals(TcHandle.of("1:10"), gone.trafficClass().handle());
            assertFalse(gone.resync());
        }
        nl.trafficClasses().add(htb("1:", "1:20", ClassOptions.htb(Rate.of("2mbit"))));
        // The kernel dumps classes one link at a time: a subscription that lists what exists finds them link by link.
        try (Subscription s = nl.subscribe(EnumSet.of(EventGroup.TC), new Subscription.Options(true, 1 << 20, false))) {
            var listed = (NetlinkEvent.TrafficClassEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.TrafficClassEvent);
            assertTrue(listed.resync(), "listed from the resync's dumps");
            assertEquals(TcHandle.of("1:20"), listed.trafficClass().handle());
            var qdisc = (NetlinkEvent.QdiscEvent) SubscriptionTest.await(s, e -> e instanceof NetlinkEvent.QdiscEvent q && q.qdisc().kind().equals("htb"));
            assertTrue(qdisc.resync());
        }
    }

    @Test
    void theKernelsWarningsReachTheListenerAsTcPrintsThem() throws Exception {
        List<io.github.netlink4j.error.KernelWarning> warned = new java.util.concurrent.CopyOnWriteArrayList<>();
        nl.onWarning(warned::add);
        // htb carries out a class whose quantum (rate / r2q) is far out of its bounds, and says so in the ACK
        List<String> tcSaid = new ArrayList<>();
        for (String[] c : List.of(new String[] {"1:30", "10gbit"}, new String[] {"1:31", "1kbit"})) {
            Tc.Result r = Tc.run(ns, "class", "add", "dev", "veth0", "parent", "1:", "classid", c[0], "htb", "rate", c[1]);
            assertEquals(0, r.exit(), r.err());
            tcSaid.add(r.err());
            Tc.in(ns, "class", "del", "dev", "veth0", "classid", c[0]);
        }
        assertTrue(tcSaid.get(0).startsWith("Warning: ") && tcSaid.get(1).startsWith("Warning: "), "tc printed warnings: " + tcSaid);
        nl.trafficClasses().add(htb("1:", "1:30", ClassOptions.htb(Rate.of("10gbit"))));
        assertEquals(1, warned.size(), "one request, one warning: " + warned);
        assertEquals(tcSaid.get(0), warned.get(0) + "\n");
        assertEquals("add class", warned.get(0).operation());
        nl.trafficClasses().add(htb("1:", "1:11", ClassOptions.htb(Rate.of("1mbit"))));
        assertEquals(1, warned.size(), "a class within htb's bounds: no warning");
        warned.clear();
        // a batch reports each request's warning, in order
        var bulk = nl.trafficClasses().addAll(List.of(htb("1:", "1:32", ClassOptions.htb(Rate.of("1mbit"))), htb("1:", "1:31", ClassOptions.htb(Rate.of("1kbit")))));
        assertTrue(bulk.allSucceeded(), bulk.failures().toString());
        assertEquals(List.of(tcSaid.get(1)), warned.stream().map(w -> w + "\n").toList());
        nl.onWarning(null);
        nl.trafficClasses().delete(htb("1:", "1:31", ClassOptions.htb(Rate.of("1kbit"))));
        nl.trafficClasses().add(htb("1:", "1:31", ClassOptions.htb(Rate.of("1kbit"))));
        assertEquals(1, warned.size(), "no listener, nothing reported");
    }
}
