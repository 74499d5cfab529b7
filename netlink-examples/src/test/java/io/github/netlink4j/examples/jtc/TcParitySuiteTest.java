package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tc parity suite as data: {@code parity/tc.txt} lists states and the commands compared on them (its
 * header says how to extend it). Each state is built by tc in one namespace and by jtc in a twin; every
 * show runs through tc and jtc on both twins with every option set, and stdout, stderr and the exit
 * status are compared byte for byte (JSON too: tc's key order is part of its output).
 */
class TcParitySuiteTest {
    /** Marks a build step ip runs in both twins, kept in its place among the tc steps. */
    private static final String IP = "+ip";
    /** Marks a program run inside both twins (traffic for the counters), in its place among the tc steps. */
    private static final String EXEC = "+exec";

    /** A state of the file. */
    record State(String name, List<String[]> build, List<String[]> options, List<String[]> shows, List<String[]> fails) {}

    @BeforeAll
    static void root() {
        Privileged.require();
    }

    static List<State> read(String text) {
        List<State> states = new ArrayList<>();
        State cur = null;
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("state ")) {
                cur = new State(line.substring(6).strip(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                states.add(cur);
                continue;
            }
            if (cur == null) throw new IllegalArgumentException("line " + n + ": before any state: " + line);
            if (line.startsWith("+ link ")) cur.build.add(concat(new String[] {IP}, words(line.substring(7))));
            else if (line.startsWith("+ exec ")) cur.build.add(concat(new String[] {EXEC}, words(line.substring(7))));
            else if (line.startsWith("+ ")) cur.build.add(words(line.substring(2)));
            else if (line.startsWith("options ")) {
                for (String set : line.substring(8).split("\\|")) cur.options.add(set.strip().equals("-") ? new String[0] : words(set));
            } else if (line.startsWith("show ")) cur.shows.add(words(line.substring(5)));
            else if (line.startsWith("fails ")) cur.fails.add(words(line.substring(6)));
            else throw new IllegalArgumentException("line " + n + ": not a state, +, options, show or fails line: " + line);
        }
        for (State s : states) if (s.options.isEmpty()) s.options.add(new String[0]);
        return states;
    }

    private static String[] words(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * tc and jtc on one namespace. Counters (-s) and htb's tokens move between the two runs: when they
     * differ, tc once more, after jtc, is the state jtc saw.
     */
    static String compare(String ns, String[] args) throws IOException {
        JtcRun.Result tc = JtcRun.tc(ns, args);
        JtcRun.Result jtc = JtcRun.jtc(ns, args);
        if (!tc.equals(jtc) && Arrays.asList(args).contains("-s")) tc = JtcRun.tc(ns, args);
        if (tc.equals(jtc)) return null;
        return "tc -n NS " + String.join(" ", args) + "\n=== tc\n" + tc.text() + "=== jtc\n" + jtc.text();
    }

    @Test
    void everyCommandOfTheSuiteIsByteIdentical() throws IOException {
        String file;
        try (InputStream in = TcParitySuiteTest.class.getResourceAsStream("/parity/tc.txt")) {
            assertTrue(in != null, "parity/tc.txt is missing");
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (State s : read(file)) {
            try (ThrowawayNamespace byTc = ThrowawayNamespace.create("tcpar-tc"); ThrowawayNamespace byJtc = ThrowawayNamespace.create("tcpar-jtc")) {
                for (String[] b : s.build) {
                    if (b[0].equals(IP)) {
                        String[] l = Arrays.copyOfRange(b, 1, b.length);
                        Ip.in(byTc.name(), l);
                        Ip.in(byJtc.name(), l);
                        continue;
                    }
                    if (b[0].equals(EXEC)) {
                        for (String ns : List.of(byTc.name(), byJtc.name())) {
                            Ip.Result r = Ip.run(concat(new String[] {"netns", "exec", ns}, Arrays.copyOfRange(b, 1, b.length)));
                            assertEquals(0, r.exit(), s.name + ": " + String.join(" ", b) + ": " + r.err());
                        }
                        continue;
                    }
                    JtcRun.Result t = JtcRun.tc(byTc.name(), b);
                    assertEquals(0, t.exit(), s.name + ": tc " + String.join(" ", b) + ": " + t.err());
                    JtcRun.Result j = JtcRun.jtc(byJtc.name(), b);
                    assertEquals(0, j.exit(), s.name + ": jtc " + String.join(" ", b) + ": " + j.err());
                    // what a command that succeeded says on stderr: the kernel's warnings, as tc prints them
                    if (!t.err().equals(j.err())) failures.add(s.name + ": tc " + String.join(" ", b) + " said on stderr\n" + t.err() + "jtc said\n" + j.err());
                }
                sameState(s.name, byTc.name(), byJtc.name(), failures);
                for (String[] show : s.shows) {
                    for (String[] opts : s.options) {
                        for (String ns : List.of(byTc.name(), byJtc.name())) {
                            compared++;
                            String diff = compare(ns, concat(opts, show));
                            if (diff != null) failures.add(s.name + ": " + diff);
                        }
                    }
                }
                for (String[] bad : s.fails) {
                    for (String ns : List.of(byTc.name(), byJtc.name())) {
                        compared++;
                        if (JtcRun.tc(ns, bad).exit() == 0) failures.add(s.name + ": tc " + String.join(" ", bad) + " succeeded; a fails line must fail");
                        String diff = compare(ns, bad);
                        if (diff != null) failures.add(s.name + ": " + diff);
                    }
                }
                sameState(s.name + " (after its failing commands)", byTc.name(), byJtc.name(), failures);
            }
        }
        System.out.printf("tc parity suite: %d commands compared (tc and jtc, on the state tc built and the one jtc built)%n", compared);
        if (!failures.isEmpty()) fail(failures.size() + " differences:\n\n" + String.join("\n\n", failures));
    }

    /** Handles the kernel picks (8001: and up) come from a counter shared by every namespace. */
    private static final java.util.regex.Pattern AUTO_HANDLE = java.util.regex.Pattern.compile("\\b8[0-9a-f]{3}:");

    /**
     * The qdiscs, classes, filters and mirred actions jtc made are those tc made, as tc shows them (counters
     * and picked qdisc handles aside): per link its classes and the filters of its root qdisc and clsact hooks.
     */
    static void sameState(String state, String byTc, String byJtc, List<String> failures) throws IOException {
        List<String> views = new ArrayList<>(List.of("qdisc", "actions"));
        for (Object l : Json.array(Ip.in(byTc, "-j", "link", "show"))) {
            String name = ((Map<?, ?>) l).get("ifname").toString();
            views.add(name);
            for (String hook : List.of("root", "ingress", "egress")) views.add("filter " + name + " " + hook);
        }
        for (String view : views) {
            String a = stateView(byTc, view), b = stateView(byJtc, view);
            if (!a.equals(b)) failures.add(state + ": the state jtc built differs from tc's in " + view + "\n" + a + "\n" + b);
        }
    }

    private static String stateView(String ns, String view) throws IOException {
        if (view.equals("qdisc")) {
            List<Object> out = new ArrayList<>();
            for (Object q : Json.array(io.github.netlink4j.testing.Tc.in(ns, "-d", "-j", "qdisc", "show"))) {
                Map<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) q);
                m.put("handle", AUTO_HANDLE.matcher(m.get("handle").toString()).replaceAll("auto:"));
                out.add(m);
            }
            return out.toString();
        }
        if (view.equals("actions")) return io.github.netlink4j.testing.Tc.run(ns, "-d", "actions", "ls", "action", "mirred").toString();
        if (view.startsWith("filter ")) {
            String[] w = view.split(" ");
            io.github.netlink4j.testing.Tc.Result r = w[2].equals("root") ? io.github.netlink4j.testing.Tc.run(ns, "-d", "filter", "show", "dev", w[1])
                    : io.github.netlink4j.testing.Tc.run(ns, "-d", "filter", "show", "dev", w[1], w[2]);
            return r.toString();
        }
        return AUTO_HANDLE.matcher(io.github.netlink4j.testing.Tc.in(ns, "-d", "class", "show", "dev", view)).replaceAll("auto:");
    }

    @Test
    void theFileFormatIsReadAsDocumented() {
        List<State> s = read("state a\n+ link link add x type veth\n+ qdisc add dev x root pfifo\n+ exec true x\noptions - | -s -j\nshow qdisc\nfails qdisc frob\n\n# c\nstate b\nshow class\n");
        assertEquals(2, s.size());
        assertEquals(List.of("+ip link add x type veth", "qdisc add dev x root pfifo", "+exec true x"), s.get(0).build.stream().map(w -> String.join(" ", w)).toList());
        assertEquals(List.of("", "-s -j"), s.get(0).options.stream().map(w -> String.join(" ", w)).toList());
        assertEquals(1, s.get(0).fails.size());
        assertEquals(1, s.get(1).options.size(), "no options line: the command alone");
        for (String bad : List.of("show qdisc\n", "state a\nfrob x\n")) {
            try {
                read(bad);
                fail("accepted: " + bad);
            } catch (IllegalArgumentException expected) {
                // as documented
            }
        }
    }
}
