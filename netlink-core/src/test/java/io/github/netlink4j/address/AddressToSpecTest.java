package io.github.netlink4j.address;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteScope;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An address turns back into the spec that makes it, and {@link AddressSpec#matches} knows an address by
 * the kernel's key (link, local address, prefix length, IPv4 peer). Lifetimes are durations with one
 * named "forever".
 */
class AddressToSpecTest {
    private static final IntFunction<String> NAMES = Map.of(3, "veth0", 4, "veth1")::get;

    private static Address v6(int index, int prefix, Duration valid, Duration preferred) {
        int raw = AddressFlag.NODAD.bit() | AddressFlag.TENTATIVE.bit() | AddressFlag.NOPREFIXROUTE.bit();
        return new Address(AddressFamily.INET6, index, InetAddress.ofLiteral("fd00:200::2"), prefix, Optional.empty(), Optional.empty(),
                Optional.empty(), RouteScope.UNIVERSE, raw, AddressFlag.fromBits(raw), valid, preferred);
    }

    @Test
    void anAddressBecomesItsSpecWithTheFlagsARequestSets() {
        Address a = v6(3, 64, Duration.ofSeconds(600), Duration.ofSeconds(300));
        AddressSpec expected = AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD).withFlag(AddressFlag.NOPREFIXROUTE)
                .withScope(RouteScope.UNIVERSE).withLifetimes(Duration.ofSeconds(600), Duration.ofSeconds(300));
        assertEquals(expected, a.toSpec(NAMES), "TENTATIVE is the kernel's state, not a request");
        assertTrue(expected.matches(a, NAMES));
    }

    @Test
    void matchesIsTheKernelsKey() {
        AddressSpec s = AddressSpec.of("veth0", "fd00:200::2/64");
        assertTrue(s.matches(v6(3, 64, Address.FOREVER, Address.FOREVER), NAMES), "lifetimes and flags are not the key");
        assertFalse(s.matches(v6(4, 64, Address.FOREVER, Address.FOREVER), NAMES), "another link");
        assertFalse(s.matches(v6(3, 80, Address.FOREVER, Address.FOREVER), NAMES), "another prefix length");
        Address p2p = new Address(AddressFamily.INET, 3, InetAddress.ofLiteral("10.200.1.1"), 32, Optional.of(InetAddress.ofLiteral("10.200.1.2")),
                Optional.empty(), Optional.empty(), RouteScope.LINK, 0, Set.of(), Address.FOREVER, Address.FOREVER);
        assertFalse(AddressSpec.of("veth0", "10.200.1.1/32").matches(p2p, NAMES), "an IPv4 peer is part of the key");
        assertTrue(AddressSpec.of("veth0", "10.200.1.1/32").withPeer(InetAddress.ofLiteral("10.200.1.2")).matches(p2p, NAMES));
    }

    @Test
    void foreverIsOneNamedDuration() {
        Address a = v6(3, 64, Address.FOREVER, Address.FOREVER);
        assertTrue(a.isPermanent());
        assertEquals(4294967295L, Address.FOREVER.toSeconds(), "the kernel's INFINITY_LIFE_TIME");
        assertEquals(Address.FOREVER, AddressSpec.of("veth0", "fd00:200::2/64").validLifetime(), "a spec lasts forever unless told");
        AddressSpec s = AddressSpec.of("veth0", "10.200.0.2/24").withLifetimes(Address.FOREVER, Duration.ofSeconds(100));
        assertEquals(Duration.ofSeconds(100), s.preferredLifetime(), "valid_lft forever preferred_lft 100, as ip takes it");
        assertThrows(IllegalArgumentException.class, () -> s.withLifetimes(Duration.ofSeconds(10), Duration.ofSeconds(20)));
        assertThrows(IllegalArgumentException.class, () -> s.withLifetimes(Address.FOREVER.plusSeconds(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> s.withLifetimes(Duration.ofSeconds(-1), Duration.ofSeconds(-1)));
    }
}
