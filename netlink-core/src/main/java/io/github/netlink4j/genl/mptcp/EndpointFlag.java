package io.github.netlink4j.genl.mptcp;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the path manager does with an endpoint (MPTCP_PM_ADDR_FLAG_*, uapi linux/mptcp.h), in the order
 * {@code ip mptcp} prints them.
 */
public enum EndpointFlag {
    /** Announced to the peer (ADD_ADDR). */
    SIGNAL(0x01, "signal"),
    /** Used to open subflows towards the peer. */
    SUBFLOW(0x02, "subflow"),
    /** Subflows over it are backups. */
    BACKUP(0x04, "backup"),
    /** A subflow to every address the peer announces (not with {@link #SIGNAL}). */
    FULLMESH(0x08, "fullmesh"),
    /** Made by the kernel for an address a subflow used, not by a user. */
    IMPLICIT(0x10, "implicit");

    private final int bit;
    private final String word;

    EndpointFlag(int bit, String word) {
        this.bit = bit;
        this.word = word;
    }

    /** The bit on the wire. */
    public int bit() {
        return bit;
    }

    /** The word {@code ip mptcp} reads and prints. */
    public String word() {
        return word;
    }

    /** The flags set in {@code bits}; bits no flag names are left out (an endpoint keeps them raw). */
    public static Set<EndpointFlag> of(int bits) {
        Set<EndpointFlag> s = EnumSet.noneOf(EndpointFlag.class);
        for (EndpointFlag f : values()) if ((bits & f.bit) != 0) s.add(f);
        return s;
    }

    /** The bits of {@code flags}. */
    public static int bits(Set<EndpointFlag> flags) {
        int b = 0;
        for (EndpointFlag f : flags) b |= f.bit;
        return b;
    }

    /** The flag {@code ip mptcp} calls {@code word}. */
    public static EndpointFlag ofWord(String word) {
        for (EndpointFlag f : values()) if (f.word.equals(word)) return f;
        throw new IllegalArgumentException("no MPTCP endpoint flag \"" + word + "\"");
    }
}
