package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.tuntap.TunTapDevice;
import io.github.netlink4j.tuntap.TunTapMode;
import io.github.netlink4j.tuntap.TunTapSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TUN/TAP without root: the devices read from the kernel's own link dump (golden/dump/tuntap-links, which
 * ip's {@code tuntap add dev tap0 mode tap user 1000 group 100 multi_queue} and {@code tuntap add dev tun0
 * mode tun pi vnet_hdr} left behind), and the TUNSETIFF flags of specs and devices.
 */
class TunCodecTest {
    private static Map<String, Link> links() throws ProtocolException {
        byte[] b = Golden.bytes("dump/tuntap-links");
        MemorySegment s = MemorySegment.ofArray(b);
        Map<String, Link> out = new LinkedHashMap<>();
        Messages m = new Messages().reset(s, b.length);
        while (m.next()) {
            if (m.type() != Rtnetlink.RTM_NEWLINK) continue;
            Link l = LinkCodec.decode(s, m.offset(), m.length());
            out.put(l.name(), l);
        }
        return out;
    }

    @Test
    void theDevicesAreWhatIpMade() throws ProtocolException {
        Map<String, Link> links = links();
        TunTapDevice tap = TunCodec.decode(links.get("tap0")).orElseThrow();
        assertEquals(TunTapMode.TAP, tap.mode());
        assertEquals(OptionalLong.of(1000), tap.owner());
        assertEquals(OptionalLong.of(100), tap.group());
        assertTrue(tap.multiQueue());
        assertTrue(tap.persistent(), "ip tuntap add makes persistent devices");
        assertFalse(tap.packetInfo());
        assertFalse(tap.vnetHeader());
        assertEquals(OptionalInt.of(0), tap.queues(), "no queue is attached");
        assertEquals(links.get("tap0").index(), tap.index());
        assertEquals(links.get("tap0").mtu(), tap.mtu());

        TunTapDevice tun = TunCodec.decode(links.get("tun0")).orElseThrow();
        assertEquals(TunTapMode.TUN, tun.mode());
        assertTrue(tun.packetInfo());
        assertTrue(tun.vnetHeader());
        assertFalse(tun.multiQueue());
        assertEquals(OptionalLong.empty(), tun.owner(), "no user given: none reported");
        assertEquals(OptionalLong.empty(), tun.group());

        assertEquals(Optional.empty(), TunCodec.decode(links.get("lo")), "a link of another kind is no TUN/TAP device");
    }

    @Test
    void createFlagsRefuseATakenNameAndSayEveryOption() {
        assertEquals(0x0002 | 0x8000 | 0x1000, TunCodec.createFlags(TunTapSpec.tap("tap0")), "IFF_TAP | IFF_TUN_EXCL | IFF_NO_PI");
        assertEquals(0x0001 | 0x8000 | 0x4000 | 0x0100, TunCodec.createFlags(TunTapSpec.tun("tun0").withPacketInfo().withVnetHeader().withMultiQueue()),
                "IFF_TUN | IFF_TUN_EXCL | IFF_VNET_HDR | IFF_MULTI_QUEUE, packet info on");
        assertEquals(0x0001 | 0x8000 | 0x1000 | 0x2000, TunCodec.createFlags(TunTapSpec.tun("tun1").withOneQueue()));
    }

    @Test
    void attachFlagsAreTheDevicesOwn() throws ProtocolException {
        Map<String, Link> links = links();
        assertEquals(0x0002 | 0x1000 | 0x0100, TunCodec.attachFlags(TunCodec.decode(links.get("tap0")).orElseThrow()),
                "IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE, never IFF_TUN_EXCL");
        assertEquals(0x0001 | 0x4000, TunCodec.attachFlags(TunCodec.decode(links.get("tun0")).orElseThrow()), "IFF_TUN | IFF_VNET_HDR");
    }

    @Test
    void anAttributeOfTheWrongSizeIsAProtocolError() throws ProtocolException {
        byte[] b = Golden.bytes("dump/tuntap-links");
        // IFLA_TUN_TYPE (type 3, len 5) of tap0 made 6 bytes long: one byte more than a u8
        for (int i = 0; i + 4 < b.length; i += 4) {
            if (b[i] == 5 && b[i + 1] == 0 && b[i + 2] == 3 && b[i + 3] == 0) {
                b[i] = 6;
                break;
            }
        }
        MemorySegment s = MemorySegment.ofArray(b);
        Messages m = new Messages().reset(s, b.length);
        boolean refused = false;
        while (m.next()) {
            if (m.type() != Rtnetlink.RTM_NEWLINK) continue;
            Link l = LinkCodec.decode(s, m.offset(), m.length());
            if (l.name().equals("tap0")) refused = assertThrows(ProtocolException.class, () -> TunCodec.decode(l)) != null;
        }
        assertTrue(refused);
    }
}
