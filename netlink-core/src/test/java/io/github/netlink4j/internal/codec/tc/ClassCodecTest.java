package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Estimator;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcStats;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.codec.tc.TcBytes.VETH0;
import static io.github.netlink4j.internal.codec.tc.TcBytes.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * htb classes against tc 6.1's requests (golden/tc/htb-class*.hex), rate tables (TCA_HTB_RTAB, CTAB)
 * included byte for byte, and against the kernel's class dump (dump/classes.hex).
 */
class ClassCodecTest {
    private static final TcHandle QDISC = TcHandle.of("1:");

    private static void write(String fixture, TrafficClassSpec spec, ClassCodec.Mode mode) {
        assertEncodes(fixture, w -> ClassCodec.encodeModify(w, spec, VETH0, mode, false));
    }

    @Test
    void htbClassWithTcsDefaults() {
        // ceil = rate, burst = cburst = rate / HZ + 1600, quantum 0 (the kernel's rate / r2q), prio 0
        write("tc/htb-class", TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))), ClassCodec.Mode.ADD);
    }

    @Test
    void htbClassWithEveryOption() {
        write("tc/htb-class-full", TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:20"), ClassOptions.htb(Rate.of("800kbit"))
                .withCeil(Rate.of("2mbit")).withBurst(Size.of("15k")).withCburst(Size.ofBytes(3000)).withPrio(3).withQuantum(1514)), ClassCodec.Mode.ADD);
    }

    /** From 4 GB/s the rates travel in TCA_HTB_RATE64/CEIL64, the ratespecs and tables hold ~0, and the default burst grows by rate / HZ. */
    @Test
    void htbClassAbove32Bits() {
        write("tc/htb-class-rate64", TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:30"), ClassOptions.htb(Rate.of("40gbit"))
                .withCeil(Rate.of("50gbit"))), ClassCodec.Mode.ADD);
    }

    @Test
    void estimatorReplaceChangeDeleteDump() {
        write("tc/htb-class-estimator", TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:40"), ClassOptions.htb(Rate.of("1mbit")))
                .withEstimator(new Estimator(Duration.ofSeconds(1), Duration.ofSeconds(8))), ClassCodec.Mode.ADD);
        write("tc/htb-class-replace", TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("2mbit"))),
                ClassCodec.Mode.REPLACE);
        write("tc/htb-class-change", TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("2mbit"))
                .withCeil(Rate.of("4mbit"))), ClassCodec.Mode.CHANGE);
        assertEncodes("tc/class-del", w -> ClassCodec.encodeDelete(w, VETH0, TcHandle.of("1:10")));
        assertEncodes("tc/class-dump", w -> ClassCodec.encodeDump(w, VETH0));
    }

    /** dump/classes.hex: 1:1 at the top (2mbit), 1:10 (1mbit, ceil 2mbit, prio 2) and 1:20 (40gbit, ceil 50gbit) under it. */
    @Test
    void decodesTheKernelsDump() throws Exception {
        List<TrafficClass> all = TcBytes.decodeAll("dump/classes", ClassCodec::decode);
        assertEquals(List.of("1:10 1:1", "1:1 root", "1:20 1:1"), all.stream().map(c -> c.handle() + " " + c.parent()).toList());
        ClassOptions.Htb c10 = (ClassOptions.Htb) all.get(0).options();
        assertEquals(Rate.of("1mbit"), c10.rate());
        assertEquals(Rate.of("2mbit"), c10.ceil());
        assertEquals(Optional.of(Size.ofBytes(1600)), c10.burst(), "tc's default burst, back from the kernel's ticks");
        assertEquals(Optional.of(Size.ofBytes(1600)), c10.cburst());
        assertEquals(2, c10.prio());
        assertEquals(OptionalLong.of(12500), c10.quantum(), "the kernel's quantum: rate 125,000 bytes/s / r2q 10");
        ClassOptions.Htb c20 = (ClassOptions.Htb) all.get(2).options();
        assertEquals(Rate.of("40gbit"), c20.rate(), "TCA_HTB_RATE64");
        assertEquals(Rate.of("50gbit"), c20.ceil(), "TCA_HTB_CEIL64");
        assertEquals(List.of(OptionalInt.of(0), OptionalInt.of(7), OptionalInt.of(0)),
                all.stream().map(c -> ((ClassOptions.Htb) c.options()).level()).toList(), "the kernel's levels: inner 1:1 at the top is 7, leaves 0");
        for (TrafficClass c : all) {
            assertEquals(VETH0, c.index());
            assertEquals(Optional.empty(), c.leaf(), "htb's default leaf qdisc has no handle to report");
            TcStats st = c.stats().orElseThrow();
            assertEquals(0, st.packets());
            assertTrue(st.application().isPresent(), "htb's own counters, TCA_STATS_APP");
            assertEquals(List.of(), c.unknown());
        }
    }

    /** A request decodes as its echo would: the spec comes back, bursts included (exact at these rates). */
    @Test
    void aRequestDecodesToWhatItAsked() throws Exception {
        ClassOptions.Htb asked = ClassOptions.htb(Rate.of("800kbit")).withCeil(Rate.of("2mbit")).withBurst(Size.of("15k"))
                .withCburst(Size.ofBytes(3000)).withPrio(3).withQuantum(1514);
        MemorySegment s = TcBytes.written(w -> ClassCodec.encodeModify(w, TrafficClassSpec.of("veth0", QDISC, TcHandle.of("1:20"), asked), VETH0,
                ClassCodec.Mode.ADD, true));
        TrafficClass c = ClassCodec.decode(s, 0, (int) s.byteSize());
        // a request's struct tc_htb_opt says level 0, which the kernel ignores and reports its own
        assertEquals(new ClassOptions.Htb(asked.rate(), asked.ceil(), asked.burst(), asked.cburst(), asked.prio(), asked.quantum(), OptionalInt.of(0)),
                c.options());
        assertEquals(TcHandle.of("1:20"), c.handle());
        assertEquals(QDISC, c.parent());
    }

    /**
     * A class get asks for the echo: the kernel answers a get as it announces a change, to the asker only
     * with NLM_F_ECHO (and since 6.7 to no one without it when no one listens).
     */
    @Test
    void aGetAsksForTheEcho() {
        TcBytes.assertWrites("""
                24 00 00 00                 # nlmsg_len 36
                2a 00 09 00                 # RTM_GETTCLASS, NLM_F_REQUEST | NLM_F_ECHO
                00 00 00 00 00 00 00 00     # seq, pid
                00 00 00 00 03 00 00 00     # tcmsg: AF_UNSPEC, ifindex 3
                10 00 01 00 00 00 00 00     # handle 1:10, parent 0
                00 00 00 00                 # info
                """, w -> ClassCodec.encodeGet(w, VETH0, TcHandle.of("1:10")));
    }
}
