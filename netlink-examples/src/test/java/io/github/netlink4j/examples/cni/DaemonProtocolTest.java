package io.github.netlink4j.examples.cni;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's framing as pure functions, and the launcher's way of writing a request read back by them. */
class DaemonProtocolTest {
    private static DaemonProtocol.Request parse(String s) throws CniError {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return DaemonProtocol.parse(b, b.length);
    }

    @Test
    void aRequestIsTheEnvironmentThenTheConfig() throws CniError {
        DaemonProtocol.Request r = parse("nl4j-cni 1\nCNI_COMMAND=ADD\0CNI_ARGS=a=b;c=d\0EMPTY=\0\0{\"x\":\"\u00e9\"}\n\n");
        assertEquals(Map.of("CNI_COMMAND", "ADD", "CNI_ARGS", "a=b;c=d", "EMPTY", ""), r.env());
        assertEquals("{\"x\":\"\u00e9\"}\n\n", r.stdin(), "the config byte for byte, trailing newlines and all");
    }

    @Test
    void theFirstOfTwoEntriesWithOneNameCountsAsGetenvReadsIt() throws CniError {
        assertEquals("first", parse("nl4j-cni 1\nA=first\0A=second\0\0").env().get("A"));
    }

    @Test
    void onlyTheLengthGivenIsRead() throws CniError {
        byte[] b = "nl4j-cni 1\nA=1\0\0{}garbage".getBytes(StandardCharsets.UTF_8);
        assertEquals("{}", DaemonProtocol.parse(b, b.length - "garbage".length()).stdin());
    }

    @Test
    void malformedRequestsAreCode6() {
        for (String bad : List.of("", "nl4j-cni 2\nA=1\0\0{}", "nl4j-cni 1", "nl4j-cni 1\nA=1\0{}", "nl4j-cni 1\n=1\0\0{}", "nl4j-cni 1\nNOVALUE\0\0{}")) {
            CniError e = assertThrows(CniError.class, () -> parse(bad), bad);
            assertEquals(6, e.code, bad);
        }
    }

    @Test
    void aReplyIsTheExitStatusThenStdout() {
        assertArrayEquals("exit 3\n{\"a\":1}\n".getBytes(StandardCharsets.UTF_8), DaemonProtocol.reply(3, "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("exit 1\n{\"cniVersion\":\"1.1.0\",\"code\":11,\"msg\":\"m\",\"details\":\"d \\\"q\\\"\"}\n",
                new String(DaemonProtocol.error(11, "m", "d \"q\""), StandardCharsets.UTF_8));
    }

    /**
     * What the launcher's pipeline writes (printf, env -0, printf of the config it read), run by sh: a value
     * with a newline and an = in it, and a config of several lines with a backslash, come back whole.
     */
    @Test
    void theLaunchersFramingReadsBack() throws Exception {
        String launcher = Files.readString(Path.of("src/main/cni/netlink4j-bridge"));
        String pipeline = "{ printf 'nl4j-cni 1\\n'; env -0; printf '\\0%s' \"$nl4j_conf\"; }";
        assertTrue(launcher.contains(pipeline), "the launcher frames a request as this test does");
        String conf = "{\"cniVersion\":\"1.0.0\",\n \"name\":\"a\\\\b %s\"\n}";
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", pipeline);
        pb.environment().clear();
        pb.environment().put("CNI_ARGS", "K=V;\nLINE=2");
        pb.environment().put("nl4j_conf", conf);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        DaemonProtocol.Request r = DaemonProtocol.parse(out, out.length);
        assertEquals("K=V;\nLINE=2", r.env().get("CNI_ARGS"));
        assertEquals(conf, r.stdin());
    }
}
