package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry of link kinds covers every spec and data record: a kind added to {@link LinkSpec} or
 * {@link LinkData} without its descriptor fails here, where it used to decode as {@code Other}, lose its
 * extended-ACK names and its referenced links without a word.
 */
class LinkKindsTest {
    private static List<LinkKind<?>> everyKind() {
        List<LinkKind<?>> all = new ArrayList<>(LinkKinds.ALL);
        all.add(LinkKinds.OTHER);
        return all;
    }

    @Test
    void everySpecRecordHasAKind() {
        Set<Class<?>> described = everyKind().stream().map(LinkKind::specType).collect(Collectors.toSet());
        for (Class<?> spec : LinkSpec.class.getPermittedSubclasses()) {
            assertTrue(described.contains(spec), spec.getSimpleName() + " has no LinkKind in LinkKinds.ALL");
        }
    }

    @Test
    void everyDataRecordHasAKind() {
        Set<Class<?>> described = everyKind().stream().flatMap(k -> Stream.of(k.dataType(), k.portDataType()))
                .collect(Collectors.toSet());
        for (Class<?> data : LinkData.class.getPermittedSubclasses()) {
            assertTrue(described.contains(data), data.getSimpleName() + " is decoded by no LinkKind in LinkKinds.ALL");
        }
    }

    @Test
    void everyKindWithTypedDataNamesItsAttributes() {
        for (LinkKind<?> k : LinkKinds.ALL) {
            if (k.dataType() == LinkData.Other.class) continue;
            AttrTable names = k.dataNames();
            assertNotNull(names, k + " decodes " + k.dataType().getSimpleName() + " but names none of its attributes");
            assertTrue(names.prefix().endsWith("_"), k + ": " + names.prefix());
        }
        assertEquals(LinkKinds.ALL.stream().filter(k -> k.dataNames() != null).map(LinkKind::kind).collect(Collectors.toSet()),
                LinkKinds.dataTables().keySet());
    }

    @Test
    void kindsAreFoundByTheirNameAndOthersFallBack() {
        for (LinkKind<?> k : LinkKinds.ALL) assertSame(k, LinkKinds.of(k.kind()));
        assertSame(LinkKinds.OTHER, LinkKinds.of("wireguard"));
        assertSame(LinkKinds.OTHER, LinkKinds.of(null));
    }

    @Test
    void referencedLinksComeFromTheKind() {
        assertEquals(List.of("eth0"), LinkKinds.referencedLinks(LinkSpec.macvtap("mt0", "eth0", MacvlanMode.BRIDGE)));
        assertEquals(List.of("eth1"), LinkKinds.referencedLinks(LinkSpec.vlan("eth1.5", "eth1", 5)));
        assertEquals(List.of("under0"), LinkKinds.referencedLinks(LinkSpec.vxlan("vx0", 42).withUnderlay("under0")));
        assertEquals(List.of(), LinkKinds.referencedLinks(LinkSpec.veth("a", "b")));
        // A generic spec naming a known kind carries none of that kind's data, as before.
        assertEquals(List.of(), LinkKinds.referencedLinks(new LinkSpec.Generic("v0", "vlan", LinkOptions.DEFAULTS)));
        assertEquals("eth0", LinkKinds.kindOf(LinkSpec.macvlan("mv0", "eth0", MacvlanMode.PRIVATE)).parentOf(LinkSpec.macvlan("mv0", "eth0", MacvlanMode.PRIVATE)));
    }
}
