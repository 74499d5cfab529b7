package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlMessage;
import io.github.netlink4j.genl.netdev.NetdevDevice;
import io.github.netlink4j.genl.netdev.XdpFeature;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed netdev family in a throwaway namespace: its devices are the links {@code ip -j link} lists,
 * and their XDP features are the bits the kernel sent, read apart from the typed decoder.
 */
class NetdevTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("netdev");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    @Test
    void devicesAreTheLinksIpListsWithTheXdpFeaturesTheKernelSent() throws Exception {
        List<NetdevDevice> devices = nl.genl().netdev().list();
        Set<Integer> ours = devices.stream().map(NetdevDevice::index).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> ip = Json.array(Ip.in(ns.name(), "-j", "link", "show")).stream()
                .map(l -> ((Number) l.get("ifindex")).intValue()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ip, ours);

        // the same dump through the untyped interface: attribute 3 (NETDEV_A_DEV_XDP_FEATURES) as a raw u64
        GenlFamily netdev = nl.genl().get("netdev");
        Map<Long, Long> raw = nl.genl().dump(netdev, 1, List.of()).stream().collect(Collectors.toMap(
                (GenlMessage m) -> m.attribute(1).orElseThrow().unsignedValue(), m -> m.attribute(3).orElseThrow().unsignedValue()));
        for (NetdevDevice d : devices) {
            assertEquals(raw.get((long) d.index()), d.rawXdpFeatures(), "device " + d.index());
            assertEquals(XdpFeature.fromBits(d.rawXdpFeatures()), d.xdpFeatures());
        }
        NetdevDevice lo = nl.genl().netdev().get(1);
        assertEquals(Set.of(), lo.xdpFeatures(), "lo has no XDP");
        NetdevDevice veth = nl.genl().netdev().get(nl.links().index("veth0"));
        assertTrue(veth.xdpFeatures().containsAll(Set.of(XdpFeature.BASIC, XdpFeature.REDIRECT)), "veth runs native XDP: " + veth);
        assertEquals(devices.stream().filter(d -> d.index() == veth.index()).findFirst().orElseThrow(), veth, "get is the dump's entry");
    }

    @Test
    void aDeviceThatDoesNotExistIsNoSuchLink() {
        assertThrows(NoSuchLinkException.class, () -> nl.genl().netdev().get(99999));
        assertThrows(IllegalArgumentException.class, () -> nl.genl().netdev().get(0));
    }
}
