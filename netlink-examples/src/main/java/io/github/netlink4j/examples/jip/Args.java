package io.github.netlink4j.examples.jip;

import java.util.List;

/** How ip reads the words of a command line: abbreviations, the next argument, numbers, and its usage errors. */
final class Args {
    private Args() {}

    /** A syntax error of ip's own: the message and exit status 255. */
    static UsageException usage(String message) {
        return new UsageException(message, 255);
    }

    /** Whether {@code word} abbreviates {@code full}, as ip's matches() accepts prefixes. */
    static boolean is(String word, String full) {
        return !word.isEmpty() && full.startsWith(word);
    }

    /**
     * The first of {@code names} that {@code word} abbreviates (a name starting with {@code =} must be
     * given in full, ip's strcmp), or null.
     */
    static String verb(String word, String... names) {
        for (String n : names) {
            if (n.startsWith("=") ? word.equals(n.substring(1)) : is(word, n)) return n.startsWith("=") ? n.substring(1) : n;
        }
        return null;
    }

    /** The argument after a keyword; ip's NEXT_ARG says the line is not complete when there is none. */
    static String next(List<String> args, String what) {
        if (args.isEmpty()) throw usage("Command line is not complete. Try option \"help\"");
        return args.remove(0);
    }

    /** A decimal int, or invarg's message naming {@code what}. */
    static int number(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ArgError.invalid(s, what);
        }
    }
}
