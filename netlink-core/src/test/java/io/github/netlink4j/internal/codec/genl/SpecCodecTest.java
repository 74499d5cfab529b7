package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.SpecMessage;
import io.github.netlink4j.genl.SpecRequestException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.spec.FamilySpec;
import io.github.netlink4j.internal.wire.spec.OpSpec;
import io.github.netlink4j.internal.wire.spec.gen.EthtoolSpec;
import io.github.netlink4j.internal.wire.spec.gen.MptcpPmSpec;
import io.github.netlink4j.internal.wire.spec.gen.NetdevSpec;
import io.github.netlink4j.internal.wire.spec.gen.TcpMetricsSpec;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec-driven requests against the bytes ethtool, ip mptcp and ip tcp_metrics sent (golden fixtures,
 * captured from the tools, not from us), and replies the kernel sent decoded into trees of values.
 */
class SpecCodecTest {
    private static final int ETHTOOL = 0x15;
    private static final int MPTCP = 0x1c;
    private static final int TCP_METRICS = 0x1b;

    private static void assertRequest(String fixture, int id, FamilySpec spec, String op, boolean dump, Map<String, ?> values) {
        MessageWriter w = new MessageWriter(64);
        SpecCodec.encode(w, id, 1, spec, SpecCodec.requestOp(spec, op, dump), dump, values);
        assertEquals(Golden.dump(Golden.bytes(fixture)), Golden.dump(Written.bytes(w)), fixture);
    }

    private static SpecMessage reply(String fixture, FamilySpec spec) throws ProtocolException {
        MemorySegment s = Golden.segment(fixture);
        return SpecCodec.decode(s, 0, (int) s.byteSize(), spec);
    }

    @SafeVarargs
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** The request is written again as it was sent: channels-set of veth0 with rx-count 2 has its header at 20, the name at 24, rx-count at 36. */
    @Test
    void anExtendedAckOffsetIsNamedInTheRequestWrittenAgain() {
        SpecCodec ethtool = SpecCodec.of("ethtool").orElseThrow();
        Map<String, Object> req = map("header", map("dev-name", "veth0"), "rx-count", 2L);
        assertEquals(java.util.Optional.of("rx-count"), ethtool.specPath("channels-set", false, req, 36));
        assertEquals(java.util.Optional.of("header.dev-name"), ethtool.specPath("channels-set", false, req, 24));
        assertEquals(java.util.Optional.of("header.dev-name"), ethtool.specPath("channels-get", true, map("header", map("dev-name", "veth0")), 24));
        assertEquals(java.util.Optional.empty(), ethtool.specPath("channels-set", false, req, 16), "the genlmsghdr");
        assertEquals(java.util.Optional.empty(), ethtool.specPath("channels-set", false, req, 44), "past the request");
    }

    /**
     * WireGuard's set-device, written here by hand from linux/wireguard.h (wg(8) cannot be captured: no kernel the
     * tests ran on had the module): the device by name, a port, and one peer with one allowed IP, the entries of
     * both arrays numbered from 1 (the kernel reads them with nla_for_each_nested and ignores the number).
     */
    @Test
    void wireguardSetDeviceOnBytes() {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) key[i] = (byte) i;
        Map<String, Object> peer = map("public-key", HexFormat.of().formatHex(key), "flags", List.of("replace-allowedips"),
                "allowedips", List.of(map("family", 2L, "ipaddr", "0ac80000", "cidr-mask", 16L)));
        Map<String, Object> req = map("ifname", "wg0", "listen-port", 51820L, "peers", List.of(peer));
        MessageWriter w = new MessageWriter(64);
        SpecCodec.of("wireguard").orElseThrow().encode(w, 0x20, 1, "set-device", false, req);
        String expected = "78000000 2000 0500 00000000 00000000" // nlmsghdr: 120 bytes, NLM_F_REQUEST | NLM_F_ACK
                + "01010000" // genlmsghdr: WG_CMD_SET_DEVICE, version 1
                + "08000200 77673000" // WGDEVICE_A_IFNAME "wg0"
                + "06000600 6cca0000" // WGDEVICE_A_LISTEN_PORT 51820 (host order)
                + "54000880" // WGDEVICE_A_PEERS (NLA_F_NESTED)
                + "50000180" //   entry 1 (NLA_F_NESTED)
                + "24000100 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" // WGPEER_A_PUBLIC_KEY
                + "08000300 02000000" // WGPEER_A_FLAGS WGPEER_F_REPLACE_ALLOWEDIPS
                + "20000980" //     WGPEER_A_ALLOWEDIPS (NLA_F_NESTED)
                + "1c000180" //       entry 1 (NLA_F_NESTED)
                + "06000100 02000000" // WGALLOWEDIP_A_FAMILY AF_INET
                + "08000200 0ac80000" // WGALLOWEDIP_A_IPADDR 10.200.0.0
                + "05000300 10000000"; // WGALLOWEDIP_A_CIDR_MASK 16
        assertEquals(expected.replace(" ", ""), HexFormat.of().formatHex(Written.bytes(w)));
        assertThrows(SpecRequestException.class, () -> SpecCodec.of("wireguard").orElseThrow().check("get-device", false, Map.of()),
                "get-device is a dump only");
    }

    /**
     * Devlink's get of one instance and a shared-buffer binding, written here by hand from linux/devlink.h
     * (devlink(8) cannot be captured: no kernel the tests ran on had the family, it stops at nlctrl's lookup):
     * DEVLINK_GENL_VERSION 1, the instance by bus and device name, an enum by its name.
     */
    @Test
    void devlinkRequestsOnBytes() throws ProtocolException {
        SpecCodec devlink = SpecCodec.of("devlink").orElseThrow();
        MessageWriter w = new MessageWriter(64);
        devlink.encode(w, 0x1c, 1, "get", false, map("bus-name", "netdevsim", "dev-name", "netdevsim1"));
        String get = "34000000 1c00 0500 00000000 00000000" // nlmsghdr: 52 bytes, NLM_F_REQUEST | NLM_F_ACK
                + "01010000" // genlmsghdr: DEVLINK_CMD_GET, version 1
                + "0e000100 6e657464657673696d 000000" // DEVLINK_ATTR_BUS_NAME "netdevsim"
                + "0f000200 6e657464657673696d31 0000"; // DEVLINK_ATTR_DEV_NAME "netdevsim1"
        assertEquals(get.replace(" ", ""), HexFormat.of().formatHex(Written.bytes(w)));

        w = new MessageWriter(64);
        devlink.encode(w, 0x1c, 1, "sb-tc-pool-bind-get", false, map("bus-name", "netdevsim", "dev-name", "netdevsim1",
                "port-index", 1L, "sb-index", 0L, "sb-pool-type", "egress", "sb-tc-index", 3L));
        String bind = "54000000 1c00 0500 00000000 00000000" // nlmsghdr: 84 bytes
                + "17010000" // genlmsghdr: DEVLINK_CMD_SB_TC_POOL_BIND_GET (23)
                + "0e000100 6e657464657673696d 000000" // DEVLINK_ATTR_BUS_NAME
                + "0f000200 6e657464657673696d31 0000" // DEVLINK_ATTR_DEV_NAME
                + "08000300 01000000" // DEVLINK_ATTR_PORT_INDEX 1
                + "08000b00 00000000" // DEVLINK_ATTR_SB_INDEX 0
                + "05001200 01000000" // DEVLINK_ATTR_SB_POOL_TYPE DEVLINK_SB_POOL_TYPE_EGRESS
                + "06001600 03000000"; // DEVLINK_ATTR_SB_TC_INDEX 3
        assertEquals(bind.replace(" ", ""), HexFormat.of().formatHex(Written.bytes(w)));
        // a port dump's reply comes as DEVLINK_CMD_NEW (3), as get's do: in a port-get dump it is a port
        MemorySegment port = MemorySegment.ofArray(HexFormat.of().parseHex(("3c000000 1c00 0200 00000000 00000000 03010000"
                + "0e000100 6e657464657673696d 000000 0f000200 6e657464657673696d31 0000 08000300 01000000").replace(" ", "")));
        assertEquals(new SpecMessage("port-get", map("bus-name", "netdevsim", "dev-name", "netdevsim1", "port-index", 1L)),
                devlink.decodeDumpReply("port-get", port, 0, 60));
        assertEquals("get", devlink.decode(port, 0, 60).operation(), "alone, command 3 is get's reply");
        assertEquals("get", devlink.decodeDumpReply("get", port, 0, 60).operation());
        assertThrows(SpecRequestException.class, () -> devlink.check("sb-tc-pool-bind-get", false,
                map("bus-name", "netdevsim", "sb-pool-type", "sideways")), "sb-pool-type is ingress or egress");
    }

    @Test
    void ethtoolRequestsAsEthtoolSendsThem() {
        assertRequest("ethtool/channels-get", ETHTOOL, EthtoolSpec.SPEC, "channels-get", false, map("header", map("dev-name", "veth0")));
        assertRequest("ethtool/channels-set", ETHTOOL, EthtoolSpec.SPEC, "channels-set", false,
                map("header", map("dev-name", "veth0"), "rx-count", 2L, "tx-count", 1L));
        // an empty nest, a nest of a multi-attr list of nests
        assertRequest("ethtool/strset-features", ETHTOOL, EthtoolSpec.SPEC, "strset-get", false,
                map("header", map(), "stringsets", map("stringset", List.of(map("id", 4L)))));
    }

    @Test
    void mptcpAndTcpMetricsRequestsAsIpSendsThem() {
        // addr4 is a big-endian u32 (10.200.0.3), the port a host-order u16
        assertRequest("mptcp/add-signal", MPTCP, MptcpPmSpec.SPEC, "add-addr", false,
                map("addr", map("id", 7L, "flags", 1L, "if-idx", 3L, "port", 1234L, "family", 2L, "addr4", 0x0ac80003L)));
        assertRequest("tcpmetrics/dump", TCP_METRICS, TcpMetricsSpec.SPEC, "get", true, map());
    }

    @Test
    void ethtoolRepliesDecodeByName() throws Exception {
        SpecMessage m = reply("ethtool/channels-reply", EthtoolSpec.SPEC);
        assertEquals("channels-get", m.operation());
        assertEquals(map("header", map("dev-index", 3L, "dev-name", "veth0"), "rx-max", 2L, "rx-count", 1L, "tx-max", 2L, "tx-count", 1L),
                m.attributes());
        assertEquals(List.of("header", "rx-max", "rx-count", "tx-max", "tx-count"), List.copyOf(m.attributes().keySet()), "in the kernel's order");
        SpecMessage mp = reply("mptcp/endpoint-reply", MptcpPmSpec.SPEC);
        assertEquals("get-addr", mp.operation());
        assertEquals(map("addr", map("family", 2L, "port", 1234L, "id", 7L, "flags", 1L, "if-idx", 3L, "addr4", 0x0ac80003L)), mp.attributes());
    }

    @Test
    void bitsetsAndStringSetsDecodeAsNestsAndMultiAttrLists() throws Exception {
        SpecMessage m = reply("ethtool/features-reply", EthtoolSpec.SPEC);
        assertEquals("features-get", m.operation());
        @SuppressWarnings("unchecked")
        Map<String, Object> hw = (Map<String, Object>) m.attributes().get("hw");
        assertEquals(List.of("size", "value", "mask"), List.copyOf(hw.keySet()));
        assertEquals(64L, hw.get("size"));
        assertEquals("e949dd4f2e63000a", HexFormat.of().formatHex((byte[]) hw.get("value")), "a binary is its bytes");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) m.attributes().get("wanted")).get("nomask"), "a flag is true");
        SpecMessage strings = reply("ethtool/strset-features-reply", EthtoolSpec.SPEC);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sets = (List<Map<String, Object>>) ((Map<String, Object>) strings.attributes().get("stringsets")).get("stringset");
        assertEquals(1, sets.size(), "a multi-attr attribute is a list even when it comes once");
        assertEquals(4L, sets.get(0).get("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> names = (List<Map<String, Object>>) ((List<Map<String, Object>>) sets.get(0).get("strings")).get(0).get("string");
        assertEquals(sets.get(0).get("count"), (long) names.size());
        assertEquals(map("index", 0L, "value", "tx-scatter-gather"), names.get(0));
    }

    @Test
    void operationsTheSpecRefuseAreNamed() {
        SpecRequestException e = assertThrows(SpecRequestException.class, () -> SpecCodec.requestOp(EthtoolSpec.SPEC, "channels-gte", false));
        assertEquals("ethtool", e.family());
        assertEquals("channels-gte", e.operation());
        assertTrue(e.attribute().isEmpty());
        assertEquals("ethtool channels-gte: the spec has no such operation", e.getMessage());
        assertEquals("ethtool channels-ntf: is a notification, never asked for",
                assertThrows(SpecRequestException.class, () -> SpecCodec.requestOp(EthtoolSpec.SPEC, "channels-ntf", false)).getMessage());
        assertEquals("ethtool channels-set: cannot be dumped (do it instead)",
                assertThrows(SpecRequestException.class, () -> SpecCodec.requestOp(EthtoolSpec.SPEC, "channels-set", true)).getMessage());
        assertEquals("netdev qstats-get: has no do (dump it instead)",
                assertThrows(SpecRequestException.class, () -> SpecCodec.requestOp(NetdevSpec.SPEC, "qstats-get", false)).getMessage());
        assertEquals("qstats-get", SpecCodec.requestOp(NetdevSpec.SPEC, "qstats-get", true).name());
        assertEquals("dev-get", SpecCodec.requestOp(NetdevSpec.SPEC, "dev-get", false).name());
    }

    /** A family made here: an operation without attributes, one with a fixed header, a notification with a request number. */
    private static final FamilySpec BARE = FamilySpec.builder("bare", "genetlink-legacy", 4)
            .set("s").attr(1, "a", "BARE_A", io.github.netlink4j.internal.wire.spec.AttrType.U32)
            .op("ping", null, 3, 3, false, new String[0], new String[0], null, null)
            .op("zero", "s", 0, 0, false, new String[0], new String[0], null, null)
            .op("ntf", "s", 9, 9, true, null, new String[] {"a"}, null, null)
            .op("get", "s", 5, 6, false, new String[] {"a"}, new String[] {"a"}, new String[] {"a"}, new String[] {"a"})
            .build();

    @Test
    void anOperationWithoutAttributesTakesNoneAndAFixedHeaderIsZeroed() {
        OpSpec ping = SpecCodec.requestOp(BARE, "ping", false);
        SpecRequestException e = assertThrows(SpecRequestException.class, () -> SpecCodec.encode(new MessageWriter(64), 30, 2, BARE, ping, false, map("a", 1L)));
        assertEquals("bare ping: carries no attributes", e.getMessage());
        MessageWriter w = new MessageWriter(64);
        SpecCodec.encode(w, 30, 2, BARE, ping, false, map());
        assertEquals("18000000 1e00 0500 00000000 00000000 03020000 00000000".replace(" ", ""), HexFormat.of().formatHex(Written.bytes(w)));
        w = new MessageWriter(64);
        SpecCodec.encode(w, 30, 2, BARE, SpecCodec.requestOp(BARE, "get", true), true, map("a", 7L));
        assertEquals("20000000 1e00 0103 00000000 00000000 05020000 00000000 08000100 07000000".replace(" ", ""), HexFormat.of().formatHex(Written.bytes(w)),
                "a dump: NLM_F_DUMP and no ACK; the attributes after the fixed header");
        assertThrows(SpecRequestException.class, () -> SpecCodec.requestOp(BARE, "ntf", false), "a notification with a number is still never asked");
        assertEquals(0, SpecCodec.requestOp(BARE, "zero", false).request(), "command 0 is a command");
    }

    private static MemorySegment hex(String h) {
        return MemorySegment.ofArray(HexFormat.of().parseHex(h.replace(" ", "")));
    }

    @Test
    void repliesAfterTheFixedHeaderAndUnknownCommands() throws Exception {
        SpecMessage m = SpecCodec.decode(hex("20000000 1e00 0000 00000000 00000000 06010000 ffffffff 08000100 07000000"), 0, 32, BARE);
        assertEquals(new SpecMessage("get", map("a", 7L)), m);
        SpecMessage unknown = SpecCodec.decode(hex("20000000 1e00 0000 00000000 00000000 63010000 ffffffff 08000100 07000000"), 0, 32, BARE);
        assertEquals("command 99", unknown.operation());
        assertEquals(List.of("attribute 1"), List.copyOf(unknown.attributes().keySet()));
        assertEquals("07000000", HexFormat.of().formatHex((byte[]) unknown.attributes().get("attribute 1")));
        SpecMessage ping = SpecCodec.decode(hex("18000000 1e00 0000 00000000 00000000 03010000 00000000"), 0, 24, BARE);
        assertEquals("command 3", ping.operation(), "an operation without a set names no attributes");
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> SpecCodec.decode(hex("17000000 1e00 0000 00000000 00000000 06010000 000000"), 0, 23, BARE));
        assertEquals("bare message of 23 bytes is shorter than its headers (24)", e.getMessage());
        SpecCodec.decode(hex("18000000 1e00 0000 00000000 00000000 06010000 00000000"), 0, 24, BARE);
    }

    @Test
    void aDatagramOfNotifications() throws Exception {
        String one = "20000000 1e00 0000 00000000 00000000 09010000 00000000 08000100 01000000";
        String other = "14000000 1f00 0000 00000000 00000000 09010000";
        String two = "20000000 1e00 0000 00000000 00000000 09010000 00000000 08000100 02000000";
        MemorySegment s = hex(one + other + two + "0000");
        List<SpecMessage> got = SpecCodec.decodeAll(s, 84, 30, BARE);
        assertEquals(List.of(new SpecMessage("ntf", map("a", 1L)), new SpecMessage("ntf", map("a", 2L))), got, "another family's message skipped");
        assertEquals(1, SpecCodec.decodeAll(s, 32 + 15, 30, BARE).size(), "a tail shorter than a header is not a message");
        assertEquals(2, SpecCodec.decodeAll(s, 84 + 2, 30, BARE).size());
        assertEquals("netlink message of 32 bytes at offset 52 of a 80-byte datagram",
                assertThrows(ProtocolException.class, () -> SpecCodec.decodeAll(s, 80, 30, BARE)).getMessage());
        MemorySegment zero = hex("00000000 1e00 0000 00000000 00000000");
        assertThrows(ProtocolException.class, () -> SpecCodec.decodeAll(zero, 16, 30, BARE), "a length below the header would loop");
        assertFalse(SpecCodec.decodeAll(hex("10000000 1e00 0000 00000000 00000000"), 16, 31, BARE).iterator().hasNext());
        assertThrows(ProtocolException.class, () -> SpecCodec.decodeAll(hex("10000000 1e00 0000 00000000 00000000"), 16, 30, BARE),
                "a message that ends the datagram is read (and this one is too short for its headers)");
    }

    @Test
    void theHandlesCodecIsOnePerFamilyWithASpec() throws Exception {
        assertTrue(SpecCodec.of("nl4jnosuch").isEmpty(), "no spec, no codec");
        SpecCodec ethtool = SpecCodec.of("ethtool").orElseThrow();
        assertEquals("ethtool", ethtool.family());
        assertEquals(new io.github.netlink4j.genl.SpecOperation("strset-get", true, true, false), ethtool.operations().get(0));
        assertEquals(new io.github.netlink4j.genl.SpecOperation("linkinfo-set", true, false, false), ethtool.operations().get(2));
        assertEquals(new io.github.netlink4j.genl.SpecOperation("linkinfo-ntf", false, false, true), ethtool.operations().get(3));
        assertEquals(List.of(), ethtool.groups(), "the copy of ethtool.yaml lists none; the kernel's nlctrl has monitor");
        assertEquals(List.of("mgmt", "page-pool"), SpecCodec.of("netdev").orElseThrow().groups());
        assertEquals(17, ethtool.check("channels-get", false, map("header", map("dev-name", "veth0"))));
        assertEquals("ethtool channels-get: header.dev-nmae: attribute set header has no such attribute",
                assertThrows(SpecRequestException.class, () -> ethtool.check("channels-get", false, map("header", map("dev-nmae", "x")))).getMessage());
        MessageWriter w = new MessageWriter(64);
        ethtool.encode(w, ETHTOOL, 1, "channels-get", false, map("header", map("dev-name", "veth0")));
        assertEquals(Golden.dump(Golden.bytes("ethtool/channels-get")), Golden.dump(Written.bytes(w)));
        MemorySegment s = Golden.segment("ethtool/channels-reply");
        assertEquals(reply("ethtool/channels-reply", EthtoolSpec.SPEC), ethtool.decode(s, 0, (int) s.byteSize()));
        assertEquals(List.of(ethtool.decode(s, 0, (int) s.byteSize())), ethtool.decodeAll(s, (int) s.byteSize(), ETHTOOL));
        assertEquals(List.of(), ethtool.decodeAll(s, (int) s.byteSize(), ETHTOOL + 1));
    }
}
