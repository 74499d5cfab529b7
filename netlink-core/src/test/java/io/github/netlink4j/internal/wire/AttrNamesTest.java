package io.github.netlink4j.internal.wire;

import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Extended-ACK offsets mapped to attribute paths in the request we sent. */
class AttrNamesTest {
    @Test
    void pathsInTheCapturedVethRequest() {
        MemorySegment s = Golden.segment("link/veth-add");
        // Offsets from the fixture's comments: IFLA_IFNAME at 32, IFLA_LINKINFO at 44, its KIND at 48,
        // INFO_DATA at 56, VETH_INFO_PEER at 60, the peer's ifinfomsg at 64 and its IFLA_IFNAME at 80.
        assertEquals("IFLA_IFNAME", AttrNames.pathAt(s, 0, 32));
        assertEquals("IFLA_LINKINFO", AttrNames.pathAt(s, 0, 44));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_KIND", AttrNames.pathAt(s, 0, 48));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER", AttrNames.pathAt(s, 0, 60));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER › IFLA_IFNAME", AttrNames.pathAt(s, 0, 80));
        assertNull(AttrNames.pathAt(s, 0, 20), "a header field is no attribute");
        assertNull(AttrNames.pathAt(s, 0, 4000), "past the end");
    }

    @Test
    void vxlanData() {
        MemorySegment s = Golden.segment("link/vxlan-add");
        // IFLA_IFNAME at 32, IFLA_LINKINFO at 40, INFO_DATA at 56, VXLAN_LINK at 60, VXLAN_ID at 68.
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_LINK", AttrNames.pathAt(s, 0, 60));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_ID", AttrNames.pathAt(s, 0, 68));
        assertEquals("IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_ID", AttrNames.pathAt(s, 0, 72));
    }

    @Test
    void aTypeTheLibraryDoesNotDescribeHasNoPath() {
        MemorySegment s = Golden.segment("link/veth-add");
        s.set(MessageWriter.U16, 4, (short) 0x7777);
        assertNull(AttrNames.pathAt(s, 0, 32));
    }

    // A request laid out by hand (struct nlattr: u16 len, u16 type, host order) at offset 8 of its buffer,
    // named by tables built from AttrTableTest.Uapi:
    //   0 nlmsghdr (type 0x30), 16 a 4-byte family header,
    //  20 T_NAME "abc", 28 T_KIND "sub", 36 T_LAST, a nest selected by T_KIND: 40 T_SUB_A (u32), 48 flag 9,
    //  52 T_KIND again as a nested message: 56 its 4-byte header, 60 T_NAME "xy",
    //  68 attribute 12 (unknown), a flag; 72 the end.
    private static final int BASE = 8, TYPE = 0x30, FLAT = 0x31;

    private static final class Req {
        final ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
        final java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();

        Req(int type, int header) {
            b.position(BASE);
            b.putInt(0).putShort((short) type).putShort((short) 5).putInt(0).putInt(0);
            b.put(new byte[header]);
        }

        Req attr(int type, byte[] payload) {
            int len = 4 + payload.length;
            b.putShort((short) len).putShort((short) type).put(payload).put(new byte[((len + 3) & ~3) - len]);
            return this;
        }

        Req begin(int type, int header) {
            open.push(b.position());
            b.putShort((short) 0).putShort((short) type).put(new byte[header]);
            return this;
        }

        Req end() {
            int at = open.pop();
            b.putShort(at, (short) (b.position() - at));
            return this;
        }

        /** The message ends here; the segment ends with it. */
        MemorySegment done() {
            b.putInt(BASE, b.position() - BASE);
            return MemorySegment.ofArray(java.util.Arrays.copyOf(b.array(), b.position()));
        }
    }

    private static byte[] z(String s) {
        return (s + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final AttrTable SUB = AttrTable.of(AttrTableTest.Uapi.class, "T_SUB_");
    private static final AttrTable TOP = AttrTable.of(AttrTableTest.Uapi.class, "T_", "T_SUB_")
            .nestBy(AttrTableTest.Uapi.T_LAST, AttrTableTest.Uapi.T_KIND, v -> v.equals("sub") ? SUB : null)
            .nestMessage(AttrTableTest.Uapi.T_KIND, 4);
    private static final MessageLayouts LAYOUTS = type -> type == TYPE ? new MessageLayout(4, TOP)
            : type == FLAT ? new MessageLayout(0, TOP) : null;

    private static MemorySegment request(String kind) {
        return new Req(TYPE, 4)
                .attr(1, z("abc"))
                .attr(2, z(kind))
                .begin(8, 0).attr(4, new byte[] {1, 2, 3, 4}).attr(9, new byte[0]).end()
                .begin(2, 4).attr(1, z("xy")).end()
                .attr(12, new byte[0])
                .done();
    }

    private static String path(MemorySegment s, int offset) {
        return AttrNames.pathAt(s, BASE, offset, LAYOUTS);
    }

    @Test
    void everyOffsetOfAHandLaidRequest() {
        MemorySegment s = request("sub");
        assertEquals(BASE + 72, s.byteSize());
        for (int off = 0; off < 20; off++) assertNull(path(s, off), "header byte " + off);
        for (int off = 20; off < 28; off++) assertEquals("T_NAME", path(s, off), "offset " + off);
        assertEquals("T_KIND", path(s, 28));
        assertEquals("T_KIND", path(s, 35));
        for (int off = 36; off < 40; off++) assertEquals("T_LAST", path(s, off), "the nest's header, offset " + off);
        for (int off = 40; off < 48; off++) assertEquals("T_LAST › T_SUB_A", path(s, off), "offset " + off);
        for (int off = 48; off < 52; off++) assertEquals("T_LAST › attribute 9", path(s, off), "offset " + off);
        assertEquals("T_KIND", path(s, 52));
        assertEquals("T_KIND", path(s, 56), "the nested message's own header");
        assertEquals("T_KIND", path(s, 59));
        assertEquals("T_KIND › T_NAME", path(s, 60));
        assertEquals("T_KIND › T_NAME", path(s, 66));
        assertEquals("T_KIND", path(s, 67), "T_NAME's padding is the nest's, not T_NAME's");
        assertEquals("attribute 12", path(s, 68));
        assertEquals("attribute 12", path(s, 71), "a flag is its 4-byte header");
        assertNull(path(s, 72), "the end of the message");
        assertNull(path(s, -1));
        assertNull(AttrNames.pathAt(s, BASE, 40, type -> null), "no layout for the type");
    }

    @Test
    void aNestWithoutItsSelectorValueEndsThePath() {
        assertEquals("T_LAST", path(request("other"), 44), "no table for that kind (the longer kind moves T_LAST to 40)");
        MemorySegment noKind = new Req(TYPE, 4).begin(8, 0).attr(4, new byte[4]).end().done();
        assertEquals("T_LAST", path(noKind, 24), "no kind before the nest");
    }

    @Test
    void aLayoutWithoutAFamilyHeaderStartsAtOffset16() {
        MemorySegment s = new Req(FLAT, 0).attr(1, z("abc")).done();
        assertEquals("T_NAME", path(s, 16));
        assertNull(path(s, 15));
    }

    @Test
    void deepNestsAreCutAtSixteenLevels() {
        Req r = new Req(TYPE, 4);
        for (int i = 0; i < 20; i++) r.begin(2, 4);
        r.attr(1, z("deep"));
        for (int i = 0; i < 20; i++) r.end();
        MemorySegment s = r.done();
        int innermost = 20 + 20 * 8;
        String path = path(s, innermost);
        assertEquals(String.join(" › ", java.util.Collections.nCopies(17, "T_KIND")), path);
        assertEquals("T_KIND › T_KIND › T_NAME", path(new Req(TYPE, 4).begin(2, 4).begin(2, 4).attr(1, z("x")).end().end().done(), 36));
    }

    @Test
    void malformedOrShortRequestsHaveNoPath() {
        MemorySegment s = request("sub");
        MemorySegment cut = s.asSlice(0, BASE + 60);
        assertNull(AttrNames.pathAt(cut, BASE, 40, LAYOUTS), "the message runs past the segment");
        assertNull(AttrNames.pathAt(s.asSlice(0, BASE + 12), BASE, 40, LAYOUTS), "no whole header");
        MemorySegment bad = request("sub");
        bad.set(MessageWriter.U16, BASE + 36, (short) 2); // T_LAST's length below 4
        assertNull(AttrNames.pathAt(bad, BASE, 40, LAYOUTS));
        assertEquals("T_NAME", AttrNames.pathAt(bad, BASE, 20, LAYOUTS), "attributes before the bad one are still named");
        MemorySegment shortLen = request("sub");
        shortLen.set(MessageWriter.U32, BASE, 12);
        assertNull(AttrNames.pathAt(shortLen, BASE, 13, LAYOUTS), "nlmsg_len below 16");
        assertThrows(IllegalArgumentException.class, () -> new MessageLayout(-1, TOP));
        assertThrows(NullPointerException.class, () -> new MessageLayout(0, null));
    }

    @Test
    void numericPathsFollowNlaFNested() {
        // A family the library does not describe: a 4-byte header, then attribute 1, a nest 0x8002 holding
        // 5 and a nest 0x8006 holding 7, and attribute 3 whose payload looks like attributes but is not flagged.
        MemorySegment s = new Req(0x1a, 4)
                .attr(1, new byte[4])
                .begin(0x8002, 0).attr(5, new byte[4]).begin(0x8006, 0).attr(7, new byte[0]).end().end()
                .begin(3, 0).attr(5, new byte[4]).end()
                .done();
        // offsets: 20 attribute 1, 28 nest 2, 32 attribute 5, 40 nest 6, 44 attribute 7, 48 attribute 3, 52 its payload
        for (int off = 0; off < 20; off++) assertNull(AttrNames.numericPathAt(s, BASE, off, 4), "header " + off);
        assertEquals("attribute 1", AttrNames.numericPathAt(s, BASE, 20, 4));
        assertEquals("attribute 1", AttrNames.numericPathAt(s, BASE, 27, 4));
        assertEquals("attribute 2", AttrNames.numericPathAt(s, BASE, 28, 4));
        assertEquals("attribute 2", AttrNames.numericPathAt(s, BASE, 31, 4));
        assertEquals("attribute 2 › attribute 5", AttrNames.numericPathAt(s, BASE, 32, 4));
        assertEquals("attribute 2 › attribute 6", AttrNames.numericPathAt(s, BASE, 40, 4));
        assertEquals("attribute 2 › attribute 6 › attribute 7", AttrNames.numericPathAt(s, BASE, 47, 4));
        assertEquals("attribute 3", AttrNames.numericPathAt(s, BASE, 52, 4), "not flagged NLA_F_NESTED: not entered");
        assertEquals("attribute 3", AttrNames.numericPathAt(s, BASE, 59, 4));
        assertNull(AttrNames.numericPathAt(s, BASE, 60, 4), "the end");
        assertEquals("attribute 2", AttrNames.numericPathAt(s, BASE, 28, 12), "after a 12-byte header");
        assertNull(AttrNames.numericPathAt(s, BASE, 27, 12));
        assertNull(AttrNames.numericPathAt(s.asSlice(0, BASE + 40), BASE, 20, 4), "the message runs past the segment");
        assertNull(AttrNames.numericPathAt(s.asSlice(0, BASE + 15), BASE, 20, 4), "no whole header");
        MemorySegment bad = s.asSlice(0, s.byteSize());
        MemorySegment copy = MemorySegment.ofArray(bad.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        copy.set(MessageWriter.U32, BASE, 15);
        assertNull(AttrNames.numericPathAt(copy, BASE, 15, 0), "nlmsg_len below 16");
        copy.set(MessageWriter.U32, BASE, 60);
        copy.set(MessageWriter.U16, BASE + 28, (short) 1);
        assertNull(AttrNames.numericPathAt(copy, BASE, 32, 4), "a malformed attribute on the way");

        Req r = new Req(0x1a, 0);
        for (int i = 0; i < 20; i++) r.begin(0x8000 | i, 0);
        r.attr(99, new byte[0]);
        for (int i = 0; i < 20; i++) r.end();
        StringBuilder want = new StringBuilder("attribute 0");
        for (int i = 1; i <= 16; i++) want.append(" › attribute ").append(i);
        assertEquals(want.toString(), AttrNames.numericPathAt(r.done(), BASE, 16 + 20 * 4, 0));
    }
}
