package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.LinkData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The units of kind data (ARCHITECTURE.md, Vocabulary): u32 values above 2^31 stay positive longs,
 * centiseconds and seconds become durations, and the kernel's 0 for "never"/"no limit" reads as empty.
 * The attributes are written here only to give the decoder values a capture does not hold (4294967295,
 * 0); the kernel's own bytes are decoded in LinkDetailsDecodeTest.
 */
class KindDataUnitsTest {
    private static Attrs attrs(MessageWriter w) throws Exception {
        return new Attrs().reset(w.segment(), 0, w.size(), "test");
    }

    @Test
    void bridgeU32ValuesAreUnsignedAndTimesAreDurations() throws Exception {
        MessageWriter w = new MessageWriter(128);
        w.attrU32(1, 1500);   // IFLA_BR_FORWARD_DELAY, centiseconds
        w.attrU32(4, -1);     // IFLA_BR_AGEING_TIME 0xffffffff centiseconds
        w.attrU32(27, -1);    // IFLA_BR_MCAST_HASH_MAX 0xffffffff
        w.attrU32(13, -2);    // IFLA_BR_ROOT_PATH_COST 0xfffffffe
        w.attrU64(31, 26000); // IFLA_BR_MCAST_MEMBERSHIP_INTVL, centiseconds
        LinkData.Bridge b = BridgeData.bridge(attrs(w));
        assertEquals(Optional.of(Duration.ofSeconds(15)), b.forwardDelay());
        assertEquals(Optional.of(Duration.ofMillis(4294967295L * 10)), b.ageingTime());
        assertEquals(OptionalLong.of(4294967295L), b.mcastHashMax());
        assertEquals(OptionalLong.of(4294967294L), b.rootPathCost());
        assertEquals(Optional.of(Duration.ofSeconds(260)), b.mcastMembershipInterval());
    }

    @Test
    void bridgePortCostIsUnsigned() throws Exception {
        MessageWriter w = new MessageWriter(64);
        w.attrU32(3, -1);     // IFLA_BRPORT_COST
        LinkData.BridgePort p = BridgeData.port(attrs(w));
        assertEquals(OptionalLong.of(4294967295L), p.cost());
    }

    @Test
    void vxlanAgeingIsADurationAndZeroMeansNone() throws Exception {
        MessageWriter w = new MessageWriter(64);
        w.attrU32(IfLink.IFLA_VXLAN_ID, 42);
        w.attrU32(IfLink.IFLA_VXLAN_AGEING, 300);
        w.attrU32(IfLink.IFLA_VXLAN_LIMIT, -1);
        LinkData.Vxlan v = (LinkData.Vxlan) LinkKinds.decodeData("vxlan", attrs(w));
        assertEquals(Optional.of(Duration.ofMinutes(5)), v.ageing());
        assertEquals(OptionalLong.of(4294967295L), v.limit());

        w.reset();
        w.attrU32(IfLink.IFLA_VXLAN_ID, 42);
        w.attrU32(IfLink.IFLA_VXLAN_AGEING, 0);
        w.attrU32(IfLink.IFLA_VXLAN_LIMIT, 0);
        LinkData.Vxlan none = (LinkData.Vxlan) LinkKinds.decodeData("vxlan", attrs(w));
        assertEquals(Optional.empty(), none.ageing(), "ageing 0 is the kernel's never");
        assertEquals(OptionalLong.empty(), none.limit(), "limit 0 is the kernel's no limit");
    }
}
