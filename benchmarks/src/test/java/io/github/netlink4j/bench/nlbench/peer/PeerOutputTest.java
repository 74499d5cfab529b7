package io.github.netlink4j.bench.nlbench.peer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What nlbench reads from a peer program's stdout, and what it refuses (benchmarks/peers/README.md). */
class PeerOutputTest {

    @Test
    void readsTheContractsKeysAndIgnoresOtherLines() {
        PeerOutput o = PeerOutput.parse("starting\nelapsed_ns=438502\ndumped=3\nsamples_ns=163509,16191,54514,13636,8807,36269\n");
        assertEquals(438502, o.elapsedNs());
        assertEquals(3, o.dumped());
        assertArrayEquals(new long[] {163509, 16191, 54514, 13636, 8807, 36269}, o.samples());
    }

    @Test
    void aWorkloadWithoutADumpReportsMinusOne() {
        PeerOutput o = PeerOutput.parse("elapsed_ns=610\n");
        assertEquals(-1, o.dumped());
        assertEquals(0, o.samples().length);
    }

    @Test
    void noElapsedOrAMalformedNumberIsAnError() {
        assertTrue(assertThrows(IllegalStateException.class, () -> PeerOutput.parse("dumped=3\n")).getMessage().contains("no elapsed_ns"));
        assertTrue(assertThrows(IllegalStateException.class, () -> PeerOutput.parse("elapsed_ns=1\nsamples_ns=1,x\n")).getMessage().contains("samples_ns"));
    }

    @Test
    void aShortDumpFailsTheRun() {
        PeerOutput o = PeerOutput.parse("elapsed_ns=1\ndumped=2\nsamples_ns=1,2,3,4,5,6\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> o.checked("routes", 3)).getMessage().contains("returned 2 objects"));
        PeerOutput full = PeerOutput.parse("elapsed_ns=1\ndumped=7\nsamples_ns=1,2,3,4,5,6\n");
        assertSame(full, full.checked("routes", 3), "a dump holds the added routes and the kernel's own");
    }

    @Test
    void everyAddAndDeleteMustHaveItsSample() {
        PeerOutput o = PeerOutput.parse("elapsed_ns=1\ndumped=3\nsamples_ns=1,2,3\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> o.checked("neigh", 3)).getMessage().contains("timed 3 operations, not 6"));
        PeerOutput adds = PeerOutput.parse("elapsed_ns=1\nsamples_ns=1,2,3\n");
        assertSame(adds, adds.checked("w1", 3), "w1 and w2 only add");
        assertSame(adds, adds.checked("w2", 3));
    }

    @Test
    void aW3RoundMustSeeWhatW3PreparesAndTimesNothing() {
        PeerOutput ok = PeerOutput.parse("elapsed_ns=1\ndumped=6000\n");
        assertSame(ok, ok.checked("w3", 20), "rounds are not objects: 20 rounds of 6,000");
        PeerOutput shortRound = PeerOutput.parse("elapsed_ns=1\ndumped=5999\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> shortRound.checked("w3", 3)).getMessage().contains("dumped 5999 objects, w3 prepares 6000"));
        PeerOutput none = PeerOutput.parse("elapsed_ns=1\n");
        assertThrows(IllegalStateException.class, () -> none.checked("w3", 3), "a w3 run that reports no dump did not dump");
        PeerOutput timed = PeerOutput.parse("elapsed_ns=1\ndumped=6000\nsamples_ns=1,2\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> timed.checked("w3", 3)).getMessage().contains("w3 has none"));
    }

    @Test
    void dumpChurnReportsItsAttemptsAndInterruptions() {
        PeerOutput o = PeerOutput.parse("elapsed_ns=1\ndumped=1000\ndump_attempts=4\ndump_intr=1\ndump_failed=0\nsamples_ns=5,6,7\n");
        assertEquals(4, o.dumpAttempts());
        assertEquals(1, o.dumpIntr());
        assertEquals(0, o.dumpFailed());
        assertSame(o, o.checked("dump-churn", 3), "three dumps, one of them taken twice");
        assertEquals(-1, PeerOutput.parse("elapsed_ns=1\n").dumpIntr(), "not reported");
        PeerOutput silent = PeerOutput.parse("elapsed_ns=1\ndumped=1000\nsamples_ns=5,6,7\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> silent.checked("dump-churn", 3)).getMessage().contains("dump attempts"));
        PeerOutput partial = PeerOutput.parse("elapsed_ns=1\ndumped=999\ndump_attempts=3\ndump_intr=0\ndump_failed=0\nsamples_ns=5,6,7\n");
        assertTrue(assertThrows(IllegalStateException.class, () -> partial.checked("dump-churn", 3)).getMessage().contains("returned 999 addresses"));
    }
}
