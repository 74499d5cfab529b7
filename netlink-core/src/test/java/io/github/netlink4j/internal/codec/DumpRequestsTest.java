package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteQuery;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static io.github.netlink4j.internal.codec.HandBytes.assertWrites;

/**
 * The dump and get requests of every rtnetlink codec, written out by hand from linux/rtnetlink.h
 * (RTM_GET* types, NLM_F_DUMP 0x300), if_link.h, if_addr.h, neighbour.h, nexthop.h and fib_rules.h:
 * no golden capture holds them (the captures record what ip received, not what it asked).
 */
class DumpRequestsTest {
    private static final Map<String, Integer> INDEX = Map.of("veth0", 2, "veth1", 3);

    @Test
    void linkDumpSkipsStatsUnlessAsked() {
        assertWrites("""
                28 00 00 00                 # nlmsg_len 40
                12 00                       # RTM_GETLINK
                01 03                       # NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # ifinfomsg, all zero
                08 00 1d 00 08 00 00 00     # IFLA_EXT_MASK RTEXT_FILTER_SKIP_STATS
                """, w -> LinkCodec.encodeDump(w, false));
        assertWrites("""
                20 00 00 00 12 00 01 03 00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # no IFLA_EXT_MASK: stats come
                """, w -> LinkCodec.encodeDump(w, true));
    }

    @Test
    void linkGetByIndexOrByName() {
        assertWrites("""
                28 00 00 00                 # nlmsg_len 40
                12 00 01 00                 # RTM_GETLINK, NLM_F_REQUEST (the link or an error answers)
                00 00 00 00 00 00 00 00
                00 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00   # ifi_index 3
                08 00 1d 00 08 00 00 00     # IFLA_EXT_MASK RTEXT_FILTER_SKIP_STATS
                """, w -> LinkCodec.encodeGet(w, 3, "veth1"));
        String byName = """
                34 00 00 00                 # nlmsg_len 52
                12 00 01 00
                00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # ifi_index 0
                0a 00 03 00 76 65 74 68 30 00 00 00   # IFLA_IFNAME "veth0"
                08 00 1d 00 08 00 00 00
                """;
        assertWrites(byName, w -> LinkCodec.encodeGet(w, 0, "veth0"));
        assertWrites(byName, w -> LinkCodec.encodeGet(w, -1, "veth0"));
    }

    @Test
    void addressDumpFiltersByFamilyAndLink() {
        assertWrites("""
                18 00 00 00                 # nlmsg_len 24
                16 00 01 03                 # RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00     # ifaddrmsg: AF_UNSPEC, every link
                """, w -> AddressCodec.encodeDump(w, null, 0));
        assertWrites("""
                18 00 00 00 16 00 01 03 00 00 00 00 00 00 00 00
                0a 00 00 00 03 00 00 00     # AF_INET6, ifa_index 3
                """, w -> AddressCodec.encodeDump(w, AddressFamily.INET6, 3));
    }

    @Test
    void routeDumpOfOneFamilyOrBoth() {
        assertWrites("""
                1c 00 00 00                 # nlmsg_len 28
                1a 00 01 03                 # RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00   # rtmsg, AF_UNSPEC
                """, w -> RouteCodec.encodeDump(w, null));
        assertWrites("""
                1c 00 00 00 1a 00 01 03 00 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 00 00 00 00 00   # AF_INET
                """, w -> RouteCodec.encodeDump(w, AddressFamily.INET));
    }

    @Test
    void routeDumpSelectsTypeInTheHeader() {
        assertWrites("""
                24 00 00 00 1a 00 01 03 00 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 07     # AF_INET; rtm_table 0, protocol 0, scope 0, rtm_type RTN_UNREACHABLE
                00 00 00 00
                08 00 0f 00 e8 03 00 00     # RTA_TABLE 1000
                """, w -> RouteCodec.encodeDump(w, AddressFamily.INET, 1000, 0, 0, 7));
    }

    @Test
    void linkDumpWithVfInfoAndStatsHasOnlyTheVfBit() {
        assertWrites("""
                28 00 00 00 12 00 01 03 00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                08 00 1d 00 01 00 00 00     # IFLA_EXT_MASK RTEXT_FILTER_VF
                """, w -> LinkCodec.encodeDump(w, true, true, 0, null));
    }

    @Test
    void routeGetWithEverySelector() throws Exception {
        RouteQuery q = RouteQuery.to(InetAddress.ofLiteral("10.200.0.5")).withSource(InetAddress.ofLiteral("10.200.0.1"))
                .withInputLink("veth0").withOutputLink("veth1").withMark(7).withUid(1000).withFibMatch();
        assertWrites("""
                4c 00 00 00                 # nlmsg_len 76
                1a 00 01 00                 # RTM_GETROUTE, NLM_F_REQUEST
                00 00 00 00 00 00 00 00
                02 20 20 00                 # AF_INET, rtm_dst_len 32, rtm_src_len 32, tos
                00 00 00 00                 # table, protocol, scope, type
                00 20 00 00                 # rtm_flags RTM_F_FIB_MATCH (0x2000)
                08 00 01 00 0a c8 00 05     # RTA_DST
                08 00 02 00 0a c8 00 01     # RTA_SRC
                08 00 03 00 02 00 00 00     # RTA_IIF veth0
                08 00 04 00 03 00 00 00     # RTA_OIF veth1
                08 00 10 00 07 00 00 00     # RTA_MARK 7
                08 00 19 00 e8 03 00 00     # RTA_UID 1000
                """, w -> RouteCodec.encodeGet(w, q, INDEX::get));
        assertWrites("""
                30 00 00 00 1a 00 01 00 00 00 00 00 00 00 00 00
                0a 80 00 00 00 00 00 00 00 00 00 00   # AF_INET6, rtm_dst_len 128, no source, no flags
                14 00 01 00 fd 00 02 00 00 00 00 00 00 00 00 00 00 00 00 05   # RTA_DST fd00:200::5
                """, w -> RouteCodec.encodeGet(w, RouteQuery.to(InetAddress.ofLiteral("fd00:200::5")), INDEX::get));
    }

    @Test
    void neighbourDumpPutsTheLinkInAnAttribute() {
        assertWrites("""
                1c 00 00 00                 # nlmsg_len 28
                1e 00 01 03                 # RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                02 00 00 00 00 00 00 00 00 00 00 00   # ndmsg: AF_INET, every link
                """, w -> NeighbourCodec.encodeDump(w, AddressFamily.INET, 0));
        assertWrites("""
                24 00 00 00 1e 00 01 03 00 00 00 00 00 00 00 00
                0a 00 00 00 00 00 00 00     # AF_INET6, ndm_ifindex 0 (strict checking wants NDA_IFINDEX)
                00 00 08 00                 # ndm_state 0, ndm_flags NTF_PROXY, ndm_type 0
                08 00 08 00 03 00 00 00     # NDA_IFINDEX 3
                """, w -> NeighbourCodec.encodeDump(w, AddressFamily.INET6, 3, true));
    }

    @Test
    void neighbourGetNamesTheEntry() {
        assertWrites("""
                24 00 00 00                 # nlmsg_len 36
                1e 00 01 00                 # RTM_GETNEIGH, NLM_F_REQUEST
                00 00 00 00 00 00 00 00
                02 00 00 00 03 00 00 00     # AF_INET, ndm_ifindex 3
                00 00 00 00                 # state, flags, type
                08 00 01 00 0a c8 00 05     # NDA_DST 10.200.0.5
                """, w -> NeighbourCodec.encodeGet(w, InetAddress.ofLiteral("10.200.0.5"), 3));
        assertWrites("""
                30 00 00 00 1e 00 01 00 00 00 00 00 00 00 00 00
                0a 00 00 00 03 00 00 00
                00 00 08 00                 # ndm_flags NTF_PROXY
                14 00 01 00 fd 00 02 00 00 00 00 00 00 00 00 00 00 00 00 05   # NDA_DST fd00:200::5
                """, w -> NeighbourCodec.encodeGet(w, InetAddress.ofLiteral("fd00:200::5"), 3, true));
    }

    @Test
    void nexthopDumpAndGet() {
        assertWrites("""
                18 00 00 00                 # nlmsg_len 24
                6a 00 01 03                 # RTM_GETNEXTHOP, NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00     # nhmsg, every family
                """, NexthopCodec::encodeDump);
        assertWrites("""
                20 00 00 00 6a 00 01 00 00 00 00 00 00 00 00 00   # NLM_F_REQUEST
                00 00 00 00 00 00 00 00
                08 00 01 00 01 00 00 80     # NHA_ID 0x80000001 (a u32)
                """, w -> NexthopCodec.encodeGet(w, 0x80000001L));
    }

    @Test
    void ruleDumpOfOneFamily() {
        assertWrites("""
                1c 00 00 00                 # nlmsg_len 28
                22 00 01 03                 # RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                0a 00 00 00 00 00 00 00 00 00 00 00   # fib_rule_hdr: AF_INET6
                """, w -> RuleCodec.encodeDump(w, AddressFamily.INET6));
    }

    /** As {@code bridge link show} and {@code bridge vlan show} ask. */
    @Test
    void bridgeDumpOfPortsOrVlans() {
        assertWrites("""
                20 00 00 00                 # nlmsg_len 32
                12 00 01 03                 # RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP
                00 00 00 00 00 00 00 00
                07 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # ifinfomsg: AF_BRIDGE
                """, w -> BridgeCodec.encodeDump(w, false));
        assertWrites("""
                28 00 00 00 12 00 01 03 00 00 00 00 00 00 00 00
                07 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                08 00 1d 00 02 00 00 00     # IFLA_EXT_MASK RTEXT_FILTER_BRVLAN
                """, w -> BridgeCodec.encodeDump(w, true));
    }
}
