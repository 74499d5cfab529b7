package io.github.netlink4j.examples.cni;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What running netlink4j-bridge under a real runtime (podman, libcni) found to differ from the reference
 * bridge plugin, each checked against the reference on the same config: both run as processes in a
 * throwaway "host" namespace of their own, with throwaway containers and host-local keeping its state in
 * a temporary directory.
 */
class CniRuntimeParityTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final boolean[] BOTH = {false, true};

    private final List<ThrowawayNamespace> namespaces = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    @BeforeEach
    void reference() {
        assertTrue(Files.isExecutable(Path.of(PluginRun.REFERENCE)), ".ci/run installs containernetworking-plugins");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (ThrowawayNamespace n : namespaces) n.close();
        for (Path d : dirs) PluginRun.deleteTree(d);
    }

    private ThrowawayNamespace ns(String prefix) throws IOException {
        ThrowawayNamespace n = ThrowawayNamespace.create(prefix);
        namespaces.add(n);
        return n;
    }

    private static String who(boolean ours) {
        return ours ? "netlink4j-bridge" : "the reference";
    }

    /** A config on bridge {@code br} with host-local on {@code subnet} (its state in a new temporary directory); {@code extra} ends in a comma. */
    private String conf(String br, String subnet, String extra) throws IOException {
        Path d = Files.createTempDirectory("nl4j-cni-parity");
        dirs.add(d);
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"net-" + br + "\",\"type\":\"bridge\",\"bridge\":\"" + br + "\"," + extra
                + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"" + subnet + "\",\"dataDir\":\"" + d + "\"}}";
    }

    private static PluginRun.Answer call(boolean ours, String command, ThrowawayNamespace host, ThrowawayNamespace c, String ifname, String conf)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "ctr-" + c.name());
        env.put("CNI_NETNS", "/run/netns/" + c.name());
        env.put("CNI_IFNAME", ifname);
        env.put("CNI_PATH", "/usr/lib/cni");
        return PluginRun.asProcess(ours, host, env, conf, BOUND);
    }

    private static PluginRun.Answer add(boolean ours, ThrowawayNamespace host, ThrowawayNamespace c, String ifname, String conf) throws Exception {
        PluginRun.Answer a = call(ours, "ADD", host, c, ifname, conf);
        assertEquals(0, a.exit(), who(ours) + " ADD " + ifname + ": " + a.out());
        return a;
    }

    /** {@code ip -j link show dev} in {@code n}, as JSON. */
    private static Map<?, ?> link(ThrowawayNamespace n, String dev) throws IOException {
        return (Map<?, ?>) ((List<?>) Json.parse(Ip.in(n.name(), "-j", "link", "show", "dev", dev))).get(0);
    }

    /** The link whose name starts with "veth" in {@code host} (there is one per container). */
    private static List<String> veths(ThrowawayNamespace host) throws IOException {
        return ((List<?>) Json.parse(Ip.in(host.name(), "-j", "link"))).stream().map(l -> (String) ((Map<?, ?>) l).get("ifname"))
                .filter(n -> n.startsWith("veth")).toList();
    }

    /**
     * A sysctl of the throwaway namespace {@code n}: read, or written when {@code value} is not null. Only
     * from a thread that is inside another namespace than this JVM's: never the machine's own.
     */
    private static String sysctl(ThrowawayNamespace n, String path, String value) throws IOException {
        return n.ns().call(() -> {
            Path mine = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net"));
            if (mine.equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")))) throw new IllegalStateException("not inside " + n.name());
            Path p = Path.of("/proc/sys/net", path);
            if (value != null) Files.writeString(p, value);
            return Files.readString(p).strip();
        });
    }

    /** Item 1 of issue 29: with isGateway the host namespace forwards IPv4, else a container reaches nothing beyond the host. */
    @Test
    void aGatewayTurnsOnIpv4ForwardingInTheHostNamespaceAsTheReferenceDoes() throws Exception {
        for (boolean ours : BOTH) {
            for (boolean gateway : new boolean[] {false, true}) {
                ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
                assertEquals("0", sysctl(host, "ipv4/ip_forward", "0"));
                add(ours, host, c, "eth0", conf("cni9", "10.200.40.0/24", gateway ? "\"isGateway\":true," : ""));
                assertEquals(gateway ? "1" : "0", sysctl(host, "ipv4/ip_forward", null), who(ours) + ", isGateway " + gateway);
            }
        }
    }

    /** Item 1 for IPv6: an IPv6 gateway turns on IPv6 forwarding (net.ipv6.conf.all.forwarding), as the reference does. */
    @Test
    void anIpv6GatewayTurnsOnIpv6ForwardingAsTheReferenceDoes() throws Exception {
        for (boolean ours : BOTH) {
            ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
            assertEquals("0", sysctl(host, "ipv6/conf/all/forwarding", "0"));
            add(ours, host, c, "eth0", conf("cni9", "fd00:200::/64", "\"isGateway\":true,"));
            assertEquals("1", sysctl(host, "ipv6/conf/all/forwarding", null), who(ours));
            assertTrue(Ip.in(host.name(), "-6", "addr", "show", "dev", "cni9").contains("fd00:200::1/64"), who(ours) + ": the gateway address");
        }
    }

    /**
     * Item 2: the bridge keeps one MAC of its own while containers come and go: the one the ADD result
     * reports, never a container's veth's (else, when that container goes, the others hold a stale
     * gateway MAC), never 00:00:00:00:00:00 once empty.
     */
    @Test
    void theBridgeKeepsItsOwnMacWhileContainersComeAndGoAsTheReferences() throws Exception {
        for (boolean ours : BOTH) {
            ThrowawayNamespace host = ns("cni-host"), a = ns("cni-a"), b = ns("cni-b");
            String conf = conf("cni9", "10.200.40.0/24", "\"isGateway\":true,");
            Map<?, ?> result = add(ours, host, a, "eth0", conf).json();
            String mac = (String) link(host, "cni9").get("address");
            assertEquals(mac, ((Map<?, ?>) ((List<?>) result.get("interfaces")).get(0)).get("mac"), who(ours) + ": the result's bridge MAC is the bridge's");
            add(ours, host, b, "eth0", conf);
            for (String v : veths(host)) assertNotEquals(mac, link(host, v).get("address"), who(ours) + ": the bridge has a MAC of its own, not " + v + "'s");
            assertEquals(mac, link(host, "cni9").get("address"), who(ours) + ": a second port changes nothing");
            for (ThrowawayNamespace c : List.of(a, b)) {
                assertEquals(0, call(ours, "DEL", host, c, "eth0", conf).exit());
                assertEquals(mac, link(host, "cni9").get("address"), who(ours) + ": the bridge's MAC once " + c.name() + " is gone");
            }
        }
    }

    /** Item 2 for a bridge made by someone else: with isGateway its MAC is pinned to the one it had, as the reference pins it. */
    @Test
    void aGatewayPinsTheMacOfABridgeMadeElsewhereAsTheReferenceDoes() throws Exception {
        for (boolean ours : BOTH) {
            ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
            Ip.in(host.name(), "link", "add", "cni9", "type", "bridge");
            String mac = (String) link(host, "cni9").get("address");
            String conf = conf("cni9", "10.200.40.0/24", "\"isGateway\":true,");
            add(ours, host, c, "eth0", conf);
            assertEquals(mac, link(host, "cni9").get("address"), who(ours) + ": with a port");
            assertEquals(0, call(ours, "DEL", host, c, "eth0", conf).exit());
            assertEquals(mac, link(host, "cni9").get("address"), who(ours) + ": empty again");
        }
    }

    /** Item 3: a container on two networks gets the second one's default route beside the first's, as the reference adds it. */
    @Test
    void aContainerOnTwoNetworksGetsBothDefaultRoutesAsTheReference() throws Exception {
        Map<Boolean, String> routes = new HashMap<>();
        for (boolean ours : BOTH) {
            ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
            String first = conf("cni9", "10.200.40.0/24", "\"isDefaultGateway\":true,"), second = conf("cni8", "10.200.42.0/24", "\"isDefaultGateway\":true,");
            add(ours, host, c, "eth0", first);
            add(ours, host, c, "eth1", second);
            routes.put(ours, Ip.in(c.name(), "route") + Ip.in(c.name(), "-br", "-4", "addr").replaceAll("@if\\d+", ""));
            assertEquals(0, call(ours, "DEL", host, c, "eth1", second).exit());
            assertTrue(Ip.in(c.name(), "route").contains("default via 10.200.40.1 dev eth0"), who(ours) + ": the first network's stays");
        }
        assertEquals(routes.get(false), routes.get(true));
        assertTrue(routes.get(true).contains("default via 10.200.42.1 dev eth1") && routes.get(true).contains("default via 10.200.40.1 dev eth0"),
                routes.get(true));
    }

    /** Item 4: "mtu" is the MTU of the container's interface, the host's veth end and the bridge it makes. */
    @Test
    void theMtuIsOnTheContainerTheHostVethAndTheBridgeAsTheReferenceSetsIt() throws Exception {
        Map<Boolean, List<Object>> mtus = new HashMap<>();
        for (boolean ours : BOTH) {
            ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
            add(ours, host, c, "eth0", conf("cni9", "10.200.40.0/24", "\"isGateway\":true,\"mtu\":1400,"));
            mtus.put(ours, List.of(link(c, "eth0").get("mtu"), link(host, veths(host).get(0)).get("mtu"), link(host, "cni9").get("mtu")));
        }
        assertEquals(mtus.get(false), mtus.get(true), "container, host veth, bridge");
        assertEquals(List.of(1400L, 1400L, 1400L), mtus.get(true));
    }

    /** Item 5: a network without ipam is layer 2 only: the interfaces, up, without addresses or routes; DEL removes them. */
    @Test
    void aNetworkWithoutIpamIsLayerTwoOnlyAsTheReference() throws Exception {
        Map<Boolean, Object> results = new HashMap<>();
        Map<Boolean, String> states = new HashMap<>();
        for (boolean ours : BOTH) {
            ThrowawayNamespace host = ns("cni-host"), c = ns("cni-c");
            String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"l2\",\"type\":\"bridge\",\"bridge\":\"cni9\"}";
            results.put(ours, withoutMacs(add(ours, host, c, "eth0", conf).json()));
            states.put(ours, Ip.in(c.name(), "-br", "-4", "addr").replaceAll("@if\\d+", "") + Ip.in(c.name(), "route")
                    + Ip.in(host.name(), "-br", "-4", "addr", "show", "dev", "cni9"));
            assertTrue(String.valueOf(link(c, "eth0").get("flags")).contains("UP"), who(ours) + ": eth0 is up");
            assertEquals(0, call(ours, "DEL", host, c, "eth0", conf).exit(), who(ours) + " DEL");
            assertFalse(Ip.in(c.name(), "-br", "link").contains("eth0"), who(ours) + ": DEL removed eth0");
        }
        assertEquals(results.get(false), results.get(true), "the result");
        assertEquals(states.get(false), states.get(true), "container and bridge");
    }

    /** A result with MACs, veth names and the sandbox path (which differ by design) left out. */
    private static Object withoutMacs(Map<?, ?> result) {
        Map<Object, Object> r = new TreeMap<>();
        result.forEach((k, v) -> r.put(k, v));
        List<Object> ifs = new ArrayList<>();
        for (Object o : (List<?>) result.get("interfaces")) {
            Map<Object, Object> m = new TreeMap<>((Map<?, ?>) o);
            m.remove("mac");
            if (((String) m.get("name")).startsWith("veth")) m.put("name", "veth*");
            if (m.containsKey("sandbox")) m.put("sandbox", "*");
            ifs.add(m);
        }
        r.put("interfaces", ifs);
        return r;
    }
}
