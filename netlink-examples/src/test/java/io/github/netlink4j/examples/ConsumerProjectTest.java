package io.github.netlink4j.examples;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.junit.NetnsExtension;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's project, as README's "Use it in your project" tells it, built against the jars the build
 * made: netlink-core's and netlink-junit's (their poms package them right after compiling, so they
 * exist under a plain {@code mvn test}). It has a program that makes a veth pair and a test that does
 * the same in a namespace from the JUnit kit. Both are compiled and run with the JDK the build uses,
 * once as a named module ({@code requires io.github.netlink4j.junit;}, the JUnit console launcher and
 * the modular JUnit jars on the module path, {@code --enable-native-access=io.github.netlink4j}) and once
 * on the class path (the standalone console launcher, {@code --enable-native-access=ALL-UNNAMED}).
 * The program runs in a throwaway namespace it is started in; the JDK prints no warning.
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

    private static final String KIT_TEST = """
            package demo.consumer;

            import io.github.netlink4j.NetlinkClient;
            import io.github.netlink4j.junit.NetnsExtension;
            import io.github.netlink4j.link.LinkSpec;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.extension.ExtendWith;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            @ExtendWith(NetnsExtension.class)
            class KitTest {
                @Test
                void addsAVethPairInANamespaceOfItsOwn(NetlinkClient nl) throws Exception {
                    nl.links().add(LinkSpec.veth("c0", "c1"));
                    assertEquals(3, nl.links().list().size(), "lo and the pair");
                }
            }
            """;

    private static final String MODULE_INFO = """
            module demo.consumer {
                requires io.github.netlink4j;
                requires io.github.netlink4j.junit;
                opens demo.consumer to org.junit.platform.commons;
            }
            """;

    /**
     * The jar {@code c} was loaded from, checked to be a named module called {@code module}: a jar without
     * module-info.class would be an automatic module named after the file, and no consumer module could
     * require it.
     */
    private static Path moduleJar(Class<?> c, String module) throws Exception {
        Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(jar) && jar.toString().endsWith(".jar"),
                jar + " is not a jar: run through Maven, whose build packages the library before other modules test");
        try (JarFile f = new JarFile(jar.toFile())) {
            assertNotNull(f.getEntry("module-info.class"), jar + " has no module-info.class");
        }
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertEquals(1, found.size());
        ModuleDescriptor d = found.iterator().next().descriptor();
        assertEquals(module, d.name(), jar + " as a module");
        assertFalse(d.isAutomatic(), jar + " is an explicit module");
        return jar;
    }

    /** The JUnit jars the pom copied for the launchers (target/junit-modules, target/junit-standalone). */
    private static Path copied(String dir) throws IOException {
        Path p = Path.of("target", dir).toAbsolutePath();
        assertTrue(Files.isDirectory(p), p + ": made by the pom's maven-dependency-plugin at generate-test-resources");
        return p;
    }

    private static String tool(String name) {
        return Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling(name).toString();
    }

    private static String path(Object... parts) {
        return String.join(File.pathSeparator, Stream.of(parts).map(String::valueOf).toList());
    }

    private static String run(List<String> cmd, Path dir) throws Exception {
        return finish(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start(), cmd);
    }

    private static String runInside(ThrowawayNamespace ns, List<String> cmd, Path dir) throws Exception {
        return finish(ns.ns().start(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)), cmd);
    }

    private static String finish(Process p, List<String> cmd) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    /** What the console launcher printed, checked to say that the one test ran and passed, without a JDK warning. */
    private static void assertOneTestPassed(String out) {
        assertTrue(out.matches("(?s).*\\b1 tests successful.*") && out.matches("(?s).*\\b0 tests failed.*"), out);
        assertFalse(out.contains("WARNING"), out);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aNamedModuleConsumerBuildsAndRunsItsProgramAndItsKitTest() throws Exception {
        Path core = moduleJar(NetlinkClient.class, "io.github.netlink4j");
        Path kit = moduleJar(NetnsExtension.class, "io.github.netlink4j.junit");
        Path junit = copied("junit-modules");
        Path dir = Files.createTempDirectory("nl4j-consumer-mod");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("consumer-mod")) {
            Path src = dir.resolve("src/demo.consumer/demo/consumer");
            Files.createDirectories(src);
            Files.writeString(src.resolve("Main.java"), MAIN);
            Files.writeString(src.resolve("KitTest.java"), KIT_TEST);
            Files.writeString(dir.resolve("src/demo.consumer/module-info.java"), MODULE_INFO);
            run(List.of(tool("javac"), "-d", "out", "--module-path", path(core, kit, junit), "--module-source-path", "src",
                    "-m", "demo.consumer"), dir);
            String modules = path(core, kit, junit, dir.resolve("out/demo.consumer"));
            String out = runInside(ns, List.of(tool("java"), "--enable-native-access=io.github.netlink4j", "--module-path", modules,
                    "-m", "demo.consumer/demo.consumer.Main"), dir);
            assertEquals("3 links\n", out, "lo and the veth pair, and not one warning from the JDK");
            String tests = runInside(ns, List.of(tool("java"), "--enable-native-access=io.github.netlink4j", "--module-path", modules,
                    "--add-modules", "demo.consumer", "-m", "org.junit.platform.console", "execute", "--disable-banner",
                    "--fail-if-no-tests", "--select-module", "demo.consumer"), dir);
            assertOneTestPassed(tests);
        } finally {
            delete(dir);
        }
    }

    @Test
    void aClassPathConsumerBuildsAndRunsItsProgramAndItsKitTest() throws Exception {
        Path core = moduleJar(NetlinkClient.class, "io.github.netlink4j");
        Path kit = moduleJar(NetnsExtension.class, "io.github.netlink4j.junit");
        Path standalone;
        try (Stream<Path> s = Files.list(copied("junit-standalone"))) {
            standalone = s.filter(p -> p.getFileName().toString().startsWith("junit-platform-console-standalone-")).findFirst().orElseThrow();
        }
        Path dir = Files.createTempDirectory("nl4j-consumer-cp");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("consumer-cp")) {
            Path src = dir.resolve("src/demo/consumer");
            Files.createDirectories(src);
            Files.writeString(src.resolve("Main.java"), MAIN);
            Files.writeString(src.resolve("KitTest.java"), KIT_TEST);
            run(new ArrayList<>(List.of(tool("javac"), "-d", "out", "-cp", path(core, kit, standalone),
                    "src/demo/consumer/Main.java", "src/demo/consumer/KitTest.java")), dir);
            String out = runInside(ns, List.of(tool("java"), "--enable-native-access=ALL-UNNAMED", "-cp", path(core, dir.resolve("out")),
                    "demo.consumer.Main"), dir);
            assertEquals("3 links\n", out);
            String tests = runInside(ns, List.of(tool("java"), "--enable-native-access=ALL-UNNAMED", "-jar", standalone.toString(),
                    "execute", "--disable-banner", "--fail-if-no-tests", "--class-path", path(core, kit, dir.resolve("out")),
                    "--select-class", "demo.consumer.KitTest"), dir);
            assertOneTestPassed(tests);
        } finally {
            delete(dir);
        }
    }
}
