package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.tc.FqCodel;
import io.github.netlink4j.tc.Prio;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Sfq;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.Tbf;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcTime;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.codec.tc.TcBytes.VETH0;
import static io.github.netlink4j.internal.codec.tc.TcBytes.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Qdisc requests against the bytes tc 6.1 sent for the same command (golden/tc/*.hex), one test per kind. */
class QdiscCodecTest {
    private static void add(String fixture, QdiscSpec spec) {
        assertEncodes(fixture, w -> QdiscCodec.encodeModify(w, spec, VETH0, QdiscCodec.Mode.ADD, false));
    }

    private static QdiscSpec root(QdiscOptions o, String handle) {
        return QdiscSpec.root("veth0", o).withHandle(TcHandle.of(handle));
    }

    @Test
    void fifos() {
        add("tc/pfifo-limit", root(QdiscOptions.pfifo().withLimit(100), "1:"));
        add("tc/pfifo-plain", QdiscSpec.root("veth0", QdiscOptions.pfifo()));
        add("tc/bfifo-limit", root(QdiscOptions.bfifo(Size.of("32kb")), "2:"));
        add("tc/pfifo-fast", root(QdiscOptions.PfifoFast.FIXED, "3:")); // its fixed options are not sent
    }

    @Test
    void htb() {
        add("tc/htb-default", root(QdiscOptions.htb(0x10), "1:"));
        add("tc/htb-options", root(QdiscOptions.htb(0x20).withR2q(5).withDirectQlen(50), "1:"));
    }

    /** tbf's PARMS hold the burst as ticks at the rate and the rate tables tc computes: exact only if computed as tc does. */
    @Test
    void tbfWithLatencyPeakrateAnd64BitRates() {
        add("tc/tbf-latency", root(QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms")), "5:"));
        add("tc/tbf-peakrate", root(QdiscOptions.tbf(Rate.of("10mbit"), Size.of("10kb"), Size.ofBytes(30000))
                .withPeakrate(Rate.of("20mbit"), Size.ofBytes(1514)), "5:"));
        add("tc/tbf-rate64", root(QdiscOptions.tbf(Rate.of("40gbit"), Size.of("1mb"), TcTime.of("1ms")), "5:"));
    }

    @Test
    void ingressAndClsact() {
        add("tc/clsact", QdiscSpec.clsact("veth0"));
        add("tc/ingress", QdiscSpec.ingress("veth0"));
    }

    /** Kinds this kernel lacks: the request tc sends is all there is to compare. */
    @Test
    void netemFqCodelPrioSfq() {
        add("tc/netem", QdiscSpec.root("veth0", QdiscOptions.netem(Duration.ofMillis(100)).withJitter(Duration.ofMillis(10)).withLoss(1)
                .withLimit(500)));
        add("tc/netem-delay", QdiscSpec.root("veth0", QdiscOptions.netem(Duration.ofMillis(20))));
        add("tc/fq-codel", QdiscSpec.root("veth0", new FqCodel(OptionalLong.of(1024), OptionalLong.of(512), OptionalLong.of(1514),
                Optional.of(Duration.ofMillis(5)), Optional.of(Duration.ofMillis(100)), Optional.of(true), Optional.empty(), Optional.empty(),
                OptionalLong.empty())));
        add("tc/prio-priomap", root(new Prio(4, List.of(1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 3)), "1:"));
        add("tc/prio-default", QdiscSpec.root("veth0", QdiscOptions.prio()));
        add("tc/sfq", QdiscSpec.root("veth0", new Sfq(Optional.of(Duration.ofSeconds(10)), Optional.of(Size.ofBytes(1514)), OptionalLong.of(127),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), false)));
    }

    @Test
    void replaceChangeDeleteAndDump() {
        assertEncodes("tc/qdisc-replace", w -> QdiscCodec.encodeModify(w, root(QdiscOptions.pfifo().withLimit(10), "1:"), VETH0,
                QdiscCodec.Mode.REPLACE, false));
        assertEncodes("tc/qdisc-change", w -> QdiscCodec.encodeModify(w, root(QdiscOptions.tbf(Rate.of("2mbit"), Size.of("32kb"),
                TcTime.of("400ms")), "5:"), VETH0, QdiscCodec.Mode.CHANGE, false));
        assertEncodes("tc/qdisc-del-root", w -> QdiscCodec.encodeDelete(w, VETH0, TcHandle.ROOT, 0, null));
        QdiscSpec ingress = QdiscSpec.ingress("veth0");
        assertEncodes("tc/qdisc-del-ingress", w -> QdiscCodec.encodeDelete(w, VETH0, ingress.parent(), ingress.handle().orElseThrow().value(),
                ingress.kind()));
        assertEncodes("tc/qdisc-dump", QdiscCodec::encodeDump);
    }

    /**
     * The kernel's dump (dump/qdiscs.hex): htb at veth0's root with a pfifo under class 1:10 and ingress;
     * tbf and clsact on veth1; bfifo on veth2 (5), pfifo_fast on veth3 (4). lo, down, has no qdisc yet.
     */
    @Test
    void decodesTheKernelsDump() throws Exception {
        List<Qdisc> all = TcBytes.decodeAll("dump/qdiscs", QdiscCodec::decode);
        assertEquals(List.of("tbf 2 5: root", "clsact 2 ffff: ffff:fff1", "htb 3 1: root", "pfifo 3 10: 1:10",
                        "ingress 3 ffff: ffff:fff1", "pfifo_fast 4 3: root", "bfifo 5 2: root"),
                all.stream().map(q -> q.kind() + " " + q.index() + " " + q.handle() + " " + q.parent()).toList());
        Tbf tbf = (Tbf) all.get(0).options();
        assertEquals(Rate.of("1mbit"), tbf.rate());
        assertEquals(Size.of("32kb"), tbf.burst(), "the burst as tc prints it from the kernel's ticks");
        assertEquals(TcTime.of("400ms"), tbf.latency(), "lat 400ms");
        assertEquals(Size.ofBytes(82768), tbf.limit(), "1mbit (125,000 bytes/s) for 400 ms, and the 32,768-byte burst");
        assertEquals(new QdiscOptions.Clsact(), all.get(1).options());
        assertEquals(new QdiscOptions.Htb(10, 0x10, OptionalLong.of(1000)), all.get(2).options());
        assertEquals(QdiscOptions.pfifo().withLimit(50), all.get(3).options());
        assertEquals(new QdiscOptions.Ingress(), all.get(4).options());
        assertEquals(QdiscOptions.PfifoFast.FIXED, all.get(5).options());
        assertEquals(QdiscOptions.bfifo(Size.of("32kb")), all.get(6).options());
        for (Qdisc q : all) {
            assertEquals(List.of(), q.unknown(), q + ": every attribute of this kernel's qdiscs is decoded");
            assertEquals(0, q.stats().orElseThrow().bytes(), "a fresh namespace sent nothing");
        }
        assertEquals(3, all.get(2).refcount(), "tcm_info, tc's refcnt");
        assertEquals(OptionalLong.of(0), all.get(2).directPackets(), "htb reports its direct packets, none yet");
        assertEquals(OptionalLong.empty(), all.get(0).directPackets(), "tbf has no such counter");
    }

    /**
     * htb's direct_packets_stat (dump/qdisc-htb-direct.hex): three UDP datagrams through an htb without a
     * default class went out its direct queue; the counter sits in TCA_HTB_INIT beside the options, and
     * a record without counters drops it.
     */
    @Test
    void decodesHtbsDirectPackets() throws Exception {
        List<Qdisc> all = TcBytes.decodeAll("dump/qdisc-htb-direct", QdiscCodec::decode);
        assertEquals(OptionalLong.empty(), all.get(0).directPackets(), all.get(0) + ": noqueue has none");
        Qdisc htb = all.get(1);
        assertEquals(new QdiscOptions.Htb(10, 0, OptionalLong.of(500)), htb.options(), "the counter is not an option");
        assertEquals(OptionalLong.of(3), htb.directPackets());
        assertEquals(3, htb.stats().orElseThrow().packets());
        assertEquals(OptionalLong.empty(), htb.withoutStats().directPackets());
        assertEquals(htb.withoutStats(), htb.withoutStats().withoutStats());
    }

    /** A kind the library does not model keeps its TCA_OPTIONS raw, and a spec of it sends them back unchanged. */
    @Test
    void otherKindsRoundTripRaw() throws Exception {
        // golden/tc/htb-default.hex: nlmsghdr and tcmsg (36 bytes), TCA_KIND "htb" (8), TCA_OPTIONS (28) whose payload is at 48.
        byte[] options = Arrays.copyOfRange(Golden.bytes("tc/htb-default"), 48, 72);
        QdiscSpec other = root(QdiscOptions.other("htb", Optional.of(RawAttribute.of(2, options))), "1:");
        assertEncodes("tc/htb-default", w -> QdiscCodec.encodeModify(w, other, VETH0, QdiscCodec.Mode.ADD, false));
        QdiscOptions cake = QdiscOptions.other("cake", Optional.of(RawAttribute.of(2, options)));
        MemorySegment s = TcBytes.written(w -> QdiscCodec.encodeModify(w, root(cake, "1:"), VETH0, QdiscCodec.Mode.ADD, false));
        assertEquals(cake, QdiscCodec.decode(s, 0, (int) s.byteSize()).options());
    }
}
