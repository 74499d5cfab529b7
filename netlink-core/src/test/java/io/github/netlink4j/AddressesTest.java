package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.RouteScope;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses through the API, cross-checked with {@code ip -j addr}. */
class AddressesTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("addr");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().add(LinkSpec.ifb("ifb0"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ipAddrs(String dev) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> l : Json.array(Ip.in(ns.name(), "-j", "addr", "show", "dev", dev))) {
            out.addAll((List<Map<String, Object>>) l.get("addr_info"));
        }
        return out;
    }

    private Map<String, Object> ipAddr(String dev, String local) throws IOException {
        return ipAddrs(dev).stream().filter(a -> local.equals(a.get("local"))).findFirst()
                .orElseThrow(() -> new AssertionError(local + " not on " + dev));
    }

    @Test
    void ipv4AndIpv6WithEveryOption() throws Exception {
        Addresses a = nl.addresses();
        a.add(AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web").withBroadcast(InetAddress.ofLiteral("10.200.0.255")));
        a.add(AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD).withFlag(AddressFlag.NOPREFIXROUTE));
        a.add(AddressSpec.of("ifb0", "10.200.1.1/32").withPeer(InetAddress.ofLiteral("10.200.1.2")).withScope(RouteScope.LINK)
                .withLifetimes(java.time.Duration.ofSeconds(3600), java.time.Duration.ofSeconds(1800)));
        Map<String, Object> v4 = ipAddr("veth0", "10.200.0.2");
        assertEquals(24L, v4.get("prefixlen"));
        assertEquals("veth0:web", v4.get("label"));
        assertEquals("10.200.0.255", v4.get("broadcast"));
        Map<String, Object> v6 = ipAddr("veth0", "fd00:200::2");
        assertEquals(true, v6.get("nodad"));
        assertEquals(true, v6.get("noprefixroute"));
        Map<String, Object> p2p = ipAddr("ifb0", "10.200.1.1");
        assertEquals("10.200.1.2", p2p.get("address"));
        assertEquals("link", p2p.get("scope"));
        long valid = ((Number) p2p.get("valid_life_time")).longValue();
        assertTrue(valid > 3540 && valid <= 3600, "valid_lft " + valid + " counts down from 3600");

        List<Address> mine = a.list("veth0");
        Address d4 = mine.stream().filter(x -> x.cidr().equals("10.200.0.2/24")).findFirst().orElseThrow();
        assertEquals("veth0:web", d4.label().orElseThrow());
        assertEquals(InetAddress.ofLiteral("10.200.0.255"), d4.broadcast().orElseThrow());
        assertEquals(nl.links().index("veth0"), d4.index());
        Address d6 = mine.stream().filter(x -> x.cidr().equals("fd00:200::2/64")).findFirst().orElseThrow();
        assertTrue(d6.flags().contains(AddressFlag.NODAD) && d6.flags().contains(AddressFlag.NOPREFIXROUTE));
        Address dp = a.list("ifb0").stream().filter(x -> x.family() == AddressFamily.INET).findFirst().orElseThrow();
        assertEquals(InetAddress.ofLiteral("10.200.1.2"), dp.peer().orElseThrow());
        assertEquals(RouteScope.LINK, dp.scope());
        long v = dp.validLifetime().toSeconds(), p = dp.preferredLifetime().toSeconds();
        assertTrue(v > 3540 && v <= 3600 && p > 1740 && p <= 1800, v + "/" + p);

        // each address turns back into a spec that names it, and that spec deletes exactly it
        java.util.Map<Integer, String> names = new java.util.HashMap<>();
        for (var l : nl.links().list()) names.put(l.index(), l.name());
        for (Address x : a.list()) assertTrue(x.toSpec(names::get).matches(x, names::get), x.toString());
        int before = a.list().size();
        a.delete(dp.toSpec(names::get));
        assertEquals(before - 1, a.list().size());
        assertTrue(a.list("ifb0").stream().noneMatch(x -> x.toSpec(names::get).matches(dp, names::get)));
    }

    @Test
    void listsAreFilteredByTheKernelAndMatchIp() throws Exception {
        Ip.in(ns.name(), "addr", "add", "10.200.0.2/24", "dev", "veth0");
        Ip.in(ns.name(), "addr", "add", "10.200.2.2/24", "dev", "ifb0");
        Ip.in(ns.name(), "addr", "add", "fd00:200::9/64", "dev", "ifb0", "nodad");
        Addresses a = nl.addresses();
        assertEquals(List.of("10.200.0.2/24"), a.list("veth0", AddressFamily.INET).stream().map(Address::cidr).toList());
        assertEquals(List.of("10.200.2.2/24"), a.list("ifb0", AddressFamily.INET).stream().map(Address::cidr).toList());
        assertEquals(List.of("fd00:200::9/64"), a.list("ifb0", AddressFamily.INET6).stream().map(Address::cidr).toList());
        assertTrue(a.list(AddressFamily.INET6).stream().allMatch(x -> x.family() == AddressFamily.INET6));
        assertTrue(a.list(AddressFamily.INET).stream().allMatch(x -> x.family() == AddressFamily.INET));
        // Every address ip shows, the library shows, with the same prefix.
        for (String dev : List.of("veth0", "ifb0", "lo")) {
            List<String> fromIp = ipAddrs(dev).stream().map(x -> x.get("local") + "/" + x.get("prefixlen")).sorted().toList();
            List<String> fromUs = a.list(dev).stream().map(Address::cidr).sorted().toList();
            assertEquals(fromIp, fromUs, dev);
        }
    }

    @Test
    void replaceAndDelete() throws Exception {
        Addresses a = nl.addresses();
        AddressSpec s = AddressSpec.of("veth0", "10.200.0.2/24");
        Address made = a.add(s);
        assertEquals(a.list("veth0"), List.of(made), "add returns the address as a dump shows it");
        assertEquals(AddressFamily.INET, made.family());
        assertThrows(AlreadyExistsException.class, () -> a.add(s));
        Address replaced = a.replace(s.withLifetimes(java.time.Duration.ofSeconds(600), java.time.Duration.ofSeconds(300)));
        assertTrue(replaced.validLifetime().toSeconds() > 540 && replaced.validLifetime().toSeconds() <= 600, replaced.toString());
        long valid = ((Number) ipAddr("veth0", "10.200.0.2").get("valid_life_time")).longValue();
        assertTrue(valid > 540 && valid <= 600, "valid_lft " + valid);
        a.delete(s);
        assertFalse(ipAddrs("veth0").stream().anyMatch(x -> "10.200.0.2".equals(x.get("local"))));
        KernelException gone = assertThrows(KernelException.class, () -> a.delete(s));
        assertEquals("EADDRNOTAVAIL", gone.errnoName());
    }

    @Test
    void bulkAddReportsPerItem() throws Exception {
        List<AddressSpec> specs = new ArrayList<>();
        for (int i = 1; i <= 200; i++) specs.add(AddressSpec.of("ifb0", "198.18.0." + i + "/32"));
        specs.add(AddressSpec.of("ifb0", "198.18.0.7/32")); // duplicate: fails alone
        BulkResult<Void> r = nl.addresses().addAll(specs);
        assertEquals(Map.of(200, r.error(200).orElseThrow()), r.failures());
        assertTrue(r.error(200).get() instanceof AlreadyExistsException);
        assertEquals(200, nl.addresses().list("ifb0", AddressFamily.INET).size());
        assertEquals(200, ipAddrs("ifb0").size());
        assertTrue(nl.addresses().deleteAll(specs.subList(0, 200)).allSucceeded());
        assertEquals(0, nl.addresses().list("ifb0", AddressFamily.INET).size());
    }

    @Test
    void findAndGetByLinkAndAddress() throws Exception {
        nl.addresses().add(AddressSpec.of("veth0", "10.200.4.2/24"));
        Address a = nl.addresses().get("veth0", InetAddress.ofLiteral("10.200.4.2"));
        assertEquals(24, a.prefixLength());
        assertEquals(((Number) ipAddr("veth0", "10.200.4.2").get("prefixlen")).intValue(), a.prefixLength());
        assertTrue(nl.addresses().find("ifb0", InetAddress.ofLiteral("10.200.4.2")).isEmpty(), "on another link it is not found");
        assertThrows(io.github.netlink4j.error.NotFoundException.class, () -> nl.addresses().get("veth0", InetAddress.ofLiteral("10.200.4.3")));
    }
}
