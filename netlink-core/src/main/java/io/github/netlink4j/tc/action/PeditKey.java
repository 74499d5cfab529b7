package io.github.netlink4j.tc.action;

import java.util.Objects;

/**
 * One edit of a pedit action ({@code struct tc_pedit_key} and, in the extended form, its TCA_PEDIT_KEY_EX):
 * at {@code offset} bytes into {@code header}, the 32-bit word of the packet becomes {@code (word & mask) ^
 * value} ({@link Command#SET}) or the word plus {@code value} under the same mask ({@link Command#ADD}).
 * {@code mask} and {@code value} are the word as it lies in the packet, first byte highest: setting the
 * IPv4 destination 10.200.0.9 is {@code value 0x0ac80009, mask 0} at offset 16 of {@link Header#IP4}.
 *
 * @param mask    the bits of the word kept ({@code mask}, AND)
 * @param value   the bits set or added ({@code val})
 * @param offset  the word's offset from the header, a multiple of 4 ({@code off})
 * @param at      for an offset read from the packet: where the byte that gives it is ({@code at}; 0 for a fixed offset)
 * @param offmask the mask of that byte ({@code offmask})
 * @param shift   how far that byte's value is shifted ({@code shift})
 * @param header  the header the offset counts from (TCA_PEDIT_KEY_EX_HTYPE; {@link Header#NETWORK} in the plain form)
 * @param command set or add (TCA_PEDIT_KEY_EX_CMD; {@link Command#SET} in the plain form)
 */
public record PeditKey(long mask, long value, int offset, long at, long offmask, int shift, Header header, Command command) {
    /** The header a key's offset counts from, TCA_PEDIT_KEY_EX_HDR_TYPE_*. */
    public enum Header {
        /** TCA_PEDIT_KEY_EX_HDR_TYPE_NETWORK: the network header, as the plain (not extended) form always is. */
        NETWORK(0),
        /** TCA_PEDIT_KEY_EX_HDR_TYPE_ETH. */
        ETH(1),
        /** TCA_PEDIT_KEY_EX_HDR_TYPE_IP4. */
        IP4(2),
        /** TCA_PEDIT_KEY_EX_HDR_TYPE_IP6. */
        IP6(3),
        /** TCA_PEDIT_KEY_EX_HDR_TYPE_TCP. */
        TCP(4),
        /** TCA_PEDIT_KEY_EX_HDR_TYPE_UDP. */
        UDP(5);

        private final int value;

        Header(int value) {
            this.value = value;
        }

        /** The kernel's number. */
        public int value() {
            return value;
        }

        /** The header of number {@code v}; IllegalArgumentException for one the kernel does not define. */
        public static Header of(int v) {
            for (Header h : values()) if (h.value == v) return h;
            throw new IllegalArgumentException("pedit header type " + v + " is unknown");
        }
    }

    /** What a key does with its word, TCA_PEDIT_KEY_EX_CMD_*. */
    public enum Command {
        /** TCA_PEDIT_KEY_EX_CMD_SET: {@code (word & mask) ^ value}. */
        SET(0),
        /** TCA_PEDIT_KEY_EX_CMD_ADD: the masked word plus {@code value}. */
        ADD(1);

        private final int value;

        Command(int value) {
            this.value = value;
        }

        /** The kernel's number. */
        public int value() {
            return value;
        }

        /** The command of number {@code v}; IllegalArgumentException for one the kernel does not define. */
        public static Command of(int v) {
            for (Command c : values()) if (c.value == v) return c;
            throw new IllegalArgumentException("pedit command " + v + " is unknown");
        }
    }

    /** Checks the ranges. */
    public PeditKey {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(command, "command");
        u32("mask", mask);
        u32("value", value);
        u32("at", at);
        u32("offmask", offmask);
        if (offset % 4 != 0) throw new IllegalArgumentException("pedit offset " + offset + " is not a multiple of 4");
        if (shift < 0) throw new IllegalArgumentException("pedit shift " + shift + " is negative");
    }

    /** A key at a fixed offset: {@code at}, {@code offmask} and {@code shift} 0. */
    public static PeditKey of(Header header, Command command, int offset, long value, long mask) {
        return new PeditKey(mask, value, offset, 0, 0, 0, header, command);
    }

    private static void u32(String what, long v) {
        if (v < 0 || v > 0xffffffffL) throw new IllegalArgumentException("pedit " + what + " " + v + " is out of range (0 to 4294967295)");
    }

    /** {@code val 0a c8 00 09 mask 00000000 at IP4+16 set}. */
    @Override
    public String toString() {
        return String.format("val %08x mask %08x at %s+%d %s", value, mask, header, offset, command.name().toLowerCase(java.util.Locale.ROOT));
    }
}
