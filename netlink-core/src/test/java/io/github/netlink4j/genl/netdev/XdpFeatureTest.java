package io.github.netlink4j.genl.netdev;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** XDP feature bits as the netdev spec numbers them (xdp-act: basic is bit 0, ndo-xmit-sg bit 6). */
class XdpFeatureTest {
    @Test
    void bitsAndSpecNames() {
        assertEquals(1, XdpFeature.BASIC.bit());
        assertEquals(64, XdpFeature.NDO_XMIT_SG.bit());
        assertEquals(EnumSet.of(XdpFeature.BASIC, XdpFeature.REDIRECT, XdpFeature.RX_SG), XdpFeature.fromBits(0x23));
        assertEquals(EnumSet.allOf(XdpFeature.class), XdpFeature.fromBits(-1L), "bits of newer kernels are ignored");
        assertEquals(Set.of(), XdpFeature.fromBits(0x80));
        assertEquals(XdpFeature.NDO_XMIT_SG, XdpFeature.ofSpecName("ndo-xmit-sg"));
        assertEquals(XdpFeature.XSK_ZEROCOPY, XdpFeature.ofSpecName("xsk-zerocopy"));
        assertThrows(IllegalArgumentException.class, () -> XdpFeature.ofSpecName("teleport"));
        NetdevDevice d = new NetdevDevice(2, 1, EnumSet.of(XdpFeature.BASIC), OptionalLong.empty(), Set.of(), Set.of("tx-timestamp"));
        assertThrows(UnsupportedOperationException.class, () -> d.xdpFeatures().add(XdpFeature.REDIRECT));
    }
}
