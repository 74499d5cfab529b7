package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.LinkStats;
import io.github.netlink4j.link.MacvlanMode;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static io.github.netlink4j.internal.codec.HandBytes.assertWrites;
import static io.github.netlink4j.internal.codec.HandBytes.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RTM_*LINK beyond the golden captures: requests with every link option, the changes no capture
 * covers, and link messages written out by hand from linux/if_link.h (IFLA_* numbers in the comments)
 * for what a capture cannot show (many runs of unknown attributes, short statistics, nonzero sequence
 * and port numbers, a message not at the start of the buffer).
 */
class LinkCodecTest {
    private static final Map<String, Integer> INDEX = Map.of("br0", 4, "veth0", 3);

    /** {@code ip link add d0 mtu 1400 address 02:00:00:00:01:05 txqueuelen 500 alias test master br0 up type dummy}, echoed. */
    @Test
    void createWritesEveryOptionBeforeTheName() {
        LinkOptions o = LinkOptions.DEFAULTS.withMtu(1400).withAddress(MacAddress.of("02:00:00:00:01:05")).withTxQueueLength(500)
                .withAlias("test").withMaster("br0").withUp(true);
        assertWrites("""
                68 00 00 00                 # nlmsg_len 104
                10 00                       # RTM_NEWLINK
                0d 06                       # NLM_F_REQUEST | ACK | ECHO | EXCL | CREATE (0x60d)
                00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00     # ifinfomsg: family, type, index 0
                01 00 00 00 01 00 00 00     # ifi_flags IFF_UP, ifi_change IFF_UP
                08 00 04 00 78 05 00 00     # IFLA_MTU 1400
                0a 00 01 00 02 00 00 00 01 05 00 00   # IFLA_ADDRESS, padded
                08 00 0d 00 f4 01 00 00     # IFLA_TXQLEN 500
                09 00 14 00 74 65 73 74 00 00 00 00   # IFLA_IFALIAS "test"
                08 00 0a 00 04 00 00 00     # IFLA_MASTER br0 (4)
                07 00 03 00 64 30 00 00     # IFLA_IFNAME "d0"
                10 00 12 00                 # IFLA_LINKINFO
                09 00 01 00 64 75 6d 6d 79 00 00 00   # IFLA_INFO_KIND "dummy", no NUL
                """, w -> LinkCodec.encodeCreate(w, LinkSpec.dummy("d0").withOptions(o), INDEX::get, true));
    }

    @Test
    void changesOfAddressAliasAndNamespacePid() {
        String head = "00 00 00 00 00 00 00 00   00 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00   # seq, pid; ifinfomsg index 3\n";
        assertWrites("2c 00 00 00 10 00 05 00 " + head + "0a 00 01 00 02 00 00 00 01 05 00 00   # IFLA_ADDRESS",
                w -> LinkCodec.encodeChange(w, 3, 0, 0, LinkCodec.address(MacAddress.of("02:00:00:00:01:05"))));
        assertWrites("2c 00 00 00 10 00 05 00 " + head + "0b 00 14 00 75 70 6c 69 6e 6b 00 00   # IFLA_IFALIAS \"uplink\"",
                w -> LinkCodec.encodeChange(w, 3, 0, 0, LinkCodec.alias("uplink")));
        assertWrites("28 00 00 00 10 00 05 00 " + head + "08 00 13 00 d2 04 00 00   # IFLA_NET_NS_PID 1234",
                w -> LinkCodec.encodeChange(w, 3, 0, 0, LinkCodec.namespacePid(1234)));
    }

    @Test
    void referencedLinksAreTheMasterThenTheKinds() {
        LinkSpec mv = LinkSpec.macvlan("mv0", "veth0", MacvlanMode.BRIDGE);
        assertEquals(List.of("veth0"), LinkCodec.referencedLinks(mv));
        assertEquals(List.of("br0", "veth0"), LinkCodec.referencedLinks(mv.withOptions(LinkOptions.DEFAULTS.withMaster("br0"))));
        assertEquals(List.of(), LinkCodec.referencedLinks(LinkSpec.dummy("d0")));
    }

    /** The IFLA_* numbers of if_link.h the decoder has a field for. */
    @Test
    void decodedAttributesAreThoseWithAField() {
        Set<Integer> fields = Set.of(1, 2, 3, 4, 5, 6, 10, 13, 16, 17, 18, 20, 23, 27, 37, 50, 51);
        for (int t = 0; t < 70; t++) assertEquals(fields.contains(t), LinkCodec.decodesAttribute(t), "IFLA type " + t);
    }

    private static String u32(int type, int v) {
        return String.format("08 00 %02x 00 %02x %02x %02x %02x%n", type, v & 0xff, v >>> 8 & 0xff, v >>> 16 & 0xff, v >>> 24);
    }

    /** An RTM_NEWLINK for ifindex 7 named "x0", from a dump (seq 0x11223344, port 0x55667788), then {@code attrs}. */
    private static String newLink(String attrs) {
        int len = 16 + 16 + 8 + HandBytes.hex(attrs).length;
        return String.format("%02x %02x 00 00 10 00 02 00 44 33 22 11 88 77 66 55%n", len & 0xff, len >>> 8)
                + "00 00 01 00 07 00 00 00 43 10 01 00 00 00 00 00   # ARPHRD_ETHER, index 7, flags UP|BROADCAST|MULTICAST|LOWER_UP\n"
                + "07 00 03 00 78 30 00 00      # IFLA_IFNAME \"x0\"\n" + attrs;
    }

    /** Kept attributes are copied run by run; the decoder makes room for eight runs, then doubles it. */
    @Test
    void unknownAttributesInManyRunsAreKeptInOrder() throws Exception {
        for (int runs : new int[] {8, 9}) {
            StringBuilder attrs = new StringBuilder();
            List<RawAttribute> expected = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                attrs.append(u32(100 + i, i));
                expected.add(RawAttribute.ofU32(100 + i, i));
                if (i == 0) {
                    attrs.append(u32(120, 9)); // adjacent to the first: the same run
                    expected.add(RawAttribute.ofU32(120, 9));
                }
                attrs.append(u32(4, 1500 + i)); // IFLA_MTU between runs
            }
            MemorySegment s = segment(newLink(attrs.toString()));
            Link l = LinkCodec.decode(s, 0, (int) s.byteSize());
            assertEquals(expected, l.unknown(), runs + " runs");
            assertEquals(1500 + runs - 1, l.mtu());
        }
    }

    @Test
    void headerFieldsAreReadWhereverTheMessageStarts() throws Exception {
        byte[] msg = HandBytes.hex(newLink(u32(4, 1500)));
        MemorySegment s = MemorySegment.ofArray(new byte[8 + msg.length]);
        MemorySegment.copy(MemorySegment.ofArray(msg), 0, s, 8, msg.length);
        Link l = LinkCodec.decode(s, 8, msg.length);
        assertEquals(7, l.index());
        assertEquals(1, l.type());
        assertEquals(0x11043, l.rawFlags());
        assertEquals("x0", l.name());
        assertEquals(7, LinkCodec.indexOf(s, 8, msg.length));
    }

    @Test
    void indexOfReadsOnlyNewLinkHeaders() {
        MemorySegment s = segment(newLink(""));
        assertEquals(7, LinkCodec.indexOf(s, 0, 32), "ifinfomsg complete at 32 bytes");
        assertEquals(-1, LinkCodec.indexOf(s, 0, 31));
        MemorySegment del = segment(newLink("").replaceFirst("10 00 02 00", "11 00 02 00"));
        assertEquals(-1, LinkCodec.indexOf(del, 0, 32), "RTM_DELLINK");
    }

    @Test
    void echoOfAnotherTypeIsNoLink() throws Exception {
        MemorySegment del = segment(newLink("").replaceFirst("10 00 02 00", "11 00 02 00"));
        assertNull(LinkCodec.decodeEcho(del, 0, (int) del.byteSize()));
        MemorySegment add = segment(newLink(""));
        assertEquals("x0", LinkCodec.decodeEcho(add, 0, (int) add.byteSize()).name());
    }

    /** rtnl_link_stats64 grew over the years; 80 bytes (ten counters) is the least the decoder takes. */
    @Test
    void stats64OfTenCountersLeavesTheRestZero() throws Exception {
        StringBuilder stats = new StringBuilder("54 00 17 00   # IFLA_STATS64, 80 bytes\n");
        for (int i = 1; i <= 10; i++) stats.append(String.format("%02x 00 00 00 00 00 00 00%n", i));
        MemorySegment s = segment(newLink(stats.toString()));
        assertEquals(LinkStats.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), LinkCodec.decode(s, 0, (int) s.byteSize()).stats().orElseThrow());

        StringBuilder shortStats = new StringBuilder("4c 00 17 00   # 72 bytes\n");
        for (int i = 1; i <= 9; i++) shortStats.append("01 00 00 00 00 00 00 00\n");
        MemorySegment t = segment(newLink(shortStats.toString()));
        assertThrows(ProtocolException.class, () -> LinkCodec.decode(t, 0, (int) t.byteSize()));
    }

    /** IFLA_AF_SPEC › AF_INET6 › IFLA_INET6_ADDR_GEN_MODE (8); an attribute 8 of AF_INET's nest is something else. */
    @Test
    void addressGenerationModeComesFromTheInet6NestOnly() throws Exception {
        MemorySegment s = segment(newLink("""
                2c 00 1a 00                 # IFLA_AF_SPEC, 44 bytes
                0c 00 02 00                 #   AF_INET
                05 00 08 00 03 00 00 00     #     type 8 of AF_INET: not a generation mode
                1c 00 0a 00                 #   AF_INET6
                05 00 08 00 01 00 00 00     #     IFLA_INET6_ADDR_GEN_MODE 1 (none)
                08 00 01 00 00 00 00 80     #     IFLA_INET6_FLAGS
                08 00 03 00 00 00 00 00     #     IFLA_INET6_CONF (abridged)
                """));
        Link l = LinkCodec.decode(s, 0, (int) s.byteSize());
        assertEquals(OptionalInt.of(1), l.details().inet6AddrGenMode());
        assertEquals(26, l.unknown().get(0).type(), "IFLA_AF_SPEC is read and still kept raw");
    }

    @Test
    void protoDownIsAnOnOffByte() throws Exception {
        MemorySegment down = segment(newLink("05 00 27 00 01 00 00 00   # IFLA_PROTO_DOWN 1"));
        assertEquals(java.util.Optional.of(true), LinkCodec.decode(down, 0, (int) down.byteSize()).details().protoDown());
        MemorySegment up = segment(newLink("05 00 27 00 00 00 00 00   # IFLA_PROTO_DOWN 0"));
        assertEquals(java.util.Optional.of(false), LinkCodec.decode(up, 0, (int) up.byteSize()).details().protoDown());
    }

    @Test
    void withoutCountersKeepsAPortsData() throws Exception {
        List<Link> links = GoldenDecodeTest.decodeAll("dump/bridge-port", LinkCodec::decode);
        Link port = links.stream().filter(l -> l.name().equals("veth1")).findFirst().orElseThrow();
        assertTrue(port.slaveData().isPresent(), "the capture's veth1 is a port of br0");
        Link kept = LinkCodec.withoutCounters(port);
        assertEquals(port.slaveKind(), kept.slaveKind());
        assertTrue(kept.slaveData().isPresent(), "the port's data without its timers");
    }
}
