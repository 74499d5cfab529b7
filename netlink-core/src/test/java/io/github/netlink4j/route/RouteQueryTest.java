package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route lookup carries what {@code ip route get ADDR [from A] [iif I] [oif O] [mark M] [uid U] [fibmatch]}
 * says, each wither setting its one part, and refuses a {@code from} of another family than the
 * destination (the kernel would answer EINVAL).
 */
class RouteQueryTest {
    private static final InetAddress DST = InetAddress.ofLiteral("10.200.0.5");
    private static final InetAddress FROM = InetAddress.ofLiteral("10.200.1.1");
    private static final InetAddress DST6 = InetAddress.ofLiteral("fd00:200::5");

    @Test
    void aPlainLookupSaysNothingButTheDestination() {
        RouteQuery q = RouteQuery.to(DST);
        assertEquals(new RouteQuery(DST, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                false), q);
        assertEquals(AddressFamily.INET, q.family());
        assertEquals(AddressFamily.INET6, RouteQuery.to(DST6).family());
    }

    @Test
    void eachWitherSetsItsPartAndKeepsTheRest() {
        RouteQuery q = RouteQuery.to(DST).withSource(FROM).withInputLink("veth0").withOutputLink("veth1").withMark(7).withUid(1000)
                .withFibMatch();
        assertEquals(new RouteQuery(DST, Optional.of(FROM), Optional.of("veth0"), Optional.of("veth1"), OptionalLong.of(7),
                OptionalLong.of(1000), true), q);
        // each wither, applied last, leaves what the others set
        assertEquals(q, q.withSource(FROM));
        assertEquals(q, q.withInputLink("veth0"));
        assertEquals(q, q.withOutputLink("veth1"));
        assertEquals(q, q.withMark(7));
        assertEquals(q, q.withUid(1000));
        assertEquals(q, q.withFibMatch());
        assertFalse(RouteQuery.to(DST).fibMatch());
        assertTrue(RouteQuery.to(DST).withFibMatch().fibMatch());
    }

    @Test
    void fromMustBeOfTheDestinationsFamily() {
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to(DST).withSource(InetAddress.ofLiteral("fd00:200::1")));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to(DST6).withSource(FROM));
        assertEquals(Optional.of(InetAddress.ofLiteral("fd00:200::1")), RouteQuery.to(DST6).withSource(InetAddress.ofLiteral("fd00:200::1")).source());
    }

    @Test
    void linkNamesAndNumbersAreCheckedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to(DST).withInputLink("a b"));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to(DST).withOutputLink("0123456789abcdef"), "16 bytes: over IFNAMSIZ");
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to(DST).withMark(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to(DST).withUid(0x1_0000_0000L));
        assertEquals(OptionalLong.of(0xFFFF_FFFFL), RouteQuery.to(DST).withUid(0xFFFF_FFFFL).uid());
        assertThrows(NullPointerException.class, () -> RouteQuery.to(null));
    }
}
