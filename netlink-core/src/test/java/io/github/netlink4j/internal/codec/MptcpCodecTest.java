package io.github.netlink4j.internal.codec;

import io.github.netlink4j.internal.codec.genl.MptcpCodec;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.mptcp.EndpointFlag;
import io.github.netlink4j.genl.mptcp.MptcpEndpoint;
import io.github.netlink4j.genl.mptcp.MptcpEndpointSpec;
import io.github.netlink4j.genl.mptcp.MptcpLimits;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The mptcp_pm requests against {@code ip mptcp} 6.1's own bytes, and the kernel's replies to it decoded
 * (golden/mptcp, captured by scripts/capture-golden.py in a throwaway namespace).
 */
class MptcpCodecTest {
    /** The family as nlctrl described it on the capture's kernel: id 0x1c, version 1. */
    private static final GenlFamily MPTCP = new GenlFamily("mptcp_pm", 0x1c, 1, 0, 0, List.of(), List.of());
    /** veth0's index in the capture's namespace (its peer veth1 was made first). */
    private static final int VETH0 = 3;

    @Test
    void endpointRequestsAreTheBytesIpSends() {
        GoldenEncodeTest.assertEncodes("mptcp/add-signal", w -> MptcpCodec.encodeAdd(w, MPTCP,
                MptcpEndpointSpec.of("10.200.0.3").withId(7).withFlags(EndpointFlag.SIGNAL).withPort(1234).withDevice("veth0"), VETH0));
        GoldenEncodeTest.assertEncodes("mptcp/add-subflow-v6", w -> MptcpCodec.encodeAdd(w, MPTCP,
                MptcpEndpointSpec.of("fd00:200::5").withFlags(EndpointFlag.SUBFLOW, EndpointFlag.BACKUP, EndpointFlag.FULLMESH), 0));
        GoldenEncodeTest.assertEncodes("mptcp/delete", w -> MptcpCodec.encodeDelete(w, MPTCP, 7));
        GoldenEncodeTest.assertEncodes("mptcp/get", w -> MptcpCodec.encodeGet(w, MPTCP, 7));
        GoldenEncodeTest.assertEncodes("mptcp/dump", w -> MptcpCodec.encodeDump(w, MPTCP));
        GoldenEncodeTest.assertEncodes("mptcp/flush", w -> MptcpCodec.encodeFlush(w, MPTCP));
    }

    @Test
    void changingFlagsSendsOnlyTheFlagsSetAndNoneForNobackup() {
        GoldenEncodeTest.assertEncodes("mptcp/change", w -> MptcpCodec.encodeSetFlags(w, MPTCP, 7,
                EndpointFlag.bits(Set.of(EndpointFlag.BACKUP, EndpointFlag.FULLMESH))));
        GoldenEncodeTest.assertEncodes("mptcp/change-nobackup", w -> MptcpCodec.encodeSetFlags(w, MPTCP, 7, 0));
    }

    @Test
    void limitRequestsAreTheBytesIpSends() {
        GoldenEncodeTest.assertEncodes("mptcp/limits-set", w -> MptcpCodec.encodeSetLimits(w, MPTCP, 3, 4));
        GoldenEncodeTest.assertEncodes("mptcp/limits-set-subflows", w -> MptcpCodec.encodeSetLimits(w, MPTCP, 2, -1));
        GoldenEncodeTest.assertEncodes("mptcp/limits-get", w -> MptcpCodec.encodeGetLimits(w, MPTCP));
    }

    @Test
    void repliesDecodeToWhatIpShows() throws ProtocolException {
        assertEquals(new MptcpEndpoint(7, IpText.parse("10.200.0.3"), OptionalInt.of(1234), 0x01, Set.of(EndpointFlag.SIGNAL), OptionalInt.of(VETH0)),
                decode("endpoint-reply"));
        assertEquals(new MptcpEndpoint(9, IpText.parse("fd00:200::5"), OptionalInt.empty(),
                0x0e, Set.of(EndpointFlag.SUBFLOW, EndpointFlag.BACKUP, EndpointFlag.FULLMESH), OptionalInt.empty()), decode("endpoint-v6-reply"));
        byte[] b = Golden.bytes("mptcp/limits-reply");
        assertEquals(new MptcpLimits(3, 4), MptcpCodec.decodeLimits(MemorySegment.ofArray(b), 0, b.length));
    }

    @Test
    void aFlagNoNameKnowsIsKeptRaw() throws ProtocolException {
        byte[] b = Golden.bytes("mptcp/endpoint-v6-reply");
        int flags = indexOfFlags(b);
        b[flags] = (byte) 0x4e; // 0x40: a flag newer than this library
        MptcpEndpoint e = MptcpCodec.decodeEndpoint(MemorySegment.ofArray(b), 0, b.length);
        assertEquals(0x4e, e.rawFlags());
        assertEquals(Set.of(EndpointFlag.SUBFLOW, EndpointFlag.BACKUP, EndpointFlag.FULLMESH), e.flags());
    }

    @Test
    void aReplyCutShortIsAProtocolError() {
        byte[] b = Golden.bytes("mptcp/endpoint-reply");
        assertThrows(ProtocolException.class, () -> MptcpCodec.decodeEndpoint(MemorySegment.ofArray(b), 0, 18));
        byte[] limits = Golden.bytes("mptcp/limits-reply");
        assertThrows(ProtocolException.class, () -> MptcpCodec.decodeLimits(MemorySegment.ofArray(limits), 0, 20));
    }

    private static MptcpEndpoint decode(String fixture) throws ProtocolException {
        byte[] b = Golden.bytes("mptcp/" + fixture);
        return MptcpCodec.decodeEndpoint(MemorySegment.ofArray(b), 0, b.length);
    }

    /** The offset of MPTCP_PM_ADDR_ATTR_FLAGS's first payload byte (08 00 06 00 in the nest). */
    private static int indexOfFlags(byte[] b) {
        for (int i = 24; i + 4 < b.length; i += 4) if (b[i] == 8 && b[i + 1] == 0 && b[i + 2] == 6 && b[i + 3] == 0) return i + 4;
        throw new AssertionError("no flags attribute");
    }
}
