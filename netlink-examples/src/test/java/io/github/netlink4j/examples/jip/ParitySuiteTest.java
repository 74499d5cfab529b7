package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The parity suite as data: {@code parity/everyday.txt} lists states and the commands compared on them
 * (its header says how to extend it). Each state is built by ip in one namespace and by jip in a twin;
 * every command then runs through ip and jip on both twins with every option set of its state, and
 * stdout, stderr and exit status are compared byte for byte. The counts are printed for the record.
 */
class ParitySuiteTest {
    /** A state of the file: its name, how it is built, the option sets and what is compared on it. */
    record State(String name, List<String[]> build, List<String[]> options, List<String[]> shows, Set<String> known) {}

    static List<State> read(String text) {
        List<State> states = new ArrayList<>();
        State cur = null;
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("state ")) {
                cur = new State(line.substring(6).strip(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>());
                states.add(cur);
                continue;
            }
            if (cur == null) throw new IllegalArgumentException("line " + n + ": before any state: " + line);
            if (line.startsWith("+ ")) {
                cur.build.add(words(line.substring(2)));
            } else if (line.startsWith("options ")) {
                for (String set : line.substring(8).split("\\|")) cur.options.add(set.strip().equals("-") ? new String[0] : words(set));
            } else if (line.startsWith("show ")) {
                cur.shows.add(words(line.substring(5)));
            } else if (line.startsWith("known ")) {
                String what = line.substring(6);
                int hash = what.indexOf('#');
                if (hash < 0 || what.substring(hash + 1).isBlank()) throw new IllegalArgumentException("line " + n + ": a known difference says why after #");
                String[] parts = what.substring(0, hash).split("::");
                if (parts.length != 2) throw new IllegalArgumentException("line " + n + ": known OPTIONS :: COMMAND # why");
                String opts = parts[0].strip();
                cur.known.add(key(opts.equals("-") ? new String[0] : words(opts), words(parts[1])));
            } else {
                throw new IllegalArgumentException("line " + n + ": not a state, +, options, show or known line: " + line);
            }
        }
        for (State s : states) if (s.options.isEmpty()) s.options.add(new String[0]);
        return states;
    }

    private static String[] words(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static String key(String[] options, String[] show) {
        return String.join(" ", options) + " :: " + String.join(" ", show);
    }

    private static String[] with(String ns, String peer, String[] options, String[] args) {
        List<String> a = new ArrayList<>(List.of("-n", ns));
        a.addAll(Arrays.asList(options));
        for (String w : args) a.add(w.replace("$PEER", peer));
        return a.toArray(String[]::new);
    }

    private static String text(Ip.Result r) {
        return "exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
    }

    private static String text(JipParityTest.Run r) {
        return "exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
    }

    // A bridge's timers run while the two commands do (hundredths of a second), so their values are
    // left out of the comparison; everything around them is compared.
    private static final java.util.regex.Pattern TIMER =
            java.util.regex.Pattern.compile("((?:hold|message_age|forward_delay|topology_change|tcn|hello|gc)_timer\"?:?)\\s*[0-9]+\\.[0-9]+");

    static String steady(String text) {
        return TIMER.matcher(text).replaceAll("$1 T");
    }

    /**
     * ip -s neigh prints each entry's ages in whole seconds (print_cacheinfo's {@code used A/B/C}, in JSON
     * {@code "used"}, {@code "confirmed"}, {@code "updated"}), and each of the three crosses a second at its own
     * moment, which can fall between the two runs however close they are. So for those commands only the
     * ages are taken out of the byte comparison and compared on their own: the same count of them, each within
     * a second of ip's.
     */
    private static final java.util.regex.Pattern AGES = java.util.regex.Pattern.compile(
            "( used |\"used\":\\s*)([0-9]+)(/|,\\s*\"confirmed\":\\s*)([0-9]+)(/|,\\s*\"updated\":\\s*)([0-9]+)");

    static boolean alike(String ip, String jip, boolean ages) {
        if (!ages) return steady(ip).equals(steady(jip));
        if (!steady(AGES.matcher(ip).replaceAll("$1A$3A$5A")).equals(steady(AGES.matcher(jip).replaceAll("$1A$3A$5A")))) return false;
        List<Long> a = agesOf(ip), b = agesOf(jip);
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (Math.abs(a.get(i) - b.get(i)) > 1) return false;
        return true;
    }

    private static List<Long> agesOf(String text) {
        List<Long> out = new ArrayList<>();
        java.util.regex.Matcher m = AGES.matcher(text);
        while (m.find()) for (int g : new int[] {2, 4, 6}) out.add(Long.parseLong(m.group(g)));
        return out;
    }

    @Test
    void neighbourAgesMayDifferByASecondAndNothingElse() {
        String ip = "10.200.0.9 dev v0 lladdr 02:00:00:00:00:09  used 1/1/1probes 0 PERMANENT \n";
        assertTrue(alike(ip, ip.replace("1/1/1", "2/1/0"), true));
        assertTrue(!alike(ip, ip.replace("1/1/1", "1/1/3"), true), "two seconds apart");
        assertTrue(!alike(ip, ip.replace("1/1/1", "2/1/1"), false), "only where asked");
        assertTrue(!alike(ip, ip.replace("probes 0", "probes 1"), true), "probes are compared");
        assertTrue(!alike(ip, ip.replace(" used 1/1/1", ""), true), "ages missing");
        assertTrue(!alike(ip, ip.replace("PERMANENT", "NOARP"), true));
        assertTrue(!alike(ip, ip.replace(" used", " ref 1 used"), true), "references are compared");
        String json = "[{\"dst\":\"10.200.0.9\",\"used\":14,\"confirmed\":14,\"updated\":14,\"probes\":0}]";
        assertTrue(alike(json, json.replace("\"confirmed\":14", "\"confirmed\":15"), true));
        assertTrue(!alike(json, json.replace("\"updated\":14", "\"updated\":12"), true));
        String pretty = "\"used\": 3,\n        \"confirmed\": 3,\n        \"updated\": 3,";
        assertTrue(alike(pretty, pretty.replace("\"used\": 3", "\"used\": 4"), true));
        assertTrue(!alike(pretty, pretty.replace("\"used\": 3", "\"used\": 5"), true));
    }

    @Test
    void everyCommandOfTheSuiteIsByteIdentical() throws IOException {
        check(name -> true);
    }

    /**
     * Runs the states of {@code parity/everyday.txt} whose names {@code states} accepts, and fails with every
     * difference found; a focused test names a few states of the file to be quicker than the whole suite.
     */
    static void check(java.util.function.Predicate<String> states) throws IOException {
        String file;
        try (InputStream in = ParitySuiteTest.class.getResourceAsStream("/parity/everyday.txt")) {
            assertTrue(in != null, "parity/everyday.txt is missing");
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> failures = new ArrayList<>();
        int compared = 0, identical = 0, knownDiffering = 0, run = 0;
        for (State s : read(file)) {
            if (!states.test(s.name)) continue;
            run++;
            try (ThrowawayNamespace byIp = ThrowawayNamespace.create("par-ip"); ThrowawayNamespace ipPeer = ThrowawayNamespace.create("par-ipp");
                 ThrowawayNamespace byJip = ThrowawayNamespace.create("par-jip"); ThrowawayNamespace jipPeer = ThrowawayNamespace.create("par-jipp")) {
                for (String[] b : s.build) {
                    Ip.Result r = Ip.run(with(byIp.name(), ipPeer.name(), new String[0], b));
                    assertEquals(0, r.exit(), s.name + ": ip " + String.join(" ", b) + ": " + r.err());
                    JipParityTest.Run j = JipParityTest.jip(with(byJip.name(), jipPeer.name(), new String[0], b));
                    assertEquals(0, j.exit(), s.name + ": jip " + String.join(" ", b) + ": " + j.err());
                }
                dadOver(byIp.name(), ipPeer.name(), byJip.name(), jipPeer.name());
                sameState(s.name, byIp.name(), byJip.name(), failures);
                for (String[] show : s.shows) {
                    for (String[] opts : s.options) {
                        String k = key(opts, show);
                        boolean known = s.known.contains(k) || s.known.contains(key(new String[] {"*"}, show));
                        boolean differs = false;
                        String firstDiff = null;
                        for (String[] twin : new String[][] {{byIp.name(), ipPeer.name()}, {byJip.name(), jipPeer.name()}}) {
                            String[] args = with(twin[0], twin[1], opts, show);
                            Ip.Result ip = Ip.run(args);
                            JipParityTest.Run jip = JipParityTest.jip(args);
                            // Counters (-s) may move between the two runs: ip once more, after jip, may agree.
                            boolean ages = show.length > 0 && show[0].equals("neigh") && Arrays.asList(opts).contains("-s");
                            boolean same = alike(text(ip), text(jip), ages)
                                    || (k.contains("-s") && alike(text(Ip.run(args)), text(jip), ages));
                            compared++;
                            if (same) {
                                identical++;
                            } else {
                                differs = true;
                                if (firstDiff == null) firstDiff = "ip " + String.join(" ", args) + "\n=== ip\n" + text(ip) + "=== jip\n" + text(jip);
                            }
                        }
                        if (known) {
                            if (differs) knownDiffering++;
                            else failures.add(s.name + ": known difference '" + k + "' is gone: remove or narrow its known line");
                        } else if (differs) {
                            failures.add(s.name + ": " + k + "\n" + firstDiff);
                        }
                    }
                }
            }
        }
        assertTrue(run > 0, "no state of parity/everyday.txt was selected");
        System.out.printf("parity suite: %d commands compared (ip and jip, on the state ip built and the one jip built), %d identical, "
                + "%d of the known differences seen%n", compared, identical, knownDiffering);
        if (!failures.isEmpty()) fail(failures.size() + " differences:\n\n" + String.join("\n\n", failures));
    }

    /**
     * Waits (at most 10 s) until no namespace holds a tentative IPv6 address: duplicate address detection
     * on the link-local addresses of links just set up ends about a second later, and a show line that ip
     * answered before it ended and jip after (or the reverse) would differ by the word "tentative".
     */
    static void dadOver(String... namespaces) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
            boolean over = true;
            for (String ns : namespaces) over &= Ip.in(ns, "-6", "addr", "show", "tentative").isBlank();
            if (over) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static final List<String[]> STATE_VIEWS = List.of(
            new String[] {"-j", "link"}, new String[] {"-j", "addr"}, new String[] {"-j", "route", "show", "table", "all"},
            new String[] {"-j", "-6", "route", "show", "table", "all"}, new String[] {"-j", "rule"}, new String[] {"-j", "neigh"},
            new String[] {"-j", "nexthop"}, new String[] {"-j", "mptcp", "endpoint", "show"});

    /**
     * The state jip built is the one ip built, as ip sees both; links' own MAC addresses are random, and
     * so are the IPv6 link-local addresses made from them (whether DAD has finished on them, their local routes).
     */
    private static void sameState(String state, String byIp, String byJip, List<String> failures) throws IOException {
        for (String[] view : STATE_VIEWS) {
            Object a = withoutMacs(Json.parse(Ip.in(byIp, view)));
            Object b = withoutMacs(Json.parse(Ip.in(byJip, view)));
            if (view[1].equals("neigh")) { // the neighbour table's hash order is seeded per namespace
                a = sorted(a);
                b = sorted(b);
            }
            if (!a.equals(b)) failures.add(state + ": the state jip built differs from ip's in ip " + String.join(" ", view) + "\n" + a + "\n" + b);
        }
    }

    private static Object sorted(Object json) {
        return json instanceof List<?> list ? list.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList() : json;
    }

    private static Object withoutMacs(Object json) {
        if (!(json instanceof List<?> list)) return json;
        List<Object> out = new ArrayList<>();
        for (Object o : list) {
            // the local route of a link-local address, named by that address
            if (o instanceof Map<?, ?> m && m.get("dst") instanceof String dst && dst.startsWith("fe80:") && !dst.contains("/")) continue;
            if (o instanceof Map<?, ?> m) {
                Map<Object, Object> c = new LinkedHashMap<>(m);
                if (c.get("address") instanceof String s && s.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) c.remove("address");
                c.remove("permaddr");
                if (c.get("addr_info") instanceof List<?> addrs) {
                    c.put("addr_info", addrs.stream().filter(a -> !(a instanceof Map<?, ?> am && "link".equals(am.get("scope"))
                            && "inet6".equals(am.get("family")))).toList());
                }
                out.add(c);
            } else {
                out.add(o);
            }
        }
        return out;
    }

    @Test
    void onlyTheTimersValuesAreLeftOut() {
        // ip pads a timer to six places: 10.01 and 9.99 take the same room
        assertEquals(steady("forward_delay_timer   10.01 x"), steady("forward_delay_timer    9.99 x"));
        assertEquals("hold_timer T message_age_timer T forward_delay_timer T x 0.25",
                steady("hold_timer    0.00 message_age_timer 1.50 forward_delay_timer   13.57 x 0.25"));
        assertEquals("{\"gc_timer\": T,\"cost\":2.00}", steady("{\"gc_timer\":299.72,\"cost\":2.00}"));
    }

    @Test
    void theFileFormatIsReadAsDocumented() {
        List<State> s = read("state a\n+ link add x type veth\noptions - | -4 -br\nshow addr\nknown -4 -br :: addr # why\nknown - :: link # why\n\n# c\nstate b\nshow link\n");
        assertEquals(2, s.size());
        assertEquals(List.of("link add x type veth"), s.get(0).build.stream().map(w -> String.join(" ", w)).toList());
        assertEquals(List.of("", "-4 -br"), s.get(0).options.stream().map(w -> String.join(" ", w)).toList());
        assertEquals(Set.of("-4 -br :: addr", " :: link"), s.get(0).known);
        assertEquals(1, s.get(1).options.size(), "no options line: the command alone");
        for (String bad : List.of("show link\n", "state a\nfrob x\n", "state a\nknown - :: link\n")) {
            try {
                read(bad);
                fail("accepted: " + bad);
            } catch (IllegalArgumentException expected) {
                // as documented
            }
        }
    }
}
