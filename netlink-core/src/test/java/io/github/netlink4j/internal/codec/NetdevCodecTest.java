package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.genl.NetdevCodec;
import io.github.netlink4j.internal.codec.genl.GenlSpecs;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.netdev.NetdevDevice;
import io.github.netlink4j.genl.netdev.XdpFeature;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** netdev's NETDEV_CMD_DEV_GET on hand-written bytes (family id 0x14, version 1; netdev.yaml numbers). */
class NetdevCodecTest {
    private static final GenlFamily NETDEV = new GenlFamily("netdev", 0x14, 1, 0, 0, List.of(), List.of());

    @Test
    void requests() {
        HandBytes.assertWrites("""
                14000000 1400 0103 00000000 00000000  # 20 bytes, NLM_F_REQUEST|NLM_F_DUMP
                01010000                              # NETDEV_CMD_DEV_GET, version 1
                """, w -> NetdevCodec.encodeDump(w, NETDEV));
        HandBytes.assertWrites("""
                1c000000 1400 0500 00000000 00000000  # 28 bytes, NLM_F_REQUEST|NLM_F_ACK
                01010000                              # NETDEV_CMD_DEV_GET
                08000100 07000000                     # NETDEV_A_DEV_IFINDEX 7
                """, w -> NetdevCodec.encodeGet(w, NETDEV, 7));
    }

    @Test
    void aDeviceWithItsFeaturesByTheSpecsNames() throws ProtocolException {
        MemorySegment s = HandBytes.segment("""
                48000000 1400 0000 00000000 00000000  # 72 bytes
                01010000                              # NETDEV_CMD_DEV_GET reply
                08000100 07000000                     # ifindex 7
                0c000300 a3000000 00000000            # xdp-features: basic, redirect, rx-sg, and bit 7 (newer than the spec)
                08000400 11000000                     # xdp-zc-max-segs 17
                0c000500 05000000 00000000            # xdp-rx-metadata-features: timestamp, vlan-tag
                0c000600 02000000 00000000            # xsk-features: tx-checksum
                """);
        NetdevDevice d = NetdevCodec.decode(s, 0, (int) s.byteSize());
        assertEquals(new NetdevDevice(7, 0xa3, EnumSet.of(XdpFeature.BASIC, XdpFeature.REDIRECT, XdpFeature.RX_SG), OptionalLong.of(17),
                Set.of("timestamp", "vlan-tag"), Set.of("tx-checksum")), d);
        MemorySegment bare = HandBytes.segment("1c000000 1400 0000 00000000 00000000 01010000 08000100 01000000");
        assertEquals(new NetdevDevice(1, 0, Set.of(), OptionalLong.empty(), Set.of(), Set.of()), NetdevCodec.decode(bare, 0, 28));
        MemorySegment noIndex = HandBytes.segment("14000000 1400 0000 00000000 00000000 01010000");
        assertThrows(ProtocolException.class, () -> NetdevCodec.decode(noIndex, 0, 20));
        assertThrows(ProtocolException.class, () -> NetdevCodec.decode(noIndex, 0, 18));
    }

    @Test
    void theDescriptorsAreFoundByFamilyNameAndCommandsNamedBySpec() {
        assertEquals(List.of("nlctrl", "ethtool", "netdev", "mptcp_pm", "tcp_metrics", "wireguard", "devlink"),
                GenlSpecs.NAMES.stream().filter(n -> GenlSpecs.of(n).map(s -> s.name().equals(n)).orElse(false)).toList());
        assertEquals(java.util.Optional.empty(), GenlSpecs.of("nl4jnosuch"));
        assertEquals("channels-get", GenlSpecs.commandName("ethtool", 17));
        assertEquals("dev-get", GenlSpecs.commandName("netdev", 1));
        assertEquals("command 200", GenlSpecs.commandName("netdev", 200));
        assertEquals("set-device", GenlSpecs.commandName("wireguard", 1));
        assertEquals("command 1", GenlSpecs.commandName("nl4jnosuch", 1));
    }
}
