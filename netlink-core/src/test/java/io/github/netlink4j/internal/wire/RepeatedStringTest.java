package io.github.netlink4j.internal.wire;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A repeated string attribute is decoded once while it repeats, and never stands in for another. */
class RepeatedStringTest {
    /** A cursor on one attribute holding {@code payload}. */
    private static Attrs attr(byte[] payload) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 + ((payload.length + 3) & ~3)).order(ByteOrder.nativeOrder());
        b.putShort((short) (4 + payload.length)).putShort((short) 1).put(payload);
        MemorySegment s = Arena.ofAuto().allocate(b.capacity(), 4);
        s.copyFrom(MemorySegment.ofArray(b.array()));
        Attrs a = new Attrs().reset(s, 0, s.byteSize(), "test");
        a.next();
        return a;
    }

    private static byte[] z(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesGiveTheSameInstancesAndOtherBytesTheirOwnString() throws Exception {
        RepeatedString r = new RepeatedString();
        Optional<String> veth = r.optional(attr(z("veth")));
        assertEquals(Optional.of("veth"), veth);
        assertSame(veth, r.optional(attr(z("veth"))));
        assertSame(veth.get(), r.get(attr("veth".getBytes(StandardCharsets.UTF_8))), "with or without its NUL");
        assertEquals("vlan", r.get(attr(z("vlan"))), "same length, other bytes");
        assertEquals("vla", r.get(attr(z("vla"))), "a prefix of the last one");
        assertEquals("vlan0", r.get(attr(z("vlan0"))), "the last one and more");
        assertEquals("", r.get(attr(z(""))));
        assertEquals("na\u00efve", r.get(attr(z("na\u00efve"))), "UTF-8");
        assertNotSame(veth, r.optional(attr(z("veth"))), "remembered only while it repeats");
    }
}
