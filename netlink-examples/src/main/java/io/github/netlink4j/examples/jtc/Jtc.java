package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.examples.jip.BatchReader;
import io.github.netlink4j.examples.jip.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jtc}: iproute2's {@code tc} syntax and output for qdiscs, classes, filters and actions, on netlink4j's public API.
 * The same jar as jip, started by the {@code jtc} script with this class as its main.
 *
 * <pre>
 * jtc [-s] [-d] [-j [-p]] [-n NETNS] qdisc|class|filter add|replace|change|del|show ...
 * jtc [-s] [-j [-p]] [-n NETNS] actions add|replace|ls|get|del|flush ...
 * jtc [-force] -b FILE
 * </pre>
 */
public final class Jtc {
    static final String USAGE = """
            Usage:\ttc [ OPTIONS ] OBJECT { COMMAND | help }
            \ttc [-force] -batch filename
            where  OBJECT := { qdisc | class | filter | chain |
            \t\t    action | monitor | exec }
                   OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[aw] |
            \t\t    -o[neline] | -j[son] | -p[retty] | -c[olor]
            \t\t    -b[atch] [filename] | -n[etns] name | -N[umeric] |
            \t\t     -nm | -nam[es] | { -cf | -conf } path
            \t\t     -br[ief] }
            """;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    int stats;
    int details;
    boolean json;
    boolean pretty;
    boolean force;
    String netns;
    String batchFile;
    /** JtcTraining's anonymous namespace, in place of -n. */
    NetNamespace trainingNs;
    private NetlinkClient shared;

    Jtc(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** One training command in {@code ns}, its output discarded: what JtcTraining runs. */
    static int train(NetNamespace ns, String[] command) {
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        Jtc jtc = new Jtc(InputStream.nullInputStream(), sink, sink);
        jtc.trainingNs = ns;
        return jtc.run(command);
    }

    /** Runs one command line and exits with tc's status. */
    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--train")) System.exit(JtcTraining.run(Jtc::train));
        int rc = new Jtc(System.in, System.out, System.err).run(args);
        System.out.flush();
        System.exit(rc);
    }

    /** tc's main: the options in its order of matching, then a batch or one command. */
    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        try {
            while (!args.isEmpty() && args.get(0).startsWith("-")) {
                String o = args.remove(0);
                if (Args.matches(o, "-stats") || Args.matches(o, "-statistics")) {
                    stats++;
                } else if (Args.matches(o, "-details")) {
                    details++;
                } else if (Args.matches(o, "-raw")) {
                    throw TcFail.unsupported("-raw");
                } else if (Args.matches(o, "-pretty")) {
                    pretty = true;
                } else if (Args.matches(o, "-graph")) {
                    throw TcFail.unsupported("-graph");
                } else if (Args.matches(o, "-Version")) {
                    out.println("tc utility, iproute2-6.1.0 (jtc, netlink4j)");
                    return 0;
                } else if (Args.matches(o, "-iec")) {
                    throw TcFail.unsupported("-iec");
                } else if (Args.matches(o, "-help")) {
                    err.print(USAGE);
                    return 0;
                } else if (Args.matches(o, "-force")) {
                    force = true;
                } else if (Args.matches(o, "-batch")) {
                    if (args.isEmpty()) {
                        err.print(USAGE);
                        return 0;
                    }
                    batchFile = args.remove(0);
                } else if (Args.matches(o, "-netns")) {
                    if (args.isEmpty()) throw TcFail.incomplete();
                    netns = args.remove(0);
                } else if (Args.matches(o, "-json")) {
                    json = true;
                } else if (Args.matches(o, "-Numeric") || Args.matches(o, "-oneline") || Args.matches(o, "-brief")) {
                    // nothing they change is printed by qdisc and class show
                } else {
                    err.print("Option \"" + o + "\" is unknown, try \"tc -help\".\n");
                    return 255;
                }
            }
            if (batchFile != null) return batch(batchFile);
            if (args.isEmpty()) {
                err.print(USAGE);
                return 0;
            }
            return command(args);
        } catch (TcFail f) {
            err.print(f.text);
            return f.exit;
        }
    }

    /**
     * {@code tc -batch FILE} ("-" standard input): lib/utils.c's do_batch, as jip reads it; a failed line
     * prints "Command failed FILE:LINE" and ends the batch unless -force; tc's exit(-1) ends it always.
     * One client serves every line.
     */
    private int batch(String file) {
        Reader reader;
        try {
            reader = new InputStreamReader(file.equals("-") ? in : Files.newInputStream(Path.of(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.print("Cannot open file \"" + file + "\" for reading: " + e.getMessage() + "\n");
            return 1;
        }
        BatchReader lines = new BatchReader(reader);
        int status = 0;
        try {
            for (String line; (line = lines.next()) != null; ) {
                List<String> words;
                try {
                    words = BatchReader.words(line);
                } catch (UsageException e) {
                    err.println(e.getMessage());
                    return e.status();
                }
                if (words.isEmpty()) continue;
                int rc;
                try {
                    rc = command(new ArrayList<>(words));
                } catch (TcFail f) {
                    err.print(f.text);
                    if (f.fatal) return f.exit;
                    rc = f.exit;
                }
                if (rc != 0) {
                    err.print("Command failed " + file + ":" + lines.lineNumber() + "\n");
                    status = 1;
                    if (!force) break;
                }
            }
        } catch (IOException e) {
            err.print("Cannot read file \"" + file + "\": " + e.getMessage() + "\n");
            status = 1;
        } finally {
            if (shared != null) shared.close();
            shared = null;
        }
        return status;
    }

    /** do_cmd: the object, matched as tc matches it. */
    private int command(List<String> args) {
        String word = args.get(0);
        List<String> rest = args.subList(1, args.size());
        boolean qdisc = Args.matches(word, "qdisc"), klass = !qdisc && Args.matches(word, "class");
        boolean filter = !qdisc && !klass && Args.matches(word, "filter");
        boolean actions = !qdisc && !klass && !filter && Args.matches(word, "actions");
        if (!qdisc && !klass && !filter && !actions) {
            if (Args.matches(word, "chain") || Args.matches(word, "monitor") || Args.matches(word, "exec")) {
                throw TcFail.unsupported("tc " + word);
            }
            if (Args.matches(word, "help")) {
                err.print(USAGE);
                return 0;
            }
            err.print("Object \"" + word + "\" is unknown, try \"tc help\".\n");
            return 255;
        }
        NetlinkClient nl = null;
        try {
            nl = batchFile != null ? sharedClient() : client();
            nl.onWarning(w -> err.print(w + "\n")); // rtnl_talk's nl_dump_ext_ack: "Warning: …." on stderr, and the command goes on
            JtcOptions o = new JtcOptions(out, err, json, pretty, stats, details);
            if (filter) return new FilterCommand(o, nl).run(new ArrayList<>(rest));
            if (actions) return new ActionCommand(o, nl).run(new ArrayList<>(rest));
            return qdisc ? new QdiscCommand(o, nl).run(new ArrayList<>(rest)) : new ClassCommand(o, nl).run(new ArrayList<>(rest));
        } catch (NoSuchLinkException e) {
            err.print("Cannot find device \"" + e.link() + "\"\n");
            return 1;
        } catch (IOException e) {
            KernelException k = KernelText.kernel(e);
            if (k == null) {
                err.print(e.getMessage() + "\n");
                return 1;
            }
            err.print(KernelText.of(k));
            return 2;
        } catch (IllegalArgumentException e) {
            err.print("Error: " + e.getMessage() + "\n");
            return 1;
        } finally {
            if (nl != null && nl != shared) nl.close();
        }
    }

    private NetlinkClient sharedClient() throws IOException {
        if (shared == null) shared = client();
        return shared;
    }

    private NetlinkClient client() throws IOException {
        if (trainingNs != null) return NetlinkClient.open(trainingNs);
        if (netns == null) return NetlinkClient.open();
        try (NetNamespace ns = NetNamespace.open(netns)) {
            return NetlinkClient.open(ns);
        } catch (io.github.netlink4j.error.NoSuchNamespaceException | io.github.netlink4j.error.SyscallException e) {
            throw new TcFail("Cannot open network namespace \"" + netns + "\": No such file or directory\n", 255);
        }
    }
}
