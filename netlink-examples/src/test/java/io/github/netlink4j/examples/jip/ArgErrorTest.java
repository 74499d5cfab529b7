package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ip's invarg() text and exit status, and the callers that reach it without a namespace. */
class ArgErrorTest {
    @Test
    void invalidIsInvargsTextAndStatus255() {
        UsageException e = ArgError.invalid("x1", "invalid id value");
        assertEquals("Error: argument \"x1\" is wrong: invalid id value", e.getMessage());
        assertEquals(255, e.status());
        assertEquals(1, ArgError.invalid("v0", "Device does not exist\n", 1).status());
        assertEquals("Error: argument \"v0\" is wrong: Device does not exist\n", ArgError.invalid("v0", "Device does not exist\n", 1).getMessage());
    }

    @Test
    void aBadNumberIsInvarg() {
        UsageException e = assertThrows(UsageException.class, () -> Args.number("12a", "\"mtu\" value is invalid"));
        assertEquals("Error: argument \"12a\" is wrong: \"mtu\" value is invalid", e.getMessage());
        assertEquals(255, e.status());
        assertEquals(12, Args.number("12", "mtu"));
    }

    @Test
    void nextSaysTheLineIsNotComplete() {
        UsageException e = assertThrows(UsageException.class, () -> Args.next(new java.util.ArrayList<>(), "dev"));
        assertEquals("Command line is not complete. Try option \"help\"", e.getMessage());
        assertEquals(255, e.status());
        assertEquals("eth0", Args.next(new java.util.ArrayList<>(List.of("eth0")), "dev"));
    }

    /** ip's matches() takes a prefix; a name starting with = must be given whole. */
    @Test
    void verbsAreMatchedByPrefixInOrder() {
        assertEquals("set", Args.verb("s", "add", "set", "show"));
        assertEquals("chg", Args.verb("chg", "add", "=chg"));
        assertEquals(null, Args.verb("ch", "add", "=chg"));
        assertEquals(null, Args.verb("", "add"));
    }
}
