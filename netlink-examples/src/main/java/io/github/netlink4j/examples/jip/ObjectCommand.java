package io.github.netlink4j.examples.jip;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * The one dispatch every jip object shares: no command is {@code show}; otherwise the first word is
 * matched against the object's commands in ip 6.1's order, so an abbreviation means what it means to
 * ip ({@code ip link s} is {@code set}, {@code ip addr s} is {@code show}).
 */
abstract class ObjectCommand {
    /** What a modifying verb asks for. */
    enum Op { ADD, REPLACE, DELETE, CHANGE, APPEND, PREPEND }

    /** The global options, read before the object's name. */
    final JipOptions opt;
    /** Where the command prints its output and its errors. */
    final PrintStream stdout, stderr;
    private final String object;

    /** {@code object}: the name ip's "try \"ip OBJECT help\"" uses. */
    ObjectCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, String object) {
        this.opt = opt;
        this.stdout = stdout;
        this.stderr = stderr;
        this.object = object;
    }

    final int run(List<String> args) throws IOException {
        if (args.isEmpty()) return command("", args);
        String word = args.remove(0);
        String verb = Args.verb(word, verbs());
        if (verb == null) throw usage("Command \"" + word + "\" is unknown, try \"ip " + object + " help\".");
        if (verb.equals("help")) throw usage(help());
        return command(verb, args);
    }

    /** The commands in the order ip tries them; a name starting with {@code =} only matches in full. */
    abstract String[] verbs();

    /** Runs {@code verb} (empty: no command given) on the rest of the line. */
    abstract int command(String verb, List<String> args) throws IOException;

    /** The usage text ip's {@code help} prints (to standard error, exit status 255). */
    abstract String help();

    /** An ip command jip knows the name of but does not do. */
    static UsageException notImplemented(String what) {
        return new UsageException("jip: \"" + what + "\" is not implemented", 255);
    }
}
