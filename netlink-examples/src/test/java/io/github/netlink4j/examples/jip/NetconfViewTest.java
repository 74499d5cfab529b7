package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Netconf;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** ipnetconf.c's print_netconf, which ip netconf and ip monitor share, on records made here. */
class NetconfViewTest {
    private static final Netconf LO = new Netconf(AddressFamily.INET, 1, Optional.of(false), OptionalInt.of(2), Optional.of(false),
            Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty());
    private static final Netconf ALL6 = new Netconf(AddressFamily.INET6, Netconf.ALL, Optional.of(true), OptionalInt.empty(), Optional.empty(),
            Optional.of(false), Optional.of(false), Optional.empty(), Optional.empty());

    @Test
    void eachSettingTheKernelSentWithASpaceAfterIt() {
        assertEquals("inet lo forwarding off rp_filter loose mc_forwarding off proxy_neigh on \n", new NetconfView(LO, "lo", Style.PLAIN).text());
        assertEquals("inet6 all forwarding on proxy_neigh off ignore_routes_with_linkdown off \n",
                new NetconfView(ALL6, NetconfView.name(ALL6.index()), Style.PLAIN).text());
    }

    @Test
    void theNameIsColouredSpaceAndAll() {
        Style colour = Style.of(false, Style.ALWAYS, false, false, null);
        assertEquals("inet \033[36mlo \033[0mforwarding off rp_filter loose mc_forwarding off proxy_neigh on \n", new NetconfView(LO, "lo", colour).text());
    }

    @Test
    void theNamespaceWideEntriesAreAllAndDefault() {
        assertEquals("all", NetconfView.name(Netconf.ALL));
        assertEquals("default", NetconfView.name(Netconf.DEFAULT));
        assertNull(NetconfView.name(3));
    }

    @Test
    void jsonHasTheSameFieldsAndRpFilterByName() {
        assertEquals("{\"family\":\"inet\",\"interface\":\"lo\",\"forwarding\":false,\"rp_filter\":\"loose\",\"mc_forwarding\":false,\"proxy_neigh\":true}",
                Json.write(new NetconfView(LO, "lo", Style.PLAIN).json(), false));
        assertEquals("off", NetconfView.rpFilter(0));
        assertEquals("strict", NetconfView.rpFilter(1));
        assertEquals("unknown mode", NetconfView.rpFilter(3));
    }
}
