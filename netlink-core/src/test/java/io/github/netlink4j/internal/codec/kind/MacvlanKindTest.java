package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.MacvlanMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attr;
import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.nest;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u16;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * IFLA_MACVLAN_* (linux/if_link.h): MODE (1, u32 MACVLAN_MODE_*), FLAGS (2, u16), the source mode's
 * addresses as IFLA_MACVLAN_MACADDR (4) entries inside IFLA_MACVLAN_MACADDR_DATA (5), and the broadcast
 * queue's BC_QUEUE_LEN (7) and BC_QUEUE_LEN_USED (8). macvtap reports the same.
 */
class MacvlanKindTest {
    private static final int MODE = 1, FLAGS = 2, MACADDR = 4, MACADDR_DATA = 5, MACADDR_COUNT = 6, BC_QUEUE_LEN = 7,
            BC_QUEUE_LEN_USED = 8;

    @Test
    void aSourceModeMacvlanListsItsAddresses() throws Exception {
        LinkData d = LinkKinds.decodeData("macvlan", attrs(u32(MODE, 16), u16(FLAGS, 1), u32(MACADDR_COUNT, 2),
                nest(MACADDR_DATA, attr(MACADDR, MacAddress.of("02:00:00:00:00:0a").bytes()), u32(9, 0),
                        attr(MACADDR, MacAddress.of("02:00:00:00:00:0b").bytes())),
                u32(BC_QUEUE_LEN, 1000), u32(BC_QUEUE_LEN_USED, 1000)));
        assertEquals(new LinkData.Macvlan(Optional.of(MacvlanMode.SOURCE), 1, OptionalInt.of(1000), OptionalInt.of(1000),
                List.of(MacAddress.of("02:00:00:00:00:0a"), MacAddress.of("02:00:00:00:00:0b"))), d);
    }

    @Test
    void macvtapDecodesTheSameAttributes() throws Exception {
        assertEquals(new LinkData.Macvlan(Optional.of(MacvlanMode.VEPA), 0, OptionalInt.empty(), OptionalInt.of(5), List.of()),
                LinkKinds.decodeData("macvtap", attrs(u32(MODE, 2), u32(BC_QUEUE_LEN_USED, 5))));
    }

    @Test
    void aModeTheLibraryDoesNotKnowIsMalformed() {
        assertThrows(ProtocolException.class, () -> LinkKinds.decodeData("macvlan", attrs(u32(MODE, 3))));
    }

    @Test
    void noDataDecodesAsRawNothing() throws Exception {
        assertEquals(new LinkData.Other(List.of()), LinkKinds.decodeData("macvlan", null));
    }
}
