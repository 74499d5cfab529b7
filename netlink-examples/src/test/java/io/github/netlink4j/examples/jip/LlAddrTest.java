package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Link-layer addresses as ip 6.1's ll_addr_a2n reads them, sscanf's %x and all (ArgumentErrorParityTest checks them against ip). */
class LlAddrTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"02:00:00:00:00:07|02:00:00:00:00:07", "0x12:0:0:0:0:1|12:00:00:00:00:01", "2:0g:-0:+f:00:01|02:00:00:0f:00:01",
            "' 12: 7'|12:07", "12:100000000|12:00", "10.1.2.3|0a:01:02:03", "ff|ff"})
    void readsWhatSscanfsHexReads(String arg, String bytes) {
        assertEquals(bytes, LlAddr.parse(arg).toString());
    }

    /** The error quotes the piece that failed, as ip's does, and ends the command with status 1. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zz:00:00:00:00:01|zz", "02:zz:00|zz", "12::00|''", "12:00:|''", "100:00|100", "-1:00|-1",
            "1.2.3.4.5|1.2.3.4.5", "10.1.2.256|10.1.2.256", "ffffffffffffffffff:00|ffffffffffffffffff"})
    void quotesTheByteItCouldNotRead(String arg, String piece) {
        UsageException e = assertThrows(UsageException.class, () -> LlAddr.parse(arg));
        assertEquals("\"" + piece + "\" is invalid lladdr.", e.getMessage());
        assertEquals(1, e.status());
    }

    @Test
    void moreBytesThanIpsBufferAreRefused() {
        String arg = "00:".repeat(32) + "01";
        assertThrows(UsageException.class, () -> LlAddr.parse(arg));
        assertEquals(32, LlAddr.parse("00:".repeat(31) + "01").length());
    }
}
