package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.uapi.PktCls;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionTimes;
import io.github.netlink4j.tc.action.MirredAction;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOffload;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's filter and action dumps as tc received them (golden/dump/filters*.hex, actions.hex), decoded, and what they decode to sent back. */
class FilterDecodeTest {
    private static String line(Filter f) {
        return f.priority() + " " + new U32Handle(f.handle()) + " " + f.options().classid().map(TcHandle::toString).orElse("-");
    }

    /**
     * htb 1: on veth0 with u32 at prio 10 (dst 10.200.0.0/24 to 1:10) and prio 5 (table 2: of 256 buckets,
     * a filter in 800:: hashing on the address's last byte into 2:, and dst 10.200.0.7 in bucket 2:7: to 1:20).
     * The kernel shares u32 tables across a block's priorities: prio 5's "ht 800::" filter went into the
     * 800: that prio 10 made first, and prio 5 got 801: for its own.
     */
    @Test
    void decodesTheKernelsU32Dump() throws Exception {
        List<Filter> all = TcBytes.decodeAll("dump/filters", FilterCodec::decode);
        assertEquals(List.of("5 0: -", "5 2: -", "5 2:7:800 1:20", "5 801: -", "10 0: -", "10 800: -", "10 800::800 1:10", "10 800::801 -"),
                all.stream().map(FilterDecodeTest::line).toList());
        for (Filter f : all) {
            assertEquals(3, f.index());
            assertEquals(TcHandle.of("1:"), f.parent());
            assertEquals(FilterProtocol.IP, f.protocol());
            assertEquals(0, f.chain());
            assertEquals("u32", f.kind());
            assertEquals(List.of(), f.unknown(), f + ": every attribute is decoded");
        }
        FilterOptions.U32 table = (FilterOptions.U32) all.get(1).options();
        assertEquals(OptionalLong.of(256), table.divisor());
        FilterOptions.U32 bucket = (FilterOptions.U32) all.get(2).options();
        assertEquals(Optional.of(U32Handle.of("2:7:")), bucket.hashTable());
        assertEquals(Optional.of(new U32Selector(U32Selector.TERMINAL, 0, 0, 0, 0, 0, 0, List.of(U32Key.ipDst(IpPrefix.of("10.200.0.7/32"))))), bucket.selector());
        FilterOptions.U32 linker = (FilterOptions.U32) all.get(7).options();
        assertEquals(Optional.of(U32Handle.of("2:")), linker.link());
        assertEquals(0xff, linker.selector().orElseThrow().hmask());
        assertEquals(16, linker.selector().orElseThrow().hoff());
        assertEquals(List.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/16"))), linker.selector().orElseThrow().keys());
        assertEquals(0, linker.selector().orElseThrow().flags(), "a filter that only links is not terminal");
        assertEquals(List.of(FilterOffload.UNREPORTED, FilterOffload.UNREPORTED, FilterOffload.NOT_IN_HW, FilterOffload.UNREPORTED,
                FilterOffload.UNREPORTED, FilterOffload.UNREPORTED, FilterOffload.NOT_IN_HW, FilterOffload.NOT_IN_HW),
                all.stream().map(Filter::offload).toList(), "the kernel flags its filters (not the heads, not the tables) not_in_hw");
    }

    /** clsact on veth0, egress prio 2: u32 dst 10.200.0.0/24 dport 80, mirred egress redirect to veth1 (index 2). */
    @Test
    void decodesAFilterWithAMirredAction() throws Exception {
        List<Filter> all = TcBytes.decodeAll("dump/filters-mirred", FilterCodec::decode);
        Filter f = all.getLast();
        assertEquals(FilterSpec.EGRESS, f.parent());
        assertEquals(U32Handle.of("800::800").value(), f.handle());
        Action a = f.actions().getFirst();
        assertEquals(1, a.order());
        assertEquals(new ActionOptions.Mirred(MirredAction.EGRESS_REDIRECT, 2, ActionControl.STOLEN), a.options());
        assertEquals(1, a.index());
        assertEquals(1, a.refcount());
        assertEquals(1, a.bindcount());
        assertEquals(0, a.stats().orElseThrow().packets());
        assertEquals(List.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")), U32Key.dport(80)),
                ((FilterOptions.U32) f.options()).selector().orElseThrow().keys());
    }

    /** tc actions ls action mirred after two adds: mirror to veth1 index 3 and ingress redirect index 4. */
    @Test
    void decodesTheKernelsActionDump() throws Exception {
        List<Action> all = TcBytes.decodeAll("dump/actions", ActionsCodec::decode).stream().flatMap(List::stream).toList();
        assertEquals(2, all.size());
        assertEquals(new ActionOptions.Mirred(MirredAction.EGRESS_MIRROR, 2, ActionControl.PIPE), all.get(0).options());
        assertEquals(3, all.get(0).index());
        assertEquals(new ActionOptions.Mirred(MirredAction.INGRESS_REDIRECT, 2, ActionControl.STOLEN), all.get(1).options());
        assertEquals(4, all.get(1).index());
        assertEquals(0, all.get(1).bindcount(), "standalone: no filter binds it");
    }

    /**
     * tc -s actions ls action mirred (dump/actions-mirred-used.hex): a mirror bound to a u32 filter that three
     * datagrams went through, and a standalone redirect (index 7) none did. TCA_MIRRED_TM's clock ticks are
     * 10 ms each; firstuse 0 means never used.
     */
    @Test
    void decodesWhenActionsWereInstalledAndUsed() throws Exception {
        List<Action> all = TcBytes.decodeAll("dump/actions-mirred-used", ActionsCodec::decode).stream().flatMap(List::stream).toList();
        assertEquals(new ActionTimes(Duration.ofMillis(560), Duration.ofMillis(550), Optional.of(Duration.ofMillis(550)), Optional.empty()),
                all.get(0).times().orElseThrow());
        assertEquals(3, all.get(0).stats().orElseThrow().packets());
        assertEquals(7, all.get(1).index());
        assertEquals(new ActionTimes(Duration.ofMillis(560), Duration.ofMillis(560), Optional.empty(), Optional.empty()),
                all.get(1).times().orElseThrow(), "no packet yet: lastuse is the installation, firstuse 0");
        Action bare = all.get(1).withoutStats();
        assertEquals(Optional.empty(), bare.times(), "times move: not part of what stays equal");
        assertEquals(Optional.empty(), bare.stats());
        assertEquals(bare, bare.withoutStats());
        assertEquals(Optional.empty(), TcBytes.decodeAll("tc/action-gact", ActionsCodec::decode).getFirst().getFirst().times(),
                "tc's request carries no TCA_GACT_TM");
    }

    /**
     * Each kind's TCA_*_TM by its own number (police's is 6, the others' 1), expires when set, and a short
     * tcf_t or a tick count past Duration's range is a ProtocolException.
     */
    @Test
    void readsEachKindsTcfT() throws Exception {
        long[] tm = {300, 200, 50, 100};
        assertEquals(Optional.of(new ActionTimes(Duration.ofSeconds(3), Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(1)),
                Optional.of(Duration.ofMillis(500)))), ActionCodec.times("police", tcfT(PktCls.TCA_POLICE_TM, tm, 32)));
        assertEquals(Optional.empty(), ActionCodec.times("police", tcfT(PktCls.TCA_GACT_TM, tm, 32)), "1 is police's TCA_POLICE_TBF");
        for (String kind : List.of("gact", "mirred", "skbedit", "pedit")) {
            assertEquals(Duration.ofSeconds(3), ActionCodec.times(kind, tcfT(1, tm, 32)).orElseThrow().installed(), kind);
        }
        assertEquals(Optional.empty(), ActionCodec.times("nat", tcfT(1, tm, 32)), "kinds the library does not decode");
        assertThrows(ProtocolException.class, () -> ActionCodec.times("gact", tcfT(1, tm, 31)));
        assertThrows(ProtocolException.class, () -> ActionCodec.times("gact", tcfT(1, new long[] {Long.MAX_VALUE / 5, 0, 0, 0}, 32)));
        assertThrows(ProtocolException.class, () -> ActionCodec.times("gact", tcfT(1, new long[] {-1, 0, 0, 0}, 32)), "a u64 past 2^63");
        assertEquals(Duration.ofMillis(Long.MAX_VALUE / 10 * 10), ActionCodec.times("gact", tcfT(1, new long[] {Long.MAX_VALUE / 10, 0, 0, 0}, 32))
                .orElseThrow().installed(), "the most ticks a Duration of millis holds");
    }

    /** One attribute of {@code type} holding tcf_t's four u64 in the kernel's order, cut to {@code len} bytes. */
    private static Attrs tcfT(int type, long[] tm, int len) throws ProtocolException {
        ByteBuffer b = ByteBuffer.allocate(4 + 32).order(ByteOrder.nativeOrder());
        b.putShort((short) (4 + len)).putShort((short) type);
        for (long v : tm) b.putLong(v);
        return new Attrs().reset(MemorySegment.ofArray(b.array()), 0, 4 + len, "test");
    }

    /** tc's own requests read back as actions: what each fixture's options say, the police's burst as tc prints it from its ticks. */
    @Test
    void decodesTcsActionRequests() throws Exception {
        Action police = TcBytes.decodeAll("tc/action-police", ActionsCodec::decode).getFirst().getFirst();
        assertEquals(new ActionOptions.Police(io.github.netlink4j.tc.Rate.of("1mbit"), io.github.netlink4j.tc.Size.of("10k"), ActionControl.DROP,
                ActionControl.PIPE), police.options());
        assertEquals(7, police.index());
        Action skbedit = TcBytes.decodeAll("tc/action-skbedit", ActionsCodec::decode).getFirst().getFirst();
        assertEquals(new ActionOptions.Skbedit(Optional.of(TcHandle.of("1:10")), OptionalLong.of(5), java.util.OptionalInt.of(2), ActionControl.PIPE),
                skbedit.options());
        Action gact = TcBytes.decodeAll("tc/action-gact", ActionsCodec::decode).getFirst().getFirst();
        assertEquals(new ActionOptions.Gact(ActionControl.DROP), gact.options());
        assertEquals(5, gact.index());
    }

    /** Every decoded filter, as a spec sent back and decoded again, is the same filter: nothing is lost on the way. */
    @Test
    void decodedFiltersRoundTrip() throws Exception {
        Map<Integer, String> names = Map.of(2, "veth1", 3, "veth0");
        Map<String, Integer> indexes = Map.of("veth1", 2, "veth0", 3);
        for (String fixture : List.of("dump/filters", "dump/filters-mirred")) {
            for (Filter f : TcBytes.decodeAll(fixture, FilterCodec::decode)) {
                FilterSpec spec = f.toSpec(names::get);
                MessageWriter w = new MessageWriter(64);
                FilterCodec.encodeModify(w, spec, 3, indexes::get, FilterCodec.Mode.ADD, false);
                byte[] b = Written.bytes(w);
                Messages m = new Messages().reset(MemorySegment.ofArray(b), b.length);
                assertTrue(m.next());
                Filter again = FilterCodec.decode(MemorySegment.ofArray(b), m.offset(), m.length());
                assertEquals(f.toSpec(names::get), again.toSpec(names::get), fixture + ": " + f);
            }
        }
    }

    /** clsact's ingress with an eBPF program, classid 1:10 and direct action, as the kernel lists it: the program by id, not by fd. */
    @Test
    void decodesTheKernelsBpfFilter() throws Exception {
        List<Filter> all = TcBytes.decodeAll("dump/filters-bpf", FilterCodec::decode);
        assertEquals(2, all.size(), "the priority's head, then the filter");
        Filter f = all.get(1);
        assertEquals(1, f.handle());
        assertEquals(FilterSpec.INGRESS, f.parent());
        assertEquals(new FilterOptions.Bpf(java.util.Optional.of(TcHandle.of("1:10")), java.util.OptionalInt.empty(), java.util.Optional.of("p.o:[classifier]"),
                true, java.util.OptionalInt.of(0x6c)), f.options());
        assertEquals(List.of(), f.actions());
    }

    /** A classic-BPF filter's options (TCA_BPF_OPS) are not modelled: kept raw, to be sent back as they were. */
    @Test
    void keepsAClassicBpfFilterRaw() throws Exception {
        byte[] opts = {
                6, 0, 4, 0, 1, 0, 0, 0,                    // TCA_BPF_OPS_LEN = 1
                12, 0, 5, 0, 6, 0, 0, 0, 0, 0, 0, 0,       // TCA_BPF_OPS: one sock_filter {code 6 (ret), jt 0, jf 0, k 0}
        };
        FilterKinds.Decoded d = FilterKinds.decode("bpf", new TcArea(MemorySegment.ofArray(opts), 0, opts.length, "bpf"));
        assertEquals("bpf", d.options().kind());
        FilterOptions.Other other = assertInstanceOf(FilterOptions.Other.class, d.options());
        assertArrayEquals(opts, other.options().orElseThrow().value());
    }
}
