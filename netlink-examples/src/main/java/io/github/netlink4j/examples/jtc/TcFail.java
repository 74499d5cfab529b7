package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.examples.jip.ArgError;

/**
 * tc's refusal of a command line before anything reaches the kernel: the text tc writes to standard
 * error (complete, newlines included) and the status it exits with (255 for its exit(-1) and return -1,
 * 1 where a kind's parser fails).
 */
final class TcFail extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String text;
    final int exit;
    /** tc's exit(-1) (invarg, duparg, an incomplete line): it ends a batch too, whatever -force says. */
    final boolean fatal;

    TcFail(String text, int exit) {
        this(text, exit, false);
    }

    TcFail(String text, int exit, boolean fatal) {
        super(text, null, false, false);
        this.text = text;
        this.exit = exit;
        this.fatal = fatal;
    }

    /** lib/utils.c's invarg, in the words of jip's ArgError (one helper for both tools). */
    static TcFail invarg(String msg, String arg) {
        return new TcFail(ArgError.invalid(arg, msg).getMessage() + "\n", 255, true);
    }

    /** lib/utils.c's duparg. */
    static TcFail duparg(String key, String arg) {
        return new TcFail("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.\n", 255, true);
    }

    /** NEXT_ARG past the last word: incomplete_command. */
    static TcFail incomplete() {
        return new TcFail("Command line is not complete. Try option \"help\"\n", 255, true);
    }

    /** What jtc does not implement of tc's grammar: refused, never half done. */
    static TcFail unsupported(String what) {
        return new TcFail("jtc: " + what + " is not supported\n", 1);
    }
}
