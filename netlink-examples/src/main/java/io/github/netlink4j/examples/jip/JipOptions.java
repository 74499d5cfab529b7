package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.common.AddressFamily;

/**
 * jip's global options, read once from the front of the command line ({@link OptionParser}) and handed
 * to every command; a command reads them and never writes them back, so a batch line cannot change
 * what the next one sees.
 *
 * @param netns           -n NAME, or null
 * @param namespace       the namespace to work in in place of -n (the training run's anonymous one), or null
 * @param brief           -br
 * @param json            -j
 * @param family          -4, -6, -B or -f inet|inet6|bridge; null: every family (also under -0 and -M)
 * @param preferredFamily ip's preferred_family as an AF_* number, which also tells -0 ({@link #AF_PACKET})
 *                        and -M ({@link #AF_MPLS}) from no option (0)
 * @param timestamp       0 none, 1 -timestamp, 2 -tshort
 * @param force           -force: a batch goes on after a failed line
 * @param batchFile       -batch FILE ("-" standard input), or null
 * @param stats           -s, repeatable
 * @param details         -d, repeatable
 * @param oneline         -o
 * @param pretty          -p
 * @param numeric         -N
 * @param color           -c[olor][=always|auto|never]: one of {@link Style}'s NEVER, AUTO, ALWAYS
 * @param style           how the views print under -N and -c, decided once (-c=auto asks about the terminal)
 * @param version         -V: answered by itself; the options after it were not read
 */
record JipOptions(String netns, NetNamespace namespace, boolean brief, boolean json, AddressFamily family, int preferredFamily,
        int timestamp, boolean force, String batchFile, int stats, int details, boolean oneline, boolean pretty, boolean numeric,
        int color, Style style, boolean version) {
    /** AF_PACKET and AF_MPLS, which -0 and -M select and {@link AddressFamily} does not name. */
    static final int AF_PACKET = 17, AF_MPLS = 28;

    /** ip -o: a record's lines joined by a backslash (ip's _SL_), one newline at the end. */
    static String fold(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.replace("\n", "\\") + "\n";
    }
}
