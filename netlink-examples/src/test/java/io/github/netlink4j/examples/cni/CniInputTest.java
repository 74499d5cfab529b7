package io.github.netlink4j.examples.cni;

import io.github.netlink4j.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a runtime may hand the plugin, well-formed or not: every malformed config is the spec's code 6,
 * a key of the wrong type or range code 7, a name the kernel would refuse is refused before the IPAM
 * plugin runs, and whatever fails, stdout carries one CNI error JSON. No root needed: each case is
 * refused before anything touches a namespace.
 */
class CniInputTest {
    @TempDir
    Path dir;

    record Answer(int exit, Map<?, ?> json) {}

    /** A fake IPAM plugin that leaves a mark when it runs, so a test can see that it did not. */
    private Map<String, String> env() throws IOException {
        Path ipam = dir.resolve("marking-ipam");
        Files.writeString(ipam, "#!/bin/sh\ntouch '" + dir.resolve("ipam-ran") + "'\necho '{\"cniVersion\":\"1.0.0\"}'\n");
        Files.setPosixFilePermissions(ipam, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_CONTAINERID", "c1");
        env.put("CNI_NETNS", "/run/netns/nl4j-never-reached");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", dir.toString());
        return env;
    }

    private static String conf(String extra) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"t1\",\"type\":\"bridge\",\"bridge\":\"cni9\"," + extra + "\"ipam\":{\"type\":\"marking-ipam\"}}";
    }

    private Answer run(Map<String, String> env, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new BridgePlugin(env, new PrintStream(out, true, StandardCharsets.UTF_8)).run(stdin);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), "one line on stdout: " + text);
        return new Answer(rc, (Map<?, ?>) Json.parse(text));
    }

    private void refused(String stdin, long code) throws IOException {
        Answer a = run(env(), stdin);
        String shown = stdin.length() > 80 ? stdin.substring(0, 80) + "..." : stdin;
        assertNotEquals(0, a.exit(), shown);
        assertEquals(code, a.json().get("code"), shown + " -> " + a.json());
        assertTrue(a.json().get("msg") instanceof String && a.json().containsKey("cniVersion"), a.json().toString());
        assertFalse(Files.exists(dir.resolve("ipam-ran")), shown + ": refused before the IPAM plugin ran");
    }

    @Test
    void nestingPastTheLimitIsADecodingFailureNotAStackOverflow() throws Exception {
        refused("[".repeat(200_000), 6);
        // valid JSON, 50,000 objects deep
        refused("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000), 6);
        // within the limit it reads
        refused(conf("\"deep\":" + "[".repeat(100) + "]".repeat(100) + ",\"mtu\":\"x\","), 7);
    }

    @Test
    void everyMalformedInputIsCodeSix() throws Exception {
        String[] malformed = {
                "", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":\"\\", "{\"a\":\"\\u12", "{\"a\":\"\\u12\"}", "{\"a\":\"\\x\"}",
                "{\"a\":\"tab\there\"}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}",
                "{\"a\":1e400}", "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":1,}", "{'a':1}", "{\"a\":1}x", "{\"a\":1}{}", "nul",
        };
        for (String m : malformed) refused(m, 6);
        refused("[]", 6);
        refused("\"a string\"", 6);
    }

    @Test
    void anMtuOfTheWrongTypeOrRangeIsInvalidConfig() throws Exception {
        for (String mtu : new String[] {"\"1400\"", "4294968696", "1400.0", "-5", "67", "65536", "true", "[1400]"}) {
            refused(conf("\"mtu\":" + mtu + ","), 7);
        }
    }

    @Test
    void keysOfTheWrongTypeAreInvalidConfig() throws Exception {
        for (String kv : new String[] {"\"isGateway\":\"yes\",", "\"hairpinMode\":1,", "\"promiscMode\":\"true\",", "\"forceAddress\":0,",
                "\"isDefaultGateway\":null,\"isGateway\":[],", "\"vlan\":\"5\","}) {
            refused(conf(kv), 7);
        }
    }

    @Test
    void namesTheKernelWouldRefuseAreRefusedBeforeIpam() throws Exception {
        // ':' (an alias), and 8 characters that are 16 bytes of UTF-8: the kernel's limit is 15 bytes
        for (String br : new String[] {"br:0", "\u00e9".repeat(8), "a b", "a/b", "", "..", "sixteen-chars-xx"}) {
            refused(conf("").replace("\"bridge\":\"cni9\"", "\"bridge\":\"" + br + "\""), 7);
        }
        Map<String, String> env = env();
        env.put("CNI_IFNAME", "eth:0");
        Answer a = run(env, conf(""));
        assertEquals(4L, a.json().get("code"), a.json().toString());
        assertTrue(String.valueOf(a.json().get("details")).contains("CNI_IFNAME"), a.json().toString());
        assertFalse(Files.exists(dir.resolve("ipam-ran")));
    }

    /**
     * The plugin as a process with a heap too small for its stdin: the OutOfMemoryError while reading it
     * still ends in a CNI error on stdout and a non-zero exit.
     */
    @Test
    void anOutOfMemoryErrorStillAnswersACniError() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx16m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), BridgePlugin.class.getName());
        pb.environment().putAll(env());
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = Thread.ofPlatform().daemon().start(() -> {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (OutputStream o = p.getOutputStream()) {
                for (int i = 0; i < 64; i++) o.write(spaces);
                o.write("{}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // the plugin stopped reading: what it answers is the point
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the plugin ended");
        feeder.join(10_000);
        assertFalse(out.isBlank(), "nothing on stdout; exit " + p.exitValue());
        assertEquals(1, p.exitValue(), out);
        Map<?, ?> err = (Map<?, ?>) Json.parse(out);
        assertEquals(999L, err.get("code"), out);
        assertTrue(String.valueOf(err).contains("OutOfMemoryError") || "internal error".equals(err.get("msg")), out);
    }
}
