package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.RouteScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Records.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selectors {@code ip link show} and {@code ip addr show} share, on a captured link dump and echoed addresses. */
class ShowFilterTest {
    /** veth0, veth1 (enslaved to br0), br0 and mv0 (macvlan on veth0), as captured. */
    private static final Map<Integer, Link> LINKS = Records.links("dump/bridge-port");

    private static ShowFilter parse(String args) {
        return parse(args, null);
    }

    private static ShowFilter parse(String args, AddressFamily family) {
        ShowFilter f = ShowFilter.parse(new ArrayList<>(args.isEmpty() ? List.of() : Arrays.asList(args.split(" "))), family, "HELP");
        f.resolve(LINKS);
        return f;
    }

    private static List<String> shown(String args) {
        ShowFilter f = parse(args);
        return LINKS.values().stream().filter(f::test).map(Link::name).toList();
    }

    private static List<String> names(java.util.function.Predicate<Link> p) {
        return LINKS.values().stream().filter(p).map(Link::name).toList();
    }

    /** up, group and the slave kind are print_linkinfo's: the link stays listed; device, master and kind select the listing. */
    @Test
    void theLinkDumpsSelectorsListAndPrintLinkinfosOnlyPrint() {
        List<String> all = names(l -> true);
        for (String printOnly : List.of("up", "group 7", "type bridge_slave")) {
            assertEquals(all, names(parse(printOnly)::listed), printOnly);
            assertEquals(shown(printOnly), names(parse(printOnly)::printed), printOnly);
        }
        assertEquals(List.of("veth1"), names(parse("master br0")::listed));
        assertEquals(List.of("br0"), names(parse("type bridge")::listed));
        assertEquals(List.of("veth0"), names(parse("dev veth0")::listed));
        assertEquals(all, names(parse("master br0")::printed));
        List<String> down = names(l -> !l.isUp());
        assertFalse(down.isEmpty(), "the capture has a link that is down");
        assertEquals(down, names(parse("up")::downRejects));
        assertEquals(List.of(), names(parse("group 7")::downRejects), "only up skips the addresses");
    }

    @Test
    void selectsLinks() {
        assertEquals(LINKS.values().stream().map(Link::name).toList(), shown(""));
        assertEquals(List.of("veth0"), shown("veth0"));
        assertEquals(List.of("veth0"), shown("dev veth0"));
        assertEquals(List.of("veth1"), shown("master br0"));
        assertEquals(List.of("br0"), shown("type bridge"));
        assertEquals(List.of("veth1"), shown("type bridge_slave"));
        assertEquals(List.of("mv0"), shown("type macvlan"));
        assertFalse(shown("nomaster").contains("veth1"));
        assertTrue(shown("nomaster").contains("br0"));
        assertEquals(LINKS.values().stream().filter(Link::isUp).map(Link::name).toList(), shown("up"));
        assertEquals(LINKS.values().stream().map(Link::name).toList(), shown("group default"));
        assertEquals(List.of(), shown("group 7"));
        assertEquals(List.of(), shown("group 0x7"));
    }

    @Test
    void refusesWhatIpRefuses() {
        UsageException dev = assertThrows(UsageException.class, () -> parse("nosuch"));
        assertEquals("Device \"nosuch\" does not exist.", dev.getMessage());
        assertEquals(1, dev.status());
        UsageException master = assertThrows(UsageException.class, () -> parse("master nosuch"));
        assertEquals("Error: argument \"nosuch\" is wrong: Device does not exist\n", master.getMessage());
        assertEquals(255, master.status());
        assertEquals("Error: either \"dev\" is duplicate, or \"veth1\" is a garbage.",
                assertThrows(UsageException.class, () -> parse("veth0 veth1")).getMessage());
        assertEquals("Error: argument \"x\" is wrong: Invalid \"group\" value\n",
                assertThrows(UsageException.class, () -> parse("group x")).getMessage());
        assertEquals("Error: argument \"x\" is wrong: invalid \"scope\"\n",
                assertThrows(UsageException.class, () -> parse("scope x")).getMessage());
        assertEquals("HELP", assertThrows(UsageException.class, () -> parse("help")).getMessage());
    }

    @Test
    void readsTheAddressSelectors() {
        ShowFilter f = parse("to 10.200.0.0/24 scope link label veth0:* permanent -secondary");
        assertEquals(24, f.to.bits());
        assertEquals(RouteScope.LINK, f.scope);
        assertEquals("veth0:*", f.label);
        assertEquals(0x80, f.flags);
        assertEquals(0x81, f.flagMask);
        assertTrue(f.selectsAddresses());
        assertFalse(parse("").selectsAddresses());
        assertFalse(parse("up").selectsAddresses());
        assertTrue(parse("label x").selectsAddresses());
        assertTrue(parse("scope host").selectsAddresses());
        assertTrue(parse("to 10.200.0.0/24").selectsAddresses());
        assertNull(parse("scope all").scope);
        assertEquals(0x80, parse("dynamic").flagMask);
        assertEquals(0, parse("dynamic").flags, "dynamic is not permanent");
        assertEquals(0x80, parse("-dynamic").flags);
        assertEquals(0x01, parse("primary").flagMask);
        assertEquals(0, parse("primary").flags);
        assertEquals(0x01, parse("-primary").flags);
        assertEquals(0x01, parse("temporary").flags, "temporary is secondary's bit");
        String[] words = {"nodad", "optimistic", "dadfailed", "home", "deprecated", "tentative", "mngtmpaddr", "noprefixroute",
                "autojoin", "stable-privacy"};
        int[] bits = {0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x100, 0x200, 0x400, 0x800};
        for (int i = 0; i < words.length; i++) {
            assertEquals(bits[i], parse(words[i]).flags, words[i]);
            assertEquals(bits[i], parse("-" + words[i]).flagMask, words[i]);
            assertEquals(0, parse("-" + words[i]).flags, words[i]);
        }
    }

    @Test
    void selectsAddresses() {
        Link veth0 = link(LINKS, "veth0");
        Address plain = Records.address(AddressSpec.of("veth0", "10.200.0.2/24"));
        Address labelled = Records.address(AddressSpec.of("veth0", "10.200.1.2/24").withLabel("veth0:a").withScope(RouteScope.LINK)
                .withFlag(AddressFlag.PERMANENT));
        Address v6 = Records.address(AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD));
        List<Address> all = List.of(plain, labelled, v6);
        assertEquals(all, select("", null, all, veth0));
        assertEquals(List.of(plain, labelled), select("", AddressFamily.INET, all, veth0));
        assertEquals(List.of(v6), select("", AddressFamily.INET6, all, veth0));
        assertEquals(List.of(labelled), select("scope link", null, all, veth0));
        assertEquals(List.of(labelled), select("label veth0:*", null, all, veth0));
        assertEquals(List.of(plain, v6), select("label veth0", null, all, veth0), "an address without a label matches by its link's name");
        assertEquals(List.of(labelled), select("permanent", null, all, veth0));
        assertEquals(List.of(plain, v6), select("-permanent", null, all, veth0));
        assertEquals(List.of(v6), select("nodad", null, all, veth0));
        assertEquals(List.of(plain), select("to 10.200.0.0/24", null, all, veth0));
        assertEquals(List.of(plain, labelled), select("to 10.200.0.0/16", null, all, veth0));
        assertEquals(List.of(v6), select("to fd00:200::/64", null, all, veth0));
        assertEquals(all, select("to default", null, all, veth0));
    }

    private static List<Address> select(String args, AddressFamily family, List<Address> all, Link link) {
        ShowFilter f = parse(args);
        return all.stream().filter(a -> f.test(a, family, link)).toList();
    }
}
