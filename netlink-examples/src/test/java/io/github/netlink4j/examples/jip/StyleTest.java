package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.OperState;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ip's colour rules (lib/color.c) and -N's numbers, without a namespace (NumericColourParityTest checks them against ip). */
class StyleTest {
    /** matches_color: a prefix of -color, alone (always) or with =always, =auto or =never; anything else is not a colour option. */
    @ParameterizedTest
    @CsvSource({"-c, 2", "-col, 2", "-color, 2", "-color=, 2", "-c=always, 2", "-c=auto, 1", "-color=never, 0", "-colour, -1",
            "-c=foo, -1", "-cd, -1", "-x, -1"})
    void colourOptionsAreReadAsIpReadsThem(String option, int value) {
        assertEquals(value, Style.colorOption(option));
    }

    @Test
    void colourIsOnForAlwaysOrATerminalAndNeverUnderJson() {
        assertEquals("\033[36mv0\033[0m", Style.of(false, Style.ALWAYS, false, false, null).ifname("v0"));
        assertEquals("\033[36mv0\033[0m", Style.of(false, Style.AUTO, false, true, null).ifname("v0"));
        assertEquals("v0", Style.of(false, Style.AUTO, false, false, null).ifname("v0"));
        assertEquals("v0", Style.of(false, Style.ALWAYS, true, true, null).ifname("v0"));
        assertEquals("v0", Style.of(false, Style.NEVER, false, true, null).ifname("v0"));
    }

    /** COLORFGBG's last field, 0 to 6 or 8 alone, means a dark background: the same colours in bold. */
    @ParameterizedTest
    @CsvSource(value = {"15;0|1;35", "15;default;6|1;35", "15;8|1;35", "0;15|35", "15;7|35", "15;08|35", "0|35", "''|35"}, delimiter = '|')
    void aDarkBackgroundIsBold(String colorfgbg, String inet) {
        assertEquals("\033[" + inet + "m10.200.0.1\033[0m", Style.of(false, Style.ALWAYS, false, false, colorfgbg).address(AddressFamily.INET, "10.200.0.1"));
    }

    @Test
    void onlyUpAndDownAndIpAddressesHaveColours() {
        Style s = Style.of(false, Style.ALWAYS, false, false, null);
        assertEquals("\033[32mUP \033[0m", s.operstate(OperState.UP, "UP "));
        assertEquals("\033[31mDOWN \033[0m", s.operstate(OperState.DOWN, "DOWN "));
        assertEquals("UNKNOWN ", s.operstate(OperState.UNKNOWN, "UNKNOWN "));
        assertEquals("\033[34mfd00::1\033[0m", s.address(AddressFamily.INET6, "fd00::1"));
        assertEquals("x", s.address(AddressFamily.BRIDGE, "x"));
        assertEquals("\033[33m02:00:00:00:00:01\033[0m", s.mac("02:00:00:00:00:01"));
    }

    @Test
    void numericPrintsTheNumbersOfNames() {
        Style n = Style.of(true, Style.NEVER, false, false, null);
        assertEquals("2", n.protocol(RouteProtocol.KERNEL));
        assertEquals("255", n.table(RouteTable.LOCAL));
        assertEquals("6", n.routeType(6));
        assertEquals("0", n.group(0));
        assertEquals("ipproto-6", n.ipProtocol(6));
        assertEquals("0x10", n.dsfield(0x10));
        assertEquals("blackhole", Style.PLAIN.routeType(6));
        assertEquals("none", Style.PLAIN.routeType(0));
        assertEquals("42", Style.PLAIN.routeType(42));
        assertEquals("default", Style.PLAIN.group(0));
        assertEquals("kernel", Style.PLAIN.protocol(RouteProtocol.KERNEL));
    }
}
