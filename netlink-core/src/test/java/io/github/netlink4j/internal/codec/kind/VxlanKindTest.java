package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.link.LinkData;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attr;
import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.flag;
import static io.github.netlink4j.internal.codec.kind.KindBytes.linkInfo;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16be;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VXLAN's IFLA_VXLAN_* (linux/if_link.h): first every field as the kernel sent them for
 * {@code ip link add vx0 type vxlan id 42 dstport 4789 local 10.200.0.2 remote 10.200.0.9 dev veth0}
 * (golden/dump/links.hex), then the switches that capture leaves off, IPv6 endpoints and the big-endian
 * fields (struct ifla_vxlan_port_range { __be16 low, high; }, __be32 IFLA_VXLAN_LABEL) with bytes that
 * differ, so their order shows.
 */
class VxlanKindTest {
    private static LinkData.Vxlan decode(byte[]... attributes) throws Exception {
        return (LinkData.Vxlan) LinkKinds.decodeData("vxlan", attrs(attributes));
    }

    private static final int ID = 1, GROUP = 2, LOCAL = 4, TTL = 5, LEARNING = 7, PORT_RANGE = 10, PROXY = 11, RSC = 12,
            L2MISS = 13, L3MISS = 14, GROUP6 = 16, LOCAL6 = 17, UDP_CSUM = 18, ZERO_CSUM6_TX = 19, ZERO_CSUM6_RX = 20,
            REMCSUM_TX = 21, REMCSUM_RX = 22, GBP = 23, COLLECT_METADATA = 25, LABEL = 26, GPE = 27, TTL_INHERIT = 28, DF = 29,
            VNIFILTER = 30;

    @Test
    void theKernelsVxlanDataDecodesInFull() throws Exception {
        LinkData d = LinkKinds.decodeData("vxlan", linkInfo("dump/links", "vx0", KindBytes.IFLA_INFO_DATA));
        LinkData.Vxlan expected = new LinkData.Vxlan(42, OptionalInt.of(4789),            // ID 2a, PORT 12 b5
                Optional.of(InetAddress.ofLiteral("10.200.0.9")), Optional.of(InetAddress.ofLiteral("10.200.0.2")), // GROUP, LOCAL
                OptionalInt.of(3), OptionalInt.of(0),                                     // LINK, TTL
                true, false, false,                                                       // LEARNING 1, COLLECT_METADATA 0, no VNIFILTER
                OptionalInt.of(0), OptionalInt.of(0),                                     // PORT_RANGE 0-0
                false, false, false, false,                                               // PROXY, RSC, L2MISS, L3MISS
                OptionalInt.of(0), false, OptionalInt.of(0), OptionalInt.of(0),           // TOS, TTL_INHERIT 0, DF, LABEL
                Optional.of(Duration.ofSeconds(300)), OptionalLong.empty(),               // AGEING 2c 01, LIMIT 0 (none)
                Optional.of(true), Optional.of(false), Optional.of(false),                // UDP_CSUM 1, ZERO_CSUM6_TX/RX 0
                false, false, false, false);                                              // REMCSUM_TX/RX 0, no GBP, no GPE
        assertEquals(expected, d);
    }

    @Test
    void theSwitchesReadOn() throws Exception {
        LinkData.Vxlan v = decode(u32(ID, 7), u8(LEARNING, 0), u8(PROXY, 1), u8(RSC, 1), u8(L2MISS, 1), u8(L3MISS, 1),
                u8(REMCSUM_TX, 1), u8(REMCSUM_RX, 1), flag(GBP), flag(GPE), u8(COLLECT_METADATA, 1), u8(VNIFILTER, 1),
                u8(ZERO_CSUM6_TX, 1), u8(ZERO_CSUM6_RX, 1), u8(UDP_CSUM, 0), u8(TTL, 64), u8(DF, 2));
        assertFalse(v.learning());
        assertTrue(v.proxy());
        assertTrue(v.rsc());
        assertTrue(v.l2miss());
        assertTrue(v.l3miss());
        assertTrue(v.remoteChecksumTx());
        assertTrue(v.remoteChecksumRx());
        assertTrue(v.gbp(), "IFLA_VXLAN_GBP is a flag: present means on");
        assertTrue(v.gpe());
        assertTrue(v.external());
        assertTrue(v.vniFilter());
        assertEquals(Optional.of(true), v.udpZeroChecksum6Tx());
        assertEquals(Optional.of(true), v.udpZeroChecksum6Rx());
        assertEquals(Optional.of(false), v.udpChecksum());
        assertEquals(OptionalInt.of(64), v.ttl());
        assertEquals(OptionalInt.of(2), v.df(), "VXLAN_DF_INHERIT");
        assertEquals(7, v.vni());
    }

    @Test
    void ttlInheritIsAFlagOrAU8() throws Exception {
        assertTrue(decode(flag(TTL_INHERIT)).ttlInherit(), "iproute2 sends it as a flag");
        assertTrue(decode(u8(TTL_INHERIT, 1)).ttlInherit(), "the kernel reports a u8");
        assertFalse(decode(u8(TTL_INHERIT, 0)).ttlInherit());
        assertFalse(decode().ttlInherit());
    }

    @Test
    void bigEndianFieldsReadInNetworkOrder() throws Exception {
        LinkData.Vxlan v = decode(attr(PORT_RANGE, new byte[] {(byte) 0x9c, 0x40, (byte) 0xea, 0x60}), // 40000-60000
                attr(LABEL, new byte[] {0x01, 0x02, 0x03, 0x04}), u16be(15, 8472));
        assertEquals(OptionalInt.of(40000), v.sourcePortLow());
        assertEquals(OptionalInt.of(60000), v.sourcePortHigh());
        assertEquals(OptionalInt.of(0x01020304), v.flowLabel());
        assertEquals(OptionalInt.of(8472), v.port());
        LinkData.Vxlan low = decode(attr(PORT_RANGE, new byte[] {0x00, 0x01, 0x00, 0x02}), attr(LABEL, new byte[] {0, 0x0f, (byte) 0xff, (byte) 0xff}));
        assertEquals(OptionalInt.of(1), low.sourcePortLow());
        assertEquals(OptionalInt.of(2), low.sourcePortHigh());
        assertEquals(OptionalInt.of(0xfffff), low.flowLabel(), "the largest 20-bit flow label");
    }

    @Test
    void shortBigEndianFieldsAreLeftOut() throws Exception {
        LinkData.Vxlan v = decode(attr(PORT_RANGE, new byte[] {0, 1, 0}), attr(LABEL, new byte[] {0, 0, 1}));
        assertEquals(OptionalInt.empty(), v.sourcePortLow());
        assertEquals(OptionalInt.empty(), v.sourcePortHigh());
        assertEquals(OptionalInt.empty(), v.flowLabel());
    }

    @Test
    void ipv6EndpointsComeFromTheirOwnAttributes() throws Exception {
        LinkData.Vxlan v = decode(u32(ID, 9), attr(GROUP6, InetAddress.ofLiteral("fd00:200::9").getAddress()),
                attr(LOCAL6, InetAddress.ofLiteral("fd00:200::2").getAddress()));
        assertEquals(Optional.of(InetAddress.ofLiteral("fd00:200::9")), v.remote());
        assertEquals(Optional.of(InetAddress.ofLiteral("fd00:200::2")), v.local());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.9")), decode(attr(GROUP, InetAddress.ofLiteral("10.200.0.9").getAddress())).remote());
        assertEquals(Optional.of(InetAddress.ofLiteral("10.200.0.2")), decode(attr(LOCAL, InetAddress.ofLiteral("10.200.0.2").getAddress())).local());
    }

    @Test
    void noDataDecodesAsRawNothing() throws Exception {
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("vxlan", null));
        LinkData.Vxlan none = decode();
        assertEquals(0, none.vni());
        assertEquals(Optional.empty(), none.udpChecksum());
        assertEquals(OptionalInt.empty(), none.port());
    }
}
