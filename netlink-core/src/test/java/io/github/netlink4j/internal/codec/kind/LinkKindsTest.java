package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.MacvlanMode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The descriptors in this package cover every spec and data record, and each is found by its kind's
 * name: a kind added to {@link LinkSpec} or {@link LinkData} without its descriptor, or a descriptor whose
 * class name does not follow its kind, fails here, where it would otherwise decode as {@code Other}, lose
 * its extended-ACK names and its referenced links without a word.
 */
class LinkKindsTest {
    /** Every descriptor class of the package, read from the directory the classes were compiled to. */
    static List<LinkKind<?>> everyDescriptor() throws URISyntaxException {
        File dir = new File(LinkKind.class.getResource("LinkKind.class").toURI()).getParentFile();
        String[] files = dir.list((d, n) -> n.endsWith("Kind.class") && !n.contains("$"));
        assertNotNull(files, dir.toString());
        List<LinkKind<?>> out = new ArrayList<>();
        for (String f : files) {
            String name = f.substring(0, f.length() - ".class".length());
            if (name.equals("LinkKind")) continue;
            String kind = Character.toLowerCase(name.charAt(0)) + name.substring(1, name.length() - "Kind".length());
            LinkKind<?> k = LinkKinds.of(kind);
            assertEquals(LinkKinds.class.getPackageName() + "." + name, k.getClass().getName(),
                    name + " is not found by its kind name " + kind + " (class names follow kind names)");
            out.add(k);
        }
        return out;
    }

    @Test
    void theDescriptorsAreFoundByTheirKindsNames() throws Exception {
        Set<String> kinds = new HashSet<>();
        for (LinkKind<?> k : everyDescriptor()) {
            assertTrue(kinds.add(k.kind()), k.kind() + " twice");
            assertSame(k, LinkKinds.of(k.kind()), "met once, remembered");
        }
        assertEquals(Set.of("veth", "bridge", "vlan", "macvlan", "macvtap", "ipvlan", "bond", "vxlan"), kinds);
        assertSame(LinkKinds.OTHER, LinkKinds.of("wireguard"));
        assertSame(LinkKinds.OTHER, LinkKinds.of(null));
    }

    @Test
    void everySpecRecordWithDataHasADescriptor() throws Exception {
        Set<Class<?>> described = new HashSet<>();
        for (LinkKind<?> k : everyDescriptor()) described.add(k.specType());
        for (Class<?> spec : LinkSpec.class.getPermittedSubclasses()) {
            if (spec == LinkSpec.Generic.class) continue;
            // A spec that holds nothing but a name and the options every link has may be created by name
            // alone (dummy, ifb); a bridge has one all the same, for its data.
            List<String> fields = Arrays.stream(spec.getRecordComponents()).map(RecordComponent::getName).toList();
            if (fields.equals(List.of("name", "options"))) continue;
            assertTrue(described.contains(spec), spec.getSimpleName() + " " + fields + " has no descriptor (a <Kind>Kind class)");
        }
    }

    @Test
    void everyDataRecordHasADescriptor() throws Exception {
        Set<Class<?>> described = new HashSet<>(Set.of(LinkData.Other.class));
        for (LinkKind<?> k : everyDescriptor()) {
            described.add(k.dataType());
            if (k.portDataType() != null) described.add(k.portDataType());
        }
        for (Class<?> data : LinkData.class.getPermittedSubclasses()) {
            assertTrue(described.contains(data), data.getSimpleName() + " is decoded by no descriptor");
        }
    }

    @Test
    void everyKindWithTypedDataNamesItsAttributes() throws Exception {
        for (LinkKind<?> k : everyDescriptor()) {
            assertFalse(Modifier.isPublic(k.getClass().getModifiers()), k + ": descriptors stay package-private");
            if (k.dataType() == LinkData.Other.class) continue;
            AttrTable names = k.dataNames();
            assertNotNull(names, k + " decodes " + k.dataType().getSimpleName() + " but names none of its attributes");
            assertTrue(names.prefix().endsWith("_"), k + ": " + names.prefix());
            assertEquals(names.prefix(), LinkKinds.dataNames(k.kind()).prefix());
        }
        assertEquals(null, LinkKinds.dataNames("dummy"));
    }

    @Test
    void referencedLinksComeFromTheKind() {
        assertEquals(List.of("eth0"), LinkKinds.referencedLinks(LinkSpec.macvtap("mt0", "eth0", MacvlanMode.BRIDGE)));
        assertEquals(List.of("eth1"), LinkKinds.referencedLinks(LinkSpec.vlan("eth1.5", "eth1", 5)));
        assertEquals(List.of("under0"), LinkKinds.referencedLinks(LinkSpec.vxlan("vx0", 42).withUnderlay("under0")));
        assertEquals(List.of(), LinkKinds.referencedLinks(LinkSpec.veth("a", "b")));
        // A generic spec naming a known kind carries none of that kind's data, as before.
        assertEquals(List.of(), LinkKinds.referencedLinks(new LinkSpec.Generic("v0", "vlan", LinkOptions.DEFAULTS)));
        assertSame(LinkKinds.OTHER, LinkKinds.kindOf(new LinkSpec.Generic("v0", "vlan", LinkOptions.DEFAULTS)));
        assertEquals("eth0", LinkKinds.kindOf(LinkSpec.macvlan("mv0", "eth0", MacvlanMode.PRIVATE)).parentOf(LinkSpec.macvlan("mv0", "eth0", MacvlanMode.PRIVATE)));
    }
}
