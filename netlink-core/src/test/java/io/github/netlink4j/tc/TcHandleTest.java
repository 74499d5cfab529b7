package io.github.netlink4j.tc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Handles read and print as tc's get_tc_classid and print_tc_classid do: hexadecimal, with tc's names. */
class TcHandleTest {
    @Test
    void readsTcsForms() {
        assertEquals(TcHandle.of(1, 0x10), TcHandle.of("1:10"), "hexadecimal: 1:10 is minor 16");
        assertEquals(0x10010, TcHandle.of("1:10").value());
        assertEquals(TcHandle.of(1, 0), TcHandle.of("1:"));
        assertEquals(TcHandle.of(0, 0x10), TcHandle.of(":10"));
        assertEquals(TcHandle.of(0xabcd, 0xef), TcHandle.of("ABCD:eF"));
        assertEquals(TcHandle.of(1, 2), TcHandle.of("0x1:0x2"), "strtoul's 0x prefix");
        assertEquals(TcHandle.of(1, 2), TcHandle.of("0001:0002"));
        assertEquals(TcHandle.of(0x10), TcHandle.of("10"), "a bare number is the whole 32-bit value, as tc takes it");
        assertEquals(TcHandle.of(0xfffffff1), TcHandle.of("fffffff1"));
        assertEquals(TcHandle.ROOT, TcHandle.of("root"));
        assertEquals(TcHandle.UNSPEC, TcHandle.of("none"));
        assertEquals(TcHandle.UNSPEC, TcHandle.of(":"));
        assertEquals(TcHandle.INGRESS, TcHandle.of("ingress"));
        assertEquals(TcHandle.INGRESS, TcHandle.of("clsact"), "TC_H_CLSACT is TC_H_INGRESS");
        assertEquals(TcHandle.INGRESS, TcHandle.of("ffff:fff1"));
    }

    @Test
    void printsAsTcDoes() {
        assertEquals("1:10", TcHandle.of(1, 0x10).toString());
        assertEquals("1:", TcHandle.qdisc(1).toString());
        assertEquals(":10", TcHandle.of(0x10).toString());
        assertEquals("root", TcHandle.ROOT.toString());
        assertEquals("none", TcHandle.UNSPEC.toString());
        assertEquals("ffff:fff1", TcHandle.INGRESS.toString());
        assertEquals("abcd:ef", TcHandle.of(0xabcd, 0xef).toString());
        assertEquals("8001:", TcHandle.of(0x80010000).toString());
        for (String s : List.of("1:10", "1:", ":10", "root", "none", "ffff:fff1", "8001:", "fff0:ffff"))
            assertEquals(s, TcHandle.of(s).toString(), "round trip of " + s);
    }

    @Test
    void partsAndRanges() {
        TcHandle h = TcHandle.of("8001:fff3");
        assertEquals(0x8001, h.major());
        assertEquals(0xfff3, h.minor());
        assertEquals(TcHandle.of("8001:"), h.qdiscPart());
        assertThrows(IllegalArgumentException.class, () -> TcHandle.of(0x10000, 0));
        assertThrows(IllegalArgumentException.class, () -> TcHandle.of(0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> TcHandle.of(-1, 0));
    }

    @Test
    void refusesWhatTcRefuses() {
        for (String bad : List.of("", "1:2:3", "10000:", "1:10000", "g:", ":g", "123456789", "-1", "+1:", " 1:", "1: ", "0x:", "1:0x", "ingres"))
            assertThrows(IllegalArgumentException.class, () -> TcHandle.of(bad), bad);
    }
}
