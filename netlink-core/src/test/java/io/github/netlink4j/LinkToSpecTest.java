package io.github.netlink4j;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Link#toSpec} against the kernel: a link made by ip is read, deleted and made again from its
 * spec, and {@code ip -j -d link} shows the same values before and after for everything a spec carries
 * (kind, MTU, address, txqlen, alias, master, up, the peer or lower link, vxlan's id, port and endpoints).
 * The kinds are those this kernel has (veth, bridge, ifb, vxlan).
 */
class LinkToSpecTest {
    private ThrowawayNamespace ns;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("tospec");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private void ip(String... args) throws IOException {
        Ip.in(ns.name(), args);
    }

    /** What ip shows of {@code name} that a spec can set. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> carried(String name) throws IOException {
        Map<String, Object> j = Json.array(Ip.in(ns.name(), "-j", "-d", "link", "show", "dev", name)).get(0);
        Map<String, Object> out = new TreeMap<>();
        for (String k : List.of("ifname", "mtu", "address", "txqlen", "ifalias", "master", "link")) out.put(k, j.get(k));
        out.put("up", ((List<Object>) j.get("flags")).contains("UP"));
        Map<String, Object> info = (Map<String, Object>) j.get("linkinfo");
        out.put("kind", info.get("info_kind"));
        Map<String, Object> data = (Map<String, Object>) info.get("info_data");
        if ("vxlan".equals(info.get("info_kind"))) {
            for (String k : List.of("id", "port", "local", "remote", "link")) out.put("vxlan." + k, data.get(k));
        }
        return out;
    }

    /** Reads {@code name}, deletes it with ip, adds its spec back; returns the spec. */
    private LinkSpec remake(String name) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        Link link = null;
        for (Link l : ns.client().links().list()) {
            names.put(l.index(), l.name());
            if (l.name().equals(name)) link = l;
        }
        LinkSpec spec = link.toSpec(names::get);
        assertTrue(spec.matches(link), "a record's own spec names it");
        ip("link", "del", name);
        ns.client().links().add(spec);
        assertTrue(spec.matches(ns.client().links().get(name)));
        return spec;
    }

    private void roundTrip(String name) throws IOException {
        Map<String, Object> before = carried(name);
        LinkSpec spec = remake(name);
        assertEquals(before, carried(name), spec.toString());
    }

    @Test
    void vethWithOptionsAndMasterComesBack() throws IOException {
        ip("link", "add", "tb0", "type", "bridge");
        ip("link", "add", "tv0", "mtu", "1400", "txqueuelen", "77", "address", "02:00:00:00:aa:01", "type", "veth", "peer", "name", "tv1");
        ip("link", "set", "tv0", "alias", "uplink", "master", "tb0", "up");
        roundTrip("tv0");
        assertEquals("tv1", carried("tv0").get("link"), "the peer is made again under its name");
    }

    @Test
    void bridgeAndIfbComeBack() throws IOException {
        ip("link", "add", "tb1", "mtu", "1450", "address", "02:00:00:00:bb:01", "type", "bridge");
        ip("link", "set", "tb1", "up");
        roundTrip("tb1");
        ip("link", "add", "ti0", "txqueuelen", "33", "type", "ifb");
        roundTrip("ti0");
    }

    @Test
    void vxlanComesBackWithItsIdPortEndpointsAndUnderlay() throws IOException {
        ip("link", "add", "tu0", "type", "veth", "peer", "name", "tu1");
        ip("link", "add", "tx0", "type", "vxlan", "id", "42", "dstport", "4789", "local", "10.200.0.1", "remote", "10.200.0.9", "dev", "tu0");
        roundTrip("tx0");
        assertEquals(42, ((Number) carried("tx0").get("vxlan.id")).intValue());
    }

    @Test
    void matchesByNameAndKind() throws IOException {
        ip("link", "add", "tv0", "type", "veth", "peer", "name", "tv1");
        Link veth = ns.client().links().get("tv0");
        assertTrue(LinkSpec.veth("tv0", "other").matches(veth), "the key is name and kind, not the peer");
        assertFalse(LinkSpec.bridge("tv0").matches(veth), "another kind of the same name");
        assertFalse(LinkSpec.veth("tv1x", "tv0").matches(veth));
        Link lo = ns.client().links().get("lo");
        assertFalse(LinkSpec.of("lo", "dummy").matches(lo), "a link without a kind matches no spec");
        assertThrows(IllegalStateException.class, () -> lo.toSpec(i -> "x"), "no spec makes a loopback");
    }
}
