package io.github.netlink4j;

import io.github.netlink4j.bridge.BridgePort;
import io.github.netlink4j.bridge.BridgePortFlag;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.bridge.BridgePortSpec;
import io.github.netlink4j.bridge.BridgePortState;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bridge ports through the API, cross-checked with iproute2's {@code bridge -j -d link show} and {@code ip -j link}. */
class BridgesTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("bridge");
        nl = ns.client();
        nl.links().add(LinkSpec.bridge("br0"));
        nl.links().add(LinkSpec.bridge("br1"));
        nl.links().add(LinkSpec.veth("v0", "v1"));
        nl.links().add(LinkSpec.veth("v2", "v3"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    /** {@code bridge -n NS -j -d link show}, by port name. */
    private Map<String, Map<String, Object>> bridgeLinks() throws IOException {
        Process p = new ProcessBuilder("bridge", "-n", ns.name(), "-j", "-d", "link", "show").redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("bridge link show timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException("bridge link show failed: " + out);
        return Json.array(out).stream().collect(Collectors.toMap(m -> (String) m.get("ifname"), m -> m));
    }

    private Object ipMaster(String link) throws IOException {
        return Json.array(Ip.in(ns.name(), "-j", "link", "show", "dev", link)).get(0).get("master");
    }

    /**
     * The cost range BridgePortSettings checks is the kernel's: bridge(8) sets 65535 and gets ERANGE for
     * 65536, which the settings refuse before anything is sent; the library sets the top cost too.
     */
    @Test
    void theCostRangeIsTheKernels() throws Exception {
        Ip.in(ns.name(), "link", "set", "v0", "master", "br0");
        assertEquals(0, bridge("link", "set", "dev", "v0", "cost", "65535"));
        assertEquals(65535L, ((Number) bridgeLinks().get("v0").get("cost")).longValue());
        assertTrue(bridge("link", "set", "dev", "v0", "cost", "65536") != 0, "the kernel refuses cost 65536");
        assertThrows(IllegalArgumentException.class, () -> BridgePortSettings.empty().withCost(65536));
        Ip.in(ns.name(), "link", "set", "v0", "nomaster");
        assertEquals(65535L, nl.bridges().add(BridgePortSpec.of("v0", "br0").withSettings(BridgePortSettings.empty().withCost(65535))).cost());
    }

    private int bridge(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bridge", "-n", ns.name()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "bridge " + cmd);
        return p.exitValue();
    }

    @Test
    void addReadsThePortBackAsBridgeLinkShowsIt() throws Exception {
        Bridges b = nl.bridges();
        BridgePortSpec spec = BridgePortSpec.of("v0", "br0").withSettings(BridgePortSettings.empty().withHairpin(true).withCost(7).withPriority(5)
                .withLearning(false));
        BridgePort p = b.add(spec);
        Map<String, Object> ref = bridgeLinks().get("v0");
        assertEquals("br0", ref.get("master"));
        assertEquals(nl.links().index("br0"), p.bridgeIndex());
        assertEquals(nl.links().index("v0"), p.index());
        assertEquals("v0", p.port());
        assertEquals(7L, ((Number) ref.get("cost")).longValue());
        assertEquals(7L, p.cost());
        assertEquals(5, ((Number) ref.get("priority")).intValue());
        assertEquals(5, p.priority());
        assertEquals("disabled", ref.get("state"));
        assertEquals(BridgePortState.DISABLED, p.state(), "v0 is down");
        Map<String, BridgePortFlag> names = Map.of("hairpin", BridgePortFlag.HAIRPIN, "guard", BridgePortFlag.GUARD, "root_block",
                BridgePortFlag.ROOT_BLOCK, "fastleave", BridgePortFlag.FAST_LEAVE, "learning", BridgePortFlag.LEARNING, "flood",
                BridgePortFlag.UNICAST_FLOOD, "mcast_flood", BridgePortFlag.MULTICAST_FLOOD, "bcast_flood", BridgePortFlag.BROADCAST_FLOOD,
                "neigh_suppress", BridgePortFlag.NEIGH_SUPPRESS, "isolated", BridgePortFlag.ISOLATED);
        for (var e : names.entrySet()) assertEquals(ref.get(e.getKey()), p.has(e.getValue()), e.getKey());
        assertTrue(p.has(BridgePortFlag.HAIRPIN));
        assertFalse(p.has(BridgePortFlag.LEARNING));
        assertEquals(p, b.get("v0"), "add returns the port as get reads it");
        assertTrue(spec.matches(p, nl.links().index("br0")));
        assertFalse(spec.matches(p, nl.links().index("br1")));
    }

    @Test
    void aRecordsSpecMakesTheSamePortAgain() throws Exception {
        Bridges b = nl.bridges();
        BridgePort p = b.add(BridgePortSpec.of("v0", "br0").withSettings(BridgePortSettings.empty().withIsolated(true).withCost(11)));
        Map<Integer, String> names = nl.links().list().stream().collect(Collectors.toMap(l -> l.index(), l -> l.name()));
        BridgePortSpec again = p.toSpec(names::get);
        assertEquals("br0", again.bridge());
        assertEquals(BridgePortSettings.empty().withHairpin(false).withLearning(true).withUnicastFlood(true).withIsolated(true).withCost(11)
                .withPriority(32), again.settings());
        b.delete(again);
        assertEquals(null, ipMaster("v0"));
        assertEquals(p, b.add(again), "the spec of a port makes that port");
    }

    @Test
    void listFindGetAndTheirAbsence() throws Exception {
        Bridges b = nl.bridges();
        assertEquals(List.of(), b.list());
        b.add(BridgePortSpec.of("v0", "br0"));
        b.add(BridgePortSpec.of("v2", "br1"));
        assertEquals(new TreeSet<>(bridgeLinks().keySet()), b.list().stream().map(BridgePort::port).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(List.of("v0"), b.list("br0").stream().map(BridgePort::port).toList());
        assertEquals(List.of("v2"), b.list("br1").stream().map(BridgePort::port).toList());
        assertTrue(b.find("v1").isEmpty(), "v1 is a link but no port");
        assertThrows(NotFoundException.class, () -> b.get("v1"));
        assertThrows(AlreadyExistsException.class, () -> b.add(BridgePortSpec.of("v0", "br1")));
        assertEquals("br0", ipMaster("v0"), "a refused add changes nothing");
    }

    @Test
    void replaceMovesAPortAndDeleteTakesItOutOfItsOwnBridgeOnly() throws Exception {
        Bridges b = nl.bridges();
        b.add(BridgePortSpec.of("v0", "br0"));
        BridgePort moved = b.replace(BridgePortSpec.of("v0", "br1"));
        assertEquals(nl.links().index("br1"), moved.bridgeIndex());
        assertEquals("br1", ipMaster("v0"));
        assertThrows(NotFoundException.class, () -> b.delete(BridgePortSpec.of("v0", "br0")));
        assertEquals("br1", ipMaster("v0"), "deleting from the wrong bridge leaves the port where it is");
        b.delete(BridgePortSpec.of("v0", "br1"));
        assertEquals(null, ipMaster("v0"));
        assertTrue(b.find("v0").isEmpty());
    }

    @Test
    void bulkFormsReportEachItemAndTheKernelsReason() throws Exception {
        Bridges b = nl.bridges();
        List<BridgePortSpec> specs = List.of(BridgePortSpec.of("v0", "br0").withSettings(BridgePortSettings.empty().withCost(9)),
                BridgePortSpec.of("br1", "br0"), BridgePortSpec.of("v2", "br0").withSettings(BridgePortSettings.empty().withHairpin(true)));
        BulkResult<Void> r = b.addAll(specs);
        assertEquals(Set.of(1), r.failures().keySet(), "only the bridge-in-a-bridge fails");
        KernelException k = (KernelException) r.error(1).orElseThrow();
        assertTrue(k.getMessage().contains("Can not enslave a bridge to a bridge"), k.getMessage());
        Map<String, Map<String, Object>> ref = bridgeLinks();
        assertEquals(Set.of("v0", "v2"), ref.keySet());
        assertEquals(9, ((Number) ref.get("v0").get("cost")).intValue(), "settings follow in the second batch");
        assertEquals(true, ref.get("v2").get("hairpin"));
        BulkResult<Void> d = b.deleteAll(List.of(specs.get(0), specs.get(2)));
        assertEquals(Map.of(), d.failures());
        assertEquals(Map.of(), bridgeLinks());
    }

    @Test
    void vlansReadWhatBridgeVlanShowReads() throws Exception {
        Bridges b = nl.bridges();
        b.add(BridgePortSpec.of("v0", "br0"));
        // This kernel has no bridge VLAN filtering: both read nothing; the decoder is checked byte by byte in BridgeCodecTest.
        Process p = new ProcessBuilder("bridge", "-n", ns.name(), "-j", "vlan", "show").redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<Map<String, Object>> ref = Json.array(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(ref.stream().mapToInt(m -> ((List<?>) m.get("vlans")).size()).sum(), b.vlans().size());
    }
}
