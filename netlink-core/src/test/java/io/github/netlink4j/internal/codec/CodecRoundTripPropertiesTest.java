package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.route.Nexthop;
import io.github.netlink4j.route.NexthopGroupType;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.internal.codec.tc.ClassCodec;
import io.github.netlink4j.internal.codec.tc.QdiscCodec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Netem;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.testing.Gen;
import io.github.netlink4j.testing.TcGen;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every spec survives the codec: encode it as ip would send it, decode that message as the kernel's echo
 * of it (same layout, same attributes), and the record says what the spec asked. The golden tests pin
 * the bytes against iproute2's; these pin that encoder and decoder agree on every field, for any value
 * the spec's checks let through (the generators live in {@link Gen}).
 */
class CodecRoundTripPropertiesTest {
    /** Link names to indexes, as the client resolves them before encoding: any stable injective-enough map. */
    private static final ToIntFunction<String> INDEX = name -> 1 + (name.hashCode() & 0x7fff_ffff) % 1_000_000;

    interface Decoder<T> {
        T decode(MemorySegment s, long off, int len) throws ProtocolException;
    }

    private static <T> T echo(MessageWriter w, Decoder<T> d) throws ProtocolException {
        assertEquals(1, w.messageCount());
        return d.decode(w.segment(), 0, w.size());
    }

    @Provide Arbitrary<AddressSpec> addresses() { return Gen.addressSpec(); }
    @Provide Arbitrary<NeighbourSpec> neighbours() { return Gen.neighbourSpec(); }
    @Provide Arbitrary<RouteSpec> routes() { return Gen.routeSpec(); }
    @Provide Arbitrary<RuleSpec> rules() { return Gen.ruleSpec(); }
    @Provide Arbitrary<NexthopObjectSpec> nexthops() { return Gen.nexthopObjectSpec(); }
    @Provide Arbitrary<QdiscSpec> qdiscs() { return TcGen.qdiscSpec(); }
    @Provide Arbitrary<TrafficClassSpec> classes() { return TcGen.classSpec(); }

    @Property
    void addresses(@ForAll("addresses") AddressSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(256);
        int index = INDEX.applyAsInt(spec.link());
        AddressCodec.encodeAdd(w, spec, index, false, true);
        Address a = echo(w, AddressCodec::decode);
        assertEquals(spec.family(), a.family());
        assertEquals(index, a.index());
        assertEquals(spec.address(), a.address());
        assertEquals(spec.prefixLength(), a.prefixLength());
        assertEquals(spec.peer(), a.peer());
        assertEquals(spec.broadcast(), a.broadcast());
        assertEquals(spec.label(), a.label());
        RouteScope scope = spec.scope().orElse(spec.address().isLoopbackAddress() ? RouteScope.HOST : RouteScope.UNIVERSE);
        assertEquals(scope, a.scope());
        assertEquals(spec.flags(), a.flags());
        assertEquals(spec.validLifetime(), a.validLifetime());
        assertEquals(spec.preferredLifetime(), a.preferredLifetime());
    }

    @Property
    void neighbours(@ForAll("neighbours") NeighbourSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(128);
        int index = INDEX.applyAsInt(spec.link());
        NeighbourCodec.encodeAdd(w, spec, index, false, true);
        Neighbour n = echo(w, NeighbourCodec::decode);
        assertEquals(spec.family(), n.family());
        assertEquals(index, n.index());
        assertEquals(Optional.of(spec.address()), n.address());
        assertEquals(spec.lladdr(), n.lladdr());
        assertEquals(Set.of(spec.state()), n.state());
        assertEquals(spec.proxy(), n.flags().contains(NeighbourFlag.PROXY));
    }

    @Property
    void routes(@ForAll("routes") RouteSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(512);
        RouteCodec.encodeAdd(w, spec, INDEX, false, true);
        Route r = echo(w, RouteCodec::decode);
        assertEquals(spec.family(), r.family());
        assertEquals(spec.destination(), r.destination());
        assertEquals(spec.destinationLength(), r.destinationLength());
        assertEquals(spec.table().orElse(RouteTable.MAIN), r.table());
        assertEquals(spec.protocol().orElse(RouteProtocol.BOOT), r.protocol());
        spec.scope().ifPresent(s -> assertEquals(s, r.scope()));
        assertEquals(spec.type(), r.type());
        assertEquals(spec.gateway(), r.gateway());
        assertEquals(spec.link().isPresent() ? OptionalInt.of(INDEX.applyAsInt(spec.link().get())) : OptionalInt.empty(), r.outputIndex());
        assertEquals(spec.preferredSource(), r.preferredSource());
        assertEquals(spec.metric(), r.metric());
        assertEquals(spec.nexthopId(), r.nexthopId());
        assertEquals(spec.multipath().size(), r.multipath().size());
        for (int i = 0; i < spec.multipath().size(); i++) {
            NexthopSpec want = spec.multipath().get(i);
            Nexthop got = r.multipath().get(i);
            assertEquals(want.gateway(), got.gateway());
            assertEquals(INDEX.applyAsInt(want.link()), got.outputIndex());
            assertEquals(want.weight(), got.weight());
        }
    }

    @Property
    void rules(@ForAll("rules") RuleSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(512);
        RuleCodec.encodeAdd(w, spec, true);
        Rule r = echo(w, RuleCodec::decode);
        // A rule in the kernel always has a priority (it picks one when none is asked): absent reads as 0 here.
        RuleSpec want = spec.priority().isPresent() ? spec : spec.withPriority(0);
        assertEquals(want, r.toSpec(), "the rule decodes to the spec it was made from");
        MessageWriter again = new MessageWriter(512);
        RuleCodec.encodeAdd(again, r.toSpec(), true);
        MessageWriter wanted = new MessageWriter(512);
        RuleCodec.encodeAdd(wanted, want, true);
        assertArrayEquals(bytes(wanted), bytes(again), "and encodes to the same bytes");
    }

    @Property
    void nexthopObjects(@ForAll("nexthops") NexthopObjectSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(512);
        NexthopCodec.encodeAdd(w, spec, INDEX, false, true);
        NexthopObject n = echo(w, NexthopCodec::decode);
        assertEquals(spec.id().getAsLong(), n.id());
        assertEquals(spec.family(), n.family());
        assertEquals(spec.protocol().orElse(RouteProtocol.UNSPEC), n.protocol());
        assertEquals(spec.gateway(), n.gateway());
        assertEquals(spec.link().isPresent() ? OptionalInt.of(INDEX.applyAsInt(spec.link().get())) : OptionalInt.empty(), n.outputIndex());
        assertEquals(spec.blackhole(), n.blackhole());
        assertEquals(spec.fdb(), n.fdb());
        assertEquals(spec.onlink(), (n.rawFlags() & 4) != 0, "RTNH_F_ONLINK");
        assertEquals(spec.group(), n.group());
        assertEquals(spec.groupType(), n.groupType());
        if (spec.groupType().orElse(null) == NexthopGroupType.RESILIENT) {
            NexthopObject.Resilient res = n.resilient().orElseThrow();
            assertEquals(spec.buckets().orElse(0), res.buckets());
            assertEquals(spec.idleTimer().orElse(Duration.ZERO), res.idleTimer());
            assertEquals(spec.unbalancedTimer().orElse(Duration.ZERO), res.unbalancedTimer());
        } else {
            assertEquals(Optional.empty(), n.resilient());
        }
        assertEquals(List.of(), n.unknown());
    }

    private static byte[] bytes(MessageWriter w) {
        return w.segment().asSlice(0, w.size()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    /**
     * A qdisc request read back as its echo: header, kind and options, what the spec asked. netem's times come
     * back as the kernel's ticks and its loss, a fraction of 2^32 - 1 on the wire, within a millionth of a percent.
     */
    @Property
    void qdiscs(@ForAll("qdiscs") QdiscSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(256);
        int index = INDEX.applyAsInt(spec.link());
        QdiscCodec.encodeModify(w, spec, index, QdiscCodec.Mode.ADD, true);
        Qdisc q = echo(w, QdiscCodec::decode);
        assertEquals(index, q.index());
        assertEquals(spec.parent(), q.parent());
        assertEquals(spec.handle().orElse(TcHandle.UNSPEC), q.handle());
        assertEquals(spec.kind(), q.kind());
        if (spec.options() instanceof Netem n && q.options() instanceof Netem back) {
            // Whole microseconds go out as 64 ns ticks and come back as those: less than a microsecond short.
            assertTrue(!back.delay().isNegative() && n.delay().minus(back.delay()).compareTo(java.time.Duration.ofNanos(1000)) < 0, back + " for " + n);
            assertTrue(!back.jitter().isNegative() && n.jitter().minus(back.jitter()).compareTo(java.time.Duration.ofNanos(1000)) < 0, back + " for " + n);
            assertEquals(n.limit(), back.limit());
            assertEquals(n.lossPercent(), back.lossPercent(), 1e-6);
        } else {
            assertEquals(spec.options(), q.options());
            assertEquals(new QdiscSpec(spec.link(), spec.parent(), spec.handle(), spec.options(), java.util.Optional.empty()),
                    q.toSpec(i -> spec.link()), "the record's spec is the request's, less the estimator the kernel does not report");
        }
    }

    /**
     * A class request read back as its echo: htb's bursts travel as ticks at their rates, so they read back
     * within a byte and the bytes of two microseconds at the rate (one lost on the way out, one on the way
     * back); everything else is what was asked (an
     * absent burst reads as tc's default, rate / HZ + 1600).
     */
    @Property
    void classes(@ForAll("classes") TrafficClassSpec spec) throws Exception {
        MessageWriter w = new MessageWriter(4096);
        int index = INDEX.applyAsInt(spec.link());
        ClassCodec.encodeModify(w, spec, index, ClassCodec.Mode.ADD, true);
        TrafficClass c = echo(w, ClassCodec::decode);
        assertEquals(index, c.index());
        assertEquals(spec.classid(), c.handle());
        assertEquals(spec.parent(), c.parent());
        if (!(spec.options() instanceof ClassOptions.Htb h)) {
            assertEquals(spec.options(), c.options());
            return;
        }
        ClassOptions.Htb back = (ClassOptions.Htb) c.options();
        assertEquals(h.rate(), back.rate());
        assertEquals(h.ceil(), back.ceil());
        assertEquals(h.prio(), back.prio());
        assertEquals(h.quantum(), back.quantum());
        long burst = h.burst().map(b -> b.bytes()).orElse(h.rate().bytesPerSecond() / 1_000_000_000L + 1600);
        long cburst = h.cburst().map(b -> b.bytes()).orElse(h.ceil().bytesPerSecond() / 1_000_000_000L + 1600);
        assertTrue(Math.abs(back.burst().orElseThrow().bytes() - burst) <= 1 + 2 * h.rate().bytesPerSecond() / 1_000_000, back + " for " + h);
        assertTrue(Math.abs(back.cburst().orElseThrow().bytes() - cburst) <= 1 + 2 * h.ceil().bytesPerSecond() / 1_000_000, back + " for " + h);
    }
}
