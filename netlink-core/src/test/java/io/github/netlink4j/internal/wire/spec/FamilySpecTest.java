package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;
import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The descriptor model: what a generated descriptor answers, and the mistakes the builder refuses. */
class FamilySpecTest {
    @Test
    void aGeneratedDescriptorAnswersBySetOperationEnumAndGroup() {
        FamilySpec e = EthtoolSpec.SPEC;
        assertEquals("ethtool", e.name());
        assertEquals("genetlink-legacy", e.protocol());
        assertEquals(0, e.fixedHeader());
        AttrSetSpec ch = e.set("channels");
        assertEquals(6, ch.valueOf("rx-count"));
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", ch.attr(6).orElseThrow().cName());
        assertEquals(AttrType.U32, ch.attr("rx-count").orElseThrow().type());
        assertTrue(ch.attr(99).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ch.valueOf("nosuch"));
        assertThrows(IllegalArgumentException.class, () -> e.set("nosuch"));
        OpSpec get = e.op("channels-get");
        assertEquals(17, get.request());
        assertEquals(18, get.reply());
        assertTrue(get.hasDo());
        assertTrue(get.hasDump());
        assertFalse(e.op("channels-set").hasDump());
        assertEquals("channels-set", e.opOfRequest(18).orElseThrow().name(), "request 18 is channels-set, reply 18 channels-get's");
        assertEquals("channels-get", e.opOfReply(18).orElseThrow().name());
        assertTrue(e.opOfRequest(19).isEmpty() || !e.opOfRequest(19).orElseThrow().notification());
        assertThrows(IllegalArgumentException.class, () -> e.op("nosuch"));
        assertEquals(List.of("compact-bitsets", "omit-reply", "stats"), e.enumeration("header-flags").orElseThrow().names());
        assertTrue(e.enumeration("nosuch").isEmpty());
        assertEquals(-1, NetdevSpec.SPEC.groups().get("mgmt"));
        assertTrue(e.sets().size() > 50);
        assertTrue(e.toString().contains("ethtool"));
    }

    @Test
    void enumsByValueAndFlagsByMask() {
        EnumSpec q = NetdevSpec.SPEC.enumeration("queue-type").orElseThrow();
        assertFalse(q.flags());
        assertEquals("tx", q.nameOf(1));
        assertNull(q.nameOf(7));
        EnumSpec x = NetdevSpec.SPEC.enumeration("xdp-act").orElseThrow();
        assertTrue(x.flags());
        assertEquals(List.of("redirect", "ndo-xmit"), x.namesOf(0x6));
        assertEquals(List.of(), x.namesOf(0x80));
        assertThrows(IllegalArgumentException.class, () -> new EnumSpec("bad", false, List.of("a", "b"), List.of(1L)));
    }

    @Test
    void theBuilderRefusesWhatNoSpecCanMean() {
        assertThrows(IllegalStateException.class, () -> FamilySpec.builder("x", "genetlink", 0).attr(1, "a", "X_A", AttrType.U8));
        assertThrows(IllegalArgumentException.class, () -> FamilySpec.builder("x", "genetlink", 0).set("s").set("s"));
        assertThrows(IllegalArgumentException.class, () -> FamilySpec.builder("x", "genetlink", -1));
        assertThrows(IllegalArgumentException.class,
                () -> FamilySpec.builder("x", "genetlink", 0).set("s").attr(1, "n", "X_N", AttrType.NEST, "missing", null, false, false, null).build());
        assertThrows(IllegalArgumentException.class, () -> FamilySpec.builder("x", "genetlink", 0).set("s")
                .attr(1, "a", "X_A", AttrType.U8).attr(2, "a", "X_A2", AttrType.U8).build(), "one name twice in a set");
        assertThrows(IllegalArgumentException.class, () -> new AttrSpec(0x4000, "a", "A", AttrType.U8, null, null, false, false, null));
        assertTrue(AttrType.INDEXED_ARRAY.nests());
        assertTrue(AttrType.NEST.nests());
        assertFalse(AttrType.BINARY.nests());
        FamilySpec f = FamilySpec.builder("x", "genetlink", 4).set("s").attr(1, "a", "X_A", AttrType.U8)
                .op("get", "s", 1, 1, false, new String[] {"a"}, new String[] {"a"}, null, null).group("g", 3).build();
        assertEquals(4, f.fixedHeader());
        assertFalse(f.op("get").hasDump());
        assertEquals(3, f.groups().get("g"));
    }
}
