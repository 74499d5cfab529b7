package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.SyscallException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * {@code jip}: iproute2's {@code ip} syntax and output, on netlink4j's public API only. This class is the
 * entry point: it reads the global options ({@link OptionParser}), hands them with a client to the
 * object's command, and prints what a failed command gets as ip prints it. Commands never call back.
 *
 * <pre>
 * jip [-n NS] [-br] [-j] [-4|-6] link|addr|route|neigh|netns|monitor ...
 * jip demo [--host-netns NAME] [--netns NAME] [--jdk-server] [--topology]
 * </pre>
 */
public final class Jip {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** The namespace to work in in place of -n (the training run's), or null. */
    private final NetNamespace namespace;
    /** Whether standard output is a terminal, for -c=auto; only main's is ever one. */
    BooleanSupplier stdoutIsTerminal = () -> false;
    /** The environment, for COLORFGBG. */
    UnaryOperator<String> env = System::getenv;
    /**
     * main's terminal check, made when the class is initialised: the training run (which never runs main)
     * initialises it too, so the AOT cache keeps this lambda's call site resolved and a command does not spin
     * its class (~2 ms of a cold start).
     */
    private static final BooleanSupplier TERMINAL = Jip::stdoutIsTerminal;
    /** The one client of a batch, closed when it ends. */
    private NetlinkClient shared;

    Jip(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    /** With {@code in} as standard input, which {@code -batch -} reads. */
    Jip(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, null);
    }

    /** Working in {@code namespace}, whatever -n says: the training run's anonymous namespace. */
    Jip(InputStream in, PrintStream out, PrintStream err, NetNamespace namespace) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.namespace = namespace;
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--train")) {
            System.exit(JipTraining.run(Jip::train));
        }
        Jip jip = new Jip(System.out, System.err);
        jip.stdoutIsTerminal = TERMINAL;
        int rc = jip.run(args);
        System.out.flush();
        System.exit(rc);
    }

    /** One command line of the training run: in {@code ns}, its output discarded. */
    static int train(NetNamespace ns, String[] command) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return new Jip(InputStream.nullInputStream(), sink, sink, ns).run(command);
    }

    /** Runs one command line; returns the exit status ip would return. */
    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        try {
            JipOptions options = OptionParser.parse(args, namespace, stdoutIsTerminal, env);
            if (options.version()) {
                out.println("jip utility, netlink4j " + version() + " (iproute2-6.1.0 grammar)");
                return 0;
            }
            if (options.batchFile() != null) return batch(options);
            if (args.isEmpty()) throw usage(OptionParser.helpText());
            return command(options, args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return e.status();
        }
    }

    /**
     * isatty(1) for -c=auto, from what fd 1 is open on: a terminal device is /dev/pts/N, /dev/ttyN or
     * /dev/console (the JDK's own check, System.console(), also asks whether standard input is one).
     */
    private static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
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
    private int batch(JipOptions options) {
        String file = options.batchFile();
        Reader reader;
        try {
            // Malformed UTF-8 is replaced, not refused: ip reads bytes and has no such error.
            reader = new InputStreamReader(file.equals("-") ? in : Files.newInputStream(Path.of(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot open file \"" + file + "\" for reading: " + e.getMessage());
            return 1;
        }
        BatchReader lines = new BatchReader(reader);
        int status = 0;
        try {
            for (String line; (line = lines.next()) != null; ) {
                List<String> words = BatchReader.words(line);
                if (words.isEmpty()) continue;
                int rc;
                try {
                    rc = command(options, new ArrayList<>(words));
                } catch (UsageException e) {
                    err.println(e.getMessage());
                    rc = e.status();
                }
                if (rc != 0) {
                    err.println("Command failed " + file + ":" + lines.lineNumber());
                    status = 1;
                    if (!options.force()) break;
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
    private int command(JipOptions o, List<String> args) {
        try {
            String word = args.remove(0);
            if (word.equals("demo")) return Demo.run(args, out, err);
            String object = object(word);
            if (object == null) {
                err.println("Object \"" + word + "\" is unknown, try \"ip help\".");
                return 1;
            }
            if (object.equals("help")) throw usage(OptionParser.helpText());
            if (object.equals("netns")) return new NetnsCommand(o, out, err).run(args);
            NetlinkClient nl = o.batchFile() != null ? sharedClient(o) : Clients.open(o);
            try {
                switch (object) {
                    case "link": return new LinkCommand(o, out, err, nl).run(args);
                    case "address": return new AddrCommand(o, out, err, nl).run(args);
                    case "route": return new RouteCommand(o, out, err, nl).run(args);
                    case "neighbor", "neighbour": return new NeighCommand(o, out, err, nl).run(args);
                    case "rule": return new RuleCommand(o, out, err, nl).run(args);
                    case "nexthop": return new NexthopCommand(o, out, err, nl).run(args);
                    case "monitor": return new MonitorCommand(o, out, nl).run(args);
                    case "mptcp": return new MptcpCommand(o, out, nl).run(args);
                    case "tcpmetrics", "tcp_metrics": return new TcpMetricsCommand(o, out, err, nl).run(args);
                    case "tuntap", "tap": return new TuntapCommand(o, out, err, nl).run(args);
                    case "netconf": return new NetconfCommand(o, out, err, nl).run(args);
                    default:
                        err.println("Object \"" + object + "\" is not implemented by jip.");
                        return 255;
                }
            } finally {
                if (nl != shared) nl.close();
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            return e.status();
        } catch (NoSuchLinkException e) {
            err.println("Cannot find device \"" + e.link() + "\"");
            return 1;
        } catch (KernelException e) {
            if (e.extAckMessage().isPresent()) {
                String m = e.extAckMessage().get();
                err.println("Error: " + m + (m.endsWith(".") ? "" : "."));
            } else {
                err.println("RTNETLINK answers: " + Errno.describe(e.errno()));
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

    private NetlinkClient sharedClient(JipOptions o) throws IOException {
        if (shared == null) shared = Clients.open(o);
        return shared;
    }
}
