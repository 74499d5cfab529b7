package io.github.netlink4j.examples.jip;

/**
 * ip's invarg(): {@code Error: argument "ARG" is wrong: WHAT}, exit status 255. One builder, so that the
 * text a script greps for cannot drift between objects. WHAT is ip's own text, a trailing newline and
 * all where ip's has one (ip then prints an empty line after it).
 */
public final class ArgError {
    private ArgError() {}

    /** invarg(what, arg): the message and ip's exit(-1); jtc's invarg takes its words from here too. */
    public static UsageException invalid(String arg, String what) {
        return invalid(arg, what, 255);
    }

    /** The same text with another status, where ip reaches it on a path that exits otherwise. */
    static UsageException invalid(String arg, String what, int status) {
        return new UsageException("Error: argument \"" + arg + "\" is wrong: " + what, status);
    }
}
