package io.github.netlink4j.tc;

/**
 * A traffic-control handle, {@code major:minor} in 16 bits each: a qdisc's ({@code 1:}), a class's
 * ({@code 1:10}) or a parent's, and the kernel's special ones ({@code root}, {@code ffff:fff1} for the
 * ingress and clsact qdiscs). Parsed and printed as tc does, in hexadecimal: {@code 1:10} is major 1,
 * minor 0x10.
 *
 * {@snippet :
 * TcHandle.of("1:10").minor();    // 16
 * TcHandle.of(1, 0x10);           // 1:10
 * TcHandle.of("clsact");          // ffff:fff1, the same as ingress
 * }
 *
 * @param value the 32-bit handle ({@code tcm_handle}, {@code tcm_parent}), major in the upper half
 */
public record TcHandle(int value) {
    /** {@code TC_H_UNSPEC}, tc's {@code none}: no handle (the kernel picks one for a new qdisc). */
    public static final TcHandle UNSPEC = new TcHandle(0);
    /** {@code TC_H_ROOT}: the parent of a device's root qdisc, tc's {@code root}. */
    public static final TcHandle ROOT = new TcHandle(0xffffffff);
    /** {@code TC_H_INGRESS}: the parent of the ingress qdisc. */
    public static final TcHandle INGRESS = new TcHandle(0xfffffff1);
    /** {@code TC_H_CLSACT}: the parent of the clsact qdisc, the same value as {@link #INGRESS}. */
    public static final TcHandle CLSACT = INGRESS;

    /** The handle {@code major:minor}, each 0 to 0xffff. */
    public static TcHandle of(int major, int minor) {
        if (major < 0 || major > 0xffff || minor < 0 || minor > 0xffff) {
            throw new IllegalArgumentException("a handle is major:minor of 0 to ffff each, not " + Integer.toHexString(major) + ":" + Integer.toHexString(minor));
        }
        return new TcHandle(major << 16 | minor);
    }

    /** The handle of the 32-bit value {@code value}. */
    public static TcHandle of(int value) {
        return new TcHandle(value);
    }

    /** The qdisc handle {@code major:} (minor 0). */
    public static TcHandle qdisc(int major) {
        return of(major, 0);
    }

    /**
     * Reads tc's text: {@code root}, {@code none}, {@code ingress} and {@code clsact} (both
     * {@code ffff:fff1}), {@code MAJOR:MINOR}, {@code MAJOR:} and {@code :MINOR} with hexadecimal parts
     * (an empty part is 0), or a bare hexadecimal number, which tc takes as the whole 32-bit value
     * ({@code 10} is {@code :10}), as its get_tc_classid does.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static TcHandle of(String text) {
        switch (text) {
            case "root": return ROOT;
            case "none": return UNSPEC;
            case "ingress", "clsact": return INGRESS;
            default:
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            if (text.isEmpty()) throw invalid(text); // an empty part is 0 only beside a colon
            return new TcHandle((int) hex(text, 8, text));
        }
        return of((int) hex(text.substring(0, colon), 4, text), (int) hex(text.substring(colon + 1), 4, text));
    }

    /** A hexadecimal part of at most {@code max} digits (after an optional 0x and leading zeros); "" is 0. */
    private static long hex(String part, int max, String whole) {
        boolean prefixed = part.startsWith("0x") || part.startsWith("0X");
        String p = prefixed ? part.substring(2) : part;
        int start = 0;
        while (start < p.length() - 1 && p.charAt(start) == '0') start++;
        String digits = p.substring(start);
        if (digits.length() > max || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0) || (prefixed && digits.isEmpty())) {
            throw invalid(whole);
        }
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 16);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a tc handle (major:minor in hexadecimal, root, ingress, clsact or none)");
    }

    /** The upper 16 bits ({@code TC_H_MAJ} shifted down): the qdisc's number. */
    public int major() {
        return value >>> 16;
    }

    /** The lower 16 bits ({@code TC_H_MIN}): the class within the qdisc. */
    public int minor() {
        return value & 0xffff;
    }

    /** This handle with minor 0: the qdisc a class belongs to. */
    public TcHandle qdiscPart() {
        return new TcHandle(value & 0xffff0000);
    }

    /** As tc prints a class or parent id: {@code root}, {@code none}, {@code 1:}, {@code :10} or {@code 1:10}. */
    @Override
    public String toString() {
        if (value == ROOT.value) return "root";
        if (value == 0) return "none";
        if (major() == 0) return ":" + Integer.toHexString(minor());
        if (minor() == 0) return Integer.toHexString(major()) + ":";
        return Integer.toHexString(major()) + ":" + Integer.toHexString(minor());
    }
}
