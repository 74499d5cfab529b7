package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jip mptcp monitor} and {@code ip mptcp monitor} (6.1) side by side on the same namespace, printing the
 * same real events byte for byte: MPTCP connections over IPv4 and IPv6 made by python3 (IPPROTO_MPTCP, 262)
 * inside the namespace, with a subflow endpoint so that subflow events come too, and ip 6.1's own way with
 * the listener events it has no name for ({@code [UNKNOWN 15]}). Each connection uses its own port, so the
 * outputs are compared from the first line naming the port of a connection made after both listen.
 */
class MptcpMonitorParityTest {
    /** One MPTCP connection to HOST:PORT in the namespace: listen, connect, a few bytes each way, close. */
    private static final String CONNECTION = """
            import socket, sys, time
            host, port = sys.argv[1], int(sys.argv[2])
            fam = socket.AF_INET6 if ':' in host else socket.AF_INET
            s = socket.socket(fam, socket.SOCK_STREAM, 262)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port)); s.listen(1)
            c = socket.socket(fam, socket.SOCK_STREAM, 262)
            c.settimeout(5); s.settimeout(5)
            c.connect((host, port))
            a, _ = s.accept()
            c.sendall(b'x' * 10); a.recv(10); a.sendall(b'y'); c.recv(1)
            time.sleep(0.3)
            c.close(); a.close(); s.close()
            time.sleep(0.2)
            """;

    private static void connect(ThrowawayNamespace ns, String host, int port) throws IOException {
        Ip.Result r = Ip.run("netns", "exec", ns.name(), "python3", "-c", CONNECTION, host, Integer.toString(port));
        assertEquals(0, r.exit(), r.toString());
    }

    /** The output from the start of the line that first names {@code port}. */
    private static String from(String out, int port) {
        int at = out.indexOf("=" + port + " ");
        if (at < 0) at = out.indexOf("=" + port + "\n");
        assertTrue(at >= 0, "port " + port + " in " + out);
        return out.substring(out.lastIndexOf('\n', at) + 1);
    }

    private static String upTo(String out, int port) {
        int at = out.indexOf("=" + port);
        return at < 0 ? out : out.substring(0, out.lastIndexOf('\n', at) + 1);
    }

    /** ip's -t timestamp with only its time masked: the layout (asctime, microseconds, " usec") must match. */
    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("(?m)^Timestamp: [A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\d{1,6} usec$");

    @Test
    void connectionsAndSubflowsPrintAsIpPrintsThem() throws Exception {
        sideBySide(List.of());
    }

    /** {@code -t}: ip prints a timestamp line ahead of every event, the unknown ones too; so does jip, at its own moment. */
    @Test
    void withTimestampsOnlyTheTimeDiffers() throws Exception {
        sideBySide(List.of("-t"));
    }

    private static void sideBySide(List<String> options) throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("mptcpmon")) {
            String n = ns.name();
            Ip.in(n, "link", "set", "lo", "up");
            Ip.in(n, "addr", "add", "10.200.77.1/24", "dev", "lo");
            Ip.in(n, "addr", "add", "10.200.77.2/24", "dev", "lo");
            Ip.in(n, "addr", "add", "fd00:200::77/64", "dev", "lo", "nodad");
            Ip.in(n, "mptcp", "limits", "set", "subflows", "2", "add_addr_accepted", "2");
            Ip.in(n, "mptcp", "endpoint", "add", "10.200.77.2", "dev", "lo", "subflow");
            File ipOut = File.createTempFile("ipmptcpmon", ".txt");
            List<String> ipCmd = new java.util.ArrayList<>(List.of("ip"));
            ipCmd.addAll(options);
            ipCmd.addAll(List.of("-n", n, "mptcp", "monitor"));
            Process ip = new ProcessBuilder(ipCmd).redirectOutput(ipOut).redirectErrorStream(true).start();
            List<String> jipArgs = new java.util.ArrayList<>(options);
            jipArgs.addAll(List.of("-n", n, "mptcp", "monitor"));
            File jipFile = File.createTempFile("jipmptcpmon", ".txt");
            PrintStream jipOut = new PrintStream(new java.io.FileOutputStream(jipFile), true, StandardCharsets.UTF_8);
            Thread jip = Thread.ofPlatform().start(() -> new Jip(jipOut, jipOut).run(jipArgs.toArray(String[]::new)));
            try {
                int synced = -1;
                for (int i = 0; i < 30 && synced < 0; i++) {
                    int port = 21000 + i;
                    connect(ns, "10.200.77.1", port);
                    if (Files.readString(ipOut.toPath()).contains("=" + port) && Files.readString(jipFile.toPath()).contains("=" + port)) synced = port;
                }
                assertTrue(synced >= 0, "both monitors listening within 30 connections");
                connect(ns, "10.200.77.1", 21098); // after both listen: both print all of its events
                connect(ns, "fd00:200::77", 21097);
                connect(ns, "10.200.77.1", 21099); // the end
                for (int i = 0; i < 100; i++) {
                    if (Files.readString(ipOut.toPath()).contains("=21099") && Files.readString(jipFile.toPath()).contains("=21099")) break;
                    Thread.sleep(100);
                }
                Thread.sleep(500);
                String a = upTo(from(Files.readString(ipOut.toPath()), 21098), 21099);
                String b = upTo(from(Files.readString(jipFile.toPath()), 21098), 21099);
                assertTrue(a.contains("SF_ESTABLISHED") && a.contains("saddr6=fd00:200::77") && a.contains("[UNKNOWN 15]"), a);
                if (options.contains("-t")) {
                    long stamps = TIME.matcher(a).results().count();
                    assertEquals(a.lines().count() / 2, stamps, "a timestamp line ahead of every event: " + a);
                    assertEquals(stamps, TIME.matcher(b).results().count(), b);
                }
                assertEquals(TIME.matcher(a).replaceAll("Timestamp: T usec"), TIME.matcher(b).replaceAll("Timestamp: T usec"));
            } finally {
                ip.destroy();
                ip.waitFor(5, TimeUnit.SECONDS);
                jip.interrupt();
                jip.join(5_000);
                assertFalse(jip.isAlive(), "jip mptcp monitor stopped when interrupted");
                jipOut.close();
                Files.deleteIfExists(ipOut.toPath());
                Files.deleteIfExists(jipFile.toPath());
            }
        }
    }
}
