package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotSupportedException;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.ethtool.ChannelsChange;
import io.github.netlink4j.genl.ethtool.Feature;
import io.github.netlink4j.genl.ethtool.Features;
import io.github.netlink4j.genl.ethtool.LinkInfo;
import io.github.netlink4j.genl.ethtool.LinkState;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed ethtool family on a veth pair in a throwaway namespace, against ethtool(8) run in the same
 * namespace: what we read is what ethtool prints, what we set ethtool reads, and what ethtool sets we read.
 */
class EthtoolTest {
    private static final String ETHTOOL = "/usr/sbin/ethtool";
    private ThrowawayNamespace ns;
    private NetlinkClient nl;
    private Ethtool ethtool;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("ethtool");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        ethtool = nl.genl().ethtool();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    /** ethtool's output inside the namespace; fails unless it exits as {@code exit} says. */
    private String run(int exit, String... args) throws IOException {
        List<String> a = new java.util.ArrayList<>(List.of("netns", "exec", ns.name(), ETHTOOL));
        a.addAll(List.of(args));
        Ip.Result r = Ip.run(a.toArray(String[]::new));
        assertEquals(exit, r.exit(), "ethtool " + String.join(" ", args) + ": " + r.out() + r.err());
        return r.out() + r.err();
    }

    private static String field(String out, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(out);
        assertTrue(m.find(), name + " in " + out);
        return m.group(1);
    }

    @Test
    void linkInfoAndLinkStateAreWhatEthtoolPrints() throws Exception {
        String out = run(0, "veth0");
        LinkInfo info = ethtool.linkInfo().get("veth0");
        assertEquals("veth0", info.link());
        assertEquals(nl.links().index("veth0"), info.index());
        assertEquals(field(out, "Port"), info.port().orElseThrow().toString());
        assertEquals(field(out, "PHYAD"), Integer.toString(info.phyAddress().orElseThrow()));
        assertEquals(field(out, "Transceiver"), info.transceiver().orElseThrow().toString());
        assertEquals(field(out, "Link detected"), ethtool.linkState().get("veth0").detected().orElseThrow() ? "yes" : "no");

        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
        LinkState up = ethtool.linkState().get("veth0");
        assertEquals(Optional.of(true), up.detected());
        assertEquals("yes", field(run(0, "veth0"), "Link detected"));
        assertTrue(up.extState().isEmpty(), "a veth reports no extended state, and ethtool prints none: " + run(0, "veth0"));
        assertEquals(List.of("veth0", "veth1"), ethtool.linkInfo().list().stream().map(LinkInfo::link).sorted().toList(),
                "a dump lists the devices whose driver reports link information (lo does not)");
    }

    /** ethtool -k lines: name → [on/off, fixed]. */
    private Map<String, boolean[]> ethtoolFeatures() throws IOException {
        Map<String, boolean[]> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("(?m)^\\s*([\\w-]+): (on|off)( \\[fixed\\])?").matcher(run(0, "-k", "veth0"));
        while (x.find()) m.put(x.group(1), new boolean[] {x.group(2).equals("on"), x.group(3) != null});
        return m;
    }

    @Test
    void featuresAreWhatEthtoolShows() throws Exception {
        Features ours = ethtool.features().get("veth0");
        Map<String, boolean[]> theirs = ethtoolFeatures();
        int compared = 0;
        for (Feature f : ours.features()) {
            boolean[] t = theirs.get(f.name());
            if (t == null) continue; // shown by ethtool under an older aggregate name
            assertEquals(t[0], f.active(), f.name() + " on");
            assertEquals(t[1], f.fixed(), f.name() + " [fixed]");
            compared++;
        }
        assertTrue(compared >= 40, "compared " + compared + " features");
    }

    @Test
    void aFeaturesChangeIsWhatEthtoolThenReadsAndReportsWhatChanged() throws Exception {
        Map<String, Boolean> changed = ethtool.features().set("veth0", Map.of("tx-checksum-ip-generic", false));
        assertEquals(false, changed.get("tx-checksum-ip-generic"));
        assertEquals(false, changed.get("tx-tcp-segmentation"), "TSO needs checksumming: the kernel turns it off too " + changed);
        Map<String, boolean[]> theirs = ethtoolFeatures();
        for (Map.Entry<String, Boolean> c : changed.entrySet()) assertEquals(c.getValue(), theirs.get(c.getKey())[0], c.getKey());
        assertEquals(Map.of(), ethtool.features().set("veth0", Map.of("tx-checksum-ip-generic", false)), "nothing changes twice");

        run(0, "-K", "veth0", "rx-gro-list", "on");
        assertTrue(ethtool.features().get("veth0").feature("rx-gro-list").orElseThrow().active(), "ethtool -K is read back");
        assertEquals(Map.of("rx-gro-list", false), ethtool.features().set("veth0", Map.of("rx-gro-list", false)));
        assertFalse(ethtoolFeatures().get("rx-gro-list")[0]);

        assertThrows(IllegalArgumentException.class, () -> ethtool.features().set("veth0", Map.of("no-such-feature", true)));
        assertThrows(IllegalArgumentException.class, () -> ethtool.features().set("veth0", Map.of()));
        assertEquals(List.of("lo", "veth0", "veth1"), ethtool.features().list().stream().map(Features::link).sorted().toList(),
                "every device has features");
    }

    /** ethtool -l: [rx max, tx max, rx, tx] (n/a as 0). */
    private long[] ethtoolChannels() throws IOException {
        String out = run(0, "-l", "veth0");
        String[] parts = out.split("Current hardware settings:");
        return new long[] {num(field(parts[0], "RX")), num(field(parts[0], "TX")), num(field(parts[1], "RX")), num(field(parts[1], "TX"))};
    }

    private static long num(String s) {
        return s.equals("n/a") ? 0 : Long.parseLong(s);
    }

    @Test
    void channelsAreWhatEthtoolReadsAndSetsBothWays() throws Exception {
        Channels c = ethtool.channels().get("veth0");
        long[] t = ethtoolChannels();
        assertEquals(List.of(t[0], t[1], t[2], t[3]), List.of(c.rxMax(), c.txMax(), c.rx(), c.tx()));
        assertTrue(c.rxMax() >= 2, "a veth has as many channels as CPUs: " + c);

        ethtool.channels().set("veth0", ChannelsChange.empty().withRx(2).withTx(2));
        t = ethtoolChannels();
        assertEquals(2, t[2]);
        assertEquals(2, t[3]);

        run(0, "-L", "veth0", "rx", "1", "tx", "1");
        Channels back = ethtool.channels().get("veth0");
        assertEquals(1, back.rx());
        assertEquals(1, back.tx());

        KernelException e = assertThrows(KernelException.class,
                () -> ethtool.channels().set("veth0", ChannelsChange.empty().withRx(c.rxMax() + 1)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("ETHTOOL_A_CHANNELS_RX_COUNT", e.attributePath().orElseThrow(), "named by the spec: " + e.getMessage());
        assertTrue(run(1, "-L", "veth0", "rx", Long.toString(c.rxMax() + 1)).contains(e.extAckMessage().orElseThrow()),
                "ethtool prints the same extended ACK");
        assertEquals(List.of("veth0", "veth1"), ethtool.channels().list().stream().map(Channels::link).sorted().toList());
    }

    @Test
    void ringsOfADeviceWithoutThemAreATypedErrorAsEthtoolSays() throws Exception {
        assertTrue(run(1, "-g", "veth0").contains("Operation not supported"));
        NotSupportedException e = assertThrows(NotSupportedException.class, () -> ethtool.rings().get("veth0"));
        assertEquals(Errno.EOPNOTSUPP, e.errno());
        assertTrue(e.getMessage().contains("rings-get"), e.getMessage());
    }

    @Test
    void aDeviceThatDoesNotExistIsNoSuchLink() throws Exception {
        assertTrue(run(1, "-l", "nl4jnosuch").contains("No such device"));
        NoSuchLinkException e = assertThrows(NoSuchLinkException.class, () -> ethtool.channels().get("nl4jnosuch"));
        assertEquals("nl4jnosuch", e.link());
        assertThrows(NoSuchLinkException.class, () -> ethtool.features().get("nl4jnosuch"));
        assertThrows(NoSuchLinkException.class, () -> ethtool.linkInfo().get("nl4jnosuch"));
        assertThrows(IllegalArgumentException.class, () -> ethtool.linkInfo().get("a-name-longer-than-ifnamsiz"));
    }
}
