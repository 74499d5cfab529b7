package io.github.netlink4j.bench.nlbench.peer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The peer programs' registry, what each needs, and where their builds go; no root, no packages needed. */
class ProgramTest {

    @Test
    void aPeerIsMissingThePackagesWhoseFilesAreAbsent() {
        assertEquals(List.of(), Program.GO.missing(p -> true));
        assertEquals(List.of("golang-github-vishvananda-netns-dev"), Program.GO.missing(p -> !p.toString().endsWith("/vishvananda/netns")));
        assertEquals(List.of("libmnl-dev", "gcc"), Program.MNL.missing(p -> false));
        assertEquals(List.of("python3-pyroute2"), Program.PYROUTE2.missing(p -> !p.toString().contains("pyroute2")));
    }

    @Test
    void theReasonNamesThePackagesAndHowToInstallThem() {
        String why = Program.MNL.unavailable(List.of("libmnl-dev")).orElseThrow();
        assertEquals("peer mnl needs libmnl-dev (not installed); `nlbench peers install` installs them", why);
        assertTrue(Program.MNL.unavailable(List.of()).isEmpty());
    }

    @Test
    void everyPeerDoesTheRtnetlinkWorkloadsAndNoOther() {
        for (Program p : Program.values()) {
            for (String w : List.of("w1", "w2", "w3", "routes", "routes6", "neigh", "addr6")) {
                // mnl-pipelined pipelines adds and deletes: w3, which only dumps, would be mnl's own column again
                assertEquals(p != Program.MNL_PIPELINED || !w.equals("w3"), p.supports(w), p + " " + w);
            }
            for (String w : List.of("w1d", "w3-stream", "routes-stream", "events", "noop")) assertFalse(p.supports(w), p + " " + w);
            // only the C program can tell an interrupted dump (libmnl's EINTR) and count it
            assertEquals(p == Program.MNL, p.supports("dump-churn"), p + " dump-churn");
        }
    }

    @Test
    void columnsAreKnownByName() {
        assertEquals(Program.PYROUTE2, Program.of("pyroute2"));
        assertTrue(Program.isProgram("go"));
        assertFalse(Program.isProgram("ip-batch"));
        assertThrows(IllegalArgumentException.class, () -> Program.of("ip"));
        assertEquals(List.of("golang-go", "golang-github-vishvananda-netlink-dev", "golang-github-vishvananda-netns-dev"), Program.GO.packages());
    }

    @Test
    void theCacheFollowsNlbenchCacheThenXdgThenHome() {
        assertEquals(Path.of("/c"), Builds.cacheRoot(Map.of("NLBENCH_CACHE", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/x/nlbench"), Builds.cacheRoot(Map.of("NLBENCH_CACHE", "", "XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/nlbench"), Builds.cacheRoot(Map.of("HOME", "/h")));
    }

    @Test
    void aChangedSourceGetsADirectoryOfItsOwn() {
        Path root = Path.of("/c");
        Path a = Builds.dirFor(root, Program.GO, "package main".getBytes(StandardCharsets.UTF_8));
        assertEquals(a, Builds.dirFor(root, Program.GO, "package main".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, Builds.dirFor(root, Program.GO, "package main // changed".getBytes(StandardCharsets.UTF_8)));
        assertTrue(a.getFileName().toString().matches("go-[0-9a-f]{16}"), a.toString());
        assertEquals(root.resolve("peers"), a.getParent());
    }

    @Test
    void theJarCarriesEverySource() throws Exception {
        for (Program p : Program.values()) {
            String src = new String(Builds.source(p), StandardCharsets.UTF_8);
            assertTrue(src.contains("noop"), p + " does the baseline's noop");
            for (String w : Program.WORKLOADS) assertTrue(src.contains("\"" + w + "\""), p + " handles " + w);
        }
    }

    @Test
    void aPeerHasMinutesNotForever() {
        assertEquals(60, PeerRun.timeoutSeconds("routes", 0));
        assertEquals(60 + 10_000, PeerRun.timeoutSeconds("routes", 2_000_000));
        assertEquals(60 + 1_000, PeerRun.timeoutSeconds("w3", 100), "a w3 round is 6,000 objects, not one");
    }
}
