package io.github.netlink4j.internal.wire;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * NLMSG_ERROR and NLMSG_DONE as netlink_ack() and netlink_dump_done() lay them out (net/netlink/af_netlink.c):
 * nlmsghdr, {@code struct nlmsgerr} (int error, the request's nlmsghdr), the rest of the request unless
 * NLM_F_CAPPED (0x100), then NLMSGERR_ATTR_* when NLM_F_ACK_TLVS (0x200). Built by hand here, and read from
 * two replies captured from the kernel.
 */
class NlErrorTest {
    private static final int CAPPED = 0x100, TLVS = 0x200;

    /** A message at offset 8 of a buffer (so offsets from the start of the buffer would be wrong). */
    private static final class Msg {
        final ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());

        Msg(int type, int flags) {
            b.position(8);
            b.putInt(0).putShort((short) type).putShort((short) flags).putInt(1).putInt(99);
        }

        Msg i32(int v) {
            b.putInt(v);
            return this;
        }

        /** The echoed request header, claiming {@code len} bytes. */
        Msg inner(int len) {
            b.putInt(len).putShort((short) 16).putShort((short) 5).putInt(1).putInt(0);
            return this;
        }

        Msg zeros(int n) {
            b.put(new byte[n]);
            return this;
        }

        Msg attr(int type, byte[] payload) {
            int len = 4 + payload.length;
            b.putShort((short) len).putShort((short) type).put(payload);
            b.put(new byte[((len + 3) & ~3) - len]);
            return this;
        }

        Msg u32(int type, int v) {
            return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
        }

        /** Ends the message: sets nlmsg_len; returns its length. */
        int end() {
            int len = b.position() - 8;
            b.putInt(8, len);
            return len;
        }

        NlError decode() throws ProtocolException {
            int len = end();
            return NlError.decode(MemorySegment.ofArray(b.array()), 8, len);
        }

        String refusal() {
            int len = end();
            return assertThrows(ProtocolException.class, () -> NlError.decode(MemorySegment.ofArray(b.array()), 8, len)).getMessage();
        }
    }

    private static byte[] z(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(u, u.length + 1);
    }

    @Test
    void capturedErrorWithTheRequestEchoedAndAMessage() throws Exception {
        MemorySegment s = Golden.segment("error/dummy-unknown-kind");
        NlError e = NlError.decode(s, 0, (int) s.byteSize());
        assertEquals(new NlError(-95, "Unknown device type", -1, -1, -1), e);
        assertEquals(95, e.errno());
    }

    @Test
    void capturedErrorWithoutExtendedAck() throws Exception {
        MemorySegment s = Golden.segment("error/veth-exists");
        assertEquals(new NlError(-17, null, -1, -1, -1), NlError.decode(s, 0, (int) s.byteSize()));
    }

    @Test
    void cappedErrorWithEveryAttribute() throws Exception {
        NlError e = new Msg(Netlink.NLMSG_ERROR, CAPPED | TLVS).i32(-22).inner(400)
                .attr(Netlink.NLMSGERR_ATTR_MSG, z("Invalid MTU"))
                .u32(Netlink.NLMSGERR_ATTR_OFFS, 36)
                .u32(Netlink.NLMSGERR_ATTR_MISS_TYPE, 3)
                .u32(Netlink.NLMSGERR_ATTR_MISS_NEST, 18)
                .u32(99, 7) // a future attribute: skipped
                .decode();
        assertEquals(new NlError(-22, "Invalid MTU", 36, 3, 18), e);
        assertEquals(22, e.errno());
    }

    @Test
    void anUncappedErrorHasItsAttributesAfterTheWholeRequest() throws Exception {
        // The request was 24 bytes: header and 8 bytes the attributes must not be read from.
        NlError e = new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-1).inner(24).i32(0x00080004).i32(-1)
                .u32(Netlink.NLMSGERR_ATTR_OFFS, 20).decode();
        assertEquals(new NlError(-1, null, 20, -1, -1), e);
        // A request whose length is not a multiple of 4 is followed by padding: 21 bytes take 24.
        NlError odd = new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-1).inner(21).zeros(8)
                .u32(Netlink.NLMSGERR_ATTR_OFFS, 16).decode();
        assertEquals(16, odd.offset());
    }

    @Test
    void anAckWithAWarning() throws Exception {
        // error 0 with NLM_F_ACK_TLVS and no NLM_F_CAPPED: the request is echoed and the attributes follow it.
        NlError e = new Msg(Netlink.NLMSG_ERROR, TLVS).i32(0).inner(20).i32(-1)
                .attr(Netlink.NLMSGERR_ATTR_MSG, z("warning")).decode();
        assertEquals(new NlError(0, "warning", -1, -1, -1), e);
        // error 0 without NLM_F_ACK_TLVS: only the request's header, nothing after it is read.
        NlError plain = new Msg(Netlink.NLMSG_ERROR, 0).i32(0).inner(1000).decode();
        assertEquals(new NlError(0, null, -1, -1, -1), plain);
        assertEquals(0, plain.errno());
    }

    @Test
    void anEchoThatFillsTheMessageLeavesNoAttributes() throws Exception {
        assertEquals(new NlError(-2, null, -1, -1, -1), new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-2).inner(24).zeros(8).decode());
        assertEquals(new NlError(-2, null, -1, -1, -1), new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-2).inner(16).decode());
        assertEquals("NLMSG_ERROR echoes a request of length 24 in 40 bytes", new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-2).inner(24).zeros(4).refusal());
        assertEquals("NLMSG_ERROR echoes a request of length 15 in 36 bytes", new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-2).inner(15).refusal());
        // An echo of 23 bytes fills the 23 left but aligns to 24, one past the end.
        assertEquals("NLMSG_ERROR says it carries extended ACK attributes but echoes more than its length",
                new Msg(Netlink.NLMSG_ERROR, TLVS).i32(-2).inner(23).zeros(7).refusal());
    }

    @Test
    void doneCarriesAnErrnoAndItsAttributesRightAfterIt() throws Exception {
        NlError e = new Msg(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI | TLVS).i32(-95)
                .attr(Netlink.NLMSGERR_ATTR_MSG, z("not supported")).decode();
        assertEquals(new NlError(-95, "not supported", -1, -1, -1), e);
        assertEquals(new NlError(0, null, -1, -1, -1), new Msg(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI).i32(0).decode());
        assertEquals(new NlError(5, null, -1, -1, -1), new Msg(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI).i32(5).decode(),
                "a positive value in DONE is not an error");
        assertEquals(-4095, new Msg(Netlink.NLMSG_DONE, 0).i32(-4095).decode().error());
        assertEquals("NLMSG_DONE carries -4096, not an errno", new Msg(Netlink.NLMSG_DONE, 0).i32(-4096).refusal());
    }

    @Test
    void truncatedMessagesNameTheirType() {
        assertEquals("truncated NLMSG_DONE: 19 bytes", new Msg(Netlink.NLMSG_DONE, 0).zeros(3).refusal());
        assertEquals("truncated NLMSG_ERROR: 16 bytes", new Msg(Netlink.NLMSG_ERROR, 0).refusal());
        assertEquals("NLMSG_ERROR without the request header: 35 bytes", new Msg(Netlink.NLMSG_ERROR, 0).i32(-1).zeros(15).refusal());
        assertEquals("NLMSG_ERROR without the request header: 20 bytes", new Msg(Netlink.NLMSG_ERROR, CAPPED).i32(-1).refusal());
    }
}
