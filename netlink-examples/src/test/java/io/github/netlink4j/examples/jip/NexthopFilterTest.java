package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.NexthopGroupType;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The selectors of {@code ip nexthop list|flush}, on a captured link dump and nexthop records made here. */
class NexthopFilterTest {
    /** veth0, veth1 (enslaved to br0), br0 and mv0 (macvlan on veth0), as captured. */
    private static final Map<Integer, Link> LINKS = Records.links("dump/bridge-port");

    private static NexthopObject single(long id, String gw, String dev, int protocol) {
        InetAddress a = InetAddress.ofLiteral(gw);
        return new NexthopObject(id, Optional.of(AddressFamily.of(a)), RouteScope.UNIVERSE, RouteProtocol.of(protocol), 0, Set.of(),
                Optional.of(a), OptionalInt.of(Records.link(LINKS, dev).index()), false, false, List.of(), Optional.empty(), Optional.empty(),
                List.of());
    }

    private static final List<NexthopObject> ALL = List.of(
            single(1, "10.200.0.1", "veth0", 3),
            single(2, "fd00:200::1", "veth0", 3),
            single(3, "10.200.1.1", "br0", 4),
            new NexthopObject(4, Optional.empty(), RouteScope.UNIVERSE, RouteProtocol.of(3), 0, Set.of(), Optional.empty(), OptionalInt.empty(),
                    false, false, List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(3, 1)), Optional.of(NexthopGroupType.MPATH),
                    Optional.empty(), List.of()));

    private static NexthopFilter parse(String args) {
        return NexthopFilter.parse(new ArrayList<>(args.isEmpty() ? List.of() : Arrays.asList(args.split(" "))), LINKS, "HELP");
    }

    private static List<Long> listed(String args, AddressFamily family) {
        NexthopFilter f = parse(args);
        return ALL.stream().filter(n -> f.test(n, family)).map(NexthopObject::id).toList();
    }

    @Test
    void selectsByDeviceGroupsProtocolAndFamily() {
        assertEquals(List.of(1L, 2L, 3L, 4L), listed("", null));
        assertEquals(List.of(1L, 2L), listed("dev veth0", null));
        assertEquals(List.of(4L), listed("groups", null));
        assertEquals(List.of(3L), listed("protocol 4", null));
        assertEquals(List.of(3L), listed("proto 0x4 fdb", null));
        assertEquals(List.of(2L), listed("dev veth0", AddressFamily.INET6));
        assertEquals(List.of(1L, 3L), listed("", AddressFamily.INET));
    }

    /** {@code id ID} ends the line: the object alone, and the words after it unread. */
    @Test
    void anIdEndsTheSelectors() {
        List<String> args = new ArrayList<>(List.of("dev", "veth0", "id", "0x10", "bogus"));
        NexthopFilter f = NexthopFilter.parse(args, LINKS, "HELP");
        assertEquals(16L, f.id);
        assertEquals(List.of("bogus"), args);
        assertNull(parse("groups").id);
    }

    @Test
    void badArgumentsAreIpsErrors() {
        UsageException e = assertThrows(UsageException.class, () -> parse("dev nosuch"));
        assertEquals("Error: argument \"nosuch\" is wrong: Device does not exist\n", e.getMessage());
        assertEquals(255, e.status());
        assertEquals("Error: argument \"x\" is wrong: invalid protocol value", assertThrows(UsageException.class, () -> parse("protocol x")).getMessage());
        assertEquals("Error: argument \"4294967296\" is wrong: invalid id value",
                assertThrows(UsageException.class, () -> parse("id 4294967296")).getMessage());
        assertEquals("Error: argument \"bogus\" is wrong: ", assertThrows(UsageException.class, () -> parse("bogus")).getMessage());
        assertEquals("HELP", assertThrows(UsageException.class, () -> parse("help")).getMessage());
        assertEquals("jip: \"ip nexthop list vrf\" is not implemented", assertThrows(UsageException.class, () -> parse("vrf red")).getMessage());
    }
}
