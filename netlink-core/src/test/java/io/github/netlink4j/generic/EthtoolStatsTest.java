package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotSupportedException;
import io.github.netlink4j.genl.ethtool.ChannelsChange;
import io.github.netlink4j.genl.ethtool.DriverStats;
import io.github.netlink4j.genl.ethtool.StandardStats;
import io.github.netlink4j.genl.ethtool.StatsGroup;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics of a veth pair in a throwaway namespace against ethtool(8) 6.1 on the same devices: the driver's
 * own (the ioctl) name by name and value by value, and the standard groups over netlink, which a veth
 * answers with no counters (the decoding of counters is tested on bytes in EthtoolStatsCodecTest).
 */
class EthtoolStatsTest {
    private static final String ETHTOOL = "/usr/sbin/ethtool";
    private static final Pattern STAT = Pattern.compile("(?m)^\\s+(\\S+): (\\d+)$");
    private ThrowawayNamespace ns;
    private NetlinkClient nl;
    private Ethtool ethtool;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("ethstats");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
        ethtool = nl.genl().ethtool();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    private Ip.Result ethtool(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("netns", "exec", ns.name(), ETHTOOL));
        a.addAll(List.of(args));
        return Ip.run(a.toArray(String[]::new));
    }

    /** ethtool -S's counters, in its order. */
    private List<Map.Entry<String, Long>> ethtoolStats(String dev) throws IOException {
        Ip.Result r = ethtool("-S", dev);
        assertEquals(0, r.exit(), r.toString());
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        Matcher m = STAT.matcher(r.out());
        while (m.find()) out.add(Map.entry(m.group(1), Long.parseUnsignedLong(m.group(2))));
        assertFalse(out.isEmpty(), r.out());
        return out;
    }

    /** Names in ethtool's order, and each value between what ethtool read just before and just after. */
    private void assertAgree(String dev) throws Exception {
        List<Map.Entry<String, Long>> before = ethtoolStats(dev);
        DriverStats ours = ethtool.driverStats().get(dev);
        List<Map.Entry<String, Long>> after = ethtoolStats(dev);
        assertEquals(dev, ours.link());
        assertEquals(before.stream().map(Map.Entry::getKey).toList(), ours.counters().stream().map(DriverStats.Counter::name).toList());
        for (int i = 0; i < before.size(); i++) {
            long v = ours.counters().get(i).value();
            String n = before.get(i).getKey();
            assertTrue(Long.compareUnsigned(before.get(i).getValue(), v) <= 0 && Long.compareUnsigned(v, after.get(i).getValue()) <= 0,
                    n + ": ethtool read " + before.get(i).getValue() + " then " + after.get(i).getValue() + ", we read " + v);
        }
    }

    @Test
    void driverStatisticsAreWhatEthtoolPrints() throws Exception {
        assertAgree("veth0");
        assertAgree("veth1");
        DriverStats st = ethtool.driverStats().get("veth0");
        assertEquals(nl.links().index("veth1"), st.value("peer_ifindex").orElseThrow(), "a veth's peer, as the driver counts it");
        assertTrue(st.value("nosuch").isEmpty());
    }

    @Test
    void moreChannelsAreMoreCountersAsEthtoolNamesThem() throws Exception {
        int queues = ethtool.driverStats().get("veth0").counters().size();
        ethtool.channels().set("veth0", ChannelsChange.empty().withRx(2).withTx(2));
        assertAgree("veth0");
        DriverStats st = ethtool.driverStats().get("veth0");
        assertTrue(st.counters().size() > queues, st.toString());
        assertTrue(st.value("rx_queue_1_xdp_packets").isPresent(), st.toString());
    }

    @Test
    void aDeviceWithoutStatisticsOrWithoutExistenceIsTypedAsEthtoolSaysIt() throws Exception {
        Ip.Result lo = ethtool("-S", "lo");
        assertEquals(94, lo.exit(), lo.toString());
        assertTrue((lo.out() + lo.err()).contains("no stats available"), lo.toString());
        NotSupportedException e = assertThrows(NotSupportedException.class, () -> ethtool.driverStats().get("lo"));
        assertTrue(e.getMessage().contains("no stats available"), e.getMessage());
        Ip.Result none = ethtool("-S", "nl4jnosuch");
        assertTrue((none.out() + none.err()).contains("No such device"), none.toString());
        assertEquals("nl4jnosuch", assertThrows(NoSuchLinkException.class, () -> ethtool.driverStats().get("nl4jnosuch")).link());
        assertThrows(NoSuchLinkException.class, () -> ethtool.standardStats().get("nl4jnosuch"));
        assertThrows(NoSuchLinkException.class, () -> ethtool.standardStats().get("nl4jnosuch", List.of("rmon")));
    }

    @Test
    void standardGroupsOfAVethHaveNoCountersAsEthtoolShowsNone() throws Exception {
        Ip.Result r = ethtool("-S", "veth0", "--all-groups");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("Standard stats for veth0:", r.out().strip(), "ethtool prints no counter");
        StandardStats all = ethtool.standardStats().get("veth0");
        assertEquals("veth0", all.link());
        assertEquals(nl.links().index("veth0"), all.index());
        for (StatsGroup g : all.groups()) {
            assertEquals(Map.of(), g.counters(), g.toString());
            assertEquals(List.of(), g.rxHistogram());
        }
        assertTrue(all.groups().stream().map(StatsGroup::name).toList().containsAll(List.of("eth-phy", "eth-mac", "eth-ctrl", "rmon")), all.toString());

        StandardStats two = ethtool.standardStats().get("veth0", List.of("eth-mac", "rmon"));
        assertEquals(List.of("eth-mac", "rmon"), two.groups().stream().map(StatsGroup::name).toList());
        assertEquals(List.of(18, 20), two.groups().stream().map(StatsGroup::stringSet).toList(), "ETH_SS_STATS_ETH_MAC and _RMON");
    }

    @Test
    void aGroupTheKernelLacksIsRefusedBeforeAsking() throws Exception {
        Ip.Result r = ethtool("-S", "veth0", "--groups", "nosuch");
        assertTrue(r.exit() != 0, r.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ethtool.standardStats().get("veth0", List.of("rmon", "nosuch")));
        assertTrue(e.getMessage().contains("\"nosuch\"") && e.getMessage().contains("eth-mac"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ethtool.standardStats().get("veth0", List.of()));
    }

    @Test
    void theListIsEveryDevicesGroupsAsGetAndEthtoolSeeThem() throws Exception {
        List<StandardStats> all = ethtool.standardStats().list();
        List<String> devices = all.stream().map(StandardStats::link).toList();
        assertTrue(devices.containsAll(List.of("lo", "veth0", "veth1")), devices.toString());
        for (StandardStats st : all) {
            assertEquals(ethtool.standardStats().get(st.link()), st, "the dump has what the get has, for " + st.link());
            assertEquals(nl.links().index(st.link()), st.index());
            Ip.Result r = ethtool("-S", st.link(), "--all-groups");
            assertEquals(0, r.exit(), r.toString());
            // a veth and lo keep no standard counters: ethtool prints the heading alone, and every group is empty
            assertEquals("Standard stats for " + st.link() + ":", r.out().strip());
            assertTrue(st.groups().stream().allMatch(g -> g.counters().isEmpty()), st.toString());
            assertTrue(st.groups().stream().map(StatsGroup::name).toList().containsAll(List.of("eth-phy", "eth-mac", "eth-ctrl", "rmon")), st.toString());
        }
        assertEquals(devices.size(), new java.util.HashSet<>(devices).size(), "each device once");
    }
}
