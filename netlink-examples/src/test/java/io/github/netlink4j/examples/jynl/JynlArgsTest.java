package io.github.netlink4j.examples.jynl;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jynl's command line and its JSON, without a kernel: what is accepted, what is refused and why. */
class JynlArgsTest {
    private static String refused(String... argv) {
        return assertThrows(JynlArgs.UsageException.class, () -> JynlArgs.parse(argv)).getMessage();
    }

    @Test
    void yNlStyleCommandLines() throws Exception {
        assertEquals(new JynlArgs("ethtool", "channels-get", null, "{\"header\": {\"dev-name\": \"veth0\"}}", null, 1, false, false, null, false),
                JynlArgs.parse("--family", "ethtool", "--do", "channels-get", "--json", "{\"header\": {\"dev-name\": \"veth0\"}}"));
        assertEquals(new JynlArgs("netdev", null, "dev-get", "{}", "mgmt", 5, false, false, "ns1", true),
                JynlArgs.parse("-n", "ns1", "--family", "netdev", "--dump", "dev-get", "--subscribe", "mgmt", "--sleep", "5", "-p"));
        assertEquals(new JynlArgs("ethtool", null, null, "{}", "monitor", 0, false, false, "ns2", true),
                JynlArgs.parse("--netns", "ns2", "--family", "ethtool", "--subscribe", "monitor", "--sleep", "0", "--pretty"));
        assertEquals(new JynlArgs("ethtool", null, null, "{}", null, 1, true, false, null, false), JynlArgs.parse("--family", "ethtool", "--list-ops"));
        assertEquals(new JynlArgs(null, null, null, "{}", null, 0, false, true, null, false), JynlArgs.parse("--list-families"));
        assertEquals(3600, JynlArgs.parse("--family", "x", "--subscribe", "g", "--sleep", "3600").sleepSeconds());
    }

    @Test
    void commandLinesJynlCannotRun() {
        assertEquals("unknown option --famly", refused("--famly", "ethtool"));
        assertEquals("--family needs a value", refused("--family"));
        assertEquals("--do given twice", refused("--family", "e", "--do", "a", "--do", "b"));
        assertEquals("--family is required", refused("--do", "channels-get"));
        assertEquals("--do and --dump exclude each other", refused("--family", "e", "--do", "a", "--dump", "b"));
        assertEquals("--list-ops takes only --family", refused("--family", "e", "--list-ops", "--do", "a"));
        assertEquals("--list-ops takes only --family", refused("--family", "e", "--list-ops", "--dump", "a"));
        assertEquals("--list-ops takes only --family", refused("--family", "e", "--list-ops", "--subscribe", "g"));
        assertEquals("nothing to do: give --do, --dump, --subscribe or --list-ops", refused("--family", "e"));
        assertEquals("--json is the request of --do or --dump", refused("--family", "e", "--subscribe", "g", "--json", "{}"));
        assertEquals("--sleep is how long --subscribe listens", refused("--family", "e", "--do", "a", "--sleep", "1"));
        assertEquals("--sleep takes whole seconds, not 1.5", refused("--family", "e", "--subscribe", "g", "--sleep", "1.5"));
        assertEquals("--sleep takes 0 to 3600 seconds, not 3601", refused("--family", "e", "--subscribe", "g", "--sleep", "3601"));
        assertEquals("--sleep takes 0 to 3600 seconds, not -1", refused("--family", "e", "--subscribe", "g", "--sleep", "-1"));
        for (String other : List.of("--family", "--do", "--dump", "--subscribe")) {
            assertEquals("--list-families takes no other option", refused("--list-families", other, "x"), other);
        }
        assertEquals("--list-families takes no other option", refused("--list-families", "--list-ops"));
    }

    @Test
    void theRequestIsAJsonObjectAndTheRepliesJsonWithHexBinaries() throws Exception {
        assertEquals(Map.of("header", Map.of("dev-name", "veth0")), Jynl.request("{\"header\": {\"dev-name\": \"veth0\"}}"));
        assertEquals("--json must be an object of attributes, not [1]",
                assertThrows(JynlArgs.UsageException.class, () -> Jynl.request("[1]")).getMessage());
        assertTrue(assertThrows(JynlArgs.UsageException.class, () -> Jynl.request("{\"a\": }")).getMessage().startsWith("--json is not JSON: "));
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("key", new byte[] {0x0a, (byte) 0xff});
        tree.put("list", List.of(new byte[] {1}, 2L));
        tree.put("n", new java.math.BigInteger("18446744073709551615"));
        assertEquals("{\"key\":\"0aff\",\"list\":[\"01\",2],\"n\":18446744073709551615}", Jynl.json(tree, false));
    }

    @Test
    void usageErrorsExitTwoWithTheUsageAndNeedNoKernel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int rc = new Jynl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("--family", "ethtool", "--do", "channels-get", "--json", "nope");
        assertEquals(2, rc);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("jynl: --json is not JSON: "), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith(JynlArgs.USAGE));
    }

    @Test
    void listFamiliesNeedsNoKernel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new Jynl(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run("--list-families"));
        assertEquals("nlctrl\nethtool\nnetdev\nmptcp_pm\ntcp_metrics\nwireguard\ndevlink\n", out.toString(StandardCharsets.UTF_8));
    }
}
