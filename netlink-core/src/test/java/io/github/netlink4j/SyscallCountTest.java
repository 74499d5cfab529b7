package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSelector;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link NetlinkClient#syscalls()}: one sendto per request (or per pipelined window), one recvfrom per datagram. */
class SyscallCountTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("sysc");
        nl = ns.client();
        nl.links().add(LinkSpec.ifb("d0"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    @Test
    void aGetIsOneSendAndOneReceive() throws Exception {
        long before = nl.syscalls();
        nl.links().get("lo");
        assertEquals(2, nl.syscalls() - before);
        before = nl.syscalls();
        nl.links().get("d0");
        nl.links().get("lo");
        assertEquals(4, nl.syscalls() - before);
    }

    @Test
    void aDumpIsOneSendAndAReceivePerDatagram() throws Exception {
        long before = nl.syscalls();
        nl.links().list();
        long calls = nl.syscalls() - before;
        // two links fit one datagram; NLMSG_DONE may come in it or in one of its own
        assertTrue(calls == 2 || calls == 3, calls + " calls");
    }

    @Test
    void pipelinedRequestsShareTheirSends() throws Exception {
        List<AddressSpec> specs = new ArrayList<>();
        for (int i = 0; i < 100; i++) specs.add(AddressSpec.of("d0", "10.200.1." + (i + 1) + "/32"));
        long before = nl.syscalls();
        for (AddressSpec a : specs.subList(0, 10)) nl.addresses().add(a);
        long oneByOne = nl.syscalls() - before;
        assertTrue(oneByOne >= 20, "10 requests, each sent and answered: " + oneByOne);
        before = nl.syscalls();
        nl.addresses().addAll(specs.subList(10, 100)).orThrow();
        long pipelined = nl.syscalls() - before;
        // 90 requests in two windows of at most 64: two sends; the kernel acks each request in a datagram
        // of its own, so the receives stay one per request and pipelining saves the sends alone
        assertTrue(pipelined >= 92 && pipelined < 2 * 90, pipelined + " calls for 90 pipelined requests");
    }

    @Test
    void bulkRoutesLookTheirDeviceUpOnce() throws Exception {
        nl.links().setUp("d0");
        List<RouteSpec> routes = new ArrayList<>();
        for (int i = 0; i < 100; i++) routes.add(RouteSpec.to("10.200.2." + (i + 1) + "/32").withLink("d0"));
        long before = nl.syscalls();
        nl.routes().addAll(routes).orThrow();
        long added = nl.syscalls() - before;
        // one lookup of d0 (a send and a receive), two windows' sends, an ack received per route; a lookup
        // per route would be 200 calls more
        assertTrue(added >= 100 && added < 110, added + " calls for 100 pipelined routes on one device");
        before = nl.syscalls();
        nl.routes().deleteAll(routes).orThrow();
        long deleted = nl.syscalls() - before;
        assertTrue(deleted >= 100 && deleted < 110, deleted + " calls for 100 pipelined deletes on one device");
    }

    @Test
    void bulkLinksLookTheirMasterUpOnce() throws Exception {
        nl.links().add(LinkSpec.bridge("br0"));
        List<LinkSpec> ports = new ArrayList<>();
        for (int i = 0; i < 30; i++) ports.add(LinkSpec.ifb("p" + i).withOptions(LinkOptions.DEFAULTS.withMaster("br0")));
        long before = nl.syscalls();
        nl.links().addAll(ports).orThrow();
        long calls = nl.syscalls() - before;
        assertTrue(calls >= 30 && calls < 40, calls + " calls for 30 pipelined ports of one bridge");
        assertEquals(30, nl.links().list(LinkSelector.empty().withMaster("br0")).size());
    }

    @Test
    void tunTapFlagsOfListedDevicesAskNothingOfNetlink() throws Exception {
        nl.tuntap().add(io.github.netlink4j.tuntap.TunTapSpec.tap("tap0"));
        var devices = nl.tuntap().list();
        long before = nl.syscalls();
        var flags = nl.tuntap().kernelFlags(devices);
        // jip tuntap show lists once and passes the list: only sysfs is read here, no second dump
        assertEquals(0, nl.syscalls() - before, "netlink calls for the flags of devices already listed");
        assertEquals(java.util.Set.of("tap0"), flags.keySet());
        assertEquals(0x0002, flags.get("tap0") & 0x0003, "IFF_TAP in the kernel's tun_flags");
        before = nl.syscalls();
        assertEquals(flags, nl.tuntap().kernelFlags());
        assertTrue(nl.syscalls() - before >= 2, "kernelFlags() without a list dumps the links");
    }
}
