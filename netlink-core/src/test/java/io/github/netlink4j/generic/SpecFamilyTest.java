package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.SpecMessage;
import io.github.netlink4j.genl.SpecRequestException;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.ethtool.LinkInfo;
import io.github.netlink4j.genl.netdev.NetdevDevice;
import io.github.netlink4j.genl.netdev.XdpFeature;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Families driven by their specs alone, on a veth pair in a throwaway namespace, against the typed API and
 * ethtool(8) on the same devices: what the tree says is what they say.
 */
class SpecFamilyTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("specfam");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    private static Map<String, Object> header(String dev) {
        return Map.of("header", Map.of("dev-name", dev));
    }

    private String ethtool(String... args) throws IOException {
        List<String> a = new java.util.ArrayList<>(List.of("netns", "exec", ns.name(), "/usr/sbin/ethtool"));
        a.addAll(List.of(args));
        Ip.Result r = Ip.run(a.toArray(String[]::new));
        assertEquals(0, r.exit(), "ethtool " + String.join(" ", args) + ": " + r.out() + r.err());
        return r.out();
    }

    /** The n-th "RX:" of ethtool -l (first the maximum, then the current). */
    private static long field(String out, String name, int nth) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s*(\\d+)\\s*$").matcher(out);
        for (int i = 0; i <= nth; i++) assertTrue(m.find(), name + " #" + nth + " in " + out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void ethtoolChannelsAndLinkInfoAreWhatTheTypedApiAndEthtoolSay() throws Exception {
        SpecFamily spec = nl.genl().spec("ethtool");
        List<SpecMessage> r = spec.call("channels-get", header("veth0"));
        assertEquals(1, r.size());
        Map<String, Object> a = r.get(0).attributes();
        assertEquals("channels-get", r.get(0).operation());
        Channels typed = nl.genl().ethtool().channels().get("veth0");
        assertEquals(Map.of("dev-index", (long) nl.links().index("veth0"), "dev-name", "veth0"), a.get("header"));
        assertEquals(typed.rxMax(), a.get("rx-max"));
        assertEquals(typed.tx(), a.get("tx-count"));
        String out = ethtool("-l", "veth0");
        assertEquals(field(out, "RX", 0), a.get("rx-max"));
        assertEquals(field(out, "RX", 1), a.get("rx-count"));
        assertEquals(field(out, "TX", 1), a.get("tx-count"));

        Map<String, Object> info = spec.call("linkinfo-get", header("veth1")).get(0).attributes();
        LinkInfo li = nl.genl().ethtool().linkInfo().get("veth1");
        assertEquals((long) li.phyAddress().orElseThrow(), info.get("phyaddr"));
        assertEquals("veth1", ((Map<?, ?>) info.get("header")).get("dev-name"));

        List<SpecMessage> all = spec.dump("channels-get", Map.of());
        assertEquals(List.of("veth0", "veth1"), all.stream().map(m -> (String) ((Map<?, ?>) m.attributes().get("header")).get("dev-name")).sorted().toList(),
                "a dump lists the devices with channels (lo has none)");
    }

    @Test
    void netdevDumpIsTheTypedDumpWithFlagsByName() throws Exception {
        List<SpecMessage> devs = nl.genl().spec("netdev").dump("dev-get", Map.of());
        List<NetdevDevice> typed = nl.genl().netdev().list();
        assertEquals(typed.stream().map(d -> (long) d.index()).sorted().toList(),
                devs.stream().map(m -> (Long) m.attributes().get("ifindex")).sorted().toList());
        int veth0 = nl.links().index("veth0");
        SpecMessage v = devs.stream().filter(m -> m.attributes().get("ifindex").equals((long) veth0)).findFirst().orElseThrow();
        NetdevDevice t = typed.stream().filter(d -> d.index() == veth0).findFirst().orElseThrow();
        assertEquals(t.xdpFeatures(), ((List<?>) v.attributes().get("xdp-features")).stream()
                .map(n -> XdpFeature.ofSpecName((String) n)).collect(Collectors.toSet()));
        assertTrue(((List<?>) v.attributes().get("xdp-features")).contains("basic"), v.toString());
    }

    @Test
    void nlctrlDescribesItsFamiliesAsGenericNetlinkResolvesThem() throws Exception {
        Map<String, Object> f = nl.genl().spec("nlctrl").call("getfamily", Map.of("family-name", "ethtool")).get(0).attributes();
        GenlFamily ethtool = nl.genl().get("ethtool");
        assertEquals((long) ethtool.id(), f.get("family-id"));
        assertEquals((long) ethtool.version(), f.get("version"));
        assertEquals(ethtool.operations().size(), ((List<?>) f.get("ops")).size(), "an indexed array: one entry per operation");
        assertEquals(ethtool.multicastGroups().get(0).name(), ((Map<?, ?>) ((List<?>) f.get("mcast-groups")).get(0)).get("name"));
    }

    @Test
    void badRequestsAreTypedBeforeTheKernelAndTheKernelsRefusalsNamedBySpec() throws Exception {
        SpecFamily spec = nl.genl().spec("ethtool");
        assertEquals("channels-gte", assertThrows(SpecRequestException.class, () -> spec.call("channels-gte", Map.of())).operation());
        SpecRequestException e = assertThrows(SpecRequestException.class, () -> spec.call("channels-get", Map.of("header", Map.of("dev", "veth0"))));
        assertEquals("header.dev", e.attribute().orElseThrow());
        assertEquals("rx-count", assertThrows(SpecRequestException.class,
                () -> spec.call("channels-set", Map.of("header", Map.of("dev-name", "veth0"), "rx-count", "two"))).attribute().orElseThrow());
        KernelException k = assertThrows(KernelException.class,
                () -> spec.call("channels-set", Map.of("header", Map.of("dev-name", "veth0"), "rx-count", 1000L)));
        assertTrue(String.valueOf(k.getMessage()).contains("ETHTOOL_A_CHANNELS_RX_COUNT"), k.getMessage());
        assertEquals(java.util.Optional.of("rx-count"),
                spec.attributePath("channels-set", false, Map.of("header", Map.of("dev-name", "veth0"), "rx-count", 1000L), k), "the refused attribute by the spec");
        assertThrows(IllegalArgumentException.class, () -> nl.genl().spec("nl4jnosuch"));
        // WireGuard has a spec but no module here: a typed error naming the family
        if (nl.genl().find("wireguard").isEmpty()) {
            io.github.netlink4j.error.NoSuchFamilyException absent = assertThrows(io.github.netlink4j.error.NoSuchFamilyException.class,
                    () -> nl.genl().spec("wireguard").dump("get-device", Map.of("ifname", "wg0")));
            assertTrue(absent.getMessage().contains("wireguard"), absent.getMessage());
        }
        // devlink likewise on this kernel; where it is there, a dump of no devices is still an answer
        if (nl.genl().find("devlink").isEmpty()) {
            io.github.netlink4j.error.NoSuchFamilyException absent = assertThrows(io.github.netlink4j.error.NoSuchFamilyException.class,
                    () -> nl.genl().spec("devlink").dump("get", Map.of()));
            assertTrue(absent.getMessage().contains("devlink"), absent.getMessage());
        }
        assertEquals("subscribe", assertThrows(SpecRequestException.class, () -> spec.subscribe("nosuch")).operation());
    }

    @Test
    void notificationsOfASetAndOfANewDeviceArrive() throws Exception {
        SpecFamily spec = nl.genl().spec("ethtool");
        try (SpecListener l = spec.subscribe("monitor")) {
            spec.call("channels-set", Map.of("header", Map.of("dev-name", "veth0"), "rx-count", 2L));
            List<SpecMessage> got = l.poll(Duration.ofSeconds(5), 1);
            assertEquals("channels-ntf", got.get(0).operation());
            assertEquals(2L, got.get(0).attributes().get("rx-count"));
        }
        assertEquals(2L, field(ethtool("-l", "veth0"), "RX", 1), "ethtool reads what the tree set");
        try (SpecListener l = nl.genl().spec("netdev").subscribe("mgmt")) {
            nl.links().add(LinkSpec.veth("veth2", "veth3"));
            List<SpecMessage> got = l.poll(Duration.ofSeconds(5), 2);
            assertEquals(List.of("dev-add-ntf", "dev-add-ntf"), got.stream().map(SpecMessage::operation).toList());
            assertEquals(java.util.stream.Stream.of(nl.links().index("veth2"), nl.links().index("veth3")).map(Long::valueOf).sorted().toList(),
                    got.stream().map(m -> (Long) m.attributes().get("ifindex")).sorted().toList());
            long t0 = System.nanoTime();
            List<SpecMessage> rest = l.poll(Duration.ofMillis(200), 1000);
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "a poll ends with its time, whatever is left to come");
            assertTrue(rest.stream().allMatch(m -> m.operation().equals("dev-change-ntf")), "then the devices' changes: " + rest);
            assertThrows(IllegalArgumentException.class, () -> l.poll(Duration.ofMillis(1), 0));
        }
    }
}
