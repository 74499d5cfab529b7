package io.github.netlink4j.bench;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.NetlinkException;

import java.util.ArrayList;
import java.util.List;

/**
 * A workload's bulk form cut into bulk calls of at most B operations ({@code nlbench run --batch B}): what
 * a caller who pipelines B requests at a time pays, between one call per operation and one call for all.
 * The calls' results are joined into one, request {@code i}'s outcome at index {@code i}.
 */
public final class Batches {
    private Batches() {}

    /** One bulk call ({@code addAll}, {@code deleteAll}) over a part of the operations. */
    @FunctionalInterface
    public interface Bulk<T> {
        BulkResult<Void> call(List<T> part) throws NetlinkException;
    }

    /** Runs {@code ops} through {@code bulk} {@code batch} at a time (the last call takes what is left); {@code batch} is at least 1. */
    public static <T> BulkResult<Void> run(List<T> ops, int batch, Bulk<T> bulk) throws NetlinkException {
        if (batch < 1) throw new IllegalArgumentException("a batch holds at least 1 operation, not " + batch);
        List<Void> values = new ArrayList<>(ops.size());
        List<NetlinkException> errors = new ArrayList<>(ops.size());
        for (int from = 0; from < ops.size(); from += batch) {
            BulkResult<Void> r = bulk.call(ops.subList(from, Math.min(ops.size(), from + batch)));
            for (int k = 0; k < r.size(); k++) {
                values.add(null);
                errors.add(r.error(k).orElse(null));
            }
        }
        return new BulkResult<>(values, errors);
    }
}
