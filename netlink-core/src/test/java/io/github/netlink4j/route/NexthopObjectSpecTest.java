package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nexthop object spec is one of the kinds rtm_to_nh_config accepts (via and/or dev, blackhole, or a
 * group of members), with a resilient group's buckets and timers only on a resilient group; without an
 * id it names a nexthop by every part it sets. The record prints as {@code ip nexthop} does.
 */
class NexthopObjectSpecTest {
    private static final InetAddress GW = InetAddress.ofLiteral("10.200.0.1");
    private static final InetAddress GW6 = InetAddress.ofLiteral("fd00:200::1");
    private static final IntFunction<String> NAMES = Map.of(3, "veth0", 5, "veth2")::get;
    private static final List<NexthopObject.Member> MEMBERS = List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(2, 3));

    private static NexthopObject single(long id, Optional<InetAddress> gw, OptionalInt oif, boolean blackhole, boolean fdb, int rawFlags) {
        return new NexthopObject(id, Optional.of(gw.map(AddressFamily::of).orElse(AddressFamily.INET)), RouteScope.UNIVERSE, RouteProtocol.BOOT,
                rawFlags, NexthopFlag.fromBits(rawFlags), gw, oif, blackhole, fdb, List.of(), Optional.empty(), Optional.empty(), List.of());
    }

    private static NexthopObject group(long id, List<NexthopObject.Member> members, NexthopGroupType type) {
        return new NexthopObject(id, Optional.empty(), RouteScope.UNIVERSE, RouteProtocol.BOOT, 0, Set.of(), Optional.empty(),
                OptionalInt.empty(), false, false, members, Optional.of(type), Optional.empty(), List.of());
    }

    @Test
    void withoutAnIdEveryPartTheSpecSetsMustAgree() {
        NexthopObject n = single(40, Optional.of(GW), OptionalInt.of(3), false, false, 0);
        assertTrue(NexthopObjectSpec.via(0, GW, "veth0").matches(n, NAMES));
        assertFalse(NexthopObjectSpec.via(0, InetAddress.ofLiteral("10.200.0.9"), "veth0").matches(n, NAMES), "another gateway");
        assertFalse(NexthopObjectSpec.via(0, GW, "veth2").matches(n, NAMES), "another link");
        assertFalse(NexthopObjectSpec.via(0, GW).matches(n, NAMES), "a link the spec does not name is still a difference");
        assertFalse(NexthopObjectSpec.via(0, GW, "veth0").withOnlink().matches(n, NAMES), "onlink");
        assertTrue(NexthopObjectSpec.via(0, GW, "veth0").withOnlink().matches(single(40, Optional.of(GW), OptionalInt.of(3), false, false, 4),
                NAMES), "RTNH_F_ONLINK is 4");
        assertFalse(NexthopObjectSpec.via(0, GW, "veth0").withFdb().matches(n, NAMES), "fdb");
        assertTrue(NexthopObjectSpec.via(0, GW).withFdb().matches(single(41, Optional.of(GW), OptionalInt.empty(), false, true, 0), NAMES));
        assertFalse(NexthopObjectSpec.via(0, GW, "veth0").withProtocol(RouteProtocol.STATIC).matches(n, NAMES), "another protocol");
        assertTrue(NexthopObjectSpec.via(0, GW, "veth0").withProtocol(RouteProtocol.BOOT).matches(n, NAMES));
        NexthopObject bh = single(42, Optional.empty(), OptionalInt.empty(), true, false, 0);
        assertTrue(NexthopObjectSpec.blackhole(0, AddressFamily.INET).matches(bh, NAMES));
        assertFalse(NexthopObjectSpec.blackhole(0, AddressFamily.INET6).matches(bh, NAMES), "another family");
        assertFalse(NexthopObjectSpec.dev(0, "veth0").matches(bh, NAMES), "a blackhole is not a device nexthop");
    }

    @Test
    void groupsMatchByMembersAndTypeWhenTheSpecSetsOne() {
        NexthopObject mpath = group(10, MEMBERS, NexthopGroupType.MPATH);
        assertTrue(NexthopObjectSpec.group(0, MEMBERS).matches(mpath, NAMES), "no type: any");
        assertFalse(NexthopObjectSpec.group(0, List.of(new NexthopObject.Member(1, 1))).matches(mpath, NAMES), "other members");
        assertFalse(NexthopObjectSpec.group(0, MEMBERS).withResilient(8).matches(mpath, NAMES), "another type");
        assertTrue(NexthopObjectSpec.group(0, MEMBERS).withResilient(8).matches(group(10, MEMBERS, NexthopGroupType.RESILIENT), NAMES),
                "buckets are what a replace sets");
        assertTrue(NexthopObjectSpec.group(10, List.of(new NexthopObject.Member(7, 1))).matches(mpath, NAMES), "with an id, the id is the key");
        assertFalse(NexthopObjectSpec.group(11, MEMBERS).matches(mpath, NAMES));
    }

    @Test
    void aNexthopIsOneKind() {
        NexthopObject.Member m = new NexthopObject.Member(1, 1);
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.empty(), Optional.of(GW),
                Optional.empty(), false, false, false, List.of(m), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), "a group with a via");
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.of("veth0"), false, false, false, List.of(m), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), "a group with a dev");
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true, false, false, List.of(m), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), "a group that is a blackhole");
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.of(AddressFamily.INET),
                Optional.of(GW), Optional.empty(), true, false, false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "a blackhole with a via");
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.of(AddressFamily.INET),
                Optional.empty(), Optional.of("veth0"), true, false, false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "a blackhole with a dev");
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.blackhole(1, AddressFamily.INET).withFdb(), "a blackhole fdb");
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.of(AddressFamily.INET),
                Optional.empty(), Optional.empty(), false, false, false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "nothing at all");
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.via(1, GW6, "veth0").withOnlink().withFdb().withResilient(2),
                "a group type without members");
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.empty(), Optional.of(AddressFamily.INET),
                Optional.of(GW6), Optional.empty(), false, false, false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "via of another family than nh_family");
        assertDoesNotThrow(() -> new NexthopObjectSpec(OptionalLong.empty(), Optional.empty(), Optional.of(GW6), Optional.empty(), false, false,
                false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                "no family: any gateway");
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.dev(1, "a:b"));
        assertThrows(NullPointerException.class, () -> NexthopObjectSpec.via(1, GW, null));
    }

    @Test
    void bucketsAndTimersBelongToResilientGroups() {
        NexthopObjectSpec g = NexthopObjectSpec.group(1, MEMBERS);
        assertThrows(IllegalArgumentException.class, () -> g.withIdleTimer(Duration.ofSeconds(1)), "an mpath group has no timers");
        assertThrows(IllegalArgumentException.class, () -> g.withUnbalancedTimer(Duration.ofSeconds(1)));
        NexthopObjectSpec r = g.withResilient(65535);
        assertEquals(OptionalInt.of(65535), r.buckets());
        assertEquals(Optional.of(NexthopGroupType.RESILIENT), r.groupType());
        assertEquals(1, g.withResilient(1).buckets().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> g.withResilient(0), "NHA_RES_GROUP_BUCKETS is 1..u16");
        assertThrows(IllegalArgumentException.class, () -> g.withResilient(65536));
        // the timers are u32 clock_t (centiseconds on the wire): below 2^32 / 100 seconds
        long limit = 0xFFFFFFFFL / 100;
        assertEquals(Optional.of(Duration.ofSeconds(limit - 1)), r.withIdleTimer(Duration.ofSeconds(limit - 1)).idleTimer());
        assertThrows(IllegalArgumentException.class, () -> r.withIdleTimer(Duration.ofSeconds(limit)));
        assertThrows(IllegalArgumentException.class, () -> r.withUnbalancedTimer(Duration.ofSeconds(limit)));
        assertThrows(IllegalArgumentException.class, () -> r.withIdleTimer(Duration.ofSeconds(-1)));
        assertEquals(Optional.of(Duration.ZERO), r.withUnbalancedTimer(Duration.ZERO).unbalancedTimer());
        NexthopObjectSpec all = r.withIdleTimer(Duration.ofSeconds(60)).withUnbalancedTimer(Duration.ofSeconds(5)).withProtocol(RouteProtocol.STATIC);
        assertEquals(new NexthopObjectSpec(OptionalLong.of(1), Optional.empty(), Optional.empty(), Optional.empty(), false, false, false, MEMBERS,
                Optional.of(NexthopGroupType.RESILIENT), OptionalInt.of(65535), Optional.of(Duration.ofSeconds(60)),
                Optional.of(Duration.ofSeconds(5)), Optional.of(RouteProtocol.STATIC)), all);
    }

    @Test
    void factoriesFillTheFamilyAsIpSendsIt() {
        assertEquals(Optional.of(AddressFamily.INET6), NexthopObjectSpec.via(1, GW6).family());
        assertEquals(Optional.of(AddressFamily.INET), NexthopObjectSpec.dev(1, "veth0").family());
        assertEquals(Optional.of(AddressFamily.INET6), NexthopObjectSpec.blackhole(1, AddressFamily.INET6).family());
        assertTrue(NexthopObjectSpec.blackhole(1, AddressFamily.INET6).blackhole());
        assertEquals(Optional.empty(), NexthopObjectSpec.group(1, MEMBERS).family());
        assertTrue(NexthopObjectSpec.group(0, MEMBERS).id().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new NexthopObjectSpec(OptionalLong.of(0), Optional.empty(), Optional.empty(),
                Optional.empty(), true, false, false, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), "id 0 is spelled empty");
    }

    @Test
    void membersAndRecordsPrintAsIpNexthopDoes() {
        assertThrows(IllegalArgumentException.class, () -> new NexthopObject.Member(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NexthopObject.Member(1, 257));
        assertEquals(256, new NexthopObject.Member(1, 256).weight());
        assertEquals("id 10 group 1/2,3", group(10, MEMBERS, NexthopGroupType.MPATH).toString());
        assertTrue(group(10, MEMBERS, NexthopGroupType.MPATH).isGroup());
        NexthopObject n = single(40, Optional.of(GW), OptionalInt.of(3), false, false, 0);
        assertFalse(n.isGroup());
        assertEquals("id 40 via 10.200.0.1 dev if3", n.toString());
        assertEquals("id 42 blackhole", single(42, Optional.empty(), OptionalInt.empty(), true, false, 0).toString());
        assertEquals("id 43 via 10.200.0.1 fdb", single(43, Optional.of(GW), OptionalInt.empty(), false, true, 0).toString());
    }

    @Test
    void aRecordKeepsTheDecodersFlagSetAndCopiesAnyOther() {
        Set<NexthopFlag> decoded = NexthopFlag.fromBits(0x4);
        assertSame(decoded, new NexthopObject(1, Optional.of(AddressFamily.INET), RouteScope.UNIVERSE, RouteProtocol.BOOT, 4, decoded,
                Optional.of(GW), OptionalInt.of(3), false, false, List.of(), Optional.empty(), Optional.empty(), List.of()).flags());
        Set<NexthopFlag> mine = new HashSet<>(Set.of(NexthopFlag.ONLINK));
        List<NexthopObject.Member> members = new ArrayList<>(MEMBERS);
        NexthopObject n = new NexthopObject(1, Optional.empty(), RouteScope.UNIVERSE, RouteProtocol.BOOT, 4, mine, Optional.empty(),
                OptionalInt.empty(), false, false, members, Optional.empty(), Optional.empty(), List.of());
        mine.add(NexthopFlag.DEAD);
        members.clear();
        assertEquals(Set.of(NexthopFlag.ONLINK), n.flags());
        assertEquals(MEMBERS, n.group());
    }
}
