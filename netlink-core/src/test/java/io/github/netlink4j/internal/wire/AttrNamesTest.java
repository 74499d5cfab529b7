package io.github.netlink4j.internal.wire;

import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Extended-ACK offsets mapped to attribute paths in the request we sent. */
class AttrNamesTest {
    @Test
    void pathsInTheCapturedVethRequest() {
        MemorySegment s = Golden.segment("link/veth-add");
        // Offsets from the fixture's comments: IFLA_IFNAME at 32, IFLA_LINKINFO at 44, its KIND at 48,
        // INFO_DATA at 56, VETH_INFO_PEER at 60, the peer's ifinfomsg at 64 and its IFLA_IFNAME at 80.
        assertEquals("IFLA_IFNAME", AttrNames.pathAt(s, 0, 32));
        assertEquals("IFLA_LINKINFO", AttrNames.pathAt(s, 0, 44));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_KIND", AttrNames.pathAt(s, 0, 48));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER", AttrNames.pathAt(s, 0, 60));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME", AttrNames.pathAt(s, 0, 80));
        assertNull(AttrNames.pathAt(s, 0, 20), "a header field is no attribute");
        assertNull(AttrNames.pathAt(s, 0, 4000), "past the end");
    }

    @Test
    void vxlanData() {
        MemorySegment s = Golden.segment("link/vxlan-add");
        // IFLA_IFNAME at 32, IFLA_LINKINFO at 40, INFO_DATA at 56, VXLAN_LINK at 60, VXLAN_ID at 68.
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_LINK", AttrNames.pathAt(s, 0, 60));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_ID", AttrNames.pathAt(s, 0, 68));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_ID", AttrNames.pathAt(s, 0, 72));
    }
}
