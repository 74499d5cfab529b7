package io.github.netlink4j.examples.jynl;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.netdev.NetdevDevice;
import io.github.netlink4j.genl.netdev.XdpFeature;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jynl against the kernel in a throwaway namespace with a veth pair (-n): its JSON says what ethtool(8),
 * the typed API and nlctrl say; bad requests are refused naming the operation or the attribute.
 */
class JynlTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("jynl");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    record Run(int exit, String out, String err) {}

    private Run jynl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> a = new java.util.ArrayList<>(List.of("-n", ns.name()));
        a.addAll(List.of(args));
        int rc = new Jynl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(a.toArray(String[]::new));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Run r) {
        assertEquals(0, r.exit(), r.err());
        return (Map<String, Object>) Json.parse(r.out());
    }

    private String ethtool(String... args) throws IOException {
        List<String> a = new java.util.ArrayList<>(List.of("netns", "exec", ns.name(), "/usr/sbin/ethtool"));
        a.addAll(List.of(args));
        Ip.Result r = Ip.run(a.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    private static long field(String out, String name, int nth) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s*(\\d+)\\s*$").matcher(out);
        for (int i = 0; i <= nth; i++) assertTrue(m.find(), name + " in " + out);
        return Long.parseLong(m.group(1));
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void channelsGetIsWhatEthtoolPrints() throws Exception {
        Map<String, Object> c = object(jynl("--family", "ethtool", "--do", "channels-get", "--json", "{\"header\": {\"dev-name\": \"veth0\"}}"));
        String out = ethtool("-l", "veth0");
        assertEquals(field(out, "RX", 0), number(c.get("rx-max")));
        assertEquals(field(out, "TX", 0), number(c.get("tx-max")));
        assertEquals(field(out, "RX", 1), number(c.get("rx-count")));
        assertEquals(field(out, "TX", 1), number(c.get("tx-count")));
        Channels typed = nl.genl().ethtool().channels().get("veth0");
        assertEquals(typed.rx(), number(c.get("rx-count")));
        Map<?, ?> header = (Map<?, ?>) c.get("header");
        assertEquals("veth0", header.get("dev-name"));
        assertEquals(nl.links().index("veth0"), number(header.get("dev-index")));
    }

    @Test
    void linkInfoAndTheSetsOfOneToolReadByTheOther() throws Exception {
        Map<String, Object> info = object(jynl("--family", "ethtool", "--do", "linkinfo-get", "--json", "{\"header\": {\"dev-index\": " + nl.links().index("veth1") + "}}"));
        assertEquals("veth1", ((Map<?, ?>) info.get("header")).get("dev-name"));
        assertEquals((long) nl.genl().ethtool().linkInfo().get("veth1").phyAddress().orElseThrow(), number(info.get("phyaddr")));
        Run set = jynl("--family", "ethtool", "--do", "channels-set", "--json", "{\"header\": {\"dev-name\": \"veth0\"}, \"rx-count\": 2}",
                "--subscribe", "monitor", "--sleep", "1");
        assertEquals(0, set.exit(), set.err());
        assertEquals(2L, field(ethtool("-l", "veth0"), "RX", 1), "ethtool reads what jynl set");
        @SuppressWarnings("unchecked")
        Map<String, Object> ntf = (Map<String, Object>) Json.parse(set.out().lines().findFirst().orElseThrow());
        assertEquals("channels-ntf", ntf.get("name"), "a set's ACK prints nothing; the notification follows: " + set.out());
        assertEquals(2L, number(((Map<?, ?>) ntf.get("msg")).get("rx-count")));
    }

    @Test
    void netdevDumpIsTheTypedDump() throws Exception {
        Run r = jynl("--family", "netdev", "--dump", "dev-get");
        assertEquals(0, r.exit(), r.err());
        List<Map<String, Object>> devs = Json.array(r.out());
        List<NetdevDevice> typed = nl.genl().netdev().list();
        assertEquals(typed.size(), devs.size());
        for (NetdevDevice d : typed) {
            Map<String, Object> j = devs.stream().filter(m -> number(m.get("ifindex")) == d.index()).findFirst().orElseThrow();
            assertEquals(d.xdpFeatures(), ((List<?>) j.get("xdp-features")).stream().map(n -> XdpFeature.ofSpecName((String) n)).collect(Collectors.toSet()));
        }
    }

    @Test
    void nlctrlGetfamilyIsTheFamilyGenericNetlinkResolves() throws Exception {
        Map<String, Object> f = object(jynl("--family", "nlctrl", "--do", "getfamily", "--json", "{\"family-name\": \"netdev\"}"));
        assertEquals((long) nl.genl().get("netdev").id(), number(f.get("family-id")));
        assertEquals(nl.genl().get("netdev").operations().size(), ((List<?>) f.get("ops")).size());
    }

    @Test
    void badRequestsNameTheOperationOrTheAttribute() {
        assertEquals(new Run(1, "", "jynl: ethtool channels-gte: the spec has no such operation\n"),
                jynl("--family", "ethtool", "--do", "channels-gte"));
        assertEquals(new Run(1, "", "jynl: ethtool channels-get: header.dev-nmae: attribute set header has no such attribute\n"),
                jynl("--family", "ethtool", "--do", "channels-get", "--json", "{\"header\": {\"dev-nmae\": \"veth0\"}}"));
        assertEquals(new Run(1, "", "jynl: ethtool channels-set: rx-count: u32 takes an integer, not \"two\"\n"),
                jynl("--family", "ethtool", "--do", "channels-set", "--json", "{\"header\": {\"dev-name\": \"veth0\"}, \"rx-count\": \"two\"}"));
        assertEquals(1, jynl("--family", "nl4jnosuchfamily", "--list-ops").exit(), "no spec of it");
        // WireGuard has a spec, so its operations list without the kernel; this kernel has no such family
        assertEquals(new Run(0, "get-device [dump]\nset-device [do]\n", ""), jynl("--family", "wireguard", "--list-ops"));
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/sys/module/wireguard"))) {
            Run noModule = jynl("--family", "wireguard", "--dump", "get-device", "--json", "{\"ifname\": \"wg0\"}");
            assertEquals(1, noModule.exit());
            assertTrue(noModule.err().contains("wireguard"), "the absent family is named: " + noModule.err());
        }
    }

    /** The kernel's refusals as YNL's cli prints an NlError: on standard output, the extended ACK's message, the errno's text, the attribute by the spec. */
    @Test
    void kernelRefusalsArePrintedAsYnlPrintsThem() {
        assertEquals(new Run(1, "Netlink error: requested channel count exceeds maximum: Invalid argument {'bad-attr': '.rx-count'}\n", ""),
                jynl("--family", "ethtool", "--do", "channels-set", "--json", "{\"header\": {\"dev-name\": \"veth0\"}, \"rx-count\": 1000}"));
        assertEquals(new Run(1, "Netlink error: no device matches name: No such device {'bad-attr': '.header.dev-name'}\n", ""),
                jynl("--family", "ethtool", "--do", "channels-get", "--json", "{\"header\": {\"dev-name\": \"nl4jnosuch\"}}"));
        assertEquals(new Run(1, "Netlink error: no device matches name: No such device {'bad-attr': '.header.dev-name'}\n", ""),
                jynl("--family", "ethtool", "--dump", "channels-get", "--json", "{\"header\": {\"dev-name\": \"nl4jnosuch\"}}"));
        Run none = jynl("--family", "ethtool", "--do", "pause-get", "--json", "{\"header\": {\"dev-name\": \"veth0\"}}");
        assertEquals(new Run(1, "Netlink error: Operation not supported\n", ""), none, "no extended ACK: the errno alone");
    }
}
