package io.github.netlink4j.genl.ethtool;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ethtool records and enums on their own: kernel numbers both ways, ethtool's words, absent and unknown values. */
class EthtoolRecordsTest {
    @Test
    void portsAndTransceiversByNumberAndAsEthtoolPrintsThem() {
        for (Port p : Port.values()) assertEquals(p, Port.of(p.value()));
        assertEquals(Port.TWISTED_PAIR, Port.of(0));
        assertEquals(Port.DIRECT_ATTACH, Port.of(5));
        assertEquals(Port.NONE, Port.of(0xef));
        assertEquals(Port.OTHER, Port.of(0xff));
        assertEquals("Twisted Pair", Port.TWISTED_PAIR.toString());
        assertEquals("Direct Attach Copper", Port.DIRECT_ATTACH.toString());
        assertThrows(IllegalArgumentException.class, () -> Port.of(6));
        assertEquals(Transceiver.EXTERNAL, Transceiver.of(1));
        assertEquals("internal", Transceiver.INTERNAL.toString());
        assertThrows(IllegalArgumentException.class, () -> Transceiver.of(2));
        assertEquals(LinkExtState.NO_CABLE, LinkExtState.of(4));
        assertEquals(10, LinkExtState.MODULE.value());
        assertThrows(IllegalArgumentException.class, () -> LinkExtState.of(11));
        assertThrows(IllegalArgumentException.class, () -> LinkExtState.of(-1));
    }

    @Test
    void anAbsentOrUnknownNumberIsEmptyNotAnError() {
        LinkInfo known = LinkInfo.of("e", 2, OptionalInt.of(3), OptionalInt.of(1), OptionalInt.of(0), OptionalInt.empty(), OptionalInt.empty());
        assertEquals(Optional.of(Port.MII), known.port());
        assertEquals(Optional.of(Transceiver.INTERNAL), known.transceiver());
        LinkInfo unknown = LinkInfo.of("e", 2, OptionalInt.of(0x42), OptionalInt.empty(), OptionalInt.of(9), OptionalInt.empty(), OptionalInt.empty());
        assertEquals(Optional.empty(), unknown.port());
        assertEquals(Optional.empty(), unknown.transceiver());
        LinkInfo absent = LinkInfo.of("e", 2, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
        assertEquals(Optional.empty(), absent.port());
        assertEquals(Optional.empty(), absent.transceiver());
        LinkState s = LinkState.of("e", 2, Optional.of(false), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.of(5),
                OptionalInt.empty(), OptionalLong.empty());
        assertEquals(Optional.of(LinkExtState.CABLE_ISSUE), s.extState());
        assertEquals(Optional.empty(), LinkState.of("e", 2, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.of(99),
                OptionalInt.empty(), OptionalLong.empty()).extState());
        assertEquals(Optional.empty(), LinkState.of("e", 2, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty()).extState());
        assertThrows(NullPointerException.class, () -> LinkInfo.of(null, 1, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty()));
    }

    @Test
    void aFeatureIsFixedWhenTheDriverCannotChangeItOrTheKernelNeverDoes() {
        assertFalse(new Feature("a", true, true, true, false).fixed());
        assertTrue(new Feature("a", true, true, false, false).fixed());
        assertTrue(new Feature("a", true, true, true, true).fixed());
        Features f = new Features("veth0", 3, List.of(new Feature("x", true, true, true, false), new Feature("y", false, false, false, false)));
        assertEquals(Map.of("x", true, "y", false), f.active());
        assertEquals(List.of("x", "y"), List.copyOf(f.active().keySet()));
        assertEquals("y", f.feature("y").orElseThrow().name());
        assertTrue(f.feature("z").isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> f.features().add(new Feature("z", true, true, true, true)));
    }

    @Test
    void aChannelsChangeSetsWhatItNamesWithinU32() {
        ChannelsChange c = ChannelsChange.empty().withRx(2).withTx(3).withOther(4).withCombined(5);
        assertEquals(List.of(OptionalLong.of(2), OptionalLong.of(3), OptionalLong.of(4), OptionalLong.of(5)), List.of(c.rx(), c.tx(), c.other(), c.combined()));
        assertTrue(ChannelsChange.empty().isEmpty());
        assertFalse(ChannelsChange.empty().withCombined(1).isEmpty());
        assertFalse(ChannelsChange.empty().withOther(0).isEmpty());
        assertEquals(OptionalLong.of(4294967295L), ChannelsChange.empty().withRx(4294967295L).rx());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelsChange.empty().withTx(4294967296L));
        assertEquals("tx 4294967296 is out of range (0 to 4294967295)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChannelsChange.empty().withRx(-1));
        assertThrows(IllegalArgumentException.class, () -> ChannelsChange.empty().withOther(-1));
        assertThrows(IllegalArgumentException.class, () -> ChannelsChange.empty().withCombined(-1));
    }
}
