package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NotSupportedException;
import io.github.netlink4j.genl.ethtool.Duplex;
import io.github.netlink4j.genl.ethtool.LinkModes;
import io.github.netlink4j.genl.ethtool.LinkModesChange;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import io.github.netlink4j.tuntap.TunTapSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Link modes on a veth and a tap in a throwaway namespace, against what ethtool(8) prints for the same device
 * (ethtool 6.1 has no JSON for this block: its text is parsed). A veth reports settings and refuses changes;
 * the tun driver keeps what it is given, so a tap is changed both ways, and given supported and link partner
 * modes through the ethtool ioctl (test resource ethtool/set-link-ksettings.py) so that named modes are seen.
 */
class EthtoolLinkModesTest {
    private static final String ETHTOOL = "/usr/sbin/ethtool";
    /** Bits 0-3, 5, 6 (Autoneg), 7 (TP) and 13 (Pause); the partner: bits 2, 3 and 13. */
    private static final String SUPPORTED = "0x20ef", PARTNER = "0x200c";
    private ThrowawayNamespace ns;
    private NetlinkClient nl;
    private EthtoolLinkModes modes;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("linkmodes");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.tuntap().add(TunTapSpec.tap("tap0"));
        modes = nl.genl().ethtool().linkModes();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    private String ethtool(int exit, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("netns", "exec", ns.name(), ETHTOOL));
        a.addAll(List.of(args));
        Ip.Result r = Ip.run(a.toArray(String[]::new));
        assertEquals(exit, r.exit(), "ethtool " + String.join(" ", args) + ": " + r.out() + r.err());
        return r.out();
    }

    private void giveTapModes() throws Exception {
        String script = Path.of(getClass().getResource("/ethtool/set-link-ksettings.py").toURI()).toString();
        Ip.Result r = Ip.run("netns", "exec", ns.name(), "python3", script, "tap0", SUPPORTED, PARTNER);
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** The value after "name:" in ethtool's text, with the continuation lines (no colon) that follow it. */
    private static String field(String out, String name) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith(name + ":")) continue;
            StringBuilder v = new StringBuilder(l.substring(name.length() + 1));
            for (int j = i + 1; j < lines.size() && !lines.get(j).contains(":"); j++) v.append(' ').append(lines.get(j).strip());
            return v.toString().strip();
        }
        return null;
    }

    /** A list of link modes as ethtool prints it: "Not reported" is none. */
    private static Set<String> modeList(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null && !text.equals("Not reported")) for (String m : text.split("\\s+")) out.add(m);
        return out;
    }

    /** The modes of {@code all} that are speeds (ethtool prints Autoneg, TP, Pause and FEC bits on lines of their own). */
    private static Set<String> speeds(Set<String> all) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : all) if (m.matches("\\d+base.*")) out.add(m);
        return out;
    }

    private static String pause(Set<String> modes) {
        boolean sym = modes.contains("Pause"), asym = modes.contains("Asym_Pause");
        return sym && asym ? "Symmetric Receive-only" : sym ? "Symmetric" : asym ? "Transmit-only" : "No";
    }

    /** Every field of {@code m} against {@code ethtool DEV}'s text. */
    private void assertAsEthtoolPrints(LinkModes m) throws IOException {
        String out = ethtool(0, m.link());
        Matcher speed = Pattern.compile("(\\d+)Mb/s").matcher(field(out, "Speed"));
        assertEquals(speed.matches() ? OptionalInt.of(Integer.parseInt(speed.group(1))) : OptionalInt.empty(), m.speed(), out);
        assertEquals(field(out, "Duplex"), m.duplex().toString());
        assertEquals(field(out, "Auto-negotiation"), m.autoneg() ? "on" : "off");
        assertEquals(modeList(field(out, "Supported link modes")), speeds(m.supported()), "supported");
        assertEquals(modeList(field(out, "Advertised link modes")), speeds(m.advertised()), "advertised");
        assertEquals(modeList(field(out, "Link partner advertised link modes")), speeds(m.peer()), "link partner");
        assertEquals(field(out, "Supports auto-negotiation"), m.supported().contains("Autoneg") ? "Yes" : "No");
        assertEquals(field(out, "Advertised auto-negotiation"), m.advertised().contains("Autoneg") ? "Yes" : "No");
        assertEquals(field(out, "Supported pause frame use"), pause(m.supported()));
        assertEquals(field(out, "Advertised pause frame use"), pause(m.advertised()));
        assertEquals(field(out, "Supported ports").contains("TP"), m.supported().contains("TP"));
        if (!m.peer().isEmpty()) assertEquals(field(out, "Link partner advertised pause frame use"), pause(m.peer()));
        String lanes = field(out, "Lanes");
        assertEquals(lanes == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(lanes)), m.lanes());
        assertEquals(field(out, "master-slave cfg") == null, m.masterSlaveConfig().isEmpty());
        assertEquals(field(out, "master-slave status") == null, m.masterSlaveState().isEmpty());
    }

    @Test
    void aVethIsWhatEthtoolPrints() throws Exception {
        LinkModes m = modes.get("veth0");
        assertEquals("veth0", m.link());
        assertEquals(nl.links().index("veth0"), m.index());
        assertEquals(OptionalInt.of(10000), m.speed());
        assertEquals(Duplex.FULL, m.duplex());
        assertTrue(!m.autoneg() && m.supported().isEmpty() && m.advertised().isEmpty() && m.peer().isEmpty(), m.toString());
        assertAsEthtoolPrints(m);
    }

    @Test
    void aTapWithModesIsWhatEthtoolPrints() throws Exception {
        giveTapModes();
        LinkModes m = modes.get("tap0");
        assertEquals(Set.of("10baseT/Half", "10baseT/Full", "100baseT/Half", "100baseT/Full", "1000baseT/Full", "Autoneg", "TP", "Pause"), m.supported());
        assertEquals(Set.of("100baseT/Half", "100baseT/Full", "Pause"), m.peer(), "the partner's list, each bit listed without VALUE");
        assertAsEthtoolPrints(m);
        assertTrue(modes.list().contains(m), "the dump has what the get has");
        assertTrue(modes.list().contains(modes.get("veth0")));
    }

    @Test
    void aVethRefusesASetAsNotSupportedAndNothingChanges() throws Exception {
        LinkModes before = modes.get("veth0");
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> modes.set("veth0", LinkModesChange.empty().withSpeed(1000).withDuplex(Duplex.HALF)));
        assertTrue(e.getMessage().contains("linkmodes-set") && e.getMessage().contains("veth0"), e.getMessage());
        assertEquals(before, modes.get("veth0"));
        assertAsEthtoolPrints(modes.get("veth0"));
    }

    @Test
    void whatWeSetOnATapEthtoolReads() throws Exception {
        giveTapModes();
        modes.set("tap0", LinkModesChange.empty().withSpeed(1000).withDuplex(Duplex.HALF));
        String out = ethtool(0, "tap0");
        assertEquals("1000Mb/s", field(out, "Speed"));
        assertEquals("Half", field(out, "Duplex"));
        modes.set("tap0", LinkModesChange.empty().withAdvertised(Set.of("10baseT/Full", "1000baseT/Full")));
        assertEquals(Set.of("10baseT/Full", "1000baseT/Full"), modeList(field(ethtool(0, "tap0"), "Advertised link modes")));
        modes.set("tap0", LinkModesChange.empty().withAdvertising("100baseT/Half", true).withAdvertising("10baseT/Full", false));
        assertEquals(Set.of("100baseT/Half", "1000baseT/Full"), modeList(field(ethtool(0, "tap0"), "Advertised link modes")));
        modes.set("tap0", LinkModesChange.empty().withAutoneg(true));
        assertEquals("on", field(ethtool(0, "tap0"), "Auto-negotiation"));
        assertAsEthtoolPrints(modes.get("tap0"));
    }

    @Test
    void whatEthtoolSetsOnATapWeRead() throws Exception {
        giveTapModes();
        ethtool(0, "-s", "tap0", "speed", "100", "duplex", "full", "autoneg", "off");
        LinkModes m = modes.get("tap0");
        assertEquals(OptionalInt.of(100), m.speed());
        assertEquals(Duplex.FULL, m.duplex());
        assertEquals(false, m.autoneg());
        ethtool(0, "-s", "tap0", "advertise", "0x2a");
        assertEquals(Set.of("10baseT/Full", "100baseT/Full", "1000baseT/Full"), modes.get("tap0").advertised());
        assertAsEthtoolPrints(modes.get("tap0"));
    }

    @Test
    void whatATapCannotTakeIsRefusedBeforeOrByTheKernel() throws Exception {
        NotSupportedException lanes = assertThrows(NotSupportedException.class, () -> modes.set("tap0", LinkModesChange.empty().withLanes(2)));
        assertTrue(lanes.getMessage().contains("lanes"), lanes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> modes.set("tap0", LinkModesChange.empty().withAdvertised(Set.of("10baseT/Quarter"))));
        assertThrows(IllegalArgumentException.class, () -> modes.set("tap0", LinkModesChange.empty().withAdvertising("10baseT/Quarter", true)),
                "a name the kernel does not have is refused before it is sent");
        assertThrows(IllegalArgumentException.class, () -> modes.set("tap0", LinkModesChange.empty()));
        assertThrows(io.github.netlink4j.error.NoSuchLinkException.class, () -> modes.get("nope0"));
    }
}
