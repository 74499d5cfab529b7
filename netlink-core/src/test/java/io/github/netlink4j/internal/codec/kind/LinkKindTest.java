package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attr;
import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What a kind does when it overrides nothing: the data of a kind the library does not type, and the
 * slave data of a port whose master is not a bridge, is kept raw, attribute by attribute, so nothing the
 * kernel said is lost; a plain kind is made by name alone.
 */
class LinkKindTest {
    @Test
    void aKindWithoutDataHasNoDescriptorAndIsMadeByNameAlone() {
        LinkKind<?> k = LinkKinds.kindOf(LinkSpec.dummy("dummy0"));
        assertSame(LinkKinds.OTHER, k);
        assertSame(LinkSpec.class, k.specType());
        assertSame(LinkData.Other.class, k.dataType());
        assertNull(k.portDataType());
        assertNull(k.dataNames());
        assertEquals(List.of(), LinkKinds.referencedLinks(LinkSpec.dummy("dummy0")));
        assertEquals(List.of(), LinkKinds.referencedLinks(LinkSpec.ifb("ifb0")));
        assertEquals("(any other kind)", LinkKinds.OTHER.toString());
        assertEquals("vlan", LinkKinds.of("vlan").toString());
    }

    @Test
    void dataOfAnUntypedKindIsKeptRaw() throws Exception {
        LinkData d = LinkKinds.decodeData("wireguard", attrs(u32(1, 7), attr(2, new byte[] {1, 2, 3})));
        assertEquals(new LinkData.Other(List.of(RawAttribute.ofU32(1, 7), RawAttribute.of(2, new byte[] {1, 2, 3}))), d);
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("wireguard", null));
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("dummy", null));
    }

    @Test
    void portDataOfAMasterThatIsNoBridgeIsKeptRaw() throws Exception {
        // IFLA_BOND_SLAVE_STATE (1) and IFLA_BOND_SLAVE_MII_STATUS (2) of a bond port
        assertEquals(new LinkData.Other(List.of(RawAttribute.ofU8(1, 0), RawAttribute.ofU8(2, 1))),
                LinkKinds.decodePortData("bond", attrs(u8(1, 0), u8(2, 1))));
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodePortData("bond", null));
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodePortData("bridge", null));
    }

    @Test
    void kindsWithoutTimersLeaveTheirDataAlone() {
        LinkData d = new LinkData.Other(List.of(RawAttribute.ofU8(1, 0)));
        assertSame(d, LinkKinds.withoutTimers("bond", d));
        assertSame(d, LinkKinds.withoutTimers("wireguard", d));
    }

    @Test
    void namesThatNameNoDescriptorAreOtherKinds() {
        // "link" names the abstract LinkKind, "links" LinkKinds, "macvlanKind" no kind a kernel has; names
        // that could not be a class of the package are not looked up at all.
        for (String name : List.of("", "x".repeat(40), "link", "links", "macvlanKind", "Vlan", "VLAN", "vlan ", "../vlan",
                "kind.VlanKind", "wireguard", "dummy", "ifb")) {
            assertSame(LinkKinds.OTHER, LinkKinds.of(name), name);
        }
        // Asked again, the answer is the remembered one.
        assertSame(LinkKinds.of("vlan"), LinkKinds.of("vlan"));
        assertSame(LinkKinds.OTHER, LinkKinds.of("wireguard"));
    }

    @Test
    void aKindMetOftenerThanTheMemoryHoldsIsStillFound() {
        // More distinct names than are remembered: past the limit each is looked up afresh, and a
        // descriptor met last is still the right one.
        for (int i = 0; i < 100; i++) assertSame(LinkKinds.OTHER, LinkKinds.of("nokind" + i));
        assertEquals("bond", LinkKinds.of("bond").kind());
        assertEquals(MacvtapKind.class, LinkKinds.of("macvtap").getClass());
    }
}
