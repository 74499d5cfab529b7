package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.SyscallException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jip}: iproute2's {@code ip} syntax and output, on netlink4j's public API only.
 *
 * <pre>
 * jip [-n NS] [-br] [-j] [-4|-6] link|addr|route|neigh|netns|monitor ...
 * jip demo [--host-netns NAME] [--netns NAME] [--jdk-server] [--topology]
 * </pre>
 */
public final class Jip {
    final java.io.InputStream in;
    final PrintStream out;
    final PrintStream err;
    String netns;
    NetNamespace trainingNs; // JipTraining's anonymous namespace, in place of -n
    boolean brief;
    boolean json;
    AddressFamily family; // null: every family
    /** ip's preferred_family as an AF_* number, which also tells -0 (AF_PACKET) and -M (AF_MPLS) from no option. */
    int preferredFamily;
    static final int AF_PACKET = 17, AF_MPLS = 28;
    int timestamp; // 0 none, 1 -timestamp, 2 -tshort
    boolean force;
    String batchFile;
    /** The one client of a batch, closed when it ends. */
    private NetlinkClient shared;

    Jip(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    /** With {@code in} as standard input, which {@code -batch -} reads. */
    Jip(java.io.InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--train")) System.exit(JipTraining.run());
        Jip jip = new Jip(System.out, System.err);
        jip.stdoutIsTerminal = Jip::stdoutIsTerminal;
        int rc = jip.run(args);
        System.out.flush();
        System.exit(rc);
    }

    /** Usage error: ip prints a message and exits 1 (or 255 for its own syntax errors); jtc's batch lines meet it too. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int exit;

        UsageException(String message, int exit) {
            super(message);
            this.exit = exit;
        }

        /** The exit status the tool returns for it. */
        public int status() {
            return exit;
        }
    }

    static UsageException usage(String message) {
        return new UsageException(message, 255);
    }

    int stats; // -s, repeatable
    int details; // -d
    boolean oneline;
    boolean pretty;
    boolean numeric; // -N
    int color = Style.NEVER; // -c[olor][=always|auto|never]
    /** Whether standard output is a terminal, for -c=auto; only main's is ever one. */
    java.util.function.BooleanSupplier stdoutIsTerminal = () -> false;
    /** The environment, for COLORFGBG. */
    java.util.function.UnaryOperator<String> env = System::getenv;
    /** How the views print, once the options are read. */
    Style style = Style.PLAIN;

    /** Runs one command line; returns the exit status ip would return. */
    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        try {
            while (!args.isEmpty() && args.get(0).startsWith("-")) {
                String o = args.remove(0);
                if (o.equals("--")) break;
                if (option(o.startsWith("--") ? o.substring(1) : o, args)) {
                    return 0;
                }
            }
            style = Style.of(numeric, color, json, color == Style.AUTO && stdoutIsTerminal.getAsBoolean(), env.apply("COLORFGBG"));
            if (batchFile != null) return batch(batchFile);
            if (args.isEmpty()) throw usage(helpText());
            return command(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return e.exit;
        }
    }

    /**
     * One global option, matched as ip 6.1's main() matches them: in its order, each spelling any
     * prefix of the long name ({@code -b} is -batch, {@code -br} -brief, {@code -f} -family,
     * {@code -h} -human). Returns true when the option answers by itself (-help, -Version).
     */
    private boolean option(String o, List<String> args) {
        if (is(o, "-loops")) {
            argument(o, args);
        } else if (is(o, "-family")) {
            String f = argument(o, args);
            if (f.equals("help")) throw usage(helpText());
            preferredFamily = switch (f) {
                case "inet" -> AddressFamily.INET.value();
                case "inet6" -> AddressFamily.INET6.value();
                case "bridge" -> AddressFamily.BRIDGE.value();
                case "link" -> AF_PACKET;
                case "mpls" -> AF_MPLS;
                default -> throw usage("Error: argument \"" + f + "\" is wrong: invalid protocol family");
            };
            family = preferredFamily == AF_PACKET || preferredFamily == AF_MPLS ? null : AddressFamily.of(preferredFamily);
        } else if (o.equals("-4")) {
            family = AddressFamily.INET;
            preferredFamily = family.value();
        } else if (o.equals("-6")) {
            family = AddressFamily.INET6;
            preferredFamily = family.value();
        } else if (o.equals("-0") || o.equals("-M")) {
            family = null;
            preferredFamily = o.equals("-0") ? AF_PACKET : AF_MPLS;
        } else if (o.equals("-B")) {
            family = AddressFamily.BRIDGE;
            preferredFamily = family.value();
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
            out.println("jip utility, netlink4j " + version() + " (iproute2-6.1.0 grammar)");
            return true;
        } else if (is(o, "-force")) {
            force = true;
        } else if (is(o, "-batch")) {
            batchFile = argument(o, args);
        } else if (is(o, "-brief")) {
            brief = true;
        } else if (is(o, "-json")) {
            json = true;
        } else if (is(o, "-pretty")) {
            pretty = true;
        } else if (is(o, "-rcvbuf")) {
            String size = argument(o, args);
            if (!size.matches("[0-9]+|0[xX][0-9a-fA-F]+")) throw usage("Invalid rcvbuf size '" + size + "'");
        } else if (Style.colorOption(o) >= 0) {
            color = Style.colorOption(o);
        } else if (is(o, "-help")) {
            throw usage(helpText());
        } else if (is(o, "-netns")) {
            netns = argument(o, args);
        } else if (is(o, "-Numeric")) {
            numeric = true;
        } else if (is(o, "-all") || o.equals("-echo")) {
            // accepted; jip has no -all/-echo behaviour
        } else {
            throw usage("Option \"" + o + "\" is unknown, try \"ip -help\".");
        }
        return false;
    }

    /**
     * isatty(1) for -c=auto, from what fd 1 is open on: a terminal device is /dev/pts/N, /dev/ttyN or
     * /dev/console (the JDK's own check, System.console(), also asks whether standard input is one).
     */
    private static boolean stdoutIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String argument(String option, List<String> args) {
        if (args.isEmpty()) throw usage(helpText());
        return args.remove(0);
    }

    private static String version() {
        String v = Jip.class.getPackage().getImplementationVersion();
        return v != null ? v : "(development build)";
    }

    /**
     * {@code ip -batch FILE} ("-" for standard input): each line one command with the global options
     * given before it, read as {@link BatchReader} reads it and run as soon as it is complete; a failed
     * command prints "Command failed FILE:LINE" and ends the batch unless {@code -force}. One netlink
     * socket serves every line. Exits 1 if any command failed, as ip does; an unterminated quote ends
     * the batch with 1 even under -force, and input that ends where a continuation line was due ends
     * it with "Missing continuation line", that line not run, as ip 6.1 does.
     */
    private int batch(String file) {
        java.io.Reader reader;
        try {
            // Malformed UTF-8 is replaced, not refused: ip reads bytes and has no such error.
            reader = new java.io.InputStreamReader(file.equals("-") ? in : java.nio.file.Files.newInputStream(java.nio.file.Path.of(file)),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot open file \"" + file + "\" for reading: " + e.getMessage());
            return 1;
        }
        BatchReader lines = new BatchReader(reader);
        int status = 0;
        try {
            for (String line; (line = lines.next()) != null; ) {
                List<String> words = words(line);
                if (words.isEmpty()) continue;
                int rc;
                try {
                    rc = command(new ArrayList<>(words));
                } catch (UsageException e) {
                    err.println(e.getMessage());
                    rc = e.exit;
                }
                if (rc != 0) {
                    err.println("Command failed " + file + ":" + lines.lineNumber());
                    status = 1;
                    if (!force) break;
                }
            }
            if (lines.missingContinuation()) err.println("Missing continuation line");
        } catch (IOException e) {
            err.println("Cannot read file \"" + file + "\": " + e.getMessage());
            status = 1;
        } finally {
            if (shared != null) shared.close();
            shared = null;
            if (!file.equals("-")) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // read to its end or given up on: nothing left to lose
                }
            }
        }
        return status;
    }

    /** ip 6.1's MAX_ARGS: makeargs refuses a line of more words. */
    private static final int MAX_ARGS = 512;

    /**
     * iproute2's makeargs: words split on blanks, a word that starts with a quote runs to the same
     * quote. Like ip, a quote left open or more than {@code MAX_ARGS - 1} words end the whole batch
     * with status 1, whatever -force says.
     */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && " \t\r\n".indexOf(line.charAt(i)) >= 0) i++;
            if (i >= n) break;
            if (out.size() >= MAX_ARGS - 1) throw new UsageException("Too many arguments to command", 1);
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) throw new UsageException("Unterminated quoted string", 1);
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && " \t\r\n".indexOf(line.charAt(i)) < 0) i++;
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** ip 6.1's objects in the order it matches abbreviations against them ({@code l} is link, {@code m} maddress). */
    private static final List<String> OBJECTS = List.of("address", "addrlabel", "maddress", "route", "rule", "neighbor",
            "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap",
            "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr",
            "nexthop", "mptcp", "ioam", "help", "stats");

    /** The object {@code word} names as ip resolves it, or null when ip knows none. */
    static String object(String word) {
        for (String o : OBJECTS) if (is(word, o)) return o;
        return null;
    }

    /** One command: OBJECT and its arguments, the global options already read. */
    private int command(List<String> args) {
        try {
            String word = args.remove(0);
            if (word.equals("demo")) return Demo.run(args, out, err);
            String object = object(word);
            if (object == null) {
                err.println("Object \"" + word + "\" is unknown, try \"ip help\".");
                return 1;
            }
            if (object.equals("help")) throw usage(helpText());
            if (object.equals("netns")) return new NetnsCommand(this).run(args);
            NetlinkClient nl = batchFile != null ? sharedClient() : client();
            try {
                switch (object) {
                    case "link": return new LinkCommand(this, nl).run(args);
                    case "address": return new AddrCommand(this, nl).run(args);
                    case "route": return new RouteCommand(this, nl).run(args);
                    case "neighbor", "neighbour": return new NeighCommand(this, nl).run(args);
                    case "rule": return new RuleCommand(this, nl).run(args);
                    case "nexthop": return new NexthopCommand(this, nl).run(args);
                    case "monitor": return new MonitorCommand(this, nl).run(args);
                    case "mptcp": return new MptcpCommand(this, nl).run(args);
                    case "tcpmetrics", "tcp_metrics": return new TcpMetricsCommand(this, nl).run(args);
                    case "tuntap", "tap": return new TuntapCommand(this, nl).run(args);
                    case "netconf": return new NetconfCommand(this, nl).run(args);
                    default:
                        err.println("Object \"" + object + "\" is not implemented by jip.");
                        return 255;
                }
            } finally {
                if (nl != shared) nl.close();
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            return e.exit;
        } catch (NoSuchLinkException e) {
            err.println("Cannot find device \"" + e.link() + "\"");
            return 1;
        } catch (KernelException e) {
            if (e.extAckMessage().isPresent()) {
                String m = e.extAckMessage().get();
                err.println("Error: " + m + (m.endsWith(".") ? "" : "."));
            } else {
                err.println("RTNETLINK answers: " + io.github.netlink4j.error.Errno.describe(e.errno()));
            }
            return 2;
        } catch (SyscallException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
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

    /** ip -o: a record's lines joined by a backslash (ip's _SL_), one newline at the end. */
    static String oneline(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.replace("\n", "\\") + "\n";
    }

    /** Whether {@code word} abbreviates {@code full}, as ip's matches() accepts prefixes. */
    static boolean is(String word, String full) {
        return !word.isEmpty() && full.startsWith(word);
    }

    private NetlinkClient sharedClient() throws IOException {
        if (shared == null) shared = client();
        return shared;
    }

    NetlinkClient client() throws IOException {
        if (trainingNs != null) return NetlinkClient.open(trainingNs);
        if (netns == null) return NetlinkClient.open();
        NetNamespace ns;
        try {
            ns = NetNamespace.open(netns);
        } catch (SyscallException | io.github.netlink4j.error.NoSuchNamespaceException e) {
            throw new UsageException("Cannot open network namespace \"" + netns + "\": " + NetnsCommand.describe(e), 255);
        }
        try (ns) {
            return NetlinkClient.open(ns);
        } catch (io.github.netlink4j.error.NotPermittedException e) {
            throw NetnsCommand.entering(netns, e);
        }
    }

    static String next(List<String> args, String what) {
        if (args.isEmpty()) throw usage("Command line is not complete. Try option \"help\"");
        return args.remove(0);
    }

    /** The {@code [dev] NAME} argument of a show command, or null when it lists everything. */
    static String devArgument(List<String> args) {
        String dev = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            dev = a.equals("dev") ? next(args, "dev") : a;
        }
        return dev;
    }

    /** The links to show: all of them, or the one named {@code dev}, which must exist (ip exits 1). */
    static List<io.github.netlink4j.link.Link> shown(List<io.github.netlink4j.link.Link> all, String dev) {
        if (dev == null) return all;
        List<io.github.netlink4j.link.Link> one = all.stream().filter(l -> l.name().equals(dev)).toList();
        if (one.isEmpty()) throw new UsageException("Device \"" + dev + "\" does not exist.", 1);
        return one;
    }

    static int number(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UsageException("Error: argument \"" + s + "\" is wrong: " + what, 255);
        }
    }

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
