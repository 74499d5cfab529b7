package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.internal.wire.AttrNames;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageLayouts;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.FibRules;
import io.github.netlink4j.internal.wire.uapi.Nexthop;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.internal.codec.tc.ClassCodec;
import io.github.netlink4j.internal.codec.tc.QdiscCodec;
import io.github.netlink4j.internal.codec.tc.TcMsg;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RuleSpec;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry of object families is complete: a group, an event type or a family left out of it fails
 * here rather than going unannounced, unresynced or unnamed at run time.
 */
class FamiliesTest {
    @Test
    void everyEventGroupIsResyncedBySomeFamily() {
        Set<EventGroup> resynced = Families.ALL.stream().flatMap(f -> f.resyncs().stream()).map(FamilyDescriptor.Resync::group)
                .collect(Collectors.toSet());
        assertEquals(Set.of(EventGroup.values()), resynced, "groups a subscription could join but never dump again");
    }

    @Test
    void everyObjectEventIsMadeBySomeFamily() {
        Set<Class<?>> made = Families.ALL.stream().map(FamilyDescriptor::eventType).collect(Collectors.toSet());
        Set<Class<?>> objectEvents = new HashSet<>(Arrays.asList(NetlinkEvent.class.getPermittedSubclasses()));
        objectEvents.removeAll(Set.of(NetlinkEvent.Resynced.class, NetlinkEvent.Failed.class));
        assertEquals(objectEvents, made);
    }

    @Test
    void familiesHoldDistinctRecordsAndMessageTypes() {
        assertEquals(Families.ALL.size(), Families.ALL.stream().map(FamilyDescriptor::type).distinct().count());
        for (FamilyDescriptor<?> f : Families.ALL) {
            assertEquals(f, Families.notifiedBy(f.newType()));
            assertEquals(f, Families.notifiedBy(f.delType()));
            assertEquals(null, Families.notifiedBy(f.getType()), "a get request is no notification");
        }
    }

    @Test
    void notificationTypesOutsideTheTableAreNoFamilys() {
        int max = Families.ALL.stream().mapToInt(f -> Math.max(f.newType(), f.delType())).max().orElseThrow();
        assertEquals(null, Families.notifiedBy(max + 1));
        assertEquals(null, Families.notifiedBy(-1));
        assertEquals(null, Families.notifiedBy(0xffff));
    }

    @Test
    void anObjectIsOfTheFamilyOfItsRecord() throws Exception {
        assertEquals("nsids", Families.of(7).name(), "an nsid is an Integer");
        assertEquals("addresses", Families.of(GoldenDecodeTest.decodeAll("addr/del", AddressCodec::decode).get(0)).name());
        assertEquals("links", Families.of(GoldenDecodeTest.decodeAll("link/set-name", LinkCodec::decode).get(0)).name());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Families.of("a string"));
    }

    /** A neighbour's ages move every tick: what a subscription keeps of an entry (and compares on resync) leaves them out. */
    @Test
    void aSubscriptionKeepsNeighboursWithoutTheirAges() throws Exception {
        io.github.netlink4j.neighbour.Neighbour n = GoldenDecodeTest.decodeAll("dump/neigh", NeighbourCodec::decode).get(0);
        assertTrue(n.cacheInfo().isPresent(), "the captured entry has NDA_CACHEINFO");
        assertEquals(n.withoutTimers(), Families.of(n).state(n));
    }

    @Test
    void theWireLayerFindsTheLayoutsOfEveryFamily() {
        MessageLayouts found = ServiceLoader.load(MessageLayouts.class).findFirst().orElseThrow();
        assertInstanceOf(RtnetlinkLayouts.class, found);
        for (FamilyDescriptor<?> f : Families.ALL) {
            for (int t : f.requestTypes()) assertNotNull(found.of(t), f + " type " + t);
        }
    }

    /** Rules, nexthops and netconf had no names before the registry drove AttrNames: their errors said only an offset. */
    @Test
    void ruleAndNexthopRequestsAreNamed() throws Exception {
        MemorySegment rule = encode(w -> RuleCodec.encodeAdd(w, RuleSpec.of(AddressFamily.INET).withPriority(100).withLookup(RouteTable.of(1000)), false));
        assertEquals("FRA_TABLE", AttrNames.pathAt(rule, 0, offsetOf(rule, RuleCodec.FIB_RULE_HDR, FibRules.FRA_TABLE)));
        assertEquals("FRA_PRIORITY", AttrNames.pathAt(rule, 0, offsetOf(rule, RuleCodec.FIB_RULE_HDR, FibRules.FRA_PRIORITY) + 4));

        NexthopObjectSpec spec = NexthopObjectSpec.group(7, List.of(new NexthopObject.Member(1, 1), new NexthopObject.Member(2, 1)))
                .withResilient(32).withIdleTimer(Duration.ofSeconds(5)).withUnbalancedTimer(Duration.ofSeconds(10));
        MemorySegment nh = encode(w -> NexthopCodec.encodeAdd(w, spec, n -> 0, false, false));
        assertEquals("NHA_ID", AttrNames.pathAt(nh, 0, offsetOf(nh, NexthopCodec.NHMSG, Nexthop.NHA_ID)));
        int res = offsetOf(nh, NexthopCodec.NHMSG, Nexthop.NHA_RES_GROUP);
        assertEquals("NHA_RES_GROUP › NHA_RES_GROUP_BUCKETS", AttrNames.pathAt(nh, 0, res + 4));
    }

    /**
     * Qdisc and class requests name their attributes: TCA_*, inside TCA_OPTIONS the kind's by TCA_KIND (a
     * kernel's policy error on an htb class points at TCA_OPTIONS › TCA_HTB_PARMS), a path ending at
     * TCA_OPTIONS for kinds whose options are a struct.
     */
    @Test
    void tcRequestsAreNamed() throws Exception {
        MemorySegment cls = encode(w -> ClassCodec.encodeModify(w, TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("1:10"),
                ClassOptions.htb(Rate.of("1mbit"))), 3, ClassCodec.Mode.ADD, false));
        int options = offsetOf(cls, TcMsg.LEN, Rtnetlink.TCA_OPTIONS);
        assertEquals("TCA_KIND", AttrNames.pathAt(cls, 0, offsetOf(cls, TcMsg.LEN, Rtnetlink.TCA_KIND)));
        assertEquals("TCA_OPTIONS › TCA_HTB_PARMS", AttrNames.pathAt(cls, 0, options + 4), "the offset a kernel's policy error gives");
        assertEquals("TCA_OPTIONS › TCA_HTB_RTAB", AttrNames.pathAt(cls, 0, options + 4 + 48 + 100));
        MemorySegment tbf = encode(w -> QdiscCodec.encodeModify(w, QdiscSpec.root("veth0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"),
                Size.of("64kb"))), 3, QdiscCodec.Mode.ADD, false));
        assertEquals("TCA_OPTIONS › TCA_TBF_BURST", AttrNames.pathAt(tbf, 0, offsetOf(tbf, TcMsg.LEN, Rtnetlink.TCA_OPTIONS) + 4 + 40));
        MemorySegment netem = encode(w -> QdiscCodec.encodeModify(w, QdiscSpec.root("veth0", QdiscOptions.netem(Duration.ofMillis(5))), 3,
                QdiscCodec.Mode.ADD, false));
        assertEquals("TCA_OPTIONS", AttrNames.pathAt(netem, 0, offsetOf(netem, TcMsg.LEN, Rtnetlink.TCA_OPTIONS) + 8), "a struct has no names");
    }

    private static MemorySegment encode(Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(4096);
        enc.accept(w);
        return MemorySegment.ofArray(w.segment().asSlice(0, w.size()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    }

    /** Where the first top-level attribute of {@code type} starts, relative to the message. */
    private static int offsetOf(MemorySegment s, int header, int type) throws Exception {
        Attrs a = Attrs.ofMessage(s, 0, Nlmsg.len(s, 0), header, "test", "header");
        while (a.next()) if (a.type() == type) return (int) (a.payloadOffset() - 4);
        throw new AssertionError("no attribute " + type);
    }
}
