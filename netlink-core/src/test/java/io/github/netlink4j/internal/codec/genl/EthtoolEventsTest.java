package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.ethtool.EthtoolEvent;
import io.github.netlink4j.genl.ethtool.Feature;
import io.github.netlink4j.genl.ethtool.LinkInfo;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ethtool's notifications on bytes: CHANNELS_NTF and FEATURES_NTF as ethtool --monitor received them from a veth
 * (golden/ethtool/channels-ntf.hex, features-ntf.hex, captured by scripts/capture-golden.py); the kinds a veth
 * cannot send (rings, pause, EEE, coalescing, link info and modes) written here by hand from the attribute
 * layouts of linux/ethtool_netlink.h, the header nest as the captures carry it.
 */
class EthtoolEventsTest {
    private static final int FAMILY = 0x15; // the ethtool family id of the captures' kernel

    private static MemorySegment golden(String name) {
        return Golden.segment("ethtool/" + name);
    }

    private static int len(String name) {
        return Golden.bytes("ethtool/" + name).length;
    }

    private static List<String> featureNames() throws ProtocolException {
        return EthtoolReplies.stringSet(golden("strset-features-reply"), 0, len("strset-features-reply"));
    }

    /** A notification of family 0x15 with command {@code cmd}: the header nest naming veth0 (index 3), then {@code attrs}. */
    private static byte[] ntf(int cmd, String attrs) {
        byte[] body = HexFormat.of().parseHex(("18000180 08000100 03000000 0a000200 76657468 30000000" + attrs).replaceAll("\\s+", ""));
        int len = 16 + 4 + body.length;
        byte[] m = new byte[len];
        m[0] = (byte) len;
        m[4] = (byte) FAMILY;
        m[16] = (byte) cmd;
        m[17] = 1; // version
        System.arraycopy(body, 0, m, 20, body.length);
        return m;
    }

    private static EthtoolEvent decode(byte[] m) throws ProtocolException {
        return EthtoolEvents.decode(MemorySegment.ofArray(m), 0, m.length, List.of(), List.of());
    }

    @Test
    void channelsAsEthtoolMonitorReceivedThem() throws Exception {
        EthtoolEvent e = EthtoolEvents.decode(golden("channels-ntf"), 0, len("channels-ntf"), List.of(), List.of());
        // ethtool -L veth0 rx 2 tx 2 on a veth of 4 queues each way
        assertEquals(new EthtoolEvent.ChannelsChanged(new Channels("veth0", 3, 4, 4, 0, 0, 2, 2, 0, 0)), e);
        assertEquals("veth0", e.link());
        assertEquals(3, e.index());
    }

    @Test
    void featuresAsEthtoolMonitorReceivedThemNamedByTheStringSet() throws Exception {
        EthtoolEvent e = EthtoolEvents.decode(golden("features-ntf"), 0, len("features-ntf"), featureNames(), List.of());
        EthtoolEvent.FeaturesChanged f = assertInstanceOf(EthtoolEvent.FeaturesChanged.class, e);
        assertEquals("veth0", f.link());
        assertEquals(3, f.index());
        // ethtool -K veth0 gro on: wanted and active now, as ethtool -k then shows it
        assertEquals(new Feature("rx-gro", true, true, true, false), f.features().feature("rx-gro").orElseThrow());
        assertEquals(false, f.features().feature("rx-gro-list").orElseThrow().active());
        assertEquals(true, f.features().feature("tx-checksum-ip-generic").orElseThrow().active());
    }

    @Test
    void ringsPauseEeeCoalesceLinkInfoAndLinkModesCarryWhatTheirGetsReturn() throws Exception {
        EthtoolEvent.RingsChanged r = assertInstanceOf(EthtoolEvent.RingsChanged.class,
                decode(ntf(17, "08000600 00010000 08000900 00020000"))); // RX 256, TX 512
        assertEquals(OptionalLong.of(256), r.rings().rx());
        assertEquals(OptionalLong.of(512), r.rings().tx());
        assertEquals(OptionalLong.empty(), r.rings().rxMax());
        assertEquals("veth0", r.link());

        EthtoolEvent.PauseChanged p = assertInstanceOf(EthtoolEvent.PauseChanged.class,
                decode(ntf(23, "05000200 01000000 05000300 00000000 05000400 01000000"))); // AUTONEG 1, RX 0, TX 1
        assertEquals(Optional.of(true), p.pause().autoneg());
        assertEquals(Optional.of(false), p.pause().rx());
        assertEquals(Optional.of(true), p.pause().tx());
        assertEquals(3, p.index());

        EthtoolEvent.EeeChanged eee = assertInstanceOf(EthtoolEvent.EeeChanged.class,
                decode(ntf(25, "05000500 01000000 08000700 10000000"))); // ENABLED 1, TX_LPI_TIMER 16
        assertEquals(Optional.of(true), eee.eee().enabled());
        assertEquals(OptionalLong.of(16), eee.eee().txLpiTimer());

        EthtoolEvent.CoalesceChanged c = assertInstanceOf(EthtoolEvent.CoalesceChanged.class,
                decode(ntf(21, "08000200 08000000"))); // RX_USECS 8
        assertEquals(Map.of("rx-usecs", 8L), c.coalesce().parameters());

        assertEquals(new EthtoolEvent.LinkInfoChanged(LinkInfo.of("veth0", 3, OptionalInt.of(0xef), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty())), decode(ntf(3, "05000200 ef000000"))); // PORT PORT_NONE
        EthtoolEvent.LinkModesChanged lm = assertInstanceOf(EthtoolEvent.LinkModesChanged.class,
                decode(ntf(5, "05000200 01000000 05000600 01000000 08000500 64000000"))); // AUTONEG 1, DUPLEX full, SPEED 100
        assertEquals(new io.github.netlink4j.genl.ethtool.LinkModes("veth0", 3, true, OptionalInt.of(100),
                io.github.netlink4j.genl.ethtool.Duplex.FULL, OptionalInt.empty(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()), lm.linkModes());
        assertEquals("veth0", lm.link());
        assertEquals(3, lm.index());
    }

    @Test
    void anotherIdIsOtherWithItsNumber() throws Exception {
        assertEquals(new EthtoolEvent.Other(10), decode(ntf(10, ""))); // ETHTOOL_MSG_WOL_NTF
        assertEquals(new EthtoolEvent.Other(200), decode(ntf(200, ""))); // one of a later kernel
        assertEquals(new EthtoolEvent.Other(18), decode(ntf(18, "")), "CHANNELS_GET_REPLY is no notification");
    }

    @Test
    void aDatagramsNotificationsOfTheFamilyOnlyAndBadOnesRefused() throws Exception {
        byte[] a = ntf(10, ""), other = ntf(10, "");
        other[4] = 0x16; // another family
        byte[] links = ntf(5, "05000200 00000000"); // AUTONEG 0
        byte[] d = new byte[a.length + other.length + links.length];
        System.arraycopy(a, 0, d, 0, a.length);
        System.arraycopy(other, 0, d, a.length, other.length);
        System.arraycopy(links, 0, d, a.length + other.length, links.length);
        List<EthtoolEvent> events = EthtoolEvents.decodeAll(MemorySegment.ofArray(d), d.length, FAMILY, List.of(), List.of());
        assertEquals(new EthtoolEvent.Other(10), events.get(0));
        assertEquals("veth0", assertInstanceOf(EthtoolEvent.LinkModesChanged.class, events.get(1)).linkModes().link());
        assertEquals(2, events.size());

        assertThrows(ProtocolException.class, () -> EthtoolEvents.decodeAll(MemorySegment.ofArray(a), a.length - 4, FAMILY, List.of(), List.of()));
        byte[] noHeader = ntf(19, "");
        assertThrows(ProtocolException.class, () -> EthtoolEvents.decode(MemorySegment.ofArray(noHeader), 0, 18, List.of(), List.of()));
        byte[] linkModesNoHeader = {20, 0, 0, 0, FAMILY, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 0, 0};
        assertThrows(ProtocolException.class, () -> decode(linkModesNoHeader));
    }
}
