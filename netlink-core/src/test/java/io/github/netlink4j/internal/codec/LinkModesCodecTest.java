package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Duplex;
import io.github.netlink4j.genl.ethtool.EthtoolEvent;
import io.github.netlink4j.genl.ethtool.LinkModes;
import io.github.netlink4j.genl.ethtool.LinkModesChange;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.internal.codec.genl.EthtoolEvents;
import io.github.netlink4j.internal.codec.genl.LinkModesCodec;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ethtool's link modes both ways against ethtool(8) 6.1's own bytes (golden/ethtool/linkmodes-*, captured by
 * scripts/capture-golden.py on a tap and a veth in a throwaway namespace), and replies written out by hand for
 * what a veth or tap never sends (modes, lanes, master/slave).
 */
class LinkModesCodecTest {
    /** The family as nlctrl described it on the capture's kernel: id 0x15, version 1. */
    private static final GenlFamily ETHTOOL = new GenlFamily("ethtool", 0x15, 1, 0, 0, List.of(), List.of());
    /** The first names of the kernel's link_mode_names (ETH_SS_LINK_MODES), bits 0 to 7. */
    static final List<String> NAMES = List.of("10baseT/Half", "10baseT/Full", "100baseT/Half", "100baseT/Full", "1000baseT/Half", "1000baseT/Full",
            "Autoneg", "TP");

    private static MemorySegment golden(String fixture) {
        return Golden.segment("ethtool/" + fixture);
    }

    private static int len(String fixture) {
        return Golden.bytes("ethtool/" + fixture).length;
    }

    @Test
    void requestsAreTheBytesEthtoolSends() {
        GoldenEncodeTest.assertEncodes("ethtool/linkmodes-get", w -> EthtoolCodec.encodeGet(w, ETHTOOL, LinkModesCodec.LINKMODES_GET, "tap0", 0));
        GoldenEncodeTest.assertEncodes("ethtool/linkmodes-set", w -> LinkModesCodec.encodeSet(w, ETHTOOL, "tap0",
                LinkModesChange.empty().withSpeed(100).withDuplex(Duplex.FULL).withAutoneg(false), List.of()));
    }

    @Test
    void aWholeAdvertisedSetIsTheCompactListEthtoolSendsForANumber() {
        // ethtool -s tap0 advertise 0x2f: bits 0, 1, 2, 3 and 5
        Set<String> modes = new LinkedHashSet<>(List.of("1000baseT/Full", "10baseT/Half", "10baseT/Full", "100baseT/Half", "100baseT/Full"));
        GoldenEncodeTest.assertEncodes("ethtool/linkmodes-set-advertise",
                w -> LinkModesCodec.encodeSet(w, ETHTOOL, "tap0", LinkModesChange.empty().withAdvertised(modes), NAMES));
    }

    @Test
    void modesTurnedOnAndOffAreTheVerboseBitsetEthtoolSendsForNames() {
        GoldenEncodeTest.assertEncodes("ethtool/linkmodes-set-advertise-names", w -> LinkModesCodec.encodeSet(w, ETHTOOL, "tap0",
                LinkModesChange.empty().withAdvertising("10baseT/Half", true).withAdvertising("100baseT/Full", false), NAMES));
    }

    @Test
    void lanesAnEmptySetAndABitPastTheFirstWord() {
        HandBytes.assertWrites("""
                40000000 1500 0500 00000000 00000000
                05010000                              # ETHTOOL_MSG_LINKMODES_SET
                10000180 09000200 74617030 00000000   # header { tap0 }
                08000900 04000000                     # LANES 4
                14000380 04000100 08000200 00000000   # OURS { NOMASK, SIZE 0,
                04000400                              #   VALUE of no word }: advertise 0x0
                """, w -> LinkModesCodec.encodeSet(w, ETHTOOL, "tap0", LinkModesChange.empty().withLanes(4).withAdvertised(Set.of()), NAMES));
        List<String> many = new java.util.ArrayList<>(java.util.Collections.nCopies(33, "x"));
        many.set(32, "bit32");
        HandBytes.assertWrites("""
                40000000 1500 0500 00000000 00000000
                05010000
                10000180 09000200 74617030 00000000
                1c000380 04000100 08000200 21000000   # OURS { NOMASK, SIZE 33,
                0c000400 00000000 01000000            #   VALUE: bit 32 is bit 0 of the second word }
                """, w -> LinkModesCodec.encodeSet(w, ETHTOOL, "tap0", LinkModesChange.empty().withAdvertised(Set.of("bit32")), many));
        assertThrows(IllegalArgumentException.class, () -> LinkModesCodec.checkNames(LinkModesChange.empty().withAdvertised(Set.of("10000baseT/Half")), NAMES));
        assertThrows(IllegalArgumentException.class, () -> LinkModesCodec.checkNames(LinkModesChange.empty().withAdvertising("nope", false), NAMES));
        LinkModesCodec.checkNames(LinkModesChange.empty().withAdvertising("100baseT/Half", false).withSpeed(10), NAMES);
    }

    @Test
    void aVethAsEthtoolShowsIt() throws Exception {
        LinkModes m = LinkModesCodec.linkModes(golden("linkmodes-reply"), 0, len("linkmodes-reply"), List.of());
        // ethtool veth0: Speed: 10000Mb/s, Duplex: Full, Auto-negotiation: off, no modes reported
        assertEquals(new LinkModes("veth0", 3, false, OptionalInt.of(10000), Duplex.FULL, OptionalInt.empty(), Set.of(), Set.of(), Set.of(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(0)), m);
    }

    @Test
    void theNotificationEthtoolMonitorReceived() throws Exception {
        EthtoolEvent e = EthtoolEvents.decode(golden("linkmodes-ntf"), 0, len("linkmodes-ntf"), List.of(), NAMES);
        LinkModes m = assertInstanceOf(EthtoolEvent.LinkModesChanged.class, e).linkModes();
        // ethtool -s tap0 speed 1000 duplex half
        assertEquals(new LinkModes("tap0", 2, false, OptionalInt.of(1000), Duplex.HALF, OptionalInt.empty(), Set.of(), Set.of(), Set.of(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(0)), m);
    }

    /** A reply written out by hand: family 0x15, command {@code cmd}, the header of eth0 (index 7), then {@code attrs}. */
    static MemorySegment reply(int cmd, String attrs) {
        byte[] a = HandBytes.hex("18000180 08000100 07000000 09000200 65746830 00000000\n" + attrs);
        byte[] m = new byte[20 + a.length];
        java.nio.ByteBuffer.wrap(m).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, m.length).putShort(4, (short) 0x15);
        m[16] = (byte) cmd;
        m[17] = 1;
        System.arraycopy(a, 0, m, 20, a.length);
        return MemorySegment.ofArray(m);
    }

    /** A verbose reply with every attribute of the set: modes named, a partner's list, lanes, master/slave. */
    static final String VERBOSE = """
                05000200 01000000                      # AUTONEG on
                54000380 08000200 06000000             # OURS { SIZE 6,
                48000380                               #   BITS {
                24000100 08000100 01000000             #     BIT { INDEX 1,
                11000200 31306261 7365542f 46756c6c 00000000  # NAME "10baseT/Full",
                04000300                               #       VALUE }
                20000100 08000100 05000000             #     BIT { INDEX 5,
                13000200 31303030 62617365 542f4675 6c6c0000  # NAME "1000baseT/Full" } } }
                28000480 04000100 08000200 06000000    # PEER { NOMASK, SIZE 6,
                18000380 14000100 08000100 03000000    #   BITS { BIT { INDEX 3,
                08000200 41424300                      #     NAME "ABC" } } }: listed, so set, without VALUE
                08000500 ffffffff                      # SPEED_UNKNOWN
                05000600 ff000000                      # DUPLEX_UNKNOWN
                05000700 02000000                      # MASTER_SLAVE_CFG master-preferred
                05000800 03000000                      # MASTER_SLAVE_STATE slave
                08000900 02000000                      # LANES 2
                05000a00 01000000                      # RATE_MATCHING pause
                """;

    @Test
    void verboseModesNameThemselvesAndThePeersListHasNoValueFlags() throws Exception {
        MemorySegment s = reply(4, VERBOSE);
        LinkModes m = LinkModesCodec.linkModes(s, 0, (int) s.byteSize(), List.of());
        assertEquals(new LinkModes("eth0", 7, true, OptionalInt.empty(), Duplex.UNKNOWN, OptionalInt.of(2), Set.of("10baseT/Full", "1000baseT/Full"),
                Set.of("10baseT/Full"), Set.of("ABC"), OptionalInt.of(2), OptionalInt.of(3), OptionalInt.of(1)), m);
    }

    /** A notification's compact bitsets: OURS with value and mask of two words, the partner's NOMASK list. */
    static final String COMPACT = """
                05000200 00000000                      # AUTONEG off
                24000380 08000200 28000000             # OURS { SIZE 40,
                0c000400 2a000000 00010000             #   VALUE bits 1, 3, 5 (and 40, past SIZE: not read)
                0c000500 3e000000 80000000             #   MASK bits 1 to 5 and 39 }
                1c000480 04000100 08000200 28000000    # PEER { NOMASK, SIZE 40,
                0c000400 01000000 80000000             #   VALUE bits 0 and 39 }
                08000500 e8030000 05000600 07000000    # SPEED 1000, DUPLEX 7 (no constant: unknown)
                """;

    @Test
    void compactModesAreNamedByTheStringSetOrByNumber() throws Exception {
        MemorySegment s = reply(5, COMPACT);
        LinkModes m = assertInstanceOf(EthtoolEvent.LinkModesChanged.class, EthtoolEvents.decode(s, 0, (int) s.byteSize(), List.of(), NAMES)).linkModes();
        assertEquals(List.of("10baseT/Full", "100baseT/Half", "100baseT/Full", "1000baseT/Half", "1000baseT/Full", "bit 39"), List.copyOf(m.supported()));
        assertEquals(List.of("10baseT/Full", "100baseT/Full", "1000baseT/Full"), List.copyOf(m.advertised()), "value within the mask");
        assertEquals(List.of("10baseT/Half", "bit 39"), List.copyOf(m.peer()));
        assertEquals(OptionalInt.of(1000), m.speed());
        assertEquals(Duplex.UNKNOWN, m.duplex());
    }

    @Test
    void aReplyWithoutHeaderOrAutonegOrOfAnotherCommandIsRefused() {
        MemorySegment noAutoneg = reply(4, "08000500 e8030000");
        assertThrows(ProtocolException.class, () -> LinkModesCodec.linkModes(noAutoneg, 0, (int) noAutoneg.byteSize(), List.of()));
        assertThrows(ProtocolException.class, () -> LinkModesCodec.linkModes(golden("linkmodes-ntf"), 0, len("linkmodes-ntf"), List.of()),
                "a notification is not the get's reply");
        MemorySegment noHeader = HandBytes.segment("1c000000 1500 0000 00000000 00000000 04010000 05000200 01000000");
        assertThrows(ProtocolException.class, () -> LinkModesCodec.linkModes(noHeader, 0, 28, List.of()));
    }
}
