package io.github.netlink4j.examples;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's project, as README's "Use it in your project" tells it: a tiny consumer compiled against
 * the built library and run with the JDK the build uses, once as a named module
 * ({@code requires io.github.netlink4j;}, {@code --enable-native-access=io.github.netlink4j}) and once on
 * the class path ({@code --enable-native-access=ALL-UNNAMED}); each makes a veth pair in a throwaway
 * namespace it is started in, and the JDK prints no warning.
 */
class ConsumerProjectTest {
    private static final String MAIN = """
            package demo.consumer;

            import io.github.netlink4j.link.LinkSpec;
            import io.github.netlink4j.NetlinkClient;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    try (NetlinkClient nl = NetlinkClient.open()) {
                        nl.links().add(LinkSpec.veth("c0", "c1"));
                        System.out.println(nl.links().list().size() + " links");
                    }
                }
            }
            """;

    private static Path library() throws Exception {
        return Path.of(NetlinkClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String tool(String name) {
        return Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling(name).toString();
    }

    private static String run(List<String> cmd, Path dir) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    private static String runInside(ThrowawayNamespace ns, List<String> cmd, Path dir) throws Exception {
        Process p = ns.ns().start(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    private static void delete(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aNamedModuleConsumerBuildsAndRuns() throws Exception {
        Path dir = Files.createTempDirectory("nl4j-consumer-mod");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("consumer-mod")) {
            Path src = dir.resolve("src/demo.consumer/demo/consumer");
            Files.createDirectories(src);
            Files.writeString(src.resolve("Main.java"), MAIN);
            Files.writeString(dir.resolve("src/demo.consumer/module-info.java"), "module demo.consumer { requires io.github.netlink4j; }\n");
            run(List.of(tool("javac"), "-d", "out", "--module-path", library().toString(), "--module-source-path", "src", "-m", "demo.consumer"), dir);
            String out = runInside(ns, List.of(tool("java"), "--enable-native-access=io.github.netlink4j", "--module-path",
                    library() + java.io.File.pathSeparator + dir.resolve("out/demo.consumer"), "-m", "demo.consumer/demo.consumer.Main"), dir);
            assertEquals("3 links\n", out, "lo and the veth pair, and not one warning from the JDK");
        } finally {
            delete(dir);
        }
    }

    @Test
    void aClassPathConsumerBuildsAndRuns() throws Exception {
        Path dir = Files.createTempDirectory("nl4j-consumer-cp");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("consumer-cp")) {
            Path src = dir.resolve("src/demo/consumer");
            Files.createDirectories(src);
            Files.writeString(src.resolve("Main.java"), MAIN);
            List<String> javac = new ArrayList<>(List.of(tool("javac"), "-d", "out", "-cp", library().toString(), "src/demo/consumer/Main.java"));
            run(javac, dir);
            String out = runInside(ns, List.of(tool("java"), "--enable-native-access=ALL-UNNAMED", "-cp",
                    library() + java.io.File.pathSeparator + dir.resolve("out"), "demo.consumer.Main"), dir);
            assertEquals("3 links\n", out);
        } finally {
            delete(dir);
        }
    }
}
