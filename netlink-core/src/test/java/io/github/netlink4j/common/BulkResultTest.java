package io.github.netlink4j.common;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk outcome as its documentation states it: request i has its value or its own error, failures come
 * by index in order, succeeded skips failures and empty results, and orThrow throws the first failure
 * with the later ones suppressed.
 */
class BulkResultTest {
    private static final NetlinkException E1 = new ProtocolException("first");
    private static final NetlinkException E3 = new ProtocolException("third");

    private static BulkResult<String> mixed() {
        // request 0 returned "a", 1 failed, 2 succeeded with nothing, 3 failed, 4 returned "e"
        return new BulkResult<>(Arrays.asList("a", null, null, null, "e"), Arrays.asList(null, E1, null, E3, null));
    }

    @Test
    void eachRequestHasItsValueOrItsError() {
        BulkResult<String> r = mixed();
        assertEquals(5, r.size());
        assertEquals(Optional.of("a"), r.value(0));
        assertEquals(Optional.empty(), r.value(1));
        assertEquals(Optional.empty(), r.value(2));
        assertEquals(Optional.of("e"), r.value(4));
        assertEquals(Optional.empty(), r.error(0));
        assertEquals(Optional.of(E1), r.error(1));
        assertEquals(Optional.of(E3), r.error(3));
    }

    @Test
    void failuresByIndexAndSucceededInOrder() {
        BulkResult<String> r = mixed();
        assertEquals(List.of(Map.entry(1, E1), Map.entry(3, E3)), new ArrayList<>(r.failures().entrySet()));
        assertEquals(List.of("a", "e"), r.succeeded());
        assertFalse(r.allSucceeded());
    }

    @Test
    void aFailureThatStillCarriesAValueIsNotASuccess() {
        BulkResult<String> r = new BulkResult<>(List.of("a", "b"), Arrays.asList(E1, null));
        assertEquals(List.of("b"), r.succeeded());
    }

    @Test
    void orThrowThrowsTheFirstWithTheOthersSuppressed() {
        NetlinkException first = new ProtocolException("1"), second = new ProtocolException("2"), third = new ProtocolException("3");
        BulkResult<Void> r = new BulkResult<>(Arrays.asList(null, null, null, null), Arrays.asList(null, first, second, third));
        NetlinkException thrown = assertThrows(NetlinkException.class, r::orThrow);
        assertSame(first, thrown);
        assertArrayEquals(new Throwable[] {second, third}, thrown.getSuppressed());
    }

    @Test
    void allSucceededReturnsItselfFromOrThrow() throws Exception {
        BulkResult<Void> r = new BulkResult<>(Arrays.asList(null, null), Arrays.asList(null, null));
        assertTrue(r.allSucceeded());
        assertSame(r, r.orThrow());
        assertEquals(Map.of(), r.failures());
        assertEquals(List.of(), r.succeeded(), "requests that return nothing have no results to list");
        assertTrue(new BulkResult<Void>(List.of(), List.of()).allSucceeded());
    }

    @Test
    void theListsAreCopied() {
        List<String> values = new ArrayList<>(List.of("a"));
        List<NetlinkException> errors = new ArrayList<>(Arrays.asList((NetlinkException) null));
        BulkResult<String> r = new BulkResult<>(values, errors);
        values.set(0, "b");
        errors.set(0, E1);
        assertEquals(Optional.of("a"), r.value(0));
        assertTrue(r.allSucceeded());
    }
}
