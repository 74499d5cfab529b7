package io.github.netlink4j.genl;

import java.util.EnumSet;
import java.util.Set;

/**
 * One operation of a generic netlink family (a CTRL_ATTR_OPS entry): its command number and what it
 * allows.
 *
 * {@snippet :
 * boolean canDump = family.operation(1).map(o -> o.flags().contains(GenlOperation.Flag.DUMP)).orElse(false);
 * }
 *
 * @param command CTRL_ATTR_OP_ID
 * @param flags   CTRL_ATTR_OP_FLAGS
 */
public record GenlOperation(int command, Set<Flag> flags) {
    /** Copies the flags. */
    public GenlOperation {
        if (command < 0 || command > 0xff) throw new IllegalArgumentException("command " + command + " is not 8-bit");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** The GENL_* operation flags, with their bit values. */
    public enum Flag {
        /** GENL_ADMIN_PERM: needs CAP_NET_ADMIN in the initial user namespace. */
        ADMIN_PERM(0x01),
        /** GENL_CMD_CAP_DO: has a do (single request) handler. */
        DO(0x02),
        /** GENL_CMD_CAP_DUMP: has a dump handler. */
        DUMP(0x04),
        /** GENL_CMD_CAP_HASPOL: validates its attributes with a policy. */
        HAS_POLICY(0x08),
        /** GENL_UNS_ADMIN_PERM: needs CAP_NET_ADMIN in the namespace's user namespace. */
        UNS_ADMIN_PERM(0x10);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        /** The flag's bit in CTRL_ATTR_OP_FLAGS. */
        public int value() {
            return bit;
        }

        /** The flags set in {@code bits}; unknown bits are ignored. */
        public static Set<Flag> fromBits(int bits) {
            EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
            for (Flag f : values()) if ((bits & f.bit) != 0) s.add(f);
            return s;
        }
    }
}
