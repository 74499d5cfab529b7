package io.github.netlink4j.examples.jynl;

import java.util.Objects;

/**
 * jynl's command line, in the spirit of the kernel's YNL client ({@code tools/net/ynl/cli.py}):
 * {@code --family NAME} with {@code --do OP} or {@code --dump OP} and {@code --json TEXT} for its request,
 * {@code --subscribe GROUP} with {@code --sleep SECONDS} for notifications, {@code --list-ops},
 * {@code --list-families}, {@code -n NETNS}, {@code --pretty}. Parsed whole before anything runs.
 *
 * @param family       the family, or null
 * @param doOp         the operation to do, or null
 * @param dumpOp       the operation to dump, or null
 * @param json         the request's attributes as JSON text ({@code {}} when not given)
 * @param subscribe    the multicast group to listen to, or null
 * @param sleepSeconds how long to listen after the request, in seconds
 * @param listOps      whether to list the family's operations
 * @param listFamilies whether to list the families jynl has specs of
 * @param netns        the named network namespace to work in, or null
 * @param pretty       whether to lay the JSON out
 */
record JynlArgs(String family, String doOp, String dumpOp, String json, String subscribe, int sleepSeconds,
                boolean listOps, boolean listFamilies, String netns, boolean pretty) {
    /** Longest listening jynl does: an hour, so that every run ends. */
    static final int MAX_SLEEP = 3600;

    static final String USAGE = """
            Usage: jynl [-n NETNS] --family NAME (--do OP | --dump OP) [--json JSON] [--subscribe GROUP [--sleep S]] [--pretty]
                   jynl [-n NETNS] --family NAME --subscribe GROUP [--sleep S] [--pretty]
                   jynl --family NAME --list-ops
                   jynl --list-families
            """;

    /** A command line jynl cannot run: the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code argv}; a {@link UsageException} naming the problem otherwise. */
    static JynlArgs parse(String... argv) throws UsageException {
        String family = null, doOp = null, dumpOp = null, json = null, subscribe = null, netns = null, sleep = null;
        boolean listOps = false, listFamilies = false, pretty = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--family" -> family = once(family, a, value(argv, ++i, a));
                case "--do" -> doOp = once(doOp, a, value(argv, ++i, a));
                case "--dump" -> dumpOp = once(dumpOp, a, value(argv, ++i, a));
                case "--json" -> json = once(json, a, value(argv, ++i, a));
                case "--subscribe" -> subscribe = once(subscribe, a, value(argv, ++i, a));
                case "--sleep" -> sleep = once(sleep, a, value(argv, ++i, a));
                case "-n", "--netns" -> netns = once(netns, a, value(argv, ++i, a));
                case "--list-ops" -> listOps = true;
                case "--list-families" -> listFamilies = true;
                case "-p", "--pretty" -> pretty = true;
                default -> throw new UsageException("unknown option " + a);
            }
        }
        if (listFamilies) {
            if (family != null || doOp != null || dumpOp != null || subscribe != null || listOps) {
                throw new UsageException("--list-families takes no other option");
            }
            return new JynlArgs(null, null, null, "{}", null, 0, false, true, netns, pretty);
        }
        if (family == null) throw new UsageException("--family is required");
        if (doOp != null && dumpOp != null) throw new UsageException("--do and --dump exclude each other");
        if (listOps && (doOp != null || dumpOp != null || subscribe != null)) throw new UsageException("--list-ops takes only --family");
        if (!listOps && doOp == null && dumpOp == null && subscribe == null) throw new UsageException("nothing to do: give --do, --dump, --subscribe or --list-ops");
        if (json != null && doOp == null && dumpOp == null) throw new UsageException("--json is the request of --do or --dump");
        if (sleep != null && subscribe == null) throw new UsageException("--sleep is how long --subscribe listens");
        return new JynlArgs(family, doOp, dumpOp, Objects.requireNonNullElse(json, "{}"), subscribe, seconds(sleep), listOps, false, netns, pretty);
    }

    private static String value(String[] argv, int i, String option) throws UsageException {
        if (i >= argv.length) throw new UsageException(option + " needs a value");
        return argv[i];
    }

    private static String once(String before, String option, String value) throws UsageException {
        if (before != null) throw new UsageException(option + " given twice");
        return value;
    }

    /** --sleep's seconds: 1 when not given (a subscription alone would otherwise hear nothing), at most an hour. */
    private static int seconds(String sleep) throws UsageException {
        if (sleep == null) return 1;
        int s;
        try {
            s = Integer.parseInt(sleep);
        } catch (NumberFormatException e) {
            throw new UsageException("--sleep takes whole seconds, not " + sleep);
        }
        if (s < 0 || s > MAX_SLEEP) throw new UsageException("--sleep takes 0 to " + MAX_SLEEP + " seconds, not " + s);
        return s;
    }
}
