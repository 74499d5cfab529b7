package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.LinkData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * IFLA_BOND_MODE (1, a u8: BOND_MODE_ROUNDROBIN 0 … BOND_MODE_ALB 6 of linux/if_bonding.h) among the
 * bond's other attributes; a bond that reports none is in mode 0, the kernel's default.
 */
class BondKindTest {
    private static final int IFLA_BOND_MODE = 1, IFLA_BOND_MIIMON = 3;

    @Test
    void decodesTheModeAmongTheOtherAttributes() throws Exception {
        assertEquals(new LinkData.Bond(BondMode.ACTIVE_BACKUP), LinkKinds.decodeData("bond", attrs(u32(IFLA_BOND_MIIMON, 100), u8(IFLA_BOND_MODE, 1))));
        assertEquals(new LinkData.Bond(BondMode.IEEE_8023AD), LinkKinds.decodeData("bond", attrs(u8(IFLA_BOND_MODE, 4), u32(IFLA_BOND_MIIMON, 1))));
        assertEquals(new LinkData.Bond(BondMode.BALANCE_RR), LinkKinds.decodeData("bond", attrs(u32(IFLA_BOND_MIIMON, 100))));
    }

    @Test
    void aModeTheLibraryDoesNotKnowIsMalformed() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> LinkKinds.decodeData("bond", attrs(u8(IFLA_BOND_MODE, 7))));
        assertEquals("IFLA_BOND_MODE 7 is not one this library knows", e.getMessage());
    }

    @Test
    void noDataDecodesAsRawNothing() throws Exception {
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("bond", null));
    }
}
