package io.github.netlink4j.examples.jip;

import io.github.netlink4j.AddressFamily;

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
 * jip demo [--host-netns NAME]
 * </pre>
 */
public final class Jip {
    final PrintStream out;
    final PrintStream err;
    String netns;
    boolean brief;
    boolean json;
    AddressFamily family; // null: every family
    int timestamp; // 0 none, 1 -timestamp, 2 -tshort
    boolean force;
    String batchFile;
    /** The one client of a batch, closed when it ends. */
    private NetlinkClient shared;

    Jip(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int rc = new Jip(System.out, System.err).run(args);
        System.out.flush();
        System.exit(rc);
    }

    /** Usage error: ip prints a message and exits 1 (or 255 for its own syntax errors). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int exit;

        UsageException(String message, int exit) {
            super(message);
            this.exit = exit;
        }
    }

    static UsageException usage(String message) {
        return new UsageException(message, 255);
    }

    /** Runs one command line; returns the exit status ip would return. */
    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        try {
            while (!args.isEmpty() && args.get(0).startsWith("-")) {
                String o = args.remove(0);
                switch (o) {
                    case "-n", "-netns", "--netns" -> {
                        if (args.isEmpty()) throw usage("Option \"" + o + "\" requires an argument");
                        netns = args.remove(0);
                    }
                    case "-br", "-brief" -> brief = true;
                    case "-j", "-json" -> json = true;
                    case "-4" -> family = AddressFamily.INET;
                    case "-6" -> family = AddressFamily.INET6;
                    case "-d", "-details", "-s", "-stats" -> { }
                    case "-t", "-timestamp" -> timestamp = Math.max(timestamp, 1);
                    case "-ts", "-tshort" -> timestamp = 2;
                    case "-force" -> force = true;
                    case "-b", "-batch" -> {
                        if (args.isEmpty()) throw usage("Option \"" + o + "\" requires an argument");
                        batchFile = args.remove(0);
                    }
                    case "-h", "-help", "--help" -> {
                        help(out);
                        return 0;
                    }
                    default -> throw usage("Option \"" + o + "\" is unknown, try \"jip -help\".");
                }
            }
            if (batchFile != null) return batch(batchFile);
            if (args.isEmpty()) {
                help(err);
                return 255;
            }
            return command(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return e.exit;
        }
    }

    /**
     * {@code ip -batch FILE} ("-" for standard input): each line one command with the global options
     * given before it, '#' starting a comment and a trailing backslash joining the next line; a failed
     * command prints "Command failed FILE:LINE" and ends the batch unless {@code -force}. One netlink
     * socket serves every line. Exits 1 if any command failed, as ip does.
     */
    private int batch(String file) {
        List<String> lines;
        try {
            lines = file.equals("-") ? new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).lines().toList()
                    : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file));
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Cannot open file \"" + file + "\" for reading: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return 1;
        }
        int status = 0;
        try {
            for (int i = 0; i < lines.size(); i++) {
                StringBuilder line = new StringBuilder(uncommented(lines.get(i)));
                while (line.length() > 0 && line.charAt(line.length() - 1) == '\\' && i + 1 < lines.size()) {
                    line.setLength(line.length() - 1);
                    line.append(uncommented(lines.get(++i)));
                }
                List<String> words = words(line.toString());
                if (words.isEmpty()) continue;
                int rc;
                try {
                    rc = command(new ArrayList<>(words));
                } catch (UsageException e) {
                    err.println(e.getMessage());
                    rc = e.exit;
                }
                if (rc != 0) {
                    err.println("Command failed " + file + ":" + (i + 1));
                    status = 1;
                    if (!force) break;
                }
            }
        } finally {
            if (shared != null) shared.close();
            shared = null;
        }
        return status;
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    /** iproute2's makeargs: words split on blanks, a word that starts with a quote runs to the same quote. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && " \t\r\n".indexOf(line.charAt(i)) >= 0) i++;
            if (i >= n) break;
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) throw usage("Unterminated quoted string");
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

    /** One command: OBJECT and its arguments, the global options already read. */
    private int command(List<String> args) {
        try {
            String object = args.remove(0);
            if (is(object, "demo")) return Demo.run(args, out, err);
            if (is(object, "netns")) return new NetnsCommand(this).run(args);
            NetlinkClient nl = batchFile != null ? sharedClient() : client();
            try {
                if (is(object, "link")) return new LinkCommand(this, nl).run(args);
                if (is(object, "address") || object.equals("a")) return new AddrCommand(this, nl).run(args);
                if (is(object, "route") || object.equals("r")) return new RouteCommand(this, nl).run(args);
                if (is(object, "neighbour") || is(object, "neighbor")) return new NeighCommand(this, nl).run(args);
                if (is(object, "monitor")) return new MonitorCommand(this, nl).run(args);
            } finally {
                if (nl != shared) nl.close();
            }
            throw usage("Object \"" + object + "\" is unknown, try \"jip help\".");
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

    /** Whether {@code word} abbreviates {@code full}, as ip's matches() accepts prefixes. */
    static boolean is(String word, String full) {
        return !word.isEmpty() && full.startsWith(word);
    }

    private NetlinkClient sharedClient() throws IOException {
        if (shared == null) shared = client();
        return shared;
    }

    NetlinkClient client() throws IOException {
        if (netns == null) return NetlinkClient.open();
        try (NetNamespace ns = NetNamespace.open(netns)) {
            return NetlinkClient.open(ns);
        } catch (SyscallException e) {
            throw new UsageException("Cannot open network namespace \"" + netns + "\": " + e.description(), 255);
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
    static List<io.github.netlink4j.Link> shown(List<io.github.netlink4j.Link> all, String dev) {
        if (dev == null) return all;
        List<io.github.netlink4j.Link> one = all.stream().filter(l -> l.name().equals(dev)).toList();
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

    static void help(PrintStream p) {
        p.println("""
                Usage: jip [ OPTIONS ] OBJECT { COMMAND | help }
                       jip demo [ --host-netns NAME ]
                where  OBJECT := { link | address | route | neigh | netns | monitor }
                       jip [ -force ] -batch FILENAME
                       OPTIONS := { -n[etns] NAME | -br[ief] | -j[son] | -4 | -6 }
                  link [show] [dev NAME]
                  link add NAME [mtu N] [address MAC] [txqueuelen N] type veth peer name PEER [netns NS]
                  link add NAME type bridge|ifb|dummy|bond [mode M]
                  link add NAME link DEV type macvlan|macvtap|vlan|ipvlan [mode M] [id N]
                  link add NAME type vxlan id VNI [dstport P] [local A] [remote A|group A] [dev DEV]
                  link set [dev] NAME { up | down | mtu N | name NEW | address MAC | master BR | nomaster |
                                        netns NS | alias TEXT | txqueuelen N } ...
                  link del [dev] NAME
                  addr [show] [dev NAME]
                  addr add|del|replace PREFIX dev NAME [peer P] [brd B] [label L] [scope S] [nodad] [noprefixroute]
                  route [show] [table all|ID]
                  route add|del|replace [TYPE] PREFIX|default [via GW] [dev NAME] [src A] [metric N] [table ID] [proto P] [scope S]
                  neigh [show] [dev NAME]
                  neigh add|del|replace ADDR [lladdr MAC] dev NAME [nud STATE]
                  netns list | add NAME | del NAME | exec NAME CMD...
                  monitor [link|address|route|neigh|all]""");
    }
}
