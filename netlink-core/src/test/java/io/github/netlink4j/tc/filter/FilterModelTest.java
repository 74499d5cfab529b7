package io.github.netlink4j.tc.filter;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.MirredAction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter and action values: tc's words in and out, the keys tc's u32 builds, and the checks specs make before anything is sent. */
class FilterModelTest {
    @Test
    void u32HandlesReadAndPrintAsTc() {
        for (String s : List.of("800::800", "2:", "2:7:", "800::10", "fff:ff:fff", "1:0:5")) {
            assertEquals(s.equals("1:0:5") ? "1::5" : s, U32Handle.of(s).toString(), s);
        }
        assertEquals(0x80000800L, U32Handle.of("800::800").value());
        assertEquals(0x00207000L, U32Handle.of("2:7:").value());
        assertEquals(0x800, U32Handle.of("800::10").htid());
        assertEquals(7, U32Handle.of("2:7:").hash());
        assertEquals(0x10, U32Handle.of("800::10").node());
        for (String bad : List.of("", "1000:", "1:100:", "1:1:1000", "g:", "1:2:3:4")) {
            assertThrows(IllegalArgumentException.class, () -> U32Handle.of(bad), bad);
        }
    }

    @Test
    void u32KeysAreTcs() {
        assertEquals(new U32Key(0x0ac80000L, 0xffffff00L, 16, 0), U32Key.ipDst(IpPrefix.of("10.200.0.0/24")));
        assertEquals(new U32Key(0x0ac80101L, 0xffffffffL, 12, 0), U32Key.ipSrc(IpPrefix.of("10.200.1.1/32")));
        assertEquals(new U32Key(0, 0, 16, 0), U32Key.ipDst(IpPrefix.of("0.0.0.0/0")));
        assertEquals(new U32Key(0x00060000L, 0x00ff0000L, 8, 0), U32Key.ipProtocol(6));
        assertEquals(new U32Key(0x00500000L, 0xffff0000L, 20, 0), U32Key.sport(80));
        assertEquals(new U32Key(0x50L, 0xffffL, 20, 0), U32Key.dport(80));
        assertEquals(new U32Key(0x00100000L, 0x00ff0000L, 0, 0), U32Key.ipTos(0x10, 0xff));
        assertEquals(0x0ac80000L, new U32Key(0x0ac80001L, 0xffffff00L, 16, 0).value(), "bits outside the mask are cleared");
        assertThrows(IllegalArgumentException.class, () -> U32Key.ipDst(IpPrefix.of("fd00:200::/64")));
        assertThrows(IllegalArgumentException.class, () -> U32Key.of(0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> U32Key.dport(65536));
    }

    @Test
    void selectorsMergeKeysAtOneOffsetAsTcDoes() {
        U32Selector s = U32Selector.of(U32Key.dport(80), U32Key.ipProtocol(6), U32Key.sport(1024));
        assertEquals(List.of(new U32Key(0x04000050L, 0xffffffffL, 20, 0), U32Key.ipProtocol(6)), s.keys());
        assertEquals(s, U32Selector.of(U32Key.dport(80), U32Key.ipProtocol(6)).with(U32Key.sport(1024)));
        assertThrows(IllegalArgumentException.class, () -> U32Selector.of(U32Key.dport(80), U32Key.dport(81)), "no packet has both");
        assertEquals(0, s.flags(), "the request makes it terminal when the filter decides");
    }

    @Test
    void protocolsAndControlsReadAndPrintAsTc() {
        for (String p : List.of("all", "ip", "ipv6", "arp")) assertEquals(p, FilterProtocol.of(p).toString());
        assertEquals(FilterProtocol.VLAN, FilterProtocol.of("802.1q"));
        assertEquals(0x88cc, FilterProtocol.of("0x88cc").value());
        assertEquals("0x88cc", FilterProtocol.of(0x88cc).toString());
        assertThrows(IllegalArgumentException.class, () -> FilterProtocol.of("ipx"));
        for (String c : List.of("continue", "pass", "reclassify", "drop", "pipe", "stolen", "trap")) assertEquals(c, ActionControl.of(c).toString());
        assertEquals(ActionControl.DROP, ActionControl.of("shot"));
        assertEquals(2, ActionControl.DROP.value());
        assertEquals(-1, ActionControl.CONTINUE.value());
        assertEquals("goto chain 7", ActionControl.goToChain(7).toString());
        assertEquals(0x20000007, ActionControl.goToChain(7).value());
        assertEquals("jump 2", ActionControl.jump(2).toString());
        assertEquals(MirredAction.INGRESS_MIRROR, MirredAction.of(4));
        assertThrows(IllegalArgumentException.class, () -> MirredAction.of(5));
    }

    @Test
    void specsCheckBeforeSending() {
        FilterOptions.U32 u = FilterOptions.u32(U32Selector.of(U32Key.dport(80)));
        assertThrows(IllegalArgumentException.class, () -> FilterSpec.of("veth0", TcHandle.UNSPEC, 1, FilterProtocol.IP, u));
        assertThrows(IllegalArgumentException.class, () -> FilterSpec.of("veth0", TcHandle.of("1:"), 65536, FilterProtocol.IP, u));
        assertThrows(IllegalArgumentException.class, () -> FilterOptions.u32Table(257));
        assertThrows(IllegalArgumentException.class, () -> Flower.empty().withDstPort(80), "ports need ip_proto first");
        assertThrows(IllegalArgumentException.class, () -> Flower.empty().withIpProto(1).withDstPort(80), "icmp has no ports");
        assertThrows(IllegalArgumentException.class, () -> new ActionSpec(new io.github.netlink4j.tc.action.ActionOptions.Mirred(
                MirredAction.EGRESS_REDIRECT, 0, ActionControl.STOLEN), 0, Optional.empty()), "a mirred needs its link");
        assertEquals(ActionControl.PIPE, ((io.github.netlink4j.tc.action.ActionOptions.Mirred) ActionSpec.mirred(MirredAction.EGRESS_MIRROR, "veth1")
                .options()).control(), "tc's default for a mirror");
        List<ActionSpec> many = java.util.Collections.nCopies(33, ActionSpec.gact(ActionControl.PASS));
        assertThrows(IllegalArgumentException.class, () -> FilterSpec.of("veth0", TcHandle.of("1:"), 1, FilterProtocol.IP, u).withActions(many));
    }

    @Test
    void aSpecMatchesItsFilterByTheKernelsKey() {
        Filter f = new Filter(3, TcHandle.of("1:"), 10, FilterProtocol.IP, U32Handle.of("800::800").value(), 0,
                FilterOptions.u32(U32Selector.of(U32Key.dport(80))), List.of(), List.of(), FilterOffload.NOT_IN_HW);
        FilterSpec s = f.toSpec(i -> "veth0");
        assertTrue(s.matches(f, i -> "veth0"));
        assertEquals(OptionalLong.empty(), s.chain(), "chain 0 is the default, not sent");
        assertFalse(s.withHandle(U32Handle.of("800::801").value()).matches(f, i -> "veth0"));
        assertFalse(s.withChain(7).matches(f, i -> "veth0"));
        assertFalse(s.matches(f, i -> "veth1"));
        assertTrue(FilterSpec.of("veth0", TcHandle.of("1:"), 0, FilterProtocol.ANY, FilterOptions.u32Table(1)).matches(f, i -> "veth0"),
                "priority 0 and protocol 0 match any");
    }
}
