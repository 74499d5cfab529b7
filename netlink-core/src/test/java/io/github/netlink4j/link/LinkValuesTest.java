package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The small value types of a link: a bridge id printed as {@code ip -d link} prints it, the 25 counters of
 * rtnl_link_stats64 in the struct's order, the details without their counter, and the enums' kernel
 * values (linux/if.h, if_link.h, if_bonding.h).
 */
class LinkValuesTest {
    @Test
    void aBridgeIdPrintsAsIpPrintsIt() {
        // iproute2's br_dump_bridge_id: "%.2x%.2x.%s" of the two priority bytes and glibc's ether_ntoa_r (no leading zeros)
        assertEquals("8000.2:0:0:0:1:2", new BridgeId(0x8000, MacAddress.of("02:00:00:00:01:02")).toString());
        assertEquals("0000.aa:bb:c:0:0:ff", new BridgeId(0, MacAddress.of("aa:bb:0c:00:00:ff")).toString());
        assertEquals("ffff.2:0:0:0:0:9", new BridgeId(0xFFFF, MacAddress.of("02:00:00:00:00:09")).toString());
        assertThrows(IllegalArgumentException.class, () -> new BridgeId(0x10000, MacAddress.of("02:00:00:00:00:09")));
        assertThrows(IllegalArgumentException.class, () -> new BridgeId(-1, MacAddress.of("02:00:00:00:00:09")));
        assertThrows(NullPointerException.class, () -> new BridgeId(1, null));
    }

    @Test
    void statsComeInTheStructsOrder() {
        long[] c = new long[LinkStats.FIELDS];
        for (int i = 0; i < c.length; i++) c[i] = 100 + i;
        LinkStats s = LinkStats.of(c);
        assertEquals(new LinkStats(100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120,
                121, 122, 123, 124), s);
        assertEquals(100, s.rxPackets());
        assertEquals(103, s.txBytes());
        assertEquals(124, s.rxOtherhostDropped());
        assertEquals(new LinkStats(1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), LinkStats.of(1, 2),
                "an older kernel's shorter struct leaves the rest 0");
        assertThrows(IllegalArgumentException.class, () -> LinkStats.of(new long[LinkStats.FIELDS + 1]));
        assertEquals(25, LinkStats.FIELDS);
    }

    @Test
    void detailsWithoutCountersDropOnlyTheCarrierChanges() {
        LinkDetails d = new LinkDetails(OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(3), OptionalLong.of(4), OptionalLong.of(5),
                OptionalLong.of(6), OptionalLong.of(7), OptionalLong.of(8), OptionalLong.of(9), OptionalInt.of(1),
                Optional.of(MacAddress.of("02:00:00:00:00:01")), Optional.of("pci"), Optional.of("0000:00:01.0"), OptionalLong.of(12),
                Optional.of(true));
        assertEquals(new LinkDetails(OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(3), OptionalLong.of(4), OptionalLong.of(5),
                OptionalLong.of(6), OptionalLong.of(7), OptionalLong.of(8), OptionalLong.of(9), OptionalInt.of(1),
                Optional.of(MacAddress.of("02:00:00:00:00:01")), Optional.of("pci"), Optional.of("0000:00:01.0"), OptionalLong.empty(),
                Optional.of(true)), d.withoutCounters());
        assertEquals(LinkDetails.NONE, LinkDetails.NONE.withoutCounters());
    }

    @Test
    void enumsCarryTheKernelsValues() {
        // BOND_MODE_* 0..6, IF_OPER_* 0..6, IF_LINK_MODE_* 0..2, IPVLAN_MODE_* 0..2, MACVLAN_MODE_* bits
        assertEquals(1, BondMode.ACTIVE_BACKUP.value());
        assertEquals("802.3ad", BondMode.IEEE_8023AD.text());
        assertEquals("balance-alb", BondMode.of(6).text());
        assertEquals(BondMode.BALANCE_RR, BondMode.of(0));
        assertThrows(IllegalArgumentException.class, () -> BondMode.of(-1));
        assertEquals(6, OperState.UP.value());
        assertEquals(OperState.UNKNOWN, OperState.of(0));
        assertThrows(IllegalArgumentException.class, () -> OperState.of(-1));
        assertEquals(2, LinkMode.TESTING.value());
        assertEquals(LinkMode.TESTING, LinkMode.of(2));
        assertEquals(LinkMode.DEFAULT, LinkMode.of(0));
        assertThrows(IllegalArgumentException.class, () -> LinkMode.of(3));
        assertEquals(1, IpvlanMode.L3.value());
        assertEquals(IpvlanMode.L2, IpvlanMode.of(0));
        assertThrows(IllegalArgumentException.class, () -> IpvlanMode.of(-1));
        assertEquals(8, MacvlanMode.PASSTHRU.value());
        assertEquals("passthru", MacvlanMode.PASSTHRU.text());
        assertEquals(MacvlanMode.PRIVATE, MacvlanMode.of(1));
        assertEquals(0x88a8, VlanProtocol.IEEE_8021AD.value());
        assertEquals("802.1Q", VlanProtocol.IEEE_8021Q.text());
        assertEquals(VlanProtocol.IEEE_8021Q, VlanProtocol.of(0x8100));
        assertEquals(0x10000, LinkFlag.LOWER_UP.bit());
        assertEquals(0x1 | 0x100 | 0x40000, LinkFlag.toBits(EnumSet.of(LinkFlag.UP, LinkFlag.PROMISC, LinkFlag.ECHO)));
        assertEquals(EnumSet.of(LinkFlag.NOARP, LinkFlag.DORMANT), LinkFlag.fromBits(0x80 | 0x20000 | 0x80000), "0x80000 names no IFF_ flag");
    }
}
