package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import static io.github.netlink4j.internal.codec.GoldenEncodeTest.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dump requests that ask the kernel to select (route table, output link and protocol; link master
 * and kind; address link) against the bytes iproute2 6.1 sent for the same {@code show} command
 * (fixtures captured with strace, see each file's header; indexes are the capture namespace's).
 */
class GoldenDumpRequestTest {
    @Test
    void routeDumpOfOneTableLinkAndProtocol() {
        // ip route show table 100 dev veth0 proto static: veth0 was index 3, RTPROT_STATIC is 4
        assertEncodes("route/dump-table-dev-proto", w -> RouteCodec.encodeDump(w, AddressFamily.INET, 100, 3, 4, 0));
    }

    @Test
    void routeDumpOfTheMainTable() {
        assertEncodes("route/dump-v6-main", w -> RouteCodec.encodeDump(w, AddressFamily.INET6, RouteTable.MAIN.value(), 0, 0, 0));
    }

    @Test
    void addressDumpOfOneLink() {
        assertEncodes("addr/dump-dev", w -> AddressCodec.encodeDump(w, AddressFamily.INET6, 3));
    }

    /**
     * ip asks with ifi_family AF_PACKET (0x11), which the kernel answers as AF_UNSPEC for RTM_GETLINK, and with
     * IFLA_EXT_MASK RTEXT_FILTER_VF (1): we send AF_UNSPEC and RTEXT_FILTER_SKIP_STATS (8), and VF
     * information only when asked. Those two fields aside, IFLA_MASTER and IFLA_LINKINFO › IFLA_INFO_KIND
     * are ip's bytes.
     */
    private static void assertWritesBytes(byte[] expected, java.util.function.Consumer<MessageWriter> enc) {
        MessageWriter w = new MessageWriter(64);
        enc.accept(w);
        assertEquals(Golden.dump(expected), Golden.dump(Written.bytes(w)));
    }

    @Test
    void linkDumpOfOneMasterAndKind() {
        byte[] ip = Golden.bytes("link/dump-master-kind");
        ip[16] = 0;      // ifi_family
        ip[36] = 8;      // IFLA_EXT_MASK's payload
        assertWritesBytes(ip, w -> LinkCodec.encodeDump(w, false, false, 2, "veth"));
        ip[36] = 9;      // RTEXT_FILTER_SKIP_STATS | RTEXT_FILTER_VF
        assertWritesBytes(ip, w -> LinkCodec.encodeDump(w, false, true, 2, "veth"));
    }
}
