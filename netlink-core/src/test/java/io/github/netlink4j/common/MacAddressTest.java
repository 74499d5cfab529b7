package io.github.netlink4j.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Link-layer addresses as ip reads and prints them: six hex pairs with ':' (or '-', which ip's
 * ll_addr_a2n does not take but many tools print), printed in lower case with ':'; any length the kernel
 * reports (1..32 bytes, MAX_ADDR_LEN) is kept.
 */
class MacAddressTest {
    @Test
    void parsesHexPairsEitherSeparatorAndPrintsLowerCaseColons() {
        MacAddress m = MacAddress.of("02:00:0A:ff:00:07");
        assertArrayEquals(new byte[] {2, 0, 10, (byte) 0xff, 0, 7}, m.bytes());
        assertEquals(6, m.length());
        assertEquals("02:00:0a:ff:00:07", m.toString());
        assertEquals(m, MacAddress.of("02-00-0a-FF-00-07"));
        assertEquals("02:00:00:00:00:07", MacAddress.of("2:0:0:0:0:7").toString(), "one digit is a byte too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:00:00:00", "02:00:00:00:00:07:08", "02:00:00:00:00:", "02::00:00:00:07", "02:00:00:00:00:007",
            "02:00:00:00:00:0g", ""})
    void refusesWhatIsNotSixHexBytes(String text) {
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(text));
    }

    @Test
    void anyLengthUpToMaxAddrLenIsKeptAndCopied() {
        byte[] b = {1, 2, 3, 4};
        MacAddress m = MacAddress.of(b);
        b[0] = 9;
        assertEquals("01:02:03:04", m.toString());
        m.bytes()[1] = 9;
        assertEquals("01:02:03:04", m.toString());
        assertEquals(1, MacAddress.of(new byte[1]).length());
        assertEquals(32, MacAddress.of(new byte[32]).length());
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[33]));
    }

    @Test
    void equalByBytes() {
        MacAddress a = MacAddress.of("02:00:00:00:00:07");
        assertEquals(a, MacAddress.of(new byte[] {2, 0, 0, 0, 0, 7}));
        assertEquals(a.hashCode(), MacAddress.of(new byte[] {2, 0, 0, 0, 0, 7}).hashCode());
        assertNotEquals(a, MacAddress.of("02:00:00:00:00:08"));
        assertNotEquals(a.hashCode(), MacAddress.of("02:00:00:00:00:08").hashCode());
        assertNotEquals(a, "02:00:00:00:00:07");
    }
}
