package io.github.netlink4j;

import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client says which namespace its socket is in and which port it has, and whether it is closed. */
class NetlinkClientTest {
    @Test
    void aClientOfTheCallersNamespaceSaysSo() throws Exception {
        NetlinkClient nl = NetlinkClient.open();
        String open = "NetlinkClient[the opening thread's namespace, port " + Integer.toUnsignedString(nl.portId());
        assertEquals(open + "]", nl.toString());
        nl.close();
        assertEquals(open + ", closed]", nl.toString());
    }

    @Test
    void aClientInANamespaceNamesItOrGivesItsId() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("client-str")) {
            try (NetlinkClient byName = NetlinkClient.open(t.name()); NetlinkClient byHandle = NetlinkClient.open(t.ns())) {
                assertEquals("NetlinkClient[namespace " + t.name() + ", port " + Integer.toUnsignedString(byName.portId()) + "]", byName.toString());
                assertEquals("NetlinkClient[namespace " + t.name() + ", port " + Integer.toUnsignedString(byHandle.portId()) + "]", byHandle.toString());
            }
            try (NetNamespace anonymous = NetNamespace.createAnonymous(); NetlinkClient nl = NetlinkClient.open(anonymous)) {
                assertEquals("NetlinkClient[namespace " + anonymous.id() + ", port " + Integer.toUnsignedString(nl.portId()) + "]", nl.toString());
            }
        }
    }
}
