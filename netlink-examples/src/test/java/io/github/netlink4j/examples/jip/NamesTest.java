package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ip's name tables: numbers always read and print; names only as /etc/iproute2/rt_dsfield and /etc/protocols give them. */
class NamesTest {
    @Test
    void dsfieldNumbers() {
        assertEquals(0x10, Names.dsfield("0x10"));
        assertEquals(0x10, Names.dsfield("10"), "hexadecimal without 0x, as rtnl_dsfield_a2n reads it");
        assertEquals(0xff, Names.dsfield("0XFF"));
        assertEquals(-1, Names.dsfield("0x100"));
        assertEquals(-1, Names.dsfield("-1"));
        assertEquals(-1, Names.dsfield("zz"));
        assertEquals(0, Names.dsfield("0"));
        String name = Names.dsfield(0x11);
        assertTrue(name.equals("0x11") || Names.dsfield(name) == 0x11, name);
        assertEquals(Names.dsfield(Names.dsfield(0x28)), 0x28, "a printed value reads back");
    }

    @Test
    void protocolNumbers() {
        assertEquals(0, Names.protocol("0"));
        assertEquals(255, Names.protocol("255"));
        assertEquals(-1, Names.protocol("256"));
        assertEquals(-1, Names.protocol("-1"));
        assertEquals(-1, Names.protocol("no-such-protocol"));
        for (int p : new int[] {6, 17, 58, 200, 254}) {
            String name = Names.protocol(p);
            assertEquals(p, Names.protocol(name.startsWith("ipproto-") ? name.substring(8) : name), name);
        }
    }
}
