package io.github.netlink4j.internal.codec;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bridge's on/off settings (u8 0/1 in IFLA_BR_* and IFLA_BRPORT_*) read as {@code Optional<Boolean>},
 * the model's one way to say a boolean the kernel may leave out, not as an int carrying 0 or 1.
 */
class BridgeSwitchesDecodeTest {
    @Test
    void bridgeSwitchesAreBooleans() throws Exception {
        List<Link> links = GoldenDecodeTest.decodeAll("dump/bridge-port", LinkCodec::decode);
        Link br = links.stream().filter(l -> l.name().equals("br0")).findFirst().orElseThrow();
        LinkData.Bridge b = (LinkData.Bridge) br.data().orElseThrow();
        assertEquals(Optional.of(false), b.vlanFiltering(), "created without vlan_filtering");
        assertEquals(Optional.of(true), b.mcastSnooping(), "snooping is on by default");
        assertEquals(Optional.of(false), b.topologyChange());
        assertEquals(Optional.of(false), b.mcastQuerier());
        Link port = links.stream().filter(l -> l.slaveData().isPresent()).findFirst().orElseThrow();
        LinkData.BridgePort p = (LinkData.BridgePort) port.slaveData().orElseThrow();
        assertEquals(Optional.of(false), p.configPending());
    }
}
