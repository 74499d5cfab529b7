package io.github.netlink4j.internal.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribute names read from a constants class shaped like the uapi ones, with the fields a uapi class must not contribute. */
class AttrTableTest {
    /** A uapi-like class: the names AttrTable.of must take, and every kind it must skip. */
    @SuppressWarnings("unused")
    public static final class Uapi {
        public static final int T_UNSPEC = 0;
        public static final int T_NAME = 1;
        public static final int T_ALIAS = 1; // declared second: T_NAME names 1
        public static final int T_KIND = 2;
        public static final int T_NONE = 3;
        public static final int T_SUB_A = 4; // a nested space sharing the prefix
        public static final long T_WIDE = 5; // not an int
        public static final int OTHER_X = 6; // another prefix
        public final int T_INSTANCE = 7; // not static
        public static final int T_LAST = 8;
        public static final int T_SUB_NONE = 9;
        public static final short T_SHORT = 10;
    }

    @Test
    void namesComeFromTheStaticIntConstantsOfThePrefix() {
        AttrTable t = AttrTable.of(Uapi.class, "T_", "T_SUB_");
        assertEquals("T_", t.prefix());
        assertEquals("attribute 0", t.name(0), "_UNSPEC names nothing");
        assertEquals("T_NAME", t.name(1));
        assertEquals("T_KIND", t.name(2));
        assertEquals("attribute 3", t.name(3), "_NONE names nothing");
        assertEquals("attribute 4", t.name(4), "excluded by a longer prefix");
        assertEquals("attribute 5", t.name(5), "a long is no attribute type");
        assertEquals("attribute 6", t.name(6));
        assertEquals("attribute 7", t.name(7), "an instance field is no constant");
        assertEquals("T_LAST", t.name(8));
        assertEquals("attribute 9", t.name(9));
        assertEquals("attribute 10", t.name(10));
        AttrTable sub = AttrTable.of(Uapi.class, "T_SUB_");
        assertEquals("T_SUB_A", sub.name(4));
        assertEquals("attribute 9", sub.name(9));
        assertEquals("attribute 1", sub.name(1));
        AttrTable two = AttrTable.of(Uapi.class, "T_", "T_SUB_", "T_LAST");
        assertEquals("attribute 8", two.name(8), "every excluded prefix counts");
        assertEquals("T_NAME", two.name(1));
    }

    @Test
    void nestsAreCopiesAndLeadWhereTheySay() {
        AttrTable sub = AttrTable.of(Uapi.class, "T_SUB_");
        AttrTable base = AttrTable.of(Uapi.class, "T_", "T_SUB_");
        AttrTable nested = base.nest(8, sub);
        assertNull(base.descent(8), "the original is unchanged");
        assertSame(sub, nested.descent(8).inner(null, base));
        assertEquals(0, nested.descent(8).header());
        assertFalse(nested.isSelector(2));
        assertThrows(NullPointerException.class, () -> base.nest(8, null));

        AttrTable msg = nested.nestMessage(1, 16);
        assertEquals(16, msg.descent(1).header());
        assertSame(base, msg.descent(1).inner("any", base), "a nested message is named by the root");
        assertNotNull(msg.descent(8), "earlier nests are kept");

        AttrTable by = msg.nestBy(2, 1, v -> v.equals("sub") ? sub : null);
        assertTrue(by.isSelector(1));
        assertFalse(by.isSelector(2));
        assertFalse(msg.isSelector(1));
        assertSame(sub, by.descent(2).inner("sub", base));
        assertNull(by.descent(2).inner("other", base));
        assertNull(by.descent(2).inner(null, base), "no selector value seen");
        assertNotNull(by.descent(1));
        assertThrows(NullPointerException.class, () -> base.nestBy(2, 1, null));
        AttrTable later = by.nest(9, sub);
        assertTrue(later.isSelector(1), "the selector survives later nests");
    }
}
