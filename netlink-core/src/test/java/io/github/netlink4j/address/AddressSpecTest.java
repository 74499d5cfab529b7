package io.github.netlink4j.address;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteScope;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An address spec refuses what {@code ip addr add} or the kernel refuses (a broadcast or label on IPv6, a
 * label not starting with the link's name or over IFNAMSIZ, a peer of another family), and an address record
 * prints as {@code ip addr} prints it, lifetimes included.
 */
class AddressSpecTest {
    private static final IntFunction<String> NAMES = Map.of(3, "veth0")::get;
    private static final InetAddress V4 = InetAddress.ofLiteral("10.200.0.2");

    @Test
    void eachWitherSetsItsPart() {
        AddressSpec s = AddressSpec.of("veth0", "10.200.0.2/24").withPeer(InetAddress.ofLiteral("10.200.0.1"))
                .withBroadcast(InetAddress.ofLiteral("10.200.0.255")).withLabel("veth0:1").withScope(RouteScope.LINK)
                .withFlag(AddressFlag.NODAD).withFlag(AddressFlag.NOPREFIXROUTE).withLifetimes(Duration.ofSeconds(60), Duration.ofSeconds(30));
        assertEquals(new AddressSpec("veth0", V4, 24, Optional.of(InetAddress.ofLiteral("10.200.0.1")), Optional.of(InetAddress.ofLiteral("10.200.0.255")),
                Optional.of("veth0:1"), Optional.of(RouteScope.LINK), EnumSet.of(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE),
                Duration.ofSeconds(60), Duration.ofSeconds(30)), s);
        assertEquals(AddressFamily.INET, s.family());
        assertEquals(AddressFamily.INET6, AddressSpec.of("veth0", "fd00:200::2/64").family());
        assertEquals(32, AddressSpec.of("veth0", "10.200.0.2").prefixLength(), "an address alone is a host");
        assertEquals(128, AddressSpec.of("veth0", "fd00:200::2").prefixLength());
    }

    @Test
    void broadcastsAndLabelsAreIpv4Only() {
        AddressSpec v6 = AddressSpec.of("veth0", "fd00:200::2/64");
        AddressSpec v4 = AddressSpec.of("veth0", "10.200.0.2/24");
        assertThrows(IllegalArgumentException.class, () -> v6.withBroadcast(InetAddress.ofLiteral("fd00:200::ffff")));
        assertThrows(IllegalArgumentException.class, () -> v4.withBroadcast(InetAddress.ofLiteral("fd00:200::ffff")), "another family");
        assertThrows(IllegalArgumentException.class, () -> v6.withLabel("veth0"));
        assertThrows(IllegalArgumentException.class, () -> v4.withLabel("eth0:1"), "a label starts with the link's name");
        assertEquals(Optional.of("veth0:abcdefghi"), v4.withLabel("veth0:abcdefghi").label(), "15 bytes");
        assertThrows(IllegalArgumentException.class, () -> v4.withLabel("veth0:abcdefghij"), "16 bytes: over IFNAMSIZ");
        assertThrows(IllegalArgumentException.class, () -> v4.withPeer(InetAddress.ofLiteral("fd00:200::1")));
        assertEquals(Optional.of(InetAddress.ofLiteral("fd00:200::1")), v6.withPeer(InetAddress.ofLiteral("fd00:200::1")).peer());
        assertThrows(IllegalArgumentException.class, () -> AddressSpec.of("veth0", V4, 33));
        assertThrows(IllegalArgumentException.class, () -> AddressSpec.of("", V4, 24));
        assertThrows(NullPointerException.class, () -> AddressSpec.of("veth0", (InetAddress) null, 24));
    }

    @Test
    void lifetimesReachForever() {
        AddressSpec s = AddressSpec.of("veth0", "10.200.0.2/24");
        assertEquals(Address.FOREVER, s.withLifetimes(Address.FOREVER, Address.FOREVER).preferredLifetime());
        assertEquals(Duration.ZERO, s.withLifetimes(Duration.ZERO, Duration.ZERO).validLifetime());
        assertEquals(Duration.ofSeconds(10), s.withLifetimes(Duration.ofSeconds(10), Duration.ofSeconds(10)).preferredLifetime(), "equal is fine");
        assertThrows(IllegalArgumentException.class, () -> s.withLifetimes(Duration.ofSeconds(10), Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> s.withLifetimes(Address.FOREVER, Address.FOREVER.plusSeconds(1)));
        assertThrows(NullPointerException.class, () -> s.withLifetimes(null, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> s.withLifetimes(Duration.ZERO, null));
    }

    @Test
    void flagsAreAnImmutableSet() {
        AddressSpec s = AddressSpec.of("veth0", "10.200.0.2/24").withFlag(AddressFlag.NODAD).withFlag(AddressFlag.NODAD)
                .withFlag(AddressFlag.MCAUTOJOIN);
        assertEquals(Set.of(AddressFlag.NODAD, AddressFlag.MCAUTOJOIN), s.flags());
        assertEquals(Set.of(), AddressSpec.of("veth0", "10.200.0.2/24").flags());
    }

    private static Address address(AddressFamily f, InetAddress a, int len, Optional<InetAddress> peer, Optional<String> label, int raw,
                                   Duration valid, Duration preferred) {
        return new Address(f, 3, a, len, peer, Optional.empty(), label, RouteScope.UNIVERSE, raw, AddressFlag.fromBits(raw), valid, preferred);
    }

    @Test
    void matchesComparesTheLocalAddressAndForIpv6NotThePeer() {
        Address a = address(AddressFamily.INET, V4, 24, Optional.empty(), Optional.empty(), 0, Address.FOREVER, Address.FOREVER);
        assertFalse(AddressSpec.of("veth0", "10.200.0.3/24").matches(a, NAMES), "another address");
        InetAddress v6 = InetAddress.ofLiteral("fd00:200::2");
        Address p2p6 = address(AddressFamily.INET6, v6, 128, Optional.of(InetAddress.ofLiteral("fd00:200::1")), Optional.empty(), 0,
                Address.FOREVER, Address.FOREVER);
        assertTrue(AddressSpec.of("veth0", "fd00:200::2/128").matches(p2p6, NAMES), "the kernel keys IPv6 addresses without the peer");
    }

    @Test
    void recordsPrintLifetimesLabelsAndPeers() {
        Address a = address(AddressFamily.INET, V4, 32, Optional.of(InetAddress.ofLiteral("10.200.0.1")), Optional.of("veth0:1"), 0,
                Duration.ofSeconds(600), Duration.ofSeconds(300));
        assertEquals("inet 10.200.0.2 peer 10.200.0.1/32 scope global veth0:1 valid_lft 600sec preferred_lft 300sec", a.toString());
        assertFalse(a.isPermanent());
        assertEquals("10.200.0.2/32", a.cidr());
        assertEquals("fd00:200::2", Address.format(InetAddress.ofLiteral("fd00:200:0:0:0:0:0:2")));
    }

    @Test
    void tentativeAndFailedAddressesAreNotUsable() {
        // IFA_F_DADFAILED 0x08, IFA_F_TENTATIVE 0x40, IFA_F_DEPRECATED 0x20 (linux/if_addr.h)
        InetAddress v6 = InetAddress.ofLiteral("fd00:200::2");
        assertTrue(address(AddressFamily.INET6, v6, 64, Optional.empty(), Optional.empty(), 0x20, Address.FOREVER, Address.FOREVER).isUsable());
        assertFalse(address(AddressFamily.INET6, v6, 64, Optional.empty(), Optional.empty(), 0x40, Address.FOREVER, Address.FOREVER).isUsable());
        assertFalse(address(AddressFamily.INET6, v6, 64, Optional.empty(), Optional.empty(), 0x08, Address.FOREVER, Address.FOREVER).isUsable());
        assertEquals(EnumSet.of(AddressFlag.SECONDARY, AddressFlag.STABLE_PRIVACY), AddressFlag.fromBits(0x801));
        assertEquals(0x100 | 0x400, AddressFlag.toBits(EnumSet.of(AddressFlag.MANAGETEMPADDR, AddressFlag.MCAUTOJOIN)));
        assertEquals(0x10, AddressFlag.HOMEADDRESS.bit());
        assertThrows(NullPointerException.class, () -> address(AddressFamily.INET, V4, 24, Optional.empty(), Optional.empty(), 0, null,
                Address.FOREVER));
    }

    @Test
    void aRecordKeepsTheDecodersFlagSetAndCopiesAnyOther() {
        Set<AddressFlag> decoded = AddressFlag.fromBits(0x80);
        assertSame(decoded, new Address(AddressFamily.INET, 3, V4, 24, Optional.empty(), Optional.empty(), Optional.empty(), RouteScope.UNIVERSE,
                0x80, decoded, Address.FOREVER, Address.FOREVER).flags());
        Set<AddressFlag> mine = new HashSet<>(Set.of(AddressFlag.PERMANENT));
        Address a = new Address(AddressFamily.INET, 3, V4, 24, Optional.empty(), Optional.empty(), Optional.empty(), RouteScope.UNIVERSE, 0x80,
                mine, Address.FOREVER, Address.FOREVER);
        mine.add(AddressFlag.SECONDARY);
        assertEquals(Set.of(AddressFlag.PERMANENT), a.flags());
    }
}
