package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The request layouts by message type (linux/rtnetlink.h numbers), and none for a type no family sends. */
class RtnetlinkLayoutsTest {
    private final RtnetlinkLayouts layouts = new RtnetlinkLayouts();

    @Test
    void eachRequestTypeHasItsFamilysHeader() {
        assertEquals(16, layouts.of(Rtnetlink.RTM_SETLINK).header(), "ifinfomsg");
        assertEquals(8, layouts.of(Rtnetlink.RTM_GETADDR).header(), "ifaddrmsg");
        assertEquals(12, layouts.of(Rtnetlink.RTM_NEWROUTE).header(), "rtmsg");
        assertEquals(4, layouts.of(Rtnetlink.RTM_GETNSID).header(), "rtgenmsg");
        assertEquals(8, layouts.of(Rtnetlink.RTM_GETNEXTHOP).header(), "nhmsg, the highest type laid out");
        assertEquals(20, layouts.of(Rtnetlink.RTM_NEWQDISC).header(), "tcmsg");
        assertEquals(20, layouts.of(Rtnetlink.RTM_DELTCLASS).header(), "tcmsg");
    }

    @Test
    void typesOfNoFamilyHaveNoLayout() {
        assertNull(layouts.of(-1));
        assertNull(layouts.of(0));
        assertNull(layouts.of(Rtnetlink.RTM_GETNEXTHOP + 1), "just past the table");
        assertNull(layouts.of(84), "RTM_NEWMDB");
        assertNull(layouts.of(0x10000));
    }
}
