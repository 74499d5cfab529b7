package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -N} and {@code -c} through ip and jip on the same namespace, byte for byte, escape codes and all:
 * numbers for the names ip takes from its tables, and lib/color.c's colours (always, never, auto only on a
 * terminal, none under -j, bold on a dark background).
 */
class NumericColourParityTest {
    private static ThrowawayNamespace ns;
    private static ThrowawayNamespace peer;

    /** What each object prints, text and JSON. */
    private static final String[] SHOWS = {"link", "-d link", "-o link", "-s link show lo", "addr", "-4 addr", "-6 addr", "-o addr",
            "-br link", "-br addr", "-br -6 addr", "route", "route show table all", "-6 route", "-d route", "route show table 100",
            "route get 10.200.1.9", "rule", "-6 rule", "-d rule", "neigh", "-6 neigh", "-br neigh", "neigh show proxy", "nexthop",
            "-d nexthop", "-j link", "-j addr", "-j route show table all", "-j -d route", "-j rule", "-j -d rule", "-j neigh", "-j nexthop",
            "-j -d nexthop"};

    @BeforeAll
    static void setUp() throws IOException {
        ns = ThrowawayNamespace.create("numcol");
        peer = ThrowawayNamespace.create("numcol-peer");
        for (String c : new String[] {"link add d0 type ifb", "link add veth0 type veth peer name veth1 netns " + peer.name(),
                "link add v2 type veth peer name v3", "link add br0 type bridge", "link set v3 master br0", "link set veth0 up", "link set lo up",
                "link set v2 up", "addr add 10.200.0.2/24 dev veth0", "addr add 10.200.3.2/24 brd 10.200.3.255 dev veth0",
                "addr add fd00:200::2/64 dev veth0 nodad", "addr add fd00:200::5/64 dev v3 nodad", "link add v4 type veth peer name v5",
                "link set v4 up", "link set v5 up", "addr add 10.200.1.1/24 dev v4", "addr add 10.200.1.2 peer 10.200.1.3/32 dev v4",
                "route add 10.200.9.0/24 via 10.200.1.2 proto static table 100", "route add blackhole 10.200.8.0/24",
                "route add 10.200.10.0/24 nexthop via 10.200.1.5 nexthop via 10.200.1.6", "-6 route add fd00:201::/64 via fd00:200::9 dev veth0",
                "rule add from 10.200.0.0/24 to 10.200.1.0/24 iif v4 oif v5 lookup 100 pref 100", "-6 rule add from fd00:200::/64 lookup 100 pref 100",
                "rule add ipproto tcp tos 0x10 prohibit pref 200", "rule add suppress_ifgroup default lookup main pref 300",
                "rule add from 10.200.5.0/24 blackhole pref 400", "neigh add 10.200.1.9 lladdr 02:00:00:00:00:09 dev v4",
                "neigh add proxy 10.200.1.10 dev v4", "-6 neigh add fd00:200::9 lladdr 02:00:00:00:00:08 dev veth0",
                "nexthop add id 5 via 10.200.1.3 dev v4", "nexthop add id 6 via 10.200.1.4 dev v4 proto static", "route add 10.200.11.0/24 nhid 5",
                "link set v4 group 3", "link set d0 alias an-alias"}) {
            Ip.in(ns.name(), Parity.words(c));
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        for (ThrowawayNamespace t : new ThrowawayNamespace[] {ns, peer}) if (t != null) t.close();
    }

    private static void same(String options, String... shows) throws IOException {
        for (String show : shows) {
            List<String> a = new ArrayList<>(options.isEmpty() ? List.of() : List.of(Parity.words(options)));
            a.addAll(List.of(Parity.words(show)));
            Parity.same(ns.name(), a.toArray(String[]::new));
        }
    }

    /** Protocols, scopes, tables, route types and rule actions, groups, link types, IP protocols, DS fields: numbers. */
    @Test
    void numericPrintsIpsNumbers() throws IOException {
        same("-N", SHOWS);
        same("-Numeric", "route show table all", "rule");
        assertTrue(Ip.in(ns.name(), "-N", "route", "show", "table", "all").contains("2 10.200.0.2 dev veth0 table 255 proto 2 scope 254"),
                "the state has names for -N to replace");
    }

    /** The escape codes of lib/color.c, around what ip colours and nothing else. */
    @Test
    void alwaysColoursWhatIpColours() throws IOException {
        same("-c=always", SHOWS);
        for (String spelling : new String[] {"-c", "-color", "-col=always", "--color=always", "-color="}) same(spelling, "link show v4", "-br addr");
        same("-N -c=always", "route show table all", "rule");
        assertTrue(Ip.in(ns.name(), "-c=always", "route").contains("dev \033[36mv4 \033[0m"), "ip coloured the state here");
    }

    @Test
    void neverAndJsonAndAPipeDoNotColour() throws IOException {
        for (String o : new String[] {"-c=never", "-c=always -j", "-c -j -p", "-c=auto", "-color=auto"}) {
            // neigh get prints text under -j, and ip leaves it uncoloured there too
            same(o, "link", "addr", "route", "neigh", "rule", "neigh get 10.200.1.9 dev v4");
        }
    }

    /** matches_color's spellings: -colour is no colour option, nor is a value other than always, auto or never. */
    @Test
    void colourOptionSpellingsAreIps() throws IOException {
        same("", "-colour link", "-c=foo link", "-cd link", "-co=auto -j link show lo");
    }

    /** COLORFGBG's last field 0 to 6 or 8 is a dark background: ip's colours in bold. */
    @Test
    void aDarkBackgroundGetsTheBoldPalette() throws IOException, InterruptedException {
        for (String colorfgbg : new String[] {"15;0", "15;default;8", "0;15", "15;08"}) {
            for (String show : new String[] {"link", "-br addr", "route", "neigh"}) {
                List<String> line = new ArrayList<>(List.of("-n", ns.name(), "-c"));
                line.addAll(List.of(Parity.words(show)));
                List<String> ip = new ArrayList<>(List.of("ip"));
                ip.addAll(line);
                String want = run(new ProcessBuilder(ip), colorfgbg);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Jip jip = new Jip(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                jip.env = name -> name.equals("COLORFGBG") ? colorfgbg : System.getenv(name);
                assertEquals(0, jip.run(line.toArray(String[]::new)));
                assertEquals(want, out.toString(StandardCharsets.UTF_8), "COLORFGBG=" + colorfgbg + " ip " + show);
            }
        }
    }

    /**
     * -c=auto colours only when standard output is a terminal (isatty(1), whatever standard input is):
     * ip and a jip JVM each run on a pseudo-terminal that script(1) gives them, and the bytes compared.
     */
    @Test
    void autoColoursATerminal() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String jip = java + " --enable-native-access=ALL-UNNAMED -cp " + System.getProperty("java.class.path") + " " + Jip.class.getName();
        for (String show : new String[] {"-c=auto link show v4", "-c=auto -br addr", "-c=auto -j link show v4", "-c=auto route < /dev/null"}) {
            String args = " -n " + ns.name() + " " + show;
            String want = run(new ProcessBuilder("script", "-qec", "ip" + args, "/dev/null"), null);
            String got = run(new ProcessBuilder("script", "-qec", jip + args, "/dev/null"), null);
            assertEquals(want, got, show);
            if (!show.contains("-j")) assertTrue(want.contains("\033["), "ip coloured its terminal: " + want);
        }
    }

    /** Standard output of {@code pb} (bounded), with COLORFGBG set when not null. */
    private static String run(ProcessBuilder pb, String colorfgbg) throws IOException, InterruptedException {
        if (colorfgbg != null) pb.environment().put("COLORFGBG", colorfgbg);
        else pb.environment().remove("COLORFGBG");
        Process p = pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + pb.command());
        }
        assertEquals(0, p.exitValue(), pb.command() + ": " + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
