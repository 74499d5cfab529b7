package io.github.netlink4j.support;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.link.LinkFlag;


import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bit-backed flag sets the decoders return behave as the EnumSets they replace. */
class FlagSetTest {
    /** IFA_F_* as linux/if_addr.h defines them, written out here: the expected sets must not come from the enum under test. */
    private static final Map<AddressFlag, Integer> IFA_F = new java.util.LinkedHashMap<>();

    static {
        IFA_F.put(AddressFlag.SECONDARY, 0x01);
        IFA_F.put(AddressFlag.NODAD, 0x02);
        IFA_F.put(AddressFlag.OPTIMISTIC, 0x04);
        IFA_F.put(AddressFlag.DADFAILED, 0x08);
        IFA_F.put(AddressFlag.HOMEADDRESS, 0x10);
        IFA_F.put(AddressFlag.DEPRECATED, 0x20);
        IFA_F.put(AddressFlag.TENTATIVE, 0x40);
        IFA_F.put(AddressFlag.PERMANENT, 0x80);
        IFA_F.put(AddressFlag.MANAGETEMPADDR, 0x100);
        IFA_F.put(AddressFlag.NOPREFIXROUTE, 0x200);
        IFA_F.put(AddressFlag.MCAUTOJOIN, 0x400);
        IFA_F.put(AddressFlag.STABLE_PRIVACY, 0x800);
    }

    /** IFF_* as linux/if.h defines them. */
    private static final Map<LinkFlag, Integer> IFF = new java.util.LinkedHashMap<>();

    static {
        String[] names = {"UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS", "RUNNING", "NOARP", "PROMISC",
                "ALLMULTI", "MASTER", "SLAVE", "MULTICAST", "PORTSEL", "AUTOMEDIA", "DYNAMIC", "LOWER_UP", "DORMANT", "ECHO"};
        for (int i = 0; i < names.length; i++) IFF.put(LinkFlag.valueOf(names[i]), 1 << i); // IFF_UP 1<<0 … IFF_ECHO 1<<18
    }

    @Test
    void eachFlagIsTheKernelsBit() {
        assertEquals(EnumSet.allOf(AddressFlag.class), IFA_F.keySet(), "every address flag has its header value here");
        assertEquals(EnumSet.allOf(LinkFlag.class), IFF.keySet(), "every link flag has its header value here");
        for (Map.Entry<AddressFlag, Integer> e : IFA_F.entrySet()) {
            assertEquals(Set.of(e.getKey()), AddressFlag.fromBits(e.getValue()), e.getKey().name());
            assertEquals((int) e.getValue(), AddressFlag.toBits(EnumSet.of(e.getKey())), e.getKey().name());
        }
        for (Map.Entry<LinkFlag, Integer> e : IFF.entrySet()) assertEquals(Set.of(e.getKey()), LinkFlag.fromBits(e.getValue()), e.getKey().name());
    }

    @Test
    void everyAddressFlagCombinationEqualsItsEnumSet() {
        for (int bits = 0; bits < 0x1000; bits++) {
            EnumSet<AddressFlag> expected = EnumSet.noneOf(AddressFlag.class);
            for (Map.Entry<AddressFlag, Integer> f : IFA_F.entrySet()) if ((bits & f.getValue()) != 0) expected.add(f.getKey());
            Set<AddressFlag> got = AddressFlag.fromBits(bits | 0x7000_0000); // unknown high bits are ignored
            assertEquals(expected, got);
            assertEquals(got, expected);
            assertEquals(expected.hashCode(), got.hashCode());
            assertEquals(expected.size(), got.size());
            assertEquals(java.util.List.copyOf(expected), java.util.List.copyOf(got), "iteration in declaration order");
            assertEquals(bits, AddressFlag.toBits(got));
            for (AddressFlag f : AddressFlag.values()) assertEquals(expected.contains(f), got.contains(f));
        }
        assertFalse(AddressFlag.fromBits(0xfff).contains(LinkFlag.UP));
        assertFalse(AddressFlag.fromBits(0xfff).contains("PERMANENT"));
    }

    @Test
    void linkFlagsAndImmutability() {
        int bits = 0x1 | 0x8 | 0x10000; // UP, LOOPBACK, LOWER_UP
        Set<LinkFlag> got = LinkFlag.fromBits(bits);
        assertEquals(EnumSet.of(LinkFlag.UP, LinkFlag.LOOPBACK, LinkFlag.LOWER_UP), got);
        assertTrue(LinkFlag.fromBits(0).isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> got.add(LinkFlag.NOARP));
        assertThrows(UnsupportedOperationException.class, () -> got.remove(LinkFlag.UP));
        assertThrows(UnsupportedOperationException.class, got::clear);
        assertThrows(java.util.NoSuchElementException.class, () -> {
            var it = LinkFlag.fromBits(0).iterator();
            it.next();
        });
    }
}
