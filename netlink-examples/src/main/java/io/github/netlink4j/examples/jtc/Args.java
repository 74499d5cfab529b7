package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.filter.FilterProtocol;

import java.util.List;

/** A command line's words as tc walks them: NEXT_ARG, matches() and strcmp. */
final class Args {
    private final List<String> words;
    private int pos;

    Args(List<String> words) {
        this.words = words;
    }

    boolean more() {
        return pos < words.size();
    }

    String peek() {
        return words.get(pos);
    }

    String take() {
        return words.get(pos++);
    }

    /** NEXT_ARG: the word after the current one, which must exist. */
    String next() {
        if (pos + 1 >= words.size()) throw TcFail.incomplete();
        pos++;
        return words.get(pos++);
    }

    /** The words not read yet. */
    List<String> rest() {
        return words.subList(pos, words.size());
    }

    /** iproute2's matches(): {@code word} is a non-empty prefix of {@code full}. */
    static boolean matches(String word, String full) {
        return !word.isEmpty() && full.startsWith(word);
    }

    /** get_u32 in {@code base} (0: C's rule, 0x for hexadecimal, a leading 0 octal); -1 when it fails. */
    static long u32(String v, int base) {
        try {
            long x;
            if (base == 16) x = Long.parseLong(v.startsWith("0x") || v.startsWith("0X") ? v.substring(2) : v, 16);
            else if (v.startsWith("0x") || v.startsWith("0X")) x = Long.parseLong(v.substring(2), 16);
            else if (v.length() > 1 && v.startsWith("0")) x = Long.parseLong(v.substring(1), 8);
            else x = Long.parseLong(v);
            return x >= 0 && x <= 0xffff_ffffL ? x : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** ll_proto_a2n: tc's names, else a number (base 0). */
    static FilterProtocol protocol(String v) {
        try {
            return FilterProtocol.of(v.equals("any") ? "0" : v);
        } catch (IllegalArgumentException e) {
            throw TcFail.invarg("invalid protocol", v);
        }
    }

    /** get_tc_classid, with tc's invarg message when it fails. */
    static TcHandle classid(String text, String message) {
        try {
            return TcHandle.of(text);
        } catch (IllegalArgumentException e) {
            throw TcFail.invarg(message, text);
        }
    }
}
