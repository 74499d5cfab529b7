package io.github.netlink4j.internal.codec;

import io.github.netlink4j.link.BridgeId;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.MacvlanMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code ip -d link} needs, decoded from the kernel's own bytes (golden/dump/bridge-port.hex and
 * dump/links.hex, captured from iproute2's socket): the link details, the bridge's IFLA_BR_*, a bridge
 * port's IFLA_BRPORT_* slave data, macvlan and vxlan data.
 */
class LinkDetailsDecodeTest {
    private static Link named(List<Link> links, String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bridgeAndPort() throws Exception {
        List<Link> links = GoldenDecodeTest.decodeAll("dump/bridge-port", LinkCodec::decode);
        Link br = named(links, "br0");
        LinkData.Bridge b = (LinkData.Bridge) br.data().orElseThrow();
        assertEquals(Optional.of(Duration.ofSeconds(15)), b.forwardDelay(), "1500 centiseconds");
        assertEquals(Optional.of(Duration.ofSeconds(2)), b.helloTime());
        assertEquals(Optional.of(Duration.ofSeconds(20)), b.maxAge());
        assertEquals(Optional.of(Duration.ofMinutes(5)), b.ageingTime());
        assertEquals(OptionalLong.of(0), b.stpState());
        assertEquals(OptionalInt.of(32768), b.priority());
        BridgeId id = new BridgeId(0x8000, MacAddress.of("02:00:00:00:01:02"));
        assertEquals(Optional.of(id), b.bridgeId());
        assertEquals("8000.2:0:0:0:1:2", id.toString(), "ip prints a bridge id as ether_ntoa does, without leading zeros");
        assertEquals(Optional.of(MacAddress.of("01:80:c2:00:00:00")), b.groupAddress());
        assertEquals(OptionalLong.of(4096), b.mcastHashMax());
        assertEquals(Optional.of(Duration.ofSeconds(260)), b.mcastMembershipInterval());
        assertEquals(OptionalInt.of(2), b.mcastIgmpVersion());
        assertEquals(Optional.of(false), b.noLinkLocalLearn(), "IFLA_BR_MULTI_BOOLOPT's masked bits");
        assertTrue(b.gcTimer().isPresent(), "the kernel sends the bridge's timers");
        assertEquals(Optional.of(Duration.ZERO), b.helloTimer(), "a bridge that is down runs no hello timer");

        Link port = named(links, "veth1");
        assertEquals(Optional.of("veth"), port.kind());
        assertEquals(Optional.of("bridge"), port.slaveKind());
        LinkData.BridgePort p = (LinkData.BridgePort) port.slaveData().orElseThrow();
        assertEquals(OptionalInt.of(0), p.state(), "disabled: the bridge is down");
        assertEquals(OptionalInt.of(32), p.priority());
        assertEquals(OptionalInt.of(0x8001), p.id());
        assertEquals(OptionalInt.of(1), p.number());
        assertEquals(Optional.of(true), p.learning());
        assertEquals(Optional.of(true), p.unicastFlood());
        assertEquals(Optional.of(false), p.hairpin());
        assertEquals(Optional.of(id), p.bridgeId());
        assertEquals(OptionalInt.of(1), p.multicastRouter());

        Link mv = named(links, "mv0");
        LinkData.Macvlan m = (LinkData.Macvlan) mv.data().orElseThrow();
        assertEquals(Optional.of(MacvlanMode.BRIDGE), m.mode());
        assertEquals(OptionalInt.of(1000), m.broadcastQueueLength());
        assertEquals(List.of(), m.sourceAddresses());

        Link veth0 = named(links, "veth0");
        assertEquals(Optional.empty(), veth0.slaveKind());
        assertEquals(java.util.OptionalLong.of(0), veth0.details().promiscuity());
        assertEquals(java.util.OptionalLong.of(1), port.details().promiscuity(), "a bridge port is promiscuous");
        assertTrue(veth0.details().numTxQueues().getAsLong() >= 1);
        assertEquals(java.util.OptionalLong.of(65536), veth0.details().gsoMaxSize());
        assertEquals(OptionalInt.of(0), veth0.details().inet6AddrGenMode(), "eui64");
        assertFalse(veth0.unknown().stream().anyMatch(r -> r.type() == 30), "IFLA_PROMISCUITY is decoded, not kept raw");
    }

    @Test
    void vxlanData() throws Exception {
        List<Link> links = GoldenDecodeTest.decodeAll("dump/links", LinkCodec::decode);
        LinkData.Vxlan vx = (LinkData.Vxlan) named(links, "vx0").data().orElseThrow();
        assertEquals(Optional.of(Duration.ofSeconds(300)), vx.ageing());
        assertEquals(OptionalInt.of(0), vx.sourcePortLow());
        assertEquals(OptionalInt.of(0), vx.sourcePortHigh());
        assertEquals(Optional.of(true), vx.udpChecksum());
        assertEquals(Optional.of(false), vx.udpZeroChecksum6Tx());
        assertEquals(OptionalInt.of(0), vx.df());
        assertFalse(vx.external());
        assertFalse(vx.ttlInherit());
    }

    @Test
    void subscriptionsCompareLinksWithoutTimersOrCounters() throws Exception {
        List<Link> links = GoldenDecodeTest.decodeAll("dump/bridge-port", LinkCodec::decode);
        Link br = LinkCodec.withoutCounters(named(links, "br0"));
        LinkData.Bridge b = (LinkData.Bridge) br.data().orElseThrow();
        assertEquals(Optional.empty(), b.gcTimer());
        assertEquals(Optional.of(Duration.ofSeconds(15)), b.forwardDelay(), "the rest stays");
        assertEquals(java.util.OptionalLong.empty(), br.details().carrierChanges());
    }
}
