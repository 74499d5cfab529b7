package io.github.netlink4j.examples.jip;

import io.github.netlink4j.genl.mptcp.MptcpEvent;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ip 6.1's mptcp_monitor_msg line for one event, field by field (MptcpMonitorParityTest holds it to ip on real events). */
class MptcpEventViewTest {
    private static MptcpEvent event(int type) {
        return new MptcpEvent(type, MptcpEvent.Type.of(type), OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    @Test
    void everyFieldInIpsOrder() throws Exception {
        MptcpEvent e = new MptcpEvent(10, Optional.of(MptcpEvent.Type.SUB_ESTABLISHED), OptionalLong.of(0xabcL), OptionalInt.of(1), OptionalInt.of(2),
                Optional.of(InetAddress.getByName("10.200.77.2")), Optional.of(InetAddress.getByName("10.200.77.1")), OptionalInt.of(47511),
                OptionalInt.of(21001), OptionalInt.of(1), OptionalInt.of(110), OptionalInt.of(0x1a), OptionalLong.of(1000), OptionalInt.of(-1),
                OptionalLong.of(4294967294L), OptionalLong.of(0xfL));
        assertEquals("[SF_ESTABLISHED] token=00000abc remid=2 locid=1 saddr4=10.200.77.2 daddr4=10.200.77.1 sport=47511 dport=21001"
                + " backup=1 error=110 flags=1a timeout=1000 ifindex=-1 reset_reason=4294967294 reset_flags=0xf", MptcpEventView.line(e));
    }

    @Test
    void namesRightAlignedInFourteenColumnsAndUnknownTypes() throws Exception {
        assertEquals("[       CREATED]", MptcpEventView.line(event(1)));
        assertEquals("[   ESTABLISHED]", MptcpEventView.line(event(2)));
        assertEquals("[        CLOSED]", MptcpEventView.line(event(3)));
        assertEquals("[     ANNOUNCED]", MptcpEventView.line(event(6)));
        assertEquals("[       REMOVED]", MptcpEventView.line(event(7)));
        assertEquals("[     SF_CLOSED]", MptcpEventView.line(event(11)));
        assertEquals("[       SF_PRIO]", MptcpEventView.line(event(13)));
        assertEquals("[UNKNOWN 15]", MptcpEventView.line(event(15)), "ip 6.1 has no name for the listener events");
        assertEquals("[UNKNOWN 4]", MptcpEventView.line(event(4)));
        MptcpEvent v6 = new MptcpEvent(1, Optional.of(MptcpEvent.Type.CREATED), OptionalLong.of(0x28e11985L), OptionalInt.empty(), OptionalInt.empty(),
                Optional.of(InetAddress.getByName("fd00:200::77")), Optional.of(InetAddress.getByName("fd00:200::1")), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalInt.empty(),
                OptionalLong.empty(), OptionalLong.empty());
        assertEquals("[       CREATED] token=28e11985 saddr6=fd00:200::77 daddr6=fd00:200::1", MptcpEventView.line(v6));
    }
}
