package io.github.netlink4j.route;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Tables, scopes, protocols, types and the small enums of routing read and print as ip reads and prints
 * them (the names of /etc/iproute2/rt_tables, rt_scopes and rt_protos) and carry the kernel's numbers
 * (RT_TABLE_*, RT_SCOPE_*, RTPROT_*, RTN_* of linux/rtnetlink.h, FR_ACT_* of fib_rules.h).
 */
class RouteVocabularyTest {
    @Test
    void tablesByNameAndNumber() {
        assertSame(RouteTable.DEFAULT, RouteTable.of(253));
        assertSame(RouteTable.UNSPEC, RouteTable.of(0));
        assertSame(RouteTable.LOCAL, RouteTable.of(255));
        assertSame(RouteTable.MAIN, RouteTable.of(254));
        assertEquals(new RouteTable(252), RouteTable.of(252));
        assertEquals(new RouteTable(256), RouteTable.of(256));
        assertSame(RouteTable.DEFAULT, RouteTable.of("default"));
        assertSame(RouteTable.UNSPEC, RouteTable.of("unspec"));
        assertSame(RouteTable.LOCAL, RouteTable.of("local"));
        assertEquals("default", RouteTable.DEFAULT.toString());
        assertEquals("unspec", RouteTable.UNSPEC.toString());
        assertEquals("main", RouteTable.MAIN.toString());
        assertEquals("252", new RouteTable(252).toString());
        assertEquals("4294967295", RouteTable.of(0xFFFF_FFFFL).toString());
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(-1));
        assertEquals(0, new RouteTable(0).value(), "the constructor takes the reserved ids too");
        assertEquals(0xFFFF_FFFFL, new RouteTable(0xFFFF_FFFFL).value());
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of("-1"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of("4294967296"));
    }

    @Test
    void scopesByNameAndNumber() {
        Map<String, Integer> names = Map.of("global", 0, "universe", 0, "site", 200, "link", 253, "host", 254, "nowhere", 255);
        names.forEach((name, value) -> assertEquals(value, RouteScope.of(name).value(), name));
        assertSame(RouteScope.SITE, RouteScope.of(200));
        assertSame(RouteScope.LINK, RouteScope.of(253));
        assertSame(RouteScope.HOST, RouteScope.of(254));
        assertSame(RouteScope.NOWHERE, RouteScope.of(255));
        assertSame(RouteScope.UNIVERSE, RouteScope.of(0));
        assertEquals(new RouteScope(100), RouteScope.of("100"));
        assertEquals("site", RouteScope.SITE.toString());
        assertEquals("link", RouteScope.LINK.toString());
        assertEquals("host", RouteScope.HOST.toString());
        assertEquals("nowhere", RouteScope.NOWHERE.toString());
        assertEquals("255", RouteScope.NOWHERE.value() + "");
        assertEquals(255, RouteScope.of(255).value());
        assertThrows(IllegalArgumentException.class, () -> RouteScope.of(256), "rtm_scope is one byte");
        assertEquals(0, new RouteScope(0).value(), "the constructor takes the named scopes too");
        assertEquals(255, new RouteScope(255).value());
        assertThrows(IllegalArgumentException.class, () -> RouteScope.of(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteScope.of("world"));
        assertThrows(IllegalArgumentException.class, () -> RouteScope.of("256"));
    }

    @Test
    void protocolsByNameAndNumber() {
        // RTPROT_* of linux/rtnetlink.h, named as in iproute2's rt_protos
        Map<String, Integer> names = Map.ofEntries(Map.entry("unspec", 0), Map.entry("redirect", 1), Map.entry("kernel", 2), Map.entry("boot", 3),
                Map.entry("static", 4), Map.entry("gated", 8), Map.entry("ra", 9), Map.entry("mrt", 10), Map.entry("zebra", 11),
                Map.entry("bird", 12), Map.entry("dnrouted", 13), Map.entry("xorp", 14), Map.entry("ntk", 15), Map.entry("dhcp", 16),
                Map.entry("keepalived", 18), Map.entry("babel", 42), Map.entry("openr", 99), Map.entry("bgp", 186), Map.entry("isis", 187),
                Map.entry("ospf", 188), Map.entry("rip", 189), Map.entry("eigrp", 192));
        names.forEach((name, value) -> {
            assertEquals(value, RouteProtocol.of(name).value(), name);
            assertEquals(name, RouteProtocol.of(value).toString(), name);
        });
        assertEquals(RouteProtocol.of(200), RouteProtocol.of("200"));
        assertEquals("255", RouteProtocol.of(255).toString(), "an unnamed number prints as itself");
        assertEquals("5", RouteProtocol.of(5).toString());
        assertEquals(3, RouteProtocol.BOOT.value());
        assertEquals(16, RouteProtocol.DHCP.value());
        assertThrows(IllegalArgumentException.class, () -> RouteProtocol.of(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteProtocol.of("quagga"));
        assertThrows(IllegalArgumentException.class, () -> RouteProtocol.of("256"));
    }

    @Test
    void routeTypesByNameAndNumber() {
        // RTN_UNICAST 1 .. RTN_XRESOLVE 11
        String[] names = {"unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat",
                "xresolve"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(i + 1, RouteType.of(names[i]).value(), names[i]);
            assertEquals(names[i], RouteType.of(i + 1).text());
        }
        assertEquals(RouteType.THROW, RouteType.of("9"));
        assertEquals(RouteType.XRESOLVE, RouteType.of("0xb"), "ip reads numbers with strtoul base 0");
        assertEquals(RouteType.UNSPEC, RouteType.of(0));
        assertEquals(RouteType.UNSPEC, RouteType.of("0"), "by number only");
        assertThrows(IllegalArgumentException.class, () -> RouteType.of("unspec"), "ip has no name for 0");
        assertThrows(IllegalArgumentException.class, () -> RouteType.of("route"));
        assertThrows(IllegalArgumentException.class, () -> RouteType.of(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteType.of("12"));
    }

    @Test
    void preferencesActionsGroupTypesAndRanges() {
        assertEquals(RoutePreference.MEDIUM, RoutePreference.of(0));
        assertEquals(RoutePreference.HIGH, RoutePreference.of(1));
        assertEquals(3, RoutePreference.LOW.value());
        assertEquals("medium", RoutePreference.MEDIUM.text());
        assertEquals(RuleAction.UNREACHABLE, RuleAction.of(7));
        assertEquals(8, RuleAction.PROHIBIT.value());
        assertThrows(IllegalArgumentException.class, () -> RuleAction.of(4), "FR_ACT_RES1");
        assertEquals(0, NexthopGroupType.MPATH.value());
        assertEquals(1, NexthopGroupType.RESILIENT.value());
        assertEquals("mpath", NexthopGroupType.MPATH.text());
        assertEquals("resilient", NexthopGroupType.RESILIENT.text());
        assertEquals("80", RuleRange.of(80).toString());
        assertEquals("1000-2000", new RuleRange(1000, 2000).toString());
        assertEquals("0", RuleRange.of(0).toString());
        assertThrows(IllegalArgumentException.class, () -> new RuleRange(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new RuleRange(6, 5));
    }

    @Test
    void flagWordsSplitIntoTheirBits() {
        assertEquals(EnumSet.of(RuleFlag.PERMANENT, RuleFlag.OIF_DETACHED), RuleFlag.fromBits(0x11));
        assertEquals(0x2 | 0x8, RuleFlag.toBits(EnumSet.of(RuleFlag.INVERT, RuleFlag.IIF_DETACHED)));
        assertEquals(0x4, RuleFlag.UNRESOLVED.bit());
        assertEquals(EnumSet.of(RouteFlag.NOTIFY, RouteFlag.TRAP), RouteFlag.fromBits(0x100 | 0x8000 | 0x1));
        assertEquals(0x800 | 0x2000, RouteFlag.toBits(EnumSet.of(RouteFlag.PREFIX, RouteFlag.FIB_MATCH)));
        assertEquals(0x1000, RouteFlag.LOOKUP_TABLE.bit());
        assertEquals(EnumSet.of(NexthopFlag.DEAD, NexthopFlag.TRAP), NexthopFlag.fromBits(0x41));
        assertEquals(0x2 | 0x20, NexthopFlag.toBits(EnumSet.of(NexthopFlag.PERVASIVE, NexthopFlag.UNRESOLVED)));
        assertEquals(8, NexthopFlag.OFFLOAD.bit());
        assertEquals(Set.of(), RouteFlag.fromBits(0xFF), "the low byte is RTNH_F_*");
    }
}
