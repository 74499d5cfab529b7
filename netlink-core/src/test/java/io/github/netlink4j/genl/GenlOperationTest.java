package io.github.netlink4j.genl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A CTRL_ATTR_OPS entry: the command is genlmsghdr's u8 cmd, and the flags are the GENL_* bits of
 * linux/genetlink.h (ADMIN_PERM 0x01, CMD_CAP_DO 0x02, CMD_CAP_DUMP 0x04, CMD_CAP_HASPOL 0x08,
 * UNS_ADMIN_PERM 0x10).
 */
class GenlOperationTest {
    @ParameterizedTest
    @CsvSource({"ADMIN_PERM, 1", "DO, 2", "DUMP, 4", "HAS_POLICY, 8", "UNS_ADMIN_PERM, 16"})
    void flagBitsAreTheUapiValues(GenlOperation.Flag f, int bit) {
        assertEquals(bit, f.value());
        assertEquals(EnumSet.of(f), GenlOperation.Flag.fromBits(bit));
    }

    @Test
    void fromBitsReadsEveryBitAndIgnoresUnknownOnes() {
        // DO | DUMP | HASPOL (0x0e), a command with both handlers and a policy, plus 0x100, a bit genetlink.h does not define
        assertEquals(EnumSet.of(GenlOperation.Flag.DO, GenlOperation.Flag.DUMP, GenlOperation.Flag.HAS_POLICY),
                GenlOperation.Flag.fromBits(0x10e));
        assertEquals(EnumSet.allOf(GenlOperation.Flag.class), GenlOperation.Flag.fromBits(0x1f));
        assertEquals(Set.of(), GenlOperation.Flag.fromBits(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255})
    void commandIsAnyU8(int cmd) {
        assertEquals(cmd, new GenlOperation(cmd, Set.of()).command());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256})
    void commandOutsideU8IsRefused(int cmd) {
        assertThrows(IllegalArgumentException.class, () -> new GenlOperation(cmd, Set.of()));
    }

    @Test
    void flagsAreCopiedAndImmutable() {
        Set<GenlOperation.Flag> mine = new HashSet<>(Set.of(GenlOperation.Flag.DO));
        GenlOperation op = new GenlOperation(3, mine);
        mine.add(GenlOperation.Flag.DUMP);
        assertEquals(Set.of(GenlOperation.Flag.DO), op.flags());
        assertThrows(UnsupportedOperationException.class, () -> op.flags().add(GenlOperation.Flag.DUMP));
        assertThrows(UnsupportedOperationException.class, () -> new GenlOperation(3, Set.of()).flags().add(GenlOperation.Flag.DO));
    }
}
