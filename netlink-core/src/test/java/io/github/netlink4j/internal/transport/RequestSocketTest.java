package io.github.netlink4j.internal.transport;

import io.github.netlink4j.testing.OpenFds;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.internal.wire.uapi.Veth;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.UnsupportedLinkKindException;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The socket against the running kernel, inside a throwaway namespace. */
class RequestSocketTest {
    private ThrowawayNamespace ns;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("sock");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    /** NLMSGERR_ATTR_MISS_TYPE: the attribute the kernel says is missing is part of the error's text, with its own message. */
    @Test
    void aMissingAttributeTheKernelNamesIsInTheError() {
        var withText = KernelErrors.of(new io.github.netlink4j.internal.wire.NlError(-22, "Missing required attribute", -1, 3, -1),
                java.lang.foreign.MemorySegment.NULL, 0, Target.of("adding", "x"), (r, m, o) -> null);
        assertTrue(withText.getMessage().contains("Missing required attribute (missing attribute type 3)"), withText.getMessage());
        var bare = KernelErrors.of(new io.github.netlink4j.internal.wire.NlError(-22, null, -1, 7, -1),
                java.lang.foreign.MemorySegment.NULL, 0, Target.of("adding", "x"), (r, m, o) -> null);
        assertTrue(bare.getMessage().contains("missing attribute type 7"), bare.getMessage());
    }

    @Test
    void aHandlerThatThrowsMidDumpLeavesTheSocketReadyForTheNext() throws Exception {
        // Enough links that the dump spans several datagrams: the kernel is still dumping when the handler throws.
        List<LinkSpec> ifbs = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) ifbs.add(LinkSpec.ifb("ifbd" + i));
        assertTrue(ns.client().links().addAll(ifbs).allSucceeded());
        try (RequestSocket s = SocketFactory.in(ns.ns().fd()).requests()) {
            int[] seen = new int[1];
            IllegalStateException boom = new IllegalStateException("the handler gives up");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.dump(w -> io.github.netlink4j.internal.codec.LinkCodec.encodeDump(w, true),
                    io.github.netlink4j.internal.codec.LinkCodec.NEW, (seg, off, len) -> {
                        if (++seen[0] == 2) throw boom;
                    }, () -> { }, "links"));
            assertEquals(boom, e);
            for (int round = 0; round < 3; round++) { // without the drain, the next dump meets EBUSY
                int[] count = new int[1];
                s.dump(w -> io.github.netlink4j.internal.codec.LinkCodec.encodeDump(w, true), io.github.netlink4j.internal.codec.LinkCodec.NEW,
                        (seg, off, len) -> count[0]++, () -> count[0] = 0, "links");
                assertEquals(151, count[0], "lo and 150 ifb, round " + round);
            }
        }
    }

    @Test
    void aFreshNamespaceHasOnlyLo() throws Exception {
        assertTrue(Ip.run("netns", "list").out().contains(ns.name()), "ip netns list shows the namespace we made");
        var links = ns.client().links().list();
        assertEquals(1, links.size());
        var lo = links.get(0);
        assertEquals("lo", lo.name());
        assertEquals(1, lo.index());
        assertEquals(65536, lo.mtu());
        assertTrue(lo.flags().contains(io.github.netlink4j.link.LinkFlag.LOOPBACK));
    }

    @Test
    void kernelRefusalCarriesErrnoAndExtendedAck() throws Exception {
        // A kind no kernel has: the kernel answers EOPNOTSUPP "Unknown device type".
        LinkSpec spec = new LinkSpec.Generic("weird0", "nl4jnokind", LinkOptions.DEFAULTS);
        UnsupportedLinkKindException e = assertThrows(UnsupportedLinkKindException.class, () -> ns.client().links().add(spec));
        assertEquals("nl4jnokind", e.kind());
        assertEquals(95, e.errno());
        assertEquals("EOPNOTSUPP", e.errnoName());
        assertEquals("Unknown device type", e.extAckMessage().orElseThrow());
        assertTrue(e.getMessage().contains("Unknown device type"), e.getMessage());
    }

    @Test
    void extendedAckMessageWithoutOffset() throws Exception {
        NetlinkClient c = ns.client();
        c.links().add(LinkSpec.veth("veth0", "veth1"));
        KernelException e = assertThrows(KernelException.class, () -> c.links().setMtu("veth0", 70000));
        assertEquals("EINVAL", e.errnoName());
        assertEquals("mtu greater than device maximum", e.extAckMessage().orElseThrow());
        assertTrue(e.attributePath().isEmpty(), "the kernel gives no offset for this one");
        assertTrue(e.getMessage().contains("Error: mtu greater than device maximum."), e.getMessage());
    }

    @Test
    void extendedAckOffsetIsNamedAsAnAttributePath() throws Exception {
        // The public API refuses a 20-byte name before sending; go under it to make the kernel's
        // policy check reject the peer's IFLA_IFNAME and point at it with NLMSGERR_ATTR_OFFS.
        try (RequestSocket s = SocketFactory.in(ns.ns().fd()).requests()) {
            KernelException e = assertThrows(KernelException.class, () -> s.request(w -> {
                int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK
                        | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
                w.ifinfomsg(0, 0, 0, 0, 0);
                w.attrString(IfLink.IFLA_IFNAME, "veth0");
                int info = w.beginNest(IfLink.IFLA_LINKINFO);
                w.attrStringNoNul(IfLink.IFLA_INFO_KIND, "veth");
                int data = w.beginNest(IfLink.IFLA_INFO_DATA);
                int peer = w.beginNest(Veth.VETH_INFO_PEER);
                w.ifinfomsg(0, 0, 0, 0, 0);
                w.attrString(IfLink.IFLA_IFNAME, "a-name-far-too-long-for-ifnamsiz");
                w.endNest(peer);
                w.endNest(data);
                w.endNest(info);
                w.endMessage(m);
            }, null, Target.of("add link veth0", "link \"veth0\"")));
            assertEquals("ERANGE", e.errnoName(), e.getMessage());
            assertTrue(e.extAckOffset().isPresent(), e.getMessage());
            assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME", e.attributePath().orElseThrow(), e.getMessage());
            assertTrue(e.getMessage().contains("at IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME"), e.getMessage());
        }
    }

    /** A veth whose peer is named {@code peer}, or an ifb named {@code name} when {@code peer} is null. */
    private static void newLink(io.github.netlink4j.internal.wire.MessageWriter w, String name, String peer) {
        int m = w.beginMessage(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
        w.ifinfomsg(0, 0, 0, 0, 0);
        w.attrString(IfLink.IFLA_IFNAME, name);
        int info = w.beginNest(IfLink.IFLA_LINKINFO);
        w.attrStringNoNul(IfLink.IFLA_INFO_KIND, peer == null ? "ifb" : "veth");
        if (peer != null) {
            int data = w.beginNest(IfLink.IFLA_INFO_DATA);
            int p = w.beginNest(Veth.VETH_INFO_PEER);
            w.ifinfomsg(0, 0, 0, 0, 0);
            w.attrString(IfLink.IFLA_IFNAME, peer);
            w.endNest(p);
            w.endNest(data);
        }
        w.endNest(info);
        w.endMessage(m);
    }

    @Test
    void extendedAckOffsetsOfBatchItemsAreNamedInTheirOwnRequest() throws Exception {
        // Item 0 is accepted; items 1 and 2 are refused by the kernel's policy check, each pointing into
        // itself with NLMSGERR_ATTR_OFFS: the peer's name nested deep in item 1, the link's own name in item 2.
        String tooLong = "a-name-far-too-long-for-ifnamsiz";
        try (RequestSocket s = SocketFactory.in(ns.ns().fd()).requests()) {
            io.github.netlink4j.error.NetlinkException[] errors = s.batch(3, (w, i) -> {
                switch (i) {
                    case 0 -> newLink(w, "ifbok0", null);
                    case 1 -> newLink(w, "veth0", tooLong);
                    default -> newLink(w, tooLong, null);
                }
            }, null, i -> Target.of("add link " + i, "link " + i));
            assertEquals(null, errors[0], "item 0 was made");
            assertTrue(ns.client().links().find("ifbok0").isPresent());
            KernelException one = (KernelException) errors[1];
            KernelException two = (KernelException) errors[2];
            assertEquals("ERANGE", one.errnoName(), one.getMessage());
            assertEquals("ERANGE", two.errnoName(), two.getMessage());
            assertTrue(one.extAckOffset().isPresent() && two.extAckOffset().isPresent(), one.getMessage() + " / " + two.getMessage());
            assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME", one.attributePath().orElseThrow(), one.getMessage());
            assertEquals("IFLA_IFNAME", two.attributePath().orElseThrow(), two.getMessage());
        }
    }

    @Test
    void aGetIsOneReplyWithoutAckAndRefusesRequestsThatAskForMore() throws Exception {
        try (RequestSocket s = SocketFactory.in(ns.ns().fd()).requests()) {
            int[] seen = new int[1];
            for (int i = 0; i < 3; i++) { // the next get must not meet a stray ACK of the previous one
                s.get(w -> {
                    int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST);
                    w.ifinfomsg(0, 0, 1, 0, 0);
                    w.endMessage(m);
                }, (seg, off, len) -> seen[0] += io.github.netlink4j.internal.wire.Nlmsg.type(seg, off) == Rtnetlink.RTM_NEWLINK ? 1 : 100,
                        Target.of("get lo", "lo"));
            }
            assertEquals(3, seen[0]);
            assertEquals(0, s.droppedMessages(), "no stray ACK met a later get: the kernel sent none");
            // An unknown index: the kernel's error is the one answer.
            KernelException e = assertThrows(KernelException.class, () -> s.get(w -> {
                int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST);
                w.ifinfomsg(0, 0, 999_999, 0, 0);
                w.endMessage(m);
            }, (seg, off, len) -> { }, Target.of("get 999999", "link 999999")));
            assertEquals(io.github.netlink4j.error.Errno.ENODEV, e.errno());
            // With NLM_F_ACK the reply would be followed by an ACK that the next request would meet.
            assertThrows(IllegalArgumentException.class, () -> s.get(w -> {
                int m = w.beginMessage(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
                w.ifinfomsg(0, 0, 1, 0, 0);
                w.endMessage(m);
            }, (seg, off, len) -> { }, Target.of("get with ack", "lo")));
        }
    }

    @Test
    void pipelinedBatchReportsEachFailure() throws Exception {
        NetlinkClient c = ns.client();
        var result = c.links().addAll(List.of(LinkSpec.ifb("ifba"), LinkSpec.ifb("ifba"), LinkSpec.ifb("ifbb")));
        assertTrue(result.error(0).isEmpty());
        assertTrue(result.error(1).orElseThrow() instanceof io.github.netlink4j.error.AlreadyExistsException, result.failures().toString());
        assertTrue(result.error(2).isEmpty());
        assertTrue(result.error(2).isEmpty());
        assertTrue(Ip.in(ns.name(), "-br", "link").contains("ifbb"));
    }

}
