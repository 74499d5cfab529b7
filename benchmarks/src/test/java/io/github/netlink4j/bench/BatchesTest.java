package io.github.netlink4j.bench;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nlbench's --batch: a bulk form cut into calls of B operations, and their results joined in order; no root. */
class BatchesTest {
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    /** A bulk call that records what it was given and fails the operations whose value is in {@code failing}. */
    private static Batches.Bulk<Integer> recording(List<List<Integer>> calls, List<Integer> failing) {
        return part -> {
            calls.add(List.copyOf(part));
            List<NetlinkException> errors = new ArrayList<>();
            for (int op : part) errors.add(failing.contains(op) ? new ProtocolException("op " + op) : null);
            return new BulkResult<>(Collections.nCopies(part.size(), null), errors);
        };
    }

    @Test
    void bOperationsPerCallInOrderAndTheLastTakesWhatIsLeft() throws Exception {
        List<List<Integer>> calls = new ArrayList<>();
        BulkResult<Void> r = Batches.run(TEN, 3, recording(calls, List.of()));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9)), calls);
        assertEquals(10, r.size());
        assertTrue(r.allSucceeded());
    }

    @Test
    void aBatchAsLargeAsTheWorkIsOneCallAndABatchOfOneIsACallPerOperation() throws Exception {
        List<List<Integer>> calls = new ArrayList<>();
        Batches.run(TEN, 10, recording(calls, List.of()));
        assertEquals(List.of(TEN), calls);
        calls.clear();
        Batches.run(TEN, 1000, recording(calls, List.of()));
        assertEquals(List.of(TEN), calls);
        calls.clear();
        Batches.run(TEN, 1, recording(calls, List.of()));
        assertEquals(10, calls.size());
        assertThrows(IllegalArgumentException.class, () -> Batches.run(TEN, 0, recording(calls, List.of())));
    }

    @Test
    void aFailureKeepsTheIndexOfItsOperationAcrossCalls() throws Exception {
        BulkResult<Void> r = Batches.run(TEN, 4, recording(new ArrayList<>(), List.of(1, 6, 9)));
        assertEquals(List.of(1, 6, 9), List.copyOf(r.failures().keySet()));
        assertEquals("op 6", r.error(6).orElseThrow().getMessage());
        assertEquals(10, r.size());
    }
}
