package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import static io.github.netlink4j.internal.codec.kind.KindBytes.attrs;
import static io.github.netlink4j.internal.codec.kind.KindBytes.nest;
import static io.github.netlink4j.internal.codec.kind.KindBytes.string;
import static io.github.netlink4j.internal.codec.kind.KindBytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * veth's IFLA_INFO_DATA › VETH_INFO_PEER: a zero ifinfomsg, the peer's IFLA_IFNAME (as in
 * golden/link/veth-add.hex, where ip sends no nest flag), and for {@code peer name veth1 netns NS} the
 * namespace as IFLA_NET_NS_FD (28), a u32 fd, as iproute2's veth_parse_opt passes it to iplink_parse.
 */
class VethKindTest {
    private static final int IFLA_INFO_DATA = 2, VETH_INFO_PEER = 1, IFLA_IFNAME = 3, IFLA_NET_NS_FD = 28;

    private static byte[] encode(LinkSpec.Veth spec) {
        MessageWriter w = new MessageWriter(64);
        LinkKinds.kindOf(spec).encode(w, spec, n -> { throw new AssertionError("a veth resolves no name: " + n); });
        return Written.bytes(w);
    }

    @Test
    void thePeerIsASmallLinkMessage() {
        byte[] expected = nest(IFLA_INFO_DATA, nest(VETH_INFO_PEER, new byte[16], string(IFLA_IFNAME, "veth1")));
        assertEquals(Golden.dump(expected), Golden.dump(encode(LinkSpec.veth("veth0", "veth1"))));
    }

    @Test
    void aPeerInAnotherNamespaceCarriesItsFd() {
        byte[] expected = nest(IFLA_INFO_DATA, nest(VETH_INFO_PEER, new byte[16], string(IFLA_IFNAME, "veth1"), u32(IFLA_NET_NS_FD, 7)));
        assertEquals(Golden.dump(expected), Golden.dump(encode(LinkSpec.veth("veth0", "veth1").withPeerNamespace(() -> 7))));
    }

    @Test
    void theKernelReportsNoDataSoThereIsNothingToDecode() throws Exception {
        assertEquals(new LinkData.Veth(), LinkKinds.decodeData("veth", null));
        assertEquals(new LinkData.Veth(), LinkKinds.decodeData("veth", attrs(u32(1, 5))));
    }
}
