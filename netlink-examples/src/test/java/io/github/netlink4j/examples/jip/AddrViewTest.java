package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** print_addrinfo's line with its link before it, which ip -o addr and ip monitor share. */
class AddrViewTest {
    @Test
    void theLinkGoesBeforeTheAddressUncoloured() {
        Address a = Records.address(AddressSpec.of("veth0", "10.200.0.2/24"));
        Style colour = Style.of(false, Style.ALWAYS, false, false, null);
        String headed = new AddrView(a, colour).headed(7, "veth0");
        assertEquals("7: veth0" + new AddrView(a, colour).text(), headed);
        assertTrue(headed.startsWith("7: veth0    inet "), headed);
    }
}
