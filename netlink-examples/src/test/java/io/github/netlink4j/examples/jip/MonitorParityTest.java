package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip monitor} and {@code ip monitor} side by side on one namespace while a scripted sequence
 * of changes runs (links, addresses of both families, routes, neighbours, namespace ids): the two
 * outputs must be the same bytes, from the moment both are known to listen.
 */
class MonitorParityTest {
    /** ip monitor and jip monitor with the same arguments, from the first marker both printed. */
    private record Outputs(String ip, String jip) {}

    private static Outputs sideBySide(ThrowawayNamespace ns, ThrowawayNamespace peer, List<String> global, List<String> objects)
            throws Exception {
        return sideBySide(ns, peer, global, objects, MonitorParityTest::mark);
    }

    /** Makes a change the monitors will print and that names {@code name}. */
    @FunctionalInterface
    private interface Marker {
        void mark(ThrowawayNamespace ns, String name, int i) throws IOException;
    }

    private static Outputs sideBySide(ThrowawayNamespace ns, ThrowawayNamespace peer, List<String> global, List<String> objects,
                                      Marker marker) throws Exception {
        List<String> args = new ArrayList<>(global);
        args.addAll(List.of("-n", ns.name(), "monitor"));
        args.addAll(objects);
        File ipOut = File.createTempFile("ipmon", ".txt");
        List<String> ipCmd = new ArrayList<>(List.of("ip"));
        ipCmd.addAll(args);
        Process ip = new ProcessBuilder(ipCmd).redirectOutput(ipOut).redirectErrorStream(true).start();
        File jipFile = File.createTempFile("jipmon", ".txt");
        PrintStream jipOut = new PrintStream(new java.io.FileOutputStream(jipFile), true, StandardCharsets.UTF_8);
        Thread jip = Thread.ofPlatform().start(() -> new Jip(jipOut, jipOut).run(args.toArray(String[]::new)));
        try {
            // Both listen once both have printed the same marker (a link and an IPv4 address on it, so
            // that every variant sees it): later events reach both.
            String synced = null;
            for (int i = 0; i < 50 && synced == null; i++) {
                String m = "sy" + i + "q";
                marker.mark(ns, m, i);
                Thread.sleep(100);
                if (Files.readString(ipOut.toPath()).contains(m) && Files.readString(jipFile.toPath()).contains(m)) synced = m;
            }
            assertTrue(synced != null, "both monitors listening within 50 rounds");
            marker.mark(ns, "gomark", 98); // made after both listen: both print all of its events
            script(ns, peer);
            marker.mark(ns, "endmark", 99);
            for (int i = 0; i < 100; i++) {
                if (Files.readString(ipOut.toPath()).contains("endmark") && Files.readString(jipFile.toPath()).contains("endmark")) break;
                Thread.sleep(100);
            }
            Thread.sleep(300); // the end mark's own events, all of them
            String a = Files.readString(ipOut.toPath());
            String b = Files.readString(jipFile.toPath());
            return new Outputs(from(a, "gomark"), from(b, "gomark"));
        } finally {
            ip.destroy();
            ip.waitFor(5, TimeUnit.SECONDS);
            jip.interrupt();
            jip.join(5_000);
            assertFalse(jip.isAlive(), "jip monitor stopped when interrupted");
            jipOut.close();
            Files.deleteIfExists(ipOut.toPath());
            Files.deleteIfExists(jipFile.toPath());
        }
    }

    private static void mark(ThrowawayNamespace ns, String name, int i) throws IOException {
        Ip.in(ns.name(), "link", "add", name, "type", "ifb");
        Ip.in(ns.name(), "addr", "add", "198.18.1." + (i + 1) + "/32", "dev", name);
    }

    /** The output from the start of the line that first names {@code marker}. */
    private static String from(String out, String marker) {
        int at = out.indexOf(marker);
        return out.substring(out.lastIndexOf('\n', at) + 1);
    }

    private static void script(ThrowawayNamespace ns, ThrowawayNamespace peer) throws IOException, InterruptedException {
        String n = ns.name();
        Ip.in(n, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        Ip.in(n, "addr", "add", "10.200.9.1/24", "dev", "v0");
        Ip.in(n, "addr", "add", "fd00:200::1/64", "dev", "v0", "nodad");
        Ip.in(n, "link", "set", "v0", "up");
        Ip.in(n, "link", "set", "v1", "up");
        Ip.in(n, "route", "add", "10.200.10.0/24", "via", "10.200.9.2", "metric", "7");
        Ip.in(n, "route", "add", "blackhole", "10.200.11.0/24", "table", "100");
        Ip.in(n, "-6", "route", "add", "fd00:201::/64", "via", "fd00:200::2");
        Ip.in(n, "neigh", "add", "10.200.9.7", "lladdr", "02:00:00:00:00:07", "dev", "v0");
        Ip.in(n, "neigh", "replace", "10.200.9.7", "lladdr", "02:00:00:00:00:17", "dev", "v0");
        Ip.in(n, "rule", "add", "from", "10.200.9.0/24", "lookup", "100", "pref", "100");
        Ip.in(n, "-6", "rule", "add", "to", "fd00:201::/64", "fwmark", "0x7/0xf", "unreachable", "pref", "200");
        Ip.in(n, "rule", "del", "pref", "100");
        Ip.in(n, "nexthop", "add", "id", "1", "via", "10.200.9.2", "dev", "v0");
        Ip.in(n, "nexthop", "add", "id", "2", "group", "1");
        Ip.in(n, "nexthop", "del", "id", "2");
        Ip.in(n, "netns", "set", peer.name(), "7");
        Ip.in(n, "link", "add", "vp0", "type", "veth", "peer", "name", "vp1", "netns", peer.name());
        Ip.in(n, "route", "del", "10.200.10.0/24");
        Ip.in(n, "neigh", "del", "10.200.9.7", "dev", "v0");
        Ip.in(n, "addr", "del", "10.200.9.1/24", "dev", "v0");
        Ip.in(n, "link", "set", "v0", "mtu", "1400");
        Ip.in(n, "link", "del", "v0");
        Thread.sleep(200);
    }

    private static void same(List<String> global, List<String> objects) throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("mon"); ThrowawayNamespace peer = ThrowawayNamespace.create("mon-peer")) {
            Outputs o = sideBySide(ns, peer, global, objects);
            assertTrue(o.ip().lines().count() > 10, "ip printed the script's events: " + o.ip());
            assertEquals(o.ip(), o.jip(), "ip " + String.join(" ", global) + " monitor " + String.join(" ", objects));
        }
    }

    @Test
    void everyObjectTheLibraryDecodes() throws Exception {
        same(List.of(), List.of("link", "address", "route", "neigh", "nsid", "rule", "nexthop"));
    }

    @Test
    void everythingWithNoObjectNamed() throws Exception {
        same(List.of(), List.of()); // netconf included: ip monitor's default is every group
    }

    /**
     * Under -c every event is coloured as ip's printers colour it, netconf's and the neighbours' too: the
     * monitor prints each object with the printer its show command uses.
     */
    @Test
    void colouredByTheShowCommandsPrinters() throws Exception {
        same(List.of("-c=always"), List.of());
    }

    @Test
    void labelledAndFilteredByFamily() throws Exception {
        same(List.of(), List.of("label", "link", "address"));
        same(List.of("-4"), List.of("address", "route"));
    }

    /**
     * Every timestamp {@code p} finds in {@code out} (group 1 the local time as {@code f} reads it, group 2
     * the microseconds) lies between {@code from} and {@code to}, the clock read before and after the run
     * (a second's slack for the truncation to seconds), and the microseconds are not all zero.
     */
    private static void stampsInWindow(String out, Pattern p, DateTimeFormatter f, Instant from, Instant to, String who) {
        Matcher m = p.matcher(out);
        int stamps = 0, zeroMicros = 0;
        while (m.find()) {
            Instant t = LocalDateTime.parse(m.group(1), f).atZone(ZoneId.systemDefault()).toInstant().plusNanos(Long.parseLong(m.group(2)) * 1000);
            assertTrue(!t.isBefore(from.minusSeconds(1)) && !t.isAfter(to.plusSeconds(1)),
                    who + ": " + m.group() + " is not between " + from + " and " + to + " (the clock before and after)");
            stamps++;
            if (Long.parseLong(m.group(2)) == 0) zeroMicros++;
        }
        assertTrue(stamps >= 3, who + " printed timestamps: " + out);
        assertTrue(zeroMicros < stamps, who + ": every timestamp has 0 microseconds: " + out);
    }

    @Test
    void shortTimestamps() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("mon"); ThrowawayNamespace peer = ThrowawayNamespace.create("mon-peer")) {
            Instant from = Instant.now();
            Outputs o = sideBySide(ns, peer, List.of("-ts"), List.of("link"));
            Instant to = Instant.now();
            String stamp = "\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\] ";
            assertTrue(o.ip().lines().allMatch(l -> l.startsWith("    ") || l.matches(stamp + ".*")), o.ip());
            assertEquals(o.ip().replaceAll(stamp, "[T] "), o.jip().replaceAll(stamp, "[T] "));
            Pattern p = Pattern.compile("\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\.(\\d{6})\\] ");
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
            stampsInWindow(o.ip(), p, f, from, to, "ip");
            stampsInWindow(o.jip(), p, f, from, to, "jip");
        }
    }

    @Test
    void longTimestampsAndADeviceFilter() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("mon"); ThrowawayNamespace peer = ThrowawayNamespace.create("mon-peer")) {
            Instant from = Instant.now();
            Ip.in(ns.name(), "link", "add", "pre0", "type", "ifb");
            // The markers are labels of addresses on pre0 (the filter hides every other link and its events).
            Outputs o = sideBySide(ns, peer, List.of("-t"), List.of("link", "address", "route", "dev", "pre0"), (n, name, i) -> {
                Ip.in(n.name(), "addr", "add", "198.18.2." + (i + 1) + "/32", "dev", "pre0", "label", "pre0:" + name);
                if (name.equals("gomark")) Ip.in(n.name(), "link", "set", "pre0", "up");
            });
            Instant to = Instant.now();
            String stamp = "Timestamp: \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\d+ usec";
            assertTrue(o.ip().lines().anyMatch(l -> l.matches(stamp)), o.ip());
            assertTrue(o.ip().contains("dev pre0") == false && o.ip().contains("198.18.2.99"), "routes without the filtered dev: " + o.ip());
            assertEquals(o.ip().replaceAll(stamp, "Timestamp: T"), o.jip().replaceAll(stamp, "Timestamp: T"));
            // ip prints the microseconds without leading zeros: %ld
            Pattern p = Pattern.compile("Timestamp: (\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}) (\\d+) usec");
            DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
            stampsInWindow(o.ip(), p, f, from, to, "ip");
            stampsInWindow(o.jip(), p, f, from, to, "jip");
        }
    }
}
