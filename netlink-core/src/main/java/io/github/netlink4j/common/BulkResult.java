package io.github.netlink4j.common;

import io.github.netlink4j.error.NetlinkException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a pipelined bulk operation ({@code addAll}, {@code deleteAll}): for request {@code i},
 * either its result or its own error (the kernel's, mapped as every handle maps it, or a name that did
 * not resolve). One failure does not stop the others.
 *
 * {@snippet :
 * BulkResult<Void> r = nl.addresses().addAll(specs);      // one sendmsg for many requests
 * r.failures().forEach((i, e) -> System.err.println(specs.get(i) + ": " + e.getMessage()));
 * }
 *
 * @param <T> what each successful request returns
 */
public final class BulkResult<T> {
    private final List<T> values;
    private final List<NetlinkException> errors;

    public BulkResult(List<T> values, List<NetlinkException> errors) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
    }

    /** How many requests were sent. */
    public int size() {
        return values.size();
    }

    /** The result of request {@code i}, empty if it failed (or returned nothing). */
    public Optional<T> value(int i) {
        return Optional.ofNullable(values.get(i));
    }

    /** The error of request {@code i}, empty if it succeeded. */
    public Optional<NetlinkException> error(int i) {
        return Optional.ofNullable(errors.get(i));
    }

    /** The failed requests by index, in order. */
    public Map<Integer, NetlinkException> failures() {
        Map<Integer, NetlinkException> m = new LinkedHashMap<>();
        for (int i = 0; i < errors.size(); i++) if (errors.get(i) != null) m.put(i, errors.get(i));
        return m;
    }

    /** The results of the requests that succeeded, in order. */
    public List<T> succeeded() {
        List<T> l = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) if (errors.get(i) == null && values.get(i) != null) l.add(values.get(i));
        return l;
    }

    /** Whether every request succeeded. */
    public boolean allSucceeded() {
        return errors.stream().allMatch(e -> e == null);
    }

    /** Throws the first failure, with the others suppressed, if any request failed. */
    public BulkResult<T> orThrow() throws NetlinkException {
        NetlinkException first = null;
        for (NetlinkException e : errors) {
            if (e == null) continue;
            if (first == null) first = e;
            else first.addSuppressed(e);
        }
        if (first != null) throw first;
        return this;
    }
}
