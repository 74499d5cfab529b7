package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.VlanProtocol;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.nest;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16be;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * IFLA_VLAN_ID (u16) and IFLA_VLAN_PROTOCOL (__be16 ethertype: ETH_P_8021Q 0x8100, ETH_P_8021AD 0x88a8).
 * ip writes the protocol only when asked for one, so 802.1Q goes without it (golden/link/vlan-add.hex)
 * and an absent protocol reads as 802.1Q, the kernel's default.
 */
class VlanKindTest {
    private static final int IFLA_INFO_DATA = 2, IFLA_VLAN_ID = 1, IFLA_VLAN_FLAGS = 2, IFLA_VLAN_PROTOCOL = 5;

    @Test
    void qinqWritesItsEthertypeInNetworkOrder() {
        LinkSpec.Vlan spec = LinkSpec.vlan("veth0.100", "veth0", 100).withProtocol(VlanProtocol.IEEE_8021AD);
        MessageWriter w = new MessageWriter(64);
        LinkKinds.kindOf(spec).encode(w, spec, n -> 0);
        byte[] expected = nest(IFLA_INFO_DATA, u16(IFLA_VLAN_ID, 100), new byte[] {6, 0, IFLA_VLAN_PROTOCOL, 0, (byte) 0x88, (byte) 0xa8, 0, 0});
        assertEquals(Golden.dump(expected), Golden.dump(Written.bytes(w)));
        assertEquals("veth0", LinkKinds.kindOf(spec).parentOf(spec));
    }

    @Test
    void decodesIdAndProtocol() throws Exception {
        assertEquals(new LinkData.Vlan(100, VlanProtocol.IEEE_8021AD),
                LinkKinds.decodeData("vlan", attrs(u16(IFLA_VLAN_ID, 100), u32(IFLA_VLAN_FLAGS, 1), u16be(IFLA_VLAN_PROTOCOL, 0x88a8))));
        assertEquals(new LinkData.Vlan(4094, VlanProtocol.IEEE_8021Q),
                LinkKinds.decodeData("vlan", attrs(u16be(IFLA_VLAN_PROTOCOL, 0x8100), u16(IFLA_VLAN_ID, 4094))));
        assertEquals(new LinkData.Vlan(7, VlanProtocol.IEEE_8021Q), LinkKinds.decodeData("vlan", attrs(u16(IFLA_VLAN_ID, 7))),
                "no protocol: 802.1Q");
    }

    @Test
    void anEthertypeThatIsNoVlanProtocolIsMalformed() throws Exception {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> LinkKinds.decodeData("vlan", attrs(u16(IFLA_VLAN_ID, 7), u16be(IFLA_VLAN_PROTOCOL, 0x0800))));
        assertEquals("IFLA_VLAN_PROTOCOL 2048 is not one this library knows", e.getMessage());
    }

    @Test
    void noDataDecodesAsRawNothing() throws Exception {
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("vlan", null));
    }
}
