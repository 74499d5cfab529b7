package io.github.netlink4j.internal.codec;

import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.uapi.NetNamespace;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A family descriptor holds what it was built with, and {@code build} refuses one with a part missing. */
class FamilyDescriptorTest {
    private static final AttrTable NAMES = AttrTable.of(NetNamespace.class, "NETNSA_");
    private static final FamilyDescriptor.Request DUMP = w -> { };

    /** A family of strings, made from the parts a test names (messages, layout, decoder, key, events, resync). */
    private static FamilyDescriptor.Builder<String> builder(String without) {
        FamilyDescriptor.Builder<String> b = FamilyDescriptor.of(String.class, "strings");
        if (!without.equals("messages")) b = b.messages(100, 101, 102, 103, 104);
        if (!without.equals("layout")) b = b.layout(8, () -> NAMES);
        if (!without.equals("decoder")) b = b.decoder((s, off, len) -> "at " + off);
        if (!without.equals("key")) b = b.key(v -> "key of " + v);
        if (!without.equals("events")) b = b.events(NetlinkEvent.NsidEvent.class, (a, v, resync) -> new NetlinkEvent.NsidEvent(a, v.length(), resync));
        if (!without.equals("resync")) b = b.resync(EventGroup.NSID, DUMP);
        return b;
    }

    @Test
    void holdsWhatItWasBuiltWith() throws Exception {
        FamilyDescriptor<String> f = builder("").build();
        assertEquals(String.class, f.type());
        assertEquals("strings", f.name());
        assertEquals("strings", f.toString());
        assertEquals(100, f.newType());
        assertEquals(101, f.delType());
        assertEquals(102, f.getType());
        assertArrayEquals(new int[] {100, 101, 102, 103, 104}, f.requestTypes());
        assertEquals(8, f.header());
        assertEquals(NAMES, f.names());
        assertEquals("at 12", f.decode(MemorySegment.ofArray(new byte[0]), 12, 0));
        assertEquals("abc", f.state("abc"), "no state: the object itself");
        assertEquals("key of abc", f.key("abc"));
        assertEquals(NetlinkEvent.NsidEvent.class, f.eventType());
        assertEquals(new NetlinkEvent.NsidEvent(NetlinkEvent.Action.DELETED, 3, true), f.event(NetlinkEvent.Action.DELETED, "abc", true));
        assertEquals(List.of(new FamilyDescriptor.Resync(EventGroup.NSID, DUMP)), f.resyncs());
    }

    @Test
    void stateAndRequestTypesAreItsOwn() {
        FamilyDescriptor<String> f = builder("").state(String::toUpperCase).build();
        assertEquals("ABC", f.state("abc"));
        f.requestTypes()[0] = 7;
        assertEquals(100, f.requestTypes()[0], "a copy each time");
        assertArrayEquals(new int[] {1, 2, 3}, builder("").messages(1, 2, 3).build().requestTypes());
        assertThrows(ClassCastException.class, () -> f.key(42), "an object of another family");
    }

    @Test
    void aPartMissingIsRefused() {
        for (String part : List.of("messages", "layout", "decoder", "key", "events", "resync")) {
            assertNotNull(builder(part));
            assertThrows(IllegalStateException.class, () -> builder(part).build(), part);
        }
    }

    @Test
    void aPerLinkWalkDumpsEachLinkTheLinksDumpListed() throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        FamilyDescriptor.Request links = w -> { };
        FamilyDescriptor.PerLink p = new FamilyDescriptor.PerLink(links, 16, (s, off, len) -> (int) off, i -> w -> asked.add("dump " + i));
        FamilyDescriptor.Dumper dumper = new FamilyDescriptor.Dumper() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> dump(FamilyDescriptor.Request r, int type, FamilyDescriptor.Decoder<T> d, String what) throws io.github.netlink4j.error.NetlinkException {
                assertEquals(links, r);
                assertEquals(16, type);
                assertEquals("links", what);
                return List.of(d.decode(MemorySegment.ofArray(new byte[0]), 4, 0), d.decode(MemorySegment.ofArray(new byte[0]), 7, 0));
            }
        };
        for (FamilyDescriptor.Request r : p.dumps(dumper)) r.write(null);
        assertEquals(List.of("dump 4", "dump 7"), asked);
        FamilyDescriptor<String> f = builder("resync").resyncWalk(EventGroup.TC, p).build();
        assertEquals(List.of(new FamilyDescriptor.Resync(EventGroup.TC, null, p)), f.resyncs());
    }

    @Test
    void aCascadeTestsTheFamilysOwnObjectsAndNoneIsNull() {
        assertEquals(null, builder("").build().cascade("abc"), "no cascade: a deletion takes nothing else");
        FamilyDescriptor<String> f = builder("").cascade(v -> v.isEmpty() ? null : o -> o.startsWith(v)).build();
        assertEquals(null, f.cascade(""), "this deletion takes nothing else");
        var p = f.cascade("ab");
        assertEquals(List.of(true, false, false), List.of(p.test("abc"), p.test("xab"), p.test(42)), "another family's object is never taken");
    }
}
