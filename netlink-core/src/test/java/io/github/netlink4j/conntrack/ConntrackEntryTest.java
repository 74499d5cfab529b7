package io.github.netlink4j.conntrack;

import io.github.netlink4j.common.AddressFamily;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text of an entry as conntrack-tools prints the parts a live table seldom shows, and the filter's selectors. */
class ConntrackEntryTest {
    private static final InetAddress A = InetAddress.ofLiteral("10.200.0.1");
    private static final InetAddress B = InetAddress.ofLiteral("10.200.0.2");
    private static final Instant START = Instant.ofEpochSecond(1_700_000_000L, 500_000_000);

    private static ConntrackEntry entry(EnumSet<ConntrackStatus> status, Optional<Instant> stop) {
        return new ConntrackEntry(AddressFamily.INET, ConntrackTuple.tcp(A, B, 40000, 21), ConntrackTuple.tcp(B, A, 21, 40000),
                ConntrackStatus.toBits(status), status, Optional.of(Duration.ofSeconds(431999)), OptionalLong.of(0), OptionalInt.empty(),
                Optional.of(new ConntrackCounters(3, 180)), Optional.of(new ConntrackCounters(2, 120)), Optional.of(START), stop,
                Optional.of(TcpState.ESTABLISHED), OptionalLong.of(3_000_000_000L), OptionalLong.of(1), Optional.of("ftp"));
    }

    @Test
    void ageOffloadHelperAndId() {
        ConntrackEntry e = entry(EnumSet.of(ConntrackStatus.SEEN_REPLY, ConntrackStatus.ASSURED, ConntrackStatus.OFFLOAD), Optional.empty());
        assertEquals("ipv4     2 tcp      6 431999 ESTABLISHED src=10.200.0.1 dst=10.200.0.2 sport=40000 dport=21 packets=3 bytes=180 "
                + "src=10.200.0.2 dst=10.200.0.1 sport=21 dport=40000 packets=2 bytes=120 [ASSURED] [OFFLOAD] mark=0 delta-time=42 "
                + "helper=ftp use=1 id=3000000000", e.toText(true, true, START.plusSeconds(42)));
    }

    @Test
    void aDestroyedEntryIsAgedToItsStop() {
        ConntrackEntry e = entry(EnumSet.of(ConntrackStatus.HW_OFFLOAD, ConntrackStatus.OFFLOAD), Optional.of(START.plusSeconds(7)));
        String t = e.toText(false, false, START.plusSeconds(1000));
        assertTrue(t.contains("[UNREPLIED]") && t.contains("[HW_OFFLOAD] mark=0 delta-time=7 "), t);
        assertFalse(t.contains("[OFFLOAD]") || t.contains("id="), t);
    }

    @Test
    void statusBitsAreTheKernels() {
        assertEquals(0x0e, ConntrackStatus.toBits(EnumSet.of(ConntrackStatus.SEEN_REPLY, ConntrackStatus.ASSURED, ConntrackStatus.CONFIRMED)));
        assertEquals(EnumSet.of(ConntrackStatus.DYING, ConntrackStatus.HW_OFFLOAD), ConntrackStatus.fromBits(0x8200 | 0x10000));
        assertEquals("LISTEN", TcpState.SYN_SENT2.toString());
        assertEquals(TcpState.TIME_WAIT, TcpState.of(7));
    }

    @Test
    void badTuplesAndFiltersAreRefusedBeforeTheKernel() {
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.tcp(A, InetAddress.ofLiteral("fd00:200::1"), 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.udp(A, B, 65536, 2));
        assertThrows(IllegalArgumentException.class, () -> ConntrackFilter.all().withZone(70000));
        assertThrows(IllegalArgumentException.class, () -> ConntrackFilter.all().withMark(1L << 32, 0xff));
        assertThrows(IllegalArgumentException.class, () -> ConntrackFilter.all().withFamily(AddressFamily.BRIDGE));
    }

    @Test
    void everySelectorOfTheFilter() {
        ConntrackEntry e = entry(EnumSet.of(ConntrackStatus.ASSURED), Optional.empty());
        assertTrue(ConntrackFilter.all().withSource(A).withDestination(B).withSourcePort(40000).withDestinationPort(21)
                .withReplySource(B).withReplyDestination(A).withProtocol(6).withZone(0).withMark(0x100, 0xff)
                .withStatus(EnumSet.of(ConntrackStatus.ASSURED)).withFamily(AddressFamily.INET).matches(e));
        assertFalse(ConntrackFilter.all().withSourcePort(40001).matches(e));
        assertFalse(ConntrackFilter.all().withReplySource(A).matches(e));
        assertFalse(ConntrackFilter.all().withReplyDestination(B).matches(e));
        assertFalse(ConntrackFilter.all().withDestination(A).matches(e));
        assertFalse(ConntrackFilter.all().withFamily(AddressFamily.INET6).matches(e));
        assertFalse(ConntrackFilter.all().withZone(4).matches(e));
        assertFalse(ConntrackFilter.all().withMark(1, 0xffffffffL).matches(e));
        assertFalse(ConntrackFilter.all().withStatus(EnumSet.of(ConntrackStatus.SEEN_REPLY)).matches(e));
        assertFalse(ConntrackFilter.all().withProtocol(17).matches(e));
    }
}
