package io.github.netlink4j.tc;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Specs refuse what the kernel or tc would refuse or silently mangle, before anything is sent; records and specs meet in toSpec and matches. */
class TcSpecsTest {
    @Test
    void qdiscSpecsCheckTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.root("veth0", QdiscOptions.pfifo()).withHandle(TcHandle.of("1:5")),
                "tc drops a qdisc handle's minor; the library refuses it");
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.of("veth0", TcHandle.UNSPEC, QdiscOptions.pfifo()));
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.root("veth0", new QdiscOptions.Clsact()), "clsact attaches at ingress");
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.ingress("veth0").withHandle(TcHandle.of("1:")));
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.root("veth0", new QdiscOptions.PfifoFast(2, Prio.DEFAULT_PRIOMAP)));
        assertThrows(IllegalArgumentException.class, () -> QdiscSpec.root("bad/name", QdiscOptions.pfifo()));
        assertEquals(Optional.of(TcHandle.of("ffff:")), QdiscSpec.clsact("veth0").handle(), "tc sends ffff: for clsact and ingress");
        assertEquals(Optional.empty(), QdiscSpec.root("veth0", QdiscOptions.pfifo()).withHandle(TcHandle.of("0:")).handle(), "0: is no handle");
        assertEquals(QdiscOptions.PfifoFast.FIXED, QdiscSpec.root("veth0", QdiscOptions.PfifoFast.FIXED).options());
    }

    @Test
    void optionsCheckTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> new Prio(1, Prio.DEFAULT_PRIOMAP));
        assertThrows(IllegalArgumentException.class, () -> new Prio(2, Prio.DEFAULT_PRIOMAP), "band 2 is not below 2");
        assertThrows(IllegalArgumentException.class, () -> new Prio(3, List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> ClassOptions.htb(Rate.of("1mbit")).withPrio(8));
        assertThrows(IllegalArgumentException.class, () -> ClassOptions.htb(Rate.ofBytesPerSecond(0)));
        assertThrows(IllegalArgumentException.class, () -> ClassOptions.htb(Rate.of("1mbit")).withQuantum(0));
        assertThrows(IllegalArgumentException.class, () -> QdiscOptions.tbf(Rate.of("1mbit"), Size.ofBytes(0), Size.of("10k")));
        assertThrows(IllegalArgumentException.class, () -> new Tbf(Rate.of("1mbit"), Size.of("10k"), Size.of("10k"), Optional.of(Rate.of("2mbit")),
                Optional.empty()), "a peak rate needs its mtu");
        assertThrows(IllegalArgumentException.class, () -> QdiscOptions.netem(Duration.ofMillis(1)).withLoss(101));
        assertThrows(IllegalArgumentException.class, () -> new Sfq(Optional.of(Duration.ofMillis(1500)), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), false));
        assertThrows(IllegalArgumentException.class, () -> QdiscOptions.other("a kind with spaces", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> QdiscOptions.other("sixteen_letters_", Optional.empty()));
        assertThrows(UnsupportedOperationException.class, () -> QdiscOptions.prio().priomap().set(0, 2));
    }

    /** q_tbf.c's limit from a latency: rate × latency + burst, or the peak rate's (with the MTU) when smaller. */
    @Test
    void tbfLimitAndLatencyAsTcComputesThem() {
        Tbf t = QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), Duration.ofMillis(400));
        assertEquals(Size.ofBytes(125_000 * 4 / 10 + 32_768), t.limit());
        assertEquals(Duration.ofMillis(400), t.latency());
        Tbf peak = QdiscOptions.tbf(Rate.of("10mbit"), Size.of("10kb"), Duration.ofMillis(10), Rate.of("12mbit"), Size.ofBytes(1514));
        assertEquals(Size.ofBytes(Math.min(1_250_000 / 100 + 10_240, 1_500_000 / 100 + 1514)), peak.limit());
        assertThrows(IllegalArgumentException.class, () -> QdiscOptions.tbf(Rate.of("40gbit"), Size.of("1kb"), Duration.ofSeconds(10)),
                "50 GB is no u32 limit");
    }

    @Test
    void estimatorsAsTcSetsThemUp() {
        Estimator e = new Estimator(Duration.ofSeconds(1), Duration.ofSeconds(8));
        assertEquals(0, e.intervalLog(), "2^0 s");
        assertEquals(3, e.ewmaLog());
        assertEquals(-2, new Estimator(Duration.ofMillis(250), Duration.ofSeconds(1)).intervalLog());
        assertThrows(IllegalArgumentException.class, () -> new Estimator(Duration.ofSeconds(9), Duration.ofSeconds(30)), "past 8 s");
        assertThrows(IllegalArgumentException.class, () -> new Estimator(Duration.ofSeconds(1), Duration.ZERO));
    }

    @Test
    void classSpecsShareTheirQdiscsMajor() {
        ClassOptions.Htb htb = ClassOptions.htb(Rate.of("1mbit"));
        assertThrows(IllegalArgumentException.class, () -> TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("2:10"), htb),
                "the kernel answers only EINVAL");
        assertThrows(IllegalArgumentException.class, () -> TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.UNSPEC, htb));
        assertThrows(IllegalArgumentException.class, () -> TrafficClassSpec.of("veth0", TcHandle.UNSPEC, TcHandle.of("1:10"), htb));
        TrafficClassSpec.of("veth0", TcHandle.ROOT, TcHandle.of("1:1"), htb);
        TrafficClassSpec.of("veth0", TcHandle.of("1:1"), TcHandle.of(":10"), htb);
    }

    @Test
    void recordsAndSpecsMeet() {
        Qdisc q = new Qdisc(3, TcHandle.of("1:"), TcHandle.ROOT, QdiscOptions.htb(0x10), 2, false, Optional.empty(), OptionalLong.empty(), List.of());
        QdiscSpec s = q.toSpec(i -> i == 3 ? "veth0" : "if" + i);
        assertEquals(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:")), s);
        assertTrue(s.matches(q, i -> "veth0"));
        assertTrue(QdiscSpec.root("veth0", QdiscOptions.htb(0x20)).matches(q, i -> "veth0"), "the kernel's key: link, parent, kind, handle if set");
        assertFalse(QdiscSpec.root("veth0", QdiscOptions.pfifo()).matches(q, i -> "veth0"));
        assertFalse(s.matches(q, i -> "veth1"));
        assertFalse(s.withHandle(TcHandle.of("2:")).matches(q, i -> "veth0"));
        Qdisc noqueue = new Qdisc(1, TcHandle.UNSPEC, TcHandle.ROOT, QdiscOptions.other("noqueue", Optional.empty()), 2, false, Optional.empty(), OptionalLong.empty(), List.of());
        assertEquals(Optional.empty(), noqueue.toSpec(i -> "lo").handle());
        TrafficClass c = new TrafficClass(3, TcHandle.of("1:10"), TcHandle.of("1:"), Optional.empty(), ClassOptions.htb(Rate.of("1mbit")),
                Optional.empty(), List.of());
        assertTrue(c.toSpec(i -> "veth0").matches(c, i -> "veth0"));
        assertEquals("class htb 1:10 dev if3 parent 1: prio 0 rate 1Mbit ceil 1Mbit", c.toString());
        assertEquals("qdisc htb 1: dev if3 root refcnt 2 r2q 10 default 0x10", q.toString());
    }
}
