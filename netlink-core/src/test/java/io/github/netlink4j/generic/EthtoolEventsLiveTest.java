package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.genl.ethtool.EthtoolEvent;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ethtool's typed notifications in a throwaway namespace, against ethtool(8): what ethtool -L and -K change is
 * notified for the device ip names, with the values ethtool -l and -k then print (the decoding is tested on
 * bytes in EthtoolEventsTest).
 */
class EthtoolEventsLiveTest {
    private static final String ETHTOOL = "/usr/sbin/ethtool";
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("ethtoolntf");
        nl = ns.client();
        Ip.in(ns.name(), "link", "add", "veth0", "numtxqueues", "4", "numrxqueues", "4", "type", "veth", "peer", "name", "veth1");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    private String ethtool(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("netns", "exec", ns.name(), ETHTOOL));
        a.addAll(List.of(args));
        Ip.Result r = Ip.run(a.toArray(String[]::new));
        assertEquals(0, r.exit(), "ethtool " + String.join(" ", args) + ": " + r.out() + r.err());
        return r.out();
    }

    private int ipIndex(String dev) throws IOException {
        Matcher m = Pattern.compile("\"ifindex\":(\\d+)").matcher(Ip.in(ns.name(), "-j", "link", "show", "dev", dev));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    /** The first event of type {@code kind} within about five seconds. */
    private static <T extends EthtoolEvent> T first(EthtoolListener l, Class<T> kind) throws Exception {
        List<EthtoolEvent> seen = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            for (EthtoolEvent e : l.poll(Duration.ofMillis(100), 100)) {
                if (kind.isInstance(e)) return kind.cast(e);
                seen.add(e);
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " among " + seen);
    }

    private static long current(String ethtoolL, String field) {
        Matcher m = Pattern.compile("(?m)^" + field + ":\\s*(\\d+)").matcher(ethtoolL.substring(ethtoolL.indexOf("Current hardware settings")));
        assertTrue(m.find(), field + " in " + ethtoolL);
        return Long.parseLong(m.group(1));
    }

    @Test
    void channelsEthtoolSetsAreNotifiedAsEthtoolThenShowsThem() throws Exception {
        try (EthtoolListener l = nl.genl().ethtool().subscribe()) {
            ethtool("-L", "veth0", "rx", "2", "tx", "2");
            EthtoolEvent.ChannelsChanged e = first(l, EthtoolEvent.ChannelsChanged.class);
            assertEquals("veth0", e.link());
            assertEquals(ipIndex("veth0"), e.index());
            String shown = ethtool("-l", "veth0");
            assertEquals(current(shown, "RX"), e.channels().rx());
            assertEquals(current(shown, "TX"), e.channels().tx());
            assertEquals(2, e.channels().rx());
            assertEquals(nl.genl().ethtool().channels().get("veth0"), e.channels(), "what the get returns");
        }
    }

    @Test
    void featuresEthtoolSetsAreNotifiedAsEthtoolThenShowsThem() throws Exception {
        ethtool("-K", "veth0", "gro", "off");
        try (EthtoolListener l = nl.genl().ethtool().subscribe()) {
            ethtool("-K", "veth0", "gro", "on");
            EthtoolEvent.FeaturesChanged e = first(l, EthtoolEvent.FeaturesChanged.class);
            assertEquals("veth0", e.link());
            assertEquals(ipIndex("veth0"), e.index());
            assertTrue(ethtool("-k", "veth0").contains("generic-receive-offload: on"));
            assertTrue(e.features().feature("rx-gro").orElseThrow().active());
            assertTrue(e.features().feature("rx-gro").orElseThrow().wanted());
            assertEquals(nl.genl().ethtool().features().get("veth0"), e.features(), "what the get returns");
        }
    }

    @Test
    void aLinkModesSetOnATapIsNotifiedWithTheNewSettings() throws Exception {
        nl.tuntap().add(io.github.netlink4j.tuntap.TunTapSpec.tap("tap0"));
        // supported and partner modes (bits 0-3, 5-7, 13; 2, 3, 13), so that the compact bitsets have bits to name
        String script = java.nio.file.Path.of(getClass().getResource("/ethtool/set-link-ksettings.py").toURI()).toString();
        Ip.Result r = Ip.run("netns", "exec", ns.name(), "python3", script, "tap0", "0x20ef", "0x200c");
        assertEquals(0, r.exit(), r.out() + r.err());
        try (EthtoolListener l = nl.genl().ethtool().subscribe()) {
            nl.genl().ethtool().linkModes().set("tap0", io.github.netlink4j.genl.ethtool.LinkModesChange.empty()
                    .withSpeed(1000).withDuplex(io.github.netlink4j.genl.ethtool.Duplex.HALF));
            EthtoolEvent.LinkModesChanged e = first(l, EthtoolEvent.LinkModesChanged.class);
            assertEquals("tap0", e.link());
            assertEquals(ipIndex("tap0"), e.index());
            assertEquals(java.util.OptionalInt.of(1000), e.linkModes().speed());
            assertEquals(io.github.netlink4j.genl.ethtool.Duplex.HALF, e.linkModes().duplex());
            String shown = ethtool("tap0");
            assertTrue(shown.contains("Speed: 1000Mb/s") && shown.contains("Duplex: Half"), shown);
            assertEquals(nl.genl().ethtool().linkModes().get("tap0"), e.linkModes(), "what the get returns, its verbose bits named by the kernel");
            assertTrue(e.linkModes().supported().contains("1000baseT/Full"), e.toString());
            ethtool("-s", "tap0", "speed", "100", "duplex", "full");
            EthtoolEvent.LinkModesChanged byEthtool = first(l, EthtoolEvent.LinkModesChanged.class);
            assertEquals(java.util.OptionalInt.of(100), byEthtool.linkModes().speed());
            assertEquals(io.github.netlink4j.genl.ethtool.Duplex.FULL, byEthtool.linkModes().duplex());
        }
    }
}
