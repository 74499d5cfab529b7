package io.github.netlink4j.topology;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.error.UnsupportedQdiscKindException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcTime;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Qdiscs and classes in a topology, applied in a throwaway "host" namespace: made after the links in the
 * order declared, seen by diff, removed by close (in the host; a namespace's go with it), and a failing
 * one undoes what was made before it.
 */
class TopologyTcTest {
    private ThrowawayNamespace hostNs;
    private NetlinkClient host;
    private String inside;

    @BeforeEach
    void setUp() throws IOException {
        hostNs = ThrowawayNamespace.create("topo-tc");
        host = hostNs.client();
        inside = ThrowawayNamespace.uniqueName("topo-tc-in");
        host.links().add(LinkSpec.ifb("pre0"));
        host.links().add(LinkSpec.ifb("pre1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (NetNamespace.exists(inside)) NetNamespace.delete(inside);
        if (hostNs != null) hostNs.close();
    }

    private static final QdiscSpec TBF = QdiscSpec.root("pre0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms")))
            .withHandle(TcHandle.of("5:"));
    private static final QdiscSpec HTB = QdiscSpec.root("pre1", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:"));
    private static final TrafficClassSpec CLASS = TrafficClassSpec.of("pre1", TcHandle.of("1:"), TcHandle.of("1:10"),
            ClassOptions.htb(Rate.of("2mbit")));
    private static final QdiscSpec LEAF = QdiscSpec.of("pre1", TcHandle.of("1:10"), QdiscOptions.pfifo().withLimit(50)).withHandle(TcHandle.of("10:"));

    private List<String> qdiscs() throws IOException {
        return Tc.qdiscs(hostNs.name()).stream().map(q -> q.get("dev") + " " + q.get("kind") + " " + q.get("handle")).sorted().toList();
    }

    @Test
    void hostQdiscsAndClassesAreMadeInOrderAndCloseRemovesThem() throws Exception {
        List<String> before = qdiscs();
        Topology t = Topology.builder().qdisc(TBF).qdisc(HTB).trafficClass(CLASS).qdisc(LEAF).build();
        assertEquals("Topology[0 namespaces, 0 links, 0 addresses, 0 links up, 0 routes, 0 rules, 4 qdiscs and classes]", t.toString());
        try (AppliedTopology applied = t.apply(host)) {
            assertEquals(List.of("pre0 tbf 5:", "pre1 htb 1:", "pre1 pfifo 10:"), qdiscs().stream().filter(s -> !s.contains("noqueue")).toList());
            assertEquals(List.of("1:10"), Tc.classes(hostNs.name(), "pre1").stream().map(c -> c.get("handle")).toList());
            assertEquals(List.of(), t.diff(host, applied));
            assertEquals(List.of("qdisc tbf 5: at root of pre0 in host", "qdisc htb 1: at root of pre1 in host", "class htb 1:10 of pre1 in host",
                    "qdisc pfifo 10: at 1:10 of pre1 in host"), applied.steps());
        }
        assertEquals(before, qdiscs(), "the host links' qdiscs as they were");
        assertEquals(List.of(), Tc.classes(hostNs.name(), "pre1"));
    }

    @Test
    void diffNamesAQdiscOrClassRemovedBehindItsBack() throws Exception {
        Topology t = Topology.builder().qdisc(TBF).qdisc(HTB).trafficClass(CLASS).build();
        try (AppliedTopology applied = t.apply(host)) {
            Tc.in(hostNs.name(), "class", "del", "dev", "pre1", "classid", "1:10");
            Tc.in(hostNs.name(), "qdisc", "del", "dev", "pre0", "root");
            assertEquals(List.of("host: missing qdisc tbf at root of pre0", "host: missing class htb 1:10 of pre1"),
                    t.diff(host, applied).stream().map(Difference::toString).toList());
        }
    }

    @Test
    void aQdiscTheKernelLacksUndoesWhatWasMadeAndNamesItsKind() throws Exception {
        List<String> before = qdiscs();
        Topology t = Topology.builder()
                .namespace(inside)
                .veth("veth0", "veth1").in(inside)
                .qdisc(inside, QdiscSpec.root("veth1", QdiscOptions.htb(0)))
                .qdisc(TBF)
                .qdisc(QdiscSpec.root("pre1", QdiscOptions.netem(Duration.ofMillis(20))))
                .build();
        TopologyException e = assertThrows(TopologyException.class, () -> t.apply(host));
        assertEquals(5, e.step(), e.getMessage());
        assertTrue(e.getMessage().startsWith("step 5 of 5: qdisc netem at root of pre1 in host: "), e.getMessage());
        assertEquals("netem", assertInstanceOf(UnsupportedQdiscKindException.class, e.getCause()).kind());
        assertEquals(before, qdiscs(), "the tbf made before it is gone again");
        assertFalse(NetNamespace.exists(inside));
    }

    @Test
    void aClassWhoseQdiscIsMissingFailsItsStep() throws Exception {
        Topology t = Topology.builder().qdisc(TBF)
                .trafficClass(TrafficClassSpec.of("pre1", TcHandle.of("9:"), TcHandle.of("9:10"), ClassOptions.htb(Rate.of("1mbit")))).build();
        TopologyException e = assertThrows(TopologyException.class, () -> t.apply(host));
        assertTrue(e.getMessage().startsWith("step 2 of 2: class htb 9:10 of pre1 in host: "), e.getMessage());
        assertEquals(List.of(), qdiscs(), "pre0's tbf removed (a link that is down lists no qdisc of its own)");
    }
}
