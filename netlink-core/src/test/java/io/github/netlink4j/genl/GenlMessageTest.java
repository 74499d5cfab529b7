package io.github.netlink4j.genl;

import io.github.netlink4j.common.RawAttribute;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A received genl message: attribute(type) is the first of that type, as nla_find returns it; the list is a copy. */
class GenlMessageTest {
    @Test
    void attributeIsTheFirstOfItsType() {
        RawAttribute a = RawAttribute.ofU32(1, 7), b = RawAttribute.ofString(2, "veth0"), c = RawAttribute.ofU32(1, 9);
        GenlMessage m = new GenlMessage(0x14, 2, 1, List.of(a, b, c));
        assertEquals(Optional.of(a), m.attribute(1));
        assertEquals(Optional.of(b), m.attribute(2));
        assertEquals(Optional.empty(), m.attribute(3));
    }

    @Test
    void attributesAreCopied() {
        List<RawAttribute> mine = new ArrayList<>(List.of(RawAttribute.ofU8(1, 1)));
        GenlMessage m = new GenlMessage(0x14, 2, 1, mine);
        mine.add(RawAttribute.ofU8(2, 2));
        assertEquals(1, m.attributes().size());
        assertThrows(UnsupportedOperationException.class, () -> m.attributes().add(RawAttribute.ofU8(3, 3)));
    }
}
