package io.github.netlink4j.examples.jtc;

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
}
