package io.github.netlink4j.genl.mptcp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MPTCP model's own rules, without a kernel: the checks {@code ip mptcp} makes before it asks (so a
 * caller gets them in a test run without root too), the flag words and bits, and the limits.
 */
class MptcpModelTest {
    private static final InetAddress A = InetAddress.ofLiteral("10.200.0.2");

    @Test
    void anEndpointIdIsOneTo255() {
        assertEquals(1, MptcpEndpointSpec.of(A).withId(1).id().getAsInt());
        assertEquals(255, MptcpEndpointSpec.of(A).withId(255).id().getAsInt());
        for (int bad : new int[] {0, 256, -1}) {
            var e = assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of(A).withId(bad));
            assertTrue(e.getMessage().contains("1 to 255") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        assertTrue(MptcpEndpointSpec.of("fd00:200::2").id().isEmpty(), "no id: the kernel picks one");
    }

    @Test
    void aPortIsOnlyForASignalEndpointAndIsOneTo65535() {
        MptcpEndpointSpec signal = MptcpEndpointSpec.of(A).withFlags(EndpointFlag.SIGNAL);
        assertEquals(1, signal.withPort(1).port().getAsInt());
        assertEquals(65535, signal.withPort(65535).port().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> signal.withPort(0));
        assertThrows(IllegalArgumentException.class, () -> signal.withPort(65536));
        var e = assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of(A).withFlags(EndpointFlag.SUBFLOW).withPort(8080));
        assertTrue(e.getMessage().contains("signal"), e.getMessage());
        // the flags are checked again when they change after the port
        assertThrows(IllegalArgumentException.class, () -> signal.withPort(8080).withFlags(EndpointFlag.BACKUP));
    }

    @Test
    void signalWithFullmeshAndTheImplicitFlagAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of(A).withFlags(EndpointFlag.SIGNAL, EndpointFlag.FULLMESH));
        assertTrue(e.getMessage().contains("fullmesh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of(A).withFlags(EndpointFlag.IMPLICIT));
        // each alone, and the other pairs, are fine
        MptcpEndpointSpec.of(A).withFlags(EndpointFlag.SIGNAL, EndpointFlag.BACKUP);
        MptcpEndpointSpec.of(A).withFlags(EndpointFlag.SUBFLOW, EndpointFlag.FULLMESH, EndpointFlag.BACKUP);
        assertEquals(Set.of(EndpointFlag.SUBFLOW, EndpointFlag.FULLMESH),
                MptcpEndpointSpec.of(A).withFlags(EndpointFlag.SUBFLOW, EndpointFlag.FULLMESH).flags());
    }

    @Test
    void theDeviceNameIsCheckedAndKept() {
        assertEquals(Optional.of("veth0"), MptcpEndpointSpec.of(A).withDevice("veth0").device());
        assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of(A).withDevice("a-name-longer-than-15"));
        assertThrows(IllegalArgumentException.class, () -> MptcpEndpointSpec.of(A).withDevice("bad/name"));
    }

    @Test
    void aSpecsFlagsCannotBeChangedFromOutside() {
        EnumSet<EndpointFlag> mine = EnumSet.of(EndpointFlag.SUBFLOW);
        MptcpEndpointSpec s = new MptcpEndpointSpec(A, OptionalInt.empty(), OptionalInt.empty(), mine, Optional.empty());
        mine.add(EndpointFlag.BACKUP);
        assertEquals(Set.of(EndpointFlag.SUBFLOW), s.flags());
        assertThrows(UnsupportedOperationException.class, () -> s.flags().add(EndpointFlag.BACKUP));
    }

    @Test
    void flagWordsAndBitsAreIpsAndTheUapis() {
        int[] bits = {0x01, 0x02, 0x04, 0x08, 0x10};
        String[] words = {"signal", "subflow", "backup", "fullmesh", "implicit"};
        EndpointFlag[] all = EndpointFlag.values();
        assertEquals(5, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(bits[i], all[i].bit());
            assertEquals(words[i], all[i].word());
            assertEquals(all[i], EndpointFlag.ofWord(words[i]));
            assertEquals(Set.of(all[i]), EndpointFlag.of(bits[i]));
        }
        assertEquals(EnumSet.allOf(EndpointFlag.class), EndpointFlag.of(0xff), "bits no flag names are left out");
        assertEquals(Set.of(), EndpointFlag.of(0x20 | 0x40));
        assertEquals(0x01 | 0x04 | 0x10, EndpointFlag.bits(EnumSet.of(EndpointFlag.SIGNAL, EndpointFlag.BACKUP, EndpointFlag.IMPLICIT)));
        assertEquals(0, EndpointFlag.bits(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> EndpointFlag.ofWord("Signal"));
    }

    @Test
    void anEndpointKeepsItsRawFlagsAndAnswersHas() {
        MptcpEndpoint e = new MptcpEndpoint(0, A, OptionalInt.empty(), 0x41, EndpointFlag.of(0x41), OptionalInt.of(3));
        assertEquals(0x41, e.rawFlags());
        assertTrue(e.has(EndpointFlag.SIGNAL));
        assertFalse(e.has(EndpointFlag.BACKUP));
        new MptcpEndpoint(255, A, OptionalInt.empty(), 0, Set.of(), OptionalInt.empty());
        assertThrows(IllegalArgumentException.class, () -> new MptcpEndpoint(256, A, OptionalInt.empty(), 0, Set.of(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new MptcpEndpoint(-1, A, OptionalInt.empty(), 0, Set.of(), OptionalInt.empty()));
    }

    @Test
    void limitsAreNotNegative() {
        assertEquals(8, new MptcpLimits(8, 0).subflows());
        assertEquals(0, new MptcpLimits(8, 0).addAddrAccepted());
        assertThrows(IllegalArgumentException.class, () -> new MptcpLimits(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MptcpLimits(0, -1));
    }
}
