package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
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
}
