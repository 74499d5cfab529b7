package io.github.netlink4j.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The AF_* numbers of linux/socket.h (AF_INET 2, AF_BRIDGE 7, AF_INET6 10) and ip's names for them, both ways. */
class AddressFamilyTest {
    @ParameterizedTest
    @CsvSource({"INET, 2, inet", "BRIDGE, 7, bridge", "INET6, 10, inet6"})
    void numbersAndNamesAreTheKernelsAndIps(AddressFamily f, int af, String text) {
        assertEquals(af, f.value());
        assertEquals(text, f.text());
        assertSame(f, AddressFamily.of(af));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 28})
    void otherFamiliesAreRefused(int af) { // AF_UNSPEC, AF_UNIX, AF_PACKET, AF_MPLS
        assertThrows(IllegalArgumentException.class, () -> AddressFamily.of(af));
    }

    @Test
    void anAddressHasTheFamilyOfItsClass() {
        assertSame(AddressFamily.INET, AddressFamily.of(InetAddress.ofLiteral("10.200.0.2")));
        assertSame(AddressFamily.INET6, AddressFamily.of(InetAddress.ofLiteral("fd00:200::2")));
    }
}
