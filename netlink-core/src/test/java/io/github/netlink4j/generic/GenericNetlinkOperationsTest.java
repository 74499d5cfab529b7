package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NoSuchOperationException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlOperation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operation the running kernel's family lacks is refused before anything is sent, with a typed error
 * naming the family and the operation by its spec name: a kernel older than the spec (no root needed,
 * the family as nlctrl would describe such a kernel's).
 */
class GenericNetlinkOperationsTest {
    private static GenlFamily ethtoolWith(int... commands) {
        return new GenlFamily("ethtool", 0x15, 1, 0, 0,
                java.util.Arrays.stream(commands).mapToObj(c -> new GenlOperation(c, Set.of(GenlOperation.Flag.DO))).toList(), List.of());
    }

    @Test
    void anOperationTheKernelDoesNotListIsNamedInTheError() {
        GenlFamily old = ethtoolWith(1, 2, 11, 17); // no ETHTOOL_MSG_RINGS_GET (15)
        NoSuchOperationException e = assertThrows(NoSuchOperationException.class, () -> GenericNetlink.checkOperation(old, 15));
        assertEquals("ethtool", e.family());
        assertEquals("rings-get", e.operation());
        assertTrue(e.getMessage().contains("rings-get"), e.getMessage());
        assertDoesNotThrow(() -> GenericNetlink.checkOperation(old, 17));
        assertDoesNotThrow(() -> GenericNetlink.checkOperation(ethtoolWith(), 15), "a family that lists no operations is not judged");
    }
}
