package io.github.netlink4j.examples.jip;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.examples.LauncherRig.Result;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.github.netlink4j.examples.LauncherRig.NOBODY;
import static io.github.netlink4j.examples.LauncherRig.chown;
import static io.github.netlink4j.examples.LauncherRig.mode;
import static io.github.netlink4j.examples.LauncherRig.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The repository's jip script, run from a copy of the layout it expects: where it keeps its AOT cache
 * (never in a shared directory, never another user's), who trains one (root only), where a crash report
 * goes, and that with a cache the JVM still gets stdin, signals and its exit status as an exec'd one would
 * (jip waits for it so that it can retry a crash without the cache).
 */
class JipLauncherTest {
    private static LauncherRig rig;
    private static Path jip;
    /** A cache jip trained for real, and the name it gave it: jip-KEY.aot. */
    private static Path seed;
    private static String seedName;

    @BeforeAll
    static void trainOnce() throws Exception {
        Privileged.require();
        rig = LauncherRig.create();
        jip = rig.jipTree("repo");
        Path home = Files.createDirectory(rig.root.resolve("seed-home"));
        Result r = rig.run(List.of(jip.toString(), "-V"), env(home, rig.argsFile("seed")), "", rig.root);
        assertEquals(0, r.exit(), r.err());
        rig.awaitQuiet();
        Path dir = home.resolve(".cache/netlink4j");
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

    private static Map<String, String> env(Path home, Path args) {
        Map<String, String> e = new HashMap<>();
        e.put("JAVA_HOME", rig.jdk.toString());
        e.put("NL4J_ARGS", args.toString());
        if (home != null) e.put("HOME", home.toString());
        return e;
    }

    /** A home whose ~/.cache/netlink4j holds a copy of the seed cache, all owned by {@code uid}. */
    private static Path homeWithCache(String name, int uid) throws IOException {
        Path home = Files.createDirectory(rig.root.resolve(name));
        Path dir = Files.createDirectories(home.resolve(".cache/netlink4j"));
        mode(dir, "rwx------");
        Path cache = Files.copy(seed, dir.resolve(seedName));
        mode(cache, "rw-------");
        for (Path p : List.of(home, home.resolve(".cache"), dir, cache)) chown(p, uid);
        return home;
    }

    private static List<String> asUser(String... command) {
        List<String> c = new java.util.ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        c.addAll(List.of(command));
        return c;
    }

    @Test
    void withoutAHomeAUserGetsNoCacheAndRootOneInVarCacheNeverTmp() throws Exception {
        // a private /tmp (and /var/cache) for each run: what the launcher makes there is seen, and stays there.
        // A checkout under /tmp (as a CI clone may be) is bound back into the fresh /tmp, through a private
        // tmpfs on /mnt that holds the old /tmp meanwhile.
        String privateTmp = "mount -t tmpfs tmpfs /mnt && mkdir /mnt/keep && mount --bind /tmp /mnt/keep && mount -t tmpfs tmpfs /tmp"
                + " && case \"$0\" in /tmp/*) t=${0#/tmp/}; t=${t%%/*}; mkdir -p \"/tmp/$t\" && mount --bind \"/mnt/keep/$t\" \"/tmp/$t\";; esac";
        String check = "rc=$?; if [ -e /tmp/.cache ]; then echo 'made /tmp/.cache' >&2; exit 99; fi; ";
        Path userArgs = rig.argsFile("nohome-user");
        Result user = rig.run(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                privateTmp + " && setpriv --reuid=" + NOBODY + " --regid=" + NOBODY + " --clear-groups \"$0\" -V; " + check + "exit $rc",
                jip.toString()), env(null, userArgs), "", rig.root);
        assertEquals(0, user.exit(), user.err());
        assertTrue(user.out().startsWith("jip utility"), user.out());
        rig.awaitQuiet();
        assertTrue(LauncherRig.calls(userArgs).stream().noneMatch(c -> c.contains("-XX:AOTCache")), LauncherRig.calls(userArgs).toString());

        Map<String, String> rootEnv = env(null, rig.argsFile("nohome-root"));
        rootEnv.put("NL4J_TRAIN_FROM", seed.toString());
        Result root = rig.run(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                privateTmp + " && mount -t tmpfs tmpfs /var/cache && \"$0\" -V; " + check
                        + "i=0; while [ $i -lt 900 ] && ! [ -f /var/cache/netlink4j/" + seedName + " ]; do sleep 0.1; i=$((i+1)); done; "
                        + "stat -c '%A %n' /var/cache/netlink4j /var/cache/netlink4j/" + seedName + "; exit $rc",
                jip.toString()), rootEnv, "", rig.root);
        assertEquals(0, root.exit(), root.err());
        assertEquals(List.of("drwx------ /var/cache/netlink4j", "-rw------- /var/cache/netlink4j/" + seedName),
                root.out().lines().skip(1).toList(), root.out() + root.err());
    }

    @Test
    void aLinkToJipFindsTheJarAndTheLibraryWhereItLeads() throws Exception {
        Path link = Files.createDirectories(rig.root.resolve("usr/local/bin")).resolve("jip");
        Files.createSymbolicLink(link, jip);
        Map<String, String> env = env(null, rig.argsFile("link"));
        env.put("JIP_AOT", "0"); // without a home, root's caches would go to this machine's /var/cache
        Result r = rig.run(List.of(link.toString(), "-V"), env, "", rig.root);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("jip utility"), r.out());
    }

    /** JIP_AOT=0: a good cache in place is not loaded, and nothing is trained or made. */
    @Test
    void jipAotZeroNeitherLoadsNorTrains() throws Exception {
        Path home = homeWithCache("home-aot-off", 0);
        List<String> before = names(home.resolve(".cache/netlink4j"));
        Path args = rig.argsFile("aot-off");
        Map<String, String> e = env(home, args);
        e.put("JIP_AOT", "0");
        e.put("NL4J_TRAIN_FROM", seed.toString());
        Result r = rig.run(List.of(jip.toString(), "-V"), e, "", rig.root);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("jip utility"), r.out());
        rig.awaitQuiet();
        List<String> calls = LauncherRig.calls(args);
        assertEquals(1, calls.size(), "the command alone, no training: " + calls);
        assertFalse(calls.get(0).contains("-XX:AOTCache"), calls.get(0));
        assertEquals(before, names(home.resolve(".cache/netlink4j")));
    }

    @Test
    void aUserWhoCannotTrainNeverTries() throws Exception {
        Path home = Files.createDirectory(rig.root.resolve("home-user"));
        chown(home, NOBODY);
        Path args = rig.argsFile("user");
        for (int i = 0; i < 2; i++) {
            Result r = rig.run(asUser(jip.toString(), "-V"), env(home, args), "", rig.root);
            assertEquals(0, r.exit(), r.err());
            rig.awaitQuiet();
        }
        assertEquals(2, LauncherRig.calls(args).size(), "a training run: " + LauncherRig.calls(args));
        assertEquals(List.of(), names(home));
    }

    @Test
    void sudoKeepingTheUsersHomeLoadsNothingOfTheUsers() throws Exception {
        Path home = homeWithCache("home-sudo", NOBODY);
        Path dir = home.resolve(".cache/netlink4j");
        Path args = rig.argsFile("sudo");
        Result r = rig.run(List.of(jip.toString(), "-V"), env(home, args), "", rig.root);
        assertEquals(0, r.exit(), r.err());
        rig.awaitQuiet();
        assertEquals(List.of(1, false), List.of(LauncherRig.calls(args).size(), LauncherRig.calls(args).get(0).contains("-XX:AOTCache")),
                "loaded the user's cache or trained in their directory: " + LauncherRig.calls(args));
        assertEquals(List.of(seedName), names(dir));
    }

    /** The JVM a launcher started for {@code command}, once it runs (at most 30 s). */
    private static ProcessHandle jvm(String command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> h = rig.tagged().stream()
                    .filter(p -> p.info().command().orElse("").endsWith("/bin/java"))
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(command)).orElse(false)).findFirst();
            if (h.isPresent()) return h.get();
            Thread.sleep(100);
        }
        return fail("no JVM for " + command);
    }

    /** Waits (at most 30 s) until the JVM catches SIGSEGV: before that a SIGSEGV kills it with no report. */
    private static void catchesSegv(ProcessHandle jvm) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status"))) {
                if (line.startsWith("SigCgt:") && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (11 - 1))) != 0) return;
            }
            Thread.sleep(50);
        }
        fail("the JVM never installed its SIGSEGV handler");
    }

    /**
     * Waits (at most 30 s) until the JVM holds a netlink socket that joined multicast groups: its monitor
     * is then reading events, past the JVM's start (where SIGINT's Java handler may not be set yet).
     */
    private static void subscribed(ProcessHandle jvm) throws Exception {
        Path proc = Path.of("/proc", Long.toString(jvm.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            java.util.Set<String> inodes = new java.util.HashSet<>();
            try (var fds = Files.list(proc.resolve("fd"))) {
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                    } catch (java.io.IOException closedMeanwhile) {
                        // an fd closed between the listing and the read
                    }
                }
            }
            List<String> rows = Files.readAllLines(proc.resolve("net/netlink"));
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 10 && !f[3].equals("00000000") && inodes.contains(f[9])) return;
            }
            Thread.sleep(50);
        }
        fail("the JVM never subscribed to netlink events");
    }

    private static void gone(ProcessHandle jvm) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jvm.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertFalse(jvm.isAlive(), "the JVM outlived its launcher");
    }

    @Test
    void aCrashReportGoesToTheCacheDirectoryNotTheCallers() throws Exception {
        Path home = Files.createDirectory(rig.root.resolve("home-crash"));
        Path dir = Files.createDirectories(home.resolve(".cache/netlink4j"));
        mode(dir, "rwx------");
        Files.writeString(dir.resolve(seedName.replace(".aot", ".failed")), "a training failed today\n");
        Path cwd = Files.createDirectory(rig.root.resolve("crash-cwd"));
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("jip-crash")) {
            Process p = rig.command(List.of("ip", "netns", "exec", ns.name(), jip.toString(), "monitor"), env(home, rig.argsFile("crash")), cwd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ProcessHandle jvm = jvm("monitor");
            catchesSegv(jvm);
            assertEquals(0, new ProcessBuilder("kill", "-SEGV", Long.toString(jvm.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(134, p.exitValue());
        }
        assertEquals(List.of(), names(cwd), "a crash report in the caller's directory");
        assertTrue(names(dir).stream().anyMatch(n -> n.matches("hs_err_pid\\d+\\.log")), names(dir).toString());
    }

    @Test
    void withACacheTheJvmGetsStdinSignalsAndItsExitStatusAsIfExecd() throws Exception {
        Path home = homeWithCache("home-run", 0);
        String cache = home.resolve(".cache/netlink4j").resolve(seedName).toString();
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("jip-run")) {
            List<String> jipIn = List.of("ip", "netns", "exec", ns.name(), jip.toString());
            Path args = rig.argsFile("run");
            Result batch = rig.run(concat(jipIn, "-batch", "-"), env(home, args), "link show\n", rig.root);
            assertEquals(0, batch.exit(), batch.err());
            assertTrue(batch.out().startsWith("1: lo: "), batch.out());
            assertTrue(LauncherRig.calls(args).get(0).contains("-XX:AOTCache=" + cache), "started without the cache: " + LauncherRig.calls(args));
            Result missing = rig.run(concat(jipIn, "link", "show", "dev", "nosuch"), env(home, args), "", rig.root);
            assertEquals(new Result(1, "", "Device \"nosuch\" does not exist.\n"), missing);

            // a runtime or `kill` ends the launcher: the JVM goes with it
            Process term = rig.command(concat(jipIn, "monitor"), env(home, args), rig.root)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ProcessHandle jvm = jvm("monitor");
            term.destroy();
            assertTrue(term.waitFor(30, TimeUnit.SECONDS));
            gone(jvm);

            // Ctrl-C: SIGINT to the terminal's process group; the JVM ends as ip's monitor does, 130
            Process intr = rig.command(concat(List.of("setsid"), concat(jipIn, "monitor")), env(home, args), rig.root)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            jvm = jvm("monitor");
            subscribed(jvm); // a Ctrl-C while the JVM is still starting is not what this is about
            assertEquals(0, new ProcessBuilder("kill", "-INT", "--", "-" + intr.pid()).start().waitFor());
            assertTrue(intr.waitFor(30, TimeUnit.SECONDS));
            assertEquals(130, intr.exitValue());
            gone(jvm);
        }
        assertTrue(Files.exists(Path.of(cache)), "the cache is still there");
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> c = new java.util.ArrayList<>(a);
        c.addAll(List.of(b));
        return c;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return concat(a, b.toArray(String[]::new));
    }
}
