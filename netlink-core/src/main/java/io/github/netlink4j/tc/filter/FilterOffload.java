package io.github.netlink4j.tc.filter;

/**
 * Whether the kernel reports a filter as offloaded to hardware: the TCA_CLS_FLAGS_IN_HW and
 * TCA_CLS_FLAGS_NOT_IN_HW bits of a kind's TCA_*_FLAGS (u32, matchall, flower), which tc prints as
 * {@code in_hw} and {@code not_in_hw}. The kernel sets them; a request never sends them.
 */
public enum FilterOffload {
    /** The kernel sent neither bit (a u32 hash table, a kind without flags, a kernel before 4.15). */
    UNREPORTED,
    /** TCA_CLS_FLAGS_IN_HW: at least one device runs the filter. */
    IN_HW,
    /** TCA_CLS_FLAGS_NOT_IN_HW: only the kernel's software path runs it. */
    NOT_IN_HW;

    /** The state a kind's flags word says, IN_HW first as tc reads it. */
    public static FilterOffload ofFlags(int flags) {
        return (flags & 4) != 0 ? IN_HW : (flags & 8) != 0 ? NOT_IN_HW : UNREPORTED;
    }
}
