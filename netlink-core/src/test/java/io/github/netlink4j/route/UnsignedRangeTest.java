package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.support.Validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unsigned 32-bit kernel values are one type, {@code long}, checked against 0..4294967295 where a spec
 * is made, so that no value is cut to 32 bits on the wire without a word.
 */
class UnsignedRangeTest {
    private static final long MAX = 4294967295L;
    private static final InetAddress GW = InetAddress.ofLiteral("10.200.0.1");

    private static void refused(String what, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e, what);
        assertTrue(x.getMessage().contains("0 to 4294967295"), x.getMessage());
    }

    @Test
    void ruleSpecTakesTheWholeU32RangeAndNothingBeyond() {
        RuleSpec r = RuleSpec.of(AddressFamily.INET);
        assertEquals(OptionalLong.of(MAX), r.withPriority(MAX).priority());
        assertEquals(OptionalLong.of(MAX), r.withGoto(MAX).gotoPriority());
        assertEquals(OptionalLong.of(MAX - 1), r.withFwmark(MAX - 1, MAX - 2).fwmark());
        assertEquals(OptionalLong.of(MAX), r.withSuppressIfGroup(MAX).suppressIfGroup());
        refused("priority 2^32", () -> r.withPriority(MAX + 1));
        refused("priority -1", () -> r.withPriority(-1));
        refused("goto 2^32", () -> r.withGoto(MAX + 1));
        refused("fwmark 2^32", () -> r.withFwmark(MAX + 1, MAX));
        refused("fwmask 2^32", () -> r.withFwmark(1, MAX + 1));
        refused("suppress_ifgroup -1", () -> r.withSuppressIfGroup(-1));
    }

    @Test
    void routeSpecAndQueryTakeTheWholeU32Range() {
        RouteSpec s = RouteSpec.to("10.200.5.0/24");
        assertEquals(OptionalLong.of(MAX), s.withMetric(MAX).metric());
        assertEquals(OptionalLong.of(MAX), s.withNexthopId(MAX).nexthopId());
        refused("metric 2^32", () -> s.withMetric(MAX + 1));
        refused("metric -1", () -> s.withMetric(-1));
        refused("nhid 2^32", () -> s.withNexthopId(MAX + 1));
        assertThrows(IllegalArgumentException.class, () -> s.withNexthopId(0), "id 0 names no object");
        RouteQuery q = RouteQuery.to(GW);
        assertEquals(OptionalLong.of(MAX), q.withMark(MAX).mark());
        refused("mark 2^32", () -> q.withMark(MAX + 1));
        refused("uid -1", () -> q.withUid(-1));
    }

    @Test
    void nexthopIdsAreU32() {
        assertEquals(MAX, NexthopObjectSpec.via(MAX, GW, "veth0").id().getAsLong());
        assertTrue(NexthopObjectSpec.via(0, GW, "veth0").id().isEmpty(), "0: the kernel picks");
        refused("id 2^32", () -> NexthopObjectSpec.via(MAX + 1, GW, "veth0"));
        refused("member 2^32", () -> new NexthopObject.Member(MAX + 1, 1));
        assertDoesNotThrow(() -> NexthopObjectSpec.group(1, List.of(new NexthopObject.Member(MAX, 1))));
    }

    @Test
    void validateNamesTheValue() {
        assertEquals(MAX, Validate.u32("x", MAX));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Validate.u32("metric", MAX + 1));
        assertEquals("metric 4294967296 is out of range (0 to 4294967295)", e.getMessage());
    }
}
