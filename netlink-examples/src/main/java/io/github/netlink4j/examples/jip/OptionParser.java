package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.common.AddressFamily;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * Reads jip's global options off the front of a command line as ip 6.1's main() does: in its order, each
 * spelling any prefix of the long name ({@code -b} is -batch, {@code -br} -brief, {@code -f} -family,
 * {@code -h} -human), up to the first word that is not an option or {@code --}.
 */
final class OptionParser {
    private String netns;
    private boolean brief, json, force, oneline, pretty, numeric;
    private AddressFamily family;
    private int preferredFamily, timestamp, stats, details, color = Style.NEVER;
    private String batchFile;

    private OptionParser() {}

    /**
     * The options at the front of {@code args}, removed from it. {@code namespace} replaces -n when not
     * null; {@code stdoutIsTerminal} and {@code env} (for COLORFGBG) decide -c's style.
     */
    static JipOptions parse(List<String> args, NetNamespace namespace, BooleanSupplier stdoutIsTerminal, UnaryOperator<String> env) {
        OptionParser p = new OptionParser();
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String o = args.remove(0);
            if (o.equals("--")) break;
            if (p.option(o.startsWith("--") ? o.substring(1) : o, args)) return p.options(namespace, Style.PLAIN, true);
        }
        Style style = Style.of(p.numeric, p.color, p.json, p.color == Style.AUTO && stdoutIsTerminal.getAsBoolean(), env.apply("COLORFGBG"));
        return p.options(namespace, style, false);
    }

    private JipOptions options(NetNamespace namespace, Style style, boolean version) {
        return new JipOptions(netns, namespace, brief, json, family, preferredFamily, timestamp, force, batchFile, stats, details,
                oneline, pretty, numeric, color, style, version);
    }

    /** One option; true when it answers by itself (-Version). */
    private boolean option(String o, List<String> args) {
        if (is(o, "-loops")) {
            argument(args);
        } else if (is(o, "-family")) {
            String f = argument(args);
            if (f.equals("help")) throw usage(helpText());
            preferredFamily = switch (f) {
                case "inet" -> AddressFamily.INET.value();
                case "inet6" -> AddressFamily.INET6.value();
                case "bridge" -> AddressFamily.BRIDGE.value();
                case "link" -> JipOptions.AF_PACKET;
                case "mpls" -> JipOptions.AF_MPLS;
                default -> throw ArgError.invalid(f, "invalid protocol family");
            };
            family = preferredFamily == JipOptions.AF_PACKET || preferredFamily == JipOptions.AF_MPLS ? null : AddressFamily.of(preferredFamily);
        } else if (o.equals("-4")) {
            select(AddressFamily.INET);
        } else if (o.equals("-6")) {
            select(AddressFamily.INET6);
        } else if (o.equals("-0") || o.equals("-M")) {
            family = null;
            preferredFamily = o.equals("-0") ? JipOptions.AF_PACKET : JipOptions.AF_MPLS;
        } else if (o.equals("-B")) {
            select(AddressFamily.BRIDGE);
        } else if (is(o, "-human") || is(o, "-human-readable") || is(o, "-iec")) {
            // sizes are printed as plain numbers; ip's -h only changes -s output
        } else if (is(o, "-stats") || is(o, "-statistics")) {
            stats++;
        } else if (is(o, "-details")) {
            details++;
        } else if (is(o, "-resolve")) {
            // names are never resolved
        } else if (is(o, "-oneline")) {
            oneline = true;
        } else if (is(o, "-timestamp")) {
            timestamp = Math.max(timestamp, 1);
        } else if (is(o, "-tshort")) {
            timestamp = 2;
        } else if (is(o, "-Version")) {
            return true;
        } else if (is(o, "-force")) {
            force = true;
        } else if (is(o, "-batch")) {
            batchFile = argument(args);
        } else if (is(o, "-brief")) {
            brief = true;
        } else if (is(o, "-json")) {
            json = true;
        } else if (is(o, "-pretty")) {
            pretty = true;
        } else if (is(o, "-rcvbuf")) {
            String size = argument(args);
            if (!size.matches("[0-9]+|0[xX][0-9a-fA-F]+")) throw usage("Invalid rcvbuf size '" + size + "'");
        } else if (Style.colorOption(o) >= 0) {
            color = Style.colorOption(o);
        } else if (is(o, "-help")) {
            throw usage(helpText());
        } else if (is(o, "-netns")) {
            netns = argument(args);
        } else if (is(o, "-Numeric")) {
            numeric = true;
        } else if (is(o, "-all") || o.equals("-echo")) {
            // accepted; jip has no -all/-echo behaviour
        } else {
            throw usage("Option \"" + o + "\" is unknown, try \"ip -help\".");
        }
        return false;
    }

    private void select(AddressFamily f) {
        family = f;
        preferredFamily = f.value();
    }

    /** An option's argument; ip prints its usage when the line ends first. */
    private static String argument(List<String> args) {
        if (args.isEmpty()) throw usage(helpText());
        return args.remove(0);
    }

    /** ip's usage(), with jip's own command after it. */
    static String helpText() {
        return """
                Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
                       ip [ -force ] -batch filename
                where  OBJECT := { address | link | monitor | neighbor | neighbour | netns | nexthop | route | rule }
                       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                                    -f[amily] { inet | inet6 | bridge | link } |
                                    -4 | -6 | -M | -B | -0 |
                                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                                    -c[olor]}
                jip, netlink4j's ip: the objects above take ip 6.1's commands; also
                """ + "       " + Demo.USAGE;
    }
}
