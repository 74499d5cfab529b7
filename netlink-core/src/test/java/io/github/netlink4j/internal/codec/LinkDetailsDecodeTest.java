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

    /**
     * The decoder hands out the previous link's details again when they are equal: a link that differs
     * from the one before in any single detail still gets its own. Each u32 detail of veth0's captured
     * message is changed in turn and decoded right after the original.
     */
    @Test
    void aLinkThatDiffersInOneDetailGetsItsOwnDetails() throws Exception {
        byte[] b = io.github.netlink4j.testing.Golden.bytes("dump/links");
        java.lang.foreign.MemorySegment all = io.github.netlink4j.testing.Golden.segment("dump/links");
        io.github.netlink4j.internal.wire.Messages m = new io.github.netlink4j.internal.wire.Messages().reset(all, b.length);
        byte[] veth0 = null;
        while (m.next()) {
            Link l = LinkCodec.decode(all, m.offset(), m.length());
            if (l.name().equals("veth0")) veth0 = all.asSlice(m.offset(), m.length()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
        int[] details = {io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_PROMISCUITY, io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_ALLMULTI,
                io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_NUM_TX_QUEUES, io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_NUM_RX_QUEUES,
                io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_GSO_MAX_SIZE, io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_GSO_MAX_SEGS,
                io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_TSO_MAX_SIZE, io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_TSO_MAX_SEGS,
                io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_GRO_MAX_SIZE, io.github.netlink4j.internal.wire.uapi.IfLink.IFLA_CARRIER_CHANGES};
        int changed = 0;
        for (int type : details) {
            byte[] patched = veth0.clone();
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(patched).order(java.nio.ByteOrder.nativeOrder());
            for (int at = 16 + 16; at + 4 <= patched.length; ) { // after nlmsghdr and ifinfomsg
                int len = Short.toUnsignedInt(bb.getShort(at)), t = Short.toUnsignedInt(bb.getShort(at + 2)) & 0x3fff;
                if (len < 4) break;
                if (t == type && len == 8) {
                    bb.putInt(at + 4, bb.getInt(at + 4) + 7);
                    changed++;
                }
                at += (len + 3) & ~3;
            }
            Link before = decode(veth0), after = decode(patched);
            assertFalse(before.details().equals(after.details()), "attribute " + type + " changed, details the same: " + after.details());
            assertEquals(before.details(), decode(veth0).details());
        }
        assertEquals(details.length, changed, "every detail is in the captured message");
    }

    private static Link decode(byte[] message) throws Exception {
        java.lang.foreign.MemorySegment s = java.lang.foreign.Arena.ofAuto().allocate(message.length, 8);
        s.copyFrom(java.lang.foreign.MemorySegment.ofArray(message));
        return LinkCodec.decode(s, 0, message.length);
    }
}
