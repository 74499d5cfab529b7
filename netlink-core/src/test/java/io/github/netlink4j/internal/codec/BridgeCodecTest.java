package io.github.netlink4j.internal.codec;

import io.github.netlink4j.bridge.BridgePortSettings;
import org.junit.jupiter.api.Test;

import static io.github.netlink4j.internal.codec.GoldenEncodeTest.assertEncodes;

/**
 * The requests of {@link io.github.netlink4j.Bridges} against iproute2's own bytes (golden/bridge/*.hex:
 * what {@code ip link set … type bridge_slave|bridge} and {@code bridge vlan add|del} sent). The test
 * kernel has no bridge VLAN filtering, so for the VLAN requests these bytes are the only check.
 */
class BridgeCodecTest {
    private static final int VETH0 = 3;
    private static final int BR0 = 2;

    @Test
    void portSettingsAsIpLinkSetBridgeSlave() {
        assertEncodes("bridge/port-hairpin", w -> BridgeCodec.encodePortSettings(w, VETH0, BridgePortSettings.none().withHairpin(true)));
    }

    @Test
    void vlanFilteringAsIpLinkSetBridge() {
        assertEncodes("bridge/vlan-filtering", w -> BridgeCodec.encodeVlanFiltering(w, BR0, true));
    }

    @Test
    void portVlansAsBridgeVlan() {
        assertEncodes("bridge/vlan-add", w -> BridgeCodec.encodeVlan(w, VETH0, 10, true, true, false));
        assertEncodes("bridge/vlan-del", w -> BridgeCodec.encodeVlan(w, VETH0, 10, false, false, true));
    }
}
