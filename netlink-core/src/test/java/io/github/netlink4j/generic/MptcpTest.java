package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.genl.mptcp.EndpointFlag;
import io.github.netlink4j.genl.mptcp.MptcpEndpoint;
import io.github.netlink4j.genl.mptcp.MptcpEndpointSpec;
import io.github.netlink4j.genl.mptcp.MptcpLimits;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MPTCP path manager in a throwaway namespace, checked against {@code ip mptcp} on the same kernel
 * state: what we add ip shows, what ip adds we list, and the errors of the kernel are typed.
 */
class MptcpTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;
    private Mptcp mptcp;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("mptcp");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        mptcp = nl.genl().mptcp();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    @Test
    void endpointsWeAddAreTheOnesIpShows() throws Exception {
        MptcpEndpoint signal = mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SIGNAL).withDevice("veth0"));
        assertEquals(1, signal.id(), "the kernel gives the lowest free id");
        assertEquals(Set.of(EndpointFlag.SIGNAL), signal.flags());
        assertEquals(OptionalInt.of(nl.links().index("veth0")), signal.ifindex());
        MptcpEndpoint port = mptcp.add(MptcpEndpointSpec.of("10.200.0.3").withId(7).withFlags(EndpointFlag.SIGNAL).withPort(1234));
        assertEquals(OptionalInt.of(1234), port.port());
        MptcpEndpoint v6 = mptcp.add(MptcpEndpointSpec.of("fd00:200::5").withFlags(EndpointFlag.SUBFLOW, EndpointFlag.BACKUP, EndpointFlag.FULLMESH));
        assertEquals(IpText.parse("fd00:200::5"), v6.address(), "add returns the endpoint it made, not another");
        assertEquals(8, v6.id(), "the kernel gives the id after the highest");

        List<Map<String, Object>> ip = Json.array(Ip.in(ns.name(), "-j", "mptcp", "endpoint", "show"));
        assertEquals(ip.stream().map(MptcpTest::fromIp).toList(), mptcp.list().stream().map(this::asIp).toList());
        assertEquals("10.200.0.3 port 1234 id 7 signal \n", Ip.in(ns.name(), "mptcp", "endpoint", "show", "id", "7"));
    }

    @Test
    void endpointsIpAddsWeListGetAndDelete() throws Exception {
        Ip.in(ns.name(), "mptcp", "endpoint", "add", "10.200.0.9", "id", "9", "subflow", "backup", "dev", "veth0");
        MptcpEndpoint e = mptcp.get(9);
        assertEquals(IpText.parse("10.200.0.9"), e.address());
        assertEquals(Set.of(EndpointFlag.SUBFLOW, EndpointFlag.BACKUP), e.flags());
        assertEquals(0x06, e.rawFlags());
        assertEquals(OptionalInt.of(nl.links().index("veth0")), e.ifindex());
        assertEquals(List.of(e), mptcp.list());

        mptcp.delete(9);
        assertEquals("", Ip.in(ns.name(), "mptcp", "endpoint", "show"));
        assertEquals(Optional.empty(), mptcp.find(9));
        assertThrows(NotFoundException.class, () -> mptcp.get(9));
        NotFoundException gone = assertThrows(NotFoundException.class, () -> mptcp.delete(9));
        assertTrue(gone.kernelError().isPresent(), "the kernel's refusal is the cause");
    }

    @Test
    void changedFlagsAreTheOnesIpShows() throws Exception {
        MptcpEndpoint e = mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SUBFLOW));
        mptcp.setFlags(e.id(), Set.of(EndpointFlag.BACKUP, EndpointFlag.FULLMESH));
        assertEquals("10.200.0.2 id 1 subflow backup fullmesh \n", Ip.in(ns.name(), "mptcp", "endpoint", "show"));
        mptcp.setFlags(e.id(), Set.of());
        assertEquals(Set.of(EndpointFlag.SUBFLOW), mptcp.get(e.id()).flags(), "no flag given clears backup and fullmesh");
        assertThrows(IllegalArgumentException.class, () -> mptcp.setFlags(e.id(), Set.of(EndpointFlag.SIGNAL)));
        assertThrows(NotFoundException.class, () -> mptcp.setFlags(42, Set.of(EndpointFlag.BACKUP)));
    }

    @Test
    void flushLeavesNoEndpoint() throws Exception {
        mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SIGNAL));
        Ip.in(ns.name(), "mptcp", "endpoint", "add", "10.200.0.4", "subflow");
        assertEquals(2, mptcp.list().size());
        mptcp.flush();
        assertEquals(List.of(), mptcp.list());
        assertEquals("", Ip.in(ns.name(), "mptcp", "endpoint", "show"));
    }

    @Test
    void limitsSetByEitherSideAreReadByTheOther() throws Exception {
        Ip.in(ns.name(), "mptcp", "limits", "set", "subflows", "3", "add_addr_accepted", "4");
        assertEquals(new MptcpLimits(3, 4), mptcp.limits());
        mptcp.setLimits(new MptcpLimits(5, 6));
        assertEquals("add_addr_accepted 6 subflows 5 \n", Ip.in(ns.name(), "mptcp", "limits", "show"));
        mptcp.setSubflows(1);
        assertEquals(new MptcpLimits(1, 6), mptcp.limits(), "setting one limit leaves the other");
        mptcp.setAddAddrAccepted(2);
        assertEquals(new MptcpLimits(1, 2), mptcp.limits());
        KernelException tooMany = assertThrows(KernelException.class, () -> mptcp.setLimits(new MptcpLimits(100, 0)));
        assertTrue(tooMany.extAckMessage().isPresent(), "the kernel says why: " + tooMany.getMessage());
        assertEquals(new MptcpLimits(1, 2), mptcp.limits(), "a refused set changes nothing");
    }

    @Test
    void refusalsAreTyped() throws Exception {
        mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withId(3).withFlags(EndpointFlag.SIGNAL));
        assertThrows(AlreadyExistsException.class, () -> mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SIGNAL)));
        assertThrows(NoSuchLinkException.class, () -> mptcp.add(MptcpEndpointSpec.of("10.200.0.5").withDevice("nosuch")));
        assertEquals(1, mptcp.list().size(), "nothing half-made");
        assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of("10.200.0.6").withPort(80));
        assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of("10.200.0.6").withFlags(EndpointFlag.SIGNAL, EndpointFlag.FULLMESH));
        assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of("10.200.0.6").withId(0));
        assertThrows(IllegalArgumentException.class, () -> mptcp.get(256));
    }

    /** ip -j's object for an endpoint, as the fields ip prints. */
    private static Map<String, Object> fromIp(Map<String, Object> o) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("address", o.get("address"));
        m.put("port", o.containsKey("port") ? ((Number) o.get("port")).intValue() : 0);
        m.put("id", ((Number) o.get("id")).intValue());
        List<String> flags = new ArrayList<>();
        for (EndpointFlag f : EndpointFlag.values()) if (Boolean.TRUE.equals(o.get(f.word()))) flags.add(f.word());
        m.put("flags", flags);
        m.put("dev", o.getOrDefault("dev", ""));
        return m;
    }

    private Map<String, Object> asIp(MptcpEndpoint e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("address", IpText.text(e.address()));
        m.put("port", e.port().orElse(0));
        m.put("id", e.id());
        List<String> flags = new ArrayList<>();
        for (EndpointFlag f : EndpointFlag.values()) if (e.has(f)) flags.add(f.word());
        m.put("flags", flags);
        try {
            m.put("dev", e.ifindex().isPresent() ? nl.links().get(e.ifindex().getAsInt()).name() : "");
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        assertFalse(e.flags().contains(EndpointFlag.IMPLICIT));
        return m;
    }
}
