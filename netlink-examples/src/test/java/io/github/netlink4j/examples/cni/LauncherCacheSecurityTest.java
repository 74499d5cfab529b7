package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.examples.LauncherRig.Result;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.netlink4j.examples.LauncherRig.NOBODY;
import static io.github.netlink4j.examples.LauncherRig.chown;
import static io.github.netlink4j.examples.LauncherRig.mode;
import static io.github.netlink4j.examples.LauncherRig.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AOT cache as an attack surface and as a failure: what the CNI launcher (and netlink4j-launcher.sh,
 * which jip shares) loads, makes, retries and leaves behind. A launcher runs as root, and loading a cache
 * is running code from it: a cache another user could have written is never loaded, a cache is checked
 * before it is used, a cache that crashes the JVM costs no call, and a training that cannot succeed is
 * not attempted again and again. Calls are STATUS of a network of layer 2 only ({@link LauncherRig#CNI_CONF}),
 * which needs nothing but the JVM (VERSION starts none).
 */
class LauncherCacheSecurityTest {
    private static LauncherRig rig;
    /** A cache the launcher trained for real, and the name it gave it: cni-bridge-KEY.aot. */
    private static Path seed;
    private static String seedName;

    @BeforeAll
    static void trainOnce() throws Exception {
        Privileged.require();
        assertTrue(Files.isExecutable(Path.of("/usr/lib/cni/host-local")), ".ci/run installs containernetworking-plugins");
        rig = LauncherRig.create();
        Path dir = rig.root.resolve("seed");
        Result r = rig.cni("STATUS", dir, rig.argsFile("seed"), Map.of(), rig.root);
        assertEquals(0, r.exit(), r.err());
        rig.awaitQuiet();
        List<String> caches = names(dir).stream().filter(n -> n.endsWith(".aot")).toList();
        assertEquals(1, caches.size(), "the training made one cache: " + names(dir));
        seedName = caches.get(0);
        seed = Files.copy(dir.resolve(seedName), rig.root.resolve("seed.aot"));
    }

    @AfterEach
    void endTrainings() throws InterruptedException {
        rig.endTagged();
    }

    @AfterAll
    static void remove() throws IOException {
        if (rig != null) rig.close();
    }

    private static String key() {
        return seedName.substring("cni-bridge-".length(), seedName.length() - ".aot".length());
    }

    /** The file beside a cache that names the JDK and class path it was made for. */
    private static String src(String key) {
        return "cni-bridge-" + key + ".src";
    }

    private static Path privateDir(String name) throws IOException {
        Path dir = Files.createDirectory(rig.root.resolve(name));
        mode(dir, "rwx------");
        return dir;
    }

    private static Path plantSeed(Path dir) throws IOException {
        Path cache = Files.copy(seed, dir.resolve(seedName));
        mode(cache, "rw-------");
        return cache;
    }

    /** STATUS succeeded: exit 0 and, as the spec wants, nothing on stdout (nor anything of the JVM's). */
    private static void assertStatusAnswer(Result r) {
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out(), "nothing on stdout");
    }

    private static Map<String, String> trainFromSeed() {
        return Map.of("NL4J_TRAIN_FROM", seed.toString());
    }

    /** Where another user, or a shared directory, could have put or changed a cache. */
    enum Planting { FILE_OF_ANOTHER_USER, FILE_OTHERS_MAY_WRITE, FILE_A_SYMLINK, DIR_OF_ANOTHER_USER, DIR_OTHERS_MAY_WRITE, DIR_A_SYMLINK }

    @ParameterizedTest
    @EnumSource(Planting.class)
    void loadsOnlyACacheNobodyButItsUserCanHaveWritten(Planting planting) throws Exception {
        Path dir = rig.root.resolve("plant-" + planting);
        switch (planting) {
            case FILE_OF_ANOTHER_USER -> chown(plantSeed(privateDir(dir.getFileName().toString())), NOBODY);
            case FILE_OTHERS_MAY_WRITE -> mode(plantSeed(privateDir(dir.getFileName().toString())), "rw-rw-rw-");
            case FILE_A_SYMLINK -> {
                Path real = plantSeed(privateDir("real-file"));
                Files.createSymbolicLink(privateDir(dir.getFileName().toString()).resolve(seedName), real);
            }
            case DIR_OF_ANOTHER_USER -> {
                chown(plantSeed(privateDir(dir.getFileName().toString())), NOBODY);
                chown(dir, NOBODY);
            }
            case DIR_OTHERS_MAY_WRITE -> mode(plantSeed(privateDir(dir.getFileName().toString())).getParent(), "rwxrwxrwx");
            case DIR_A_SYMLINK -> Files.createSymbolicLink(dir, plantSeed(privateDir("real-dir")).getParent());
        }
        List<String> before = names(dir);
        Path args = rig.argsFile("plant-" + planting);
        assertStatusAnswer(rig.cni("STATUS", dir, args, trainFromSeed(), rig.root));
        rig.awaitQuiet();
        List<String> calls = LauncherRig.calls(args);
        assertTrue(calls.stream().noneMatch(c -> c.contains("-XX:AOTCache=" + dir.resolve(seedName))), "the planted cache was loaded: " + calls);
        if (planting.name().startsWith("DIR_")) {
            assertTrue(calls.stream().noneMatch(c -> c.contains("-XX:AOTCacheOutput=")), "trained in a directory not its own: " + calls);
            assertEquals(before, names(dir), "nothing made in a directory not its own");
        }
    }

    @Test
    void makesItsDirectoryAndCachePrivateWhateverTheUmask() throws Exception {
        Path parent = rig.root.resolve("umask"), dir = parent.resolve("netlink4j");
        Map<String, String> env = rig.cniEnv("STATUS", dir, rig.argsFile("umask"));
        assertStatusAnswer(rig.run(List.of("sh", "-c", "umask 000; exec sh \"$0\"", LauncherRig.CNI_LAUNCHER.toString()), env, LauncherRig.CNI_CONF, rig.root));
        rig.awaitQuiet();
        assertEquals("rwx------", mode(parent), "a parent it made");
        assertEquals("rwx------", mode(dir));
        List<String> files = names(dir);
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".aot")), "trained: " + files);
        for (String f : files) assertEquals("rw-------", mode(dir.resolve(f)), f);
    }

    @Test
    void aCacheThatCrashesTheJvmIsRemovedAndTheCallRunsOnceMoreWithoutIt() throws Exception {
        Path dir = privateDir("crash"), cwd = Files.createDirectory(rig.root.resolve("crash-cwd"));
        Path cache = plantSeed(dir);
        LauncherRig.corrupt(cache);
        Path args = rig.argsFile("crash");
        Result r = rig.cni("STATUS", dir, args, Map.of(), cwd);
        assertStatusAnswer(r);
        assertTrue(r.err().contains("removed it"), r.err());
        assertFalse(Files.exists(cache), "the cache is gone");
        assertEquals(List.of(), names(cwd), "no crash report in the caller's directory");
        List<String> calls = LauncherRig.calls(args);
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("-XX:AOTCache=" + cache), calls.get(0));
        assertFalse(calls.get(1).contains("-XX:AOTCache="), calls.get(1));
    }

    @Test
    void aNewCacheIsTriedBeforeItIsUsedAndABrokenOneStopsTrainingForADay() throws Exception {
        Path broken = Files.copy(seed, rig.root.resolve("broken.aot"));
        LauncherRig.corrupt(broken);
        Path dir = rig.root.resolve("verify");
        Map<String, String> env = Map.of("NL4J_TRAIN_FROM", broken.toString());
        Path first = rig.argsFile("verify-1");
        assertStatusAnswer(rig.cni("STATUS", dir, first, env, rig.root));
        rig.awaitQuiet();
        assertTrue(LauncherRig.calls(first).stream().anyMatch(c -> c.contains("-XX:AOTCacheOutput=")), "trained: " + LauncherRig.calls(first));
        List<String> files = names(dir);
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".aot")), "a broken cache in place: " + files);
        assertEquals(List.of("cni-bridge-" + key() + ".failed"), files);
        Path second = rig.argsFile("verify-2");
        assertStatusAnswer(rig.cni("STATUS", dir, second, env, rig.root));
        rig.awaitQuiet();
        assertEquals(1, LauncherRig.calls(second).size(), "no training the day after a failed one: " + LauncherRig.calls(second));
        // "A day": still none 23 hours on, and a new training once it is over.
        Path failed = dir.resolve("cni-bridge-" + key() + ".failed");
        java.nio.file.Files.setLastModifiedTime(failed, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(23))));
        Path third = rig.argsFile("verify-3");
        assertStatusAnswer(rig.cni("STATUS", dir, third, env, rig.root));
        rig.awaitQuiet();
        assertEquals(1, LauncherRig.calls(third).size(), "no training 23 hours after a failed one: " + LauncherRig.calls(third));
        java.nio.file.Files.setLastModifiedTime(failed, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))));
        Path fourth = rig.argsFile("verify-4");
        assertStatusAnswer(rig.cni("STATUS", dir, fourth, env, rig.root));
        rig.awaitQuiet();
        assertTrue(LauncherRig.calls(fourth).stream().anyMatch(c -> c.contains("-XX:AOTCacheOutput=")),
                "a day after a failed training, the next call trains again: " + LauncherRig.calls(fourth));
    }

    @Test
    void aCallThatCannotTrainTriesNothingAndSpoilsNothing() throws Exception {
        Path dir = rig.root.resolve("cannot");
        // a call that reaches the JVM with a CNI_PATH that holds no host-local (libcni probes with a dummy one)
        Map<String, String> env = new HashMap<>(trainFromSeed());
        env.put("CNI_PATH", "/nonexistent/dummy");
        Path args = rig.argsFile("cannot");
        assertStatusAnswer(rig.cni("STATUS", dir, args, env, rig.root));
        rig.awaitQuiet();
        assertFalse(Files.exists(dir), "made its cache directory");
        // a user who is not root cannot make namespaces: nothing is tried in their home either
        Path home = Files.createDirectory(rig.root.resolve("home-nobody"));
        chown(home, NOBODY);
        Map<String, String> user = rig.cniEnv("STATUS", dir, args);
        user.remove("NETLINK4J_CACHE_DIR");
        user.put("HOME", home.toString());
        user.putAll(trainFromSeed());
        assertStatusAnswer(rig.run(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                "sh", LauncherRig.CNI_LAUNCHER.toString()), user, LauncherRig.CNI_CONF, rig.root));
        rig.awaitQuiet();
        assertEquals(List.of(), names(home), "made something in the user's home");
        assertTrue(LauncherRig.calls(args).stream().noneMatch(c -> c.contains("-XX:AOTCacheOutput=")), "trained: " + LauncherRig.calls(args));
        // and the next call that can, trains
        assertStatusAnswer(rig.cni("STATUS", dir, rig.argsFile("can"), trainFromSeed(), rig.root));
        rig.awaitQuiet();
        assertEquals(List.of(seedName, src(key())), names(dir));
    }

    @Test
    void aKilledTrainingNeitherBlocksNorLittersTheNext() throws Exception {
        Path dir = privateDir("killed");
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        long dead = gone.pid(), live = ProcessHandle.current().pid();
        String base = "cni-bridge-" + key();
        Files.writeString(dir.resolve(base + ".lock"), dead + "\n");
        Files.write(dir.resolve(base + "." + dead + ".tmp"), new byte[1 << 20]);
        Files.write(dir.resolve(base + "." + dead + ".tmp.config"), new byte[1024]);
        Files.write(dir.resolve(base + ".aot." + dead + ".tmp"), new byte[1024]); // an earlier launcher's name
        Files.write(dir.resolve(base + "." + live + ".tmp"), new byte[1024]); // a training still at work
        assertStatusAnswer(rig.cni("STATUS", dir, rig.argsFile("killed"), trainFromSeed(), rig.root));
        rig.awaitQuiet();
        assertEquals(List.of(base + "." + live + ".tmp", seedName, src(key())), names(dir));
    }

    /**
     * A new cache in place removes those of earlier jars and JDKs of the same class path and JDK path, made
     * today or not, and an earlier launcher's; another checkout's sharing the directory stays while its jar
     * and JDK exist, and goes once they are gone.
     */
    @Test
    void aNewCacheRemovesEarlierOnesWhateverDayTheyWereMadeAndKeepsAnotherCheckouts() throws Exception {
        Path dir = privateDir("prune");
        String java = rig.jdk.resolve("bin/java").toString(), jar = rig.jar.toString();
        Path otherJar = Files.writeString(rig.root.resolve("other-checkout.jar"), "another checkout's jar");
        plant(dir, "1", null); // an earlier launcher's, a minute old
        plant(dir, "2", java + "\n" + jar + "\n"); // this jar before its rebuild, an hour old
        plant(dir, "3", java + "\n" + otherJar + "\n"); // another checkout's
        plant(dir, "4", java + "\n" + rig.root.resolve("removed-checkout.jar") + "\n"); // a checkout since removed
        plant(dir, "5", rig.root.resolve("removed-jdk/bin/java") + "\n" + otherJar + "\n"); // a JDK since removed
        Files.writeString(dir.resolve("cni-bridge-6.failed"), "an earlier jar's training failed\n");
        assertStatusAnswer(rig.cni("STATUS", dir, rig.argsFile("prune"), trainFromSeed(), rig.root));
        rig.awaitQuiet();
        assertEquals(Stream.of("cni-bridge-3.aot", seedName).sorted().toList(), names(dir).stream().filter(n -> n.endsWith(".aot")).toList(),
                "the new cache and the other checkout's only");
        assertEquals(java + "\n" + jar + "\n", Files.readString(dir.resolve(src(key()))));
        assertEquals(Stream.of("cni-bridge-3.aot", src("3"), seedName, src(key())).sorted().toList(), names(dir));
    }

    /** A cache of key {@code key}, made an hour ago, with a .src of {@code src} unless that is null. */
    private static void plant(Path dir, String key, String src) throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Path cache = Files.writeString(dir.resolve("cni-bridge-" + key + ".aot"), "a cache of key " + key);
        Files.setLastModifiedTime(cache, hourAgo);
        if (src != null) Files.setLastModifiedTime(Files.writeString(dir.resolve(src(key)), src), hourAgo);
    }

    @Test
    void theLockOfATrainingStillAtWorkIsRespected() throws Exception {
        Path dir = privateDir("locked");
        Path lock = Files.writeString(dir.resolve("cni-bridge-" + key() + ".lock"), ProcessHandle.current().pid() + "\n");
        Path args = rig.argsFile("locked");
        assertStatusAnswer(rig.cni("STATUS", dir, args, trainFromSeed(), rig.root));
        rig.awaitQuiet();
        assertEquals(1, LauncherRig.calls(args).size(), "a second training: " + LauncherRig.calls(args));
        assertEquals(List.of(lock.getFileName().toString()), names(dir));
    }

    /** How the launcher's shared part could have been written by someone the caller does not trust. */
    enum LibraryState { OWNED_BY_ANOTHER_USER, WRITABLE_BY_GROUP, A_SYMLINK, MISSING }

    @ParameterizedTest
    @EnumSource(LibraryState.class)
    void sourcesItsLibraryOnlyIfNobodyElseCanHaveWrittenIt(LibraryState state) throws Exception {
        Path inst = Files.createDirectory(rig.root.resolve("lib-" + state));
        Path launcher = Files.copy(LauncherRig.CNI_LAUNCHER, inst.resolve("netlink4j-bridge"));
        Path lib = inst.resolve("netlink4j-launcher.sh");
        switch (state) {
            case OWNED_BY_ANOTHER_USER -> chown(Files.copy(LauncherRig.LIBRARY, lib), NOBODY);
            case WRITABLE_BY_GROUP -> mode(Files.copy(LauncherRig.LIBRARY, lib), "rw-rw-r--");
            case A_SYMLINK -> Files.createSymbolicLink(lib, LauncherRig.LIBRARY);
            case MISSING -> { }
        }
        Path args = rig.argsFile("lib-" + state);
        Result r = rig.run(List.of("sh", launcher.toString()), rig.cniEnv("STATUS", rig.root.resolve("lib-cache"), args), LauncherRig.CNI_CONF, rig.root);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(999, ((Number) ((Map<?, ?>) Json.parse(r.out())).get("code")).intValue(), r.out());
        assertEquals(List.of(), LauncherRig.calls(args), "a JVM started");
    }

    @Test
    void aLinkToTheLauncherFindsTheLibraryAndTheJarBesideWhereItLeads() throws Exception {
        Path cni = Files.createDirectories(rig.root.resolve("inst/target/cni"));
        Path launcher = Files.copy(LauncherRig.CNI_LAUNCHER, cni.resolve("netlink4j-bridge"));
        mode(launcher, "rwxr-xr-x");
        Files.copy(LauncherRig.LIBRARY, cni.resolve("netlink4j-launcher.sh"));
        Files.copy(rig.jar, cni.resolveSibling("jip.jar"));
        Path link = Files.createDirectories(rig.root.resolve("opt/cni/bin")).resolve("netlink4j-bridge"); // no jar in opt/cni
        Files.createSymbolicLink(link, launcher);
        Map<String, String> env = rig.cniEnv("STATUS", rig.root.resolve("link-cache"), rig.argsFile("link"));
        env.remove("NETLINK4J_JAR");
        assertStatusAnswer(rig.run(List.of(link.toString()), env, LauncherRig.CNI_CONF, rig.root));
    }
}
