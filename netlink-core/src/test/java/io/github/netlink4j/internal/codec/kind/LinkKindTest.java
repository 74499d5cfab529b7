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
    void aPlainKindIsItsNameAndDecodesAsOther() {
        LinkKind<LinkSpec.Dummy> k = LinkKind.plain("dummy", LinkSpec.Dummy.class);
        assertEquals("dummy", k.kind());
        assertEquals("dummy", k.toString());
        assertSame(LinkSpec.Dummy.class, k.specType());
        assertSame(LinkData.Other.class, k.dataType());
        assertNull(k.portDataType());
        assertNull(k.dataNames());
        assertEquals(List.of(), LinkKinds.referencedLinks(LinkSpec.dummy("dummy0")));
        assertEquals("(any other kind)", LinkKinds.OTHER.toString());
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
    void aNameAsLongAsTheLongestKnownPlusOneIsAnotherKind() {
        int longest = LinkKinds.ALL.stream().mapToInt(k -> k.kind().length()).max().orElseThrow();
        assertSame(LinkKinds.OTHER, LinkKinds.of("x".repeat(longest + 1)));
        assertSame(LinkKinds.OTHER, LinkKinds.of("x".repeat(longest)));
        assertSame(LinkKinds.OTHER, LinkKinds.of(""));
    }
}
