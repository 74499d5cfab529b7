package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.link.IpvlanMode;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** IFLA_IPVLAN_MODE (1, u16: IPVLAN_MODE_L2 0, L3 1, L3S 2 of linux/if_link.h) beside IFLA_IPVLAN_FLAGS (2). */
class IpvlanKindTest {
    private static final int IFLA_IPVLAN_MODE = 1, IFLA_IPVLAN_FLAGS = 2;

    @Test
    void decodesTheMode() throws Exception {
        assertEquals(new LinkData.Ipvlan(Optional.of(IpvlanMode.L3S)),
                LinkKinds.decodeData("ipvlan", attrs(u16(IFLA_IPVLAN_FLAGS, 1), u16(IFLA_IPVLAN_MODE, 2))));
        assertEquals(new LinkData.Ipvlan(Optional.of(IpvlanMode.L3)),
                LinkKinds.decodeData("ipvlan", attrs(u16(IFLA_IPVLAN_MODE, 1), u16(IFLA_IPVLAN_FLAGS, 2))));
        assertEquals(new LinkData.Ipvlan(Optional.empty()), LinkKinds.decodeData("ipvlan", attrs(u16(IFLA_IPVLAN_FLAGS, 0))));
    }

    @Test
    void aModeTheLibraryDoesNotKnowIsMalformed() {
        assertThrows(ProtocolException.class, () -> LinkKinds.decodeData("ipvlan", attrs(u16(IFLA_IPVLAN_MODE, 3))));
    }

    @Test
    void noDataDecodesAsRawNothingAndTheParentIsTheLink() throws Exception {
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("ipvlan", null));
        assertEquals(List.of("veth0"), LinkKinds.referencedLinks(LinkSpec.ipvlan("ipv0", "veth0", IpvlanMode.L2)));
    }
}
