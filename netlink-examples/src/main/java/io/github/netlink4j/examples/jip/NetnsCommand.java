package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** {@code jip netns ...}: named namespaces, made and entered without the ip binary. */
final class NetnsCommand extends ObjectCommand {
    NetnsCommand(JipOptions opt, PrintStream stdout, PrintStream stderr) {
        super(opt, stdout, stderr, "netns");
    }

    /**
     * NETNS_RUN_DIR as Debian's ip 6.1 was built with it, which its messages name: the library's
     * /var/run/netns is the same directory through the /var/run symbolic link.
     */
    static final String RUN_DIR = "/run/netns";

    static final String HELP = """
            Usage:	ip netns list
            	ip netns add NAME
            	ip netns attach NAME PID
            	ip netns set NAME NETNSID
            	ip netns delete NAME
            	ip netns identify [PID]
            	ip netns pids NAME
            	ip netns exec NAME cmd ...
            	ip netns list-id
            NETNSID := auto | POSITIVE-INT""";

    @Override
    String[] verbs() {
        return new String[] {"list", "show", "lst", "list-id", "help", "add", "set", "delete", "identify", "pids", "exec", "monitor",
                "attach"};
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    int command(String verb, List<String> args) throws IOException {
        if (!args.isEmpty() && (args.get(0).contains("/") || args.get(0).equals(".") || args.get(0).equals(".."))) {
            stderr.println("Invalid netns name \"" + args.get(0) + "\"");
            return 255;
        }
        return switch (verb) {
            case "", "list", "show", "lst" -> list();
            case "list-id" -> listIds();
            case "set" -> set(args);
            case "identify" -> identify(args);
            case "pids" -> pids(args);
            case "attach" -> attach(args);
            case "monitor" -> monitor();
            default -> legacy(verb, args);
        };
    }

    private int list() throws IOException {
            Map<String, OptionalInt> ids;
            try (NetlinkClient here = Clients.open(opt)) {
                ids = here.nsids().named();
            }
            if (opt.json()) {
                List<Object> out = Json.list();
                for (Map.Entry<String, OptionalInt> e : ids.entrySet()) out.add(new NetnsView(e.getKey(), e.getValue()).json());
                stdout.println(Json.write(out, opt.pretty()));
            } else {
                for (Map.Entry<String, OptionalInt> e : ids.entrySet()) {
                    stdout.print(new NetnsView(e.getKey(), e.getValue()).text());
                }
            }
            return 0;
    }

    /** {@code ip netns list-id}: "nsid N (iproute2 netns name: NAME)" for each id this namespace has assigned. */
    private int listIds() throws IOException {
        List<Object> out = Json.list();
        try (NetlinkClient here = Clients.open(opt)) {
            Map<String, OptionalInt> named = here.nsids().named();
            for (int id : here.nsids().list()) {
                String name = null;
                for (var e : named.entrySet()) if (e.getValue().isPresent() && e.getValue().getAsInt() == id) name = e.getKey();
                NetnsView v = new NetnsView(name, OptionalInt.of(id));
                if (opt.json()) out.add(v.nsidJson());
                else stdout.print(v.nsidText());
            }
        }
        if (opt.json()) stdout.println(Json.write(out, opt.pretty()));
        return 0;
    }

    /** {@code ip netns set NAME ID|auto}. */
    private int set(List<String> args) throws IOException {
        if (args.size() < 2) {
            stderr.println("No netns name specified");
            return 255;
        }
        String name = args.get(0), id = args.get(1);
        int nsid;
        if (id.equals("auto")) {
            nsid = -1;
        } else {
            try {
                nsid = Integer.parseInt(id);
            } catch (NumberFormatException e) {
                throw ArgError.invalid(id, "Invalid \"netnsid\" value");
            }
            if (nsid < 0) throw ArgError.invalid(id, "\"netnsid\" value should be >= 0");
        }
        try (NetNamespace ns = open(name); NetlinkClient here = Clients.open(opt)) {
            if (nsid < 0) here.nsids().assign(ns);
            else here.nsids().set(ns, nsid);
        }
        return 0;
    }

    private NetNamespace open(String name) throws IOException {
        try {
            return NetNamespace.open(name);
        } catch (io.github.netlink4j.error.NetlinkException e) {
            throw new UsageException("Cannot open network namespace \"" + name + "\": " + NetnsErrors.describe(e), 255);
        }
    }

    /** {@code ip netns identify [PID]}: the names bound to the namespace of PID (default: this process). */
    private int identify(List<String> args) throws IOException {
        long pid = ProcessHandle.current().pid();
        if (!args.isEmpty()) {
            try {
                pid = Long.parseLong(args.get(0));
            } catch (NumberFormatException e) {
                stderr.println("Invalid pid \"" + args.get(0) + "\"");
                return 255;
            }
        }
        String id;
        try (NetNamespace ns = NetNamespace.openPid(pid)) {
            id = ns.id();
        } catch (io.github.netlink4j.error.NetlinkException e) {
            stderr.println("Cannot open network namespace: " + NetnsErrors.describe(e));
            return 1;
        }
        for (String name : NetNamespace.list()) {
            try (NetNamespace ns = NetNamespace.open(name)) {
                if (ns.id().equals(id)) stdout.println(name);
            } catch (io.github.netlink4j.error.NetlinkException e) {
                // a stale name: ip skips it too
            }
        }
        return 0;
    }

    /** {@code ip netns pids NAME}: every process whose network namespace is NAME's. */
    private int pids(List<String> args) throws IOException {
        if (args.isEmpty()) {
            stderr.println("No netns name specified");
            return 255;
        }
        String id;
        try (NetNamespace ns = open(args.get(0))) {
            id = ns.id();
        }
        try (var procs = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc"), "[0-9]*")) {
            List<Long> found = new java.util.ArrayList<>();
            for (java.nio.file.Path p : procs) {
                try {
                    if (java.nio.file.Files.readSymbolicLink(p.resolve("ns/net")).toString().equals(id)) found.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | NumberFormatException e) {
                    // gone meanwhile, or not ours to read
                }
            }
            java.util.Collections.sort(found);
            for (long pid : found) stdout.println(pid);
        }
        return 0;
    }

    /**
     * {@code ip netns monitor}: "add NAME" and "delete NAME" as names appear in and leave the run
     * directory (inotify, through the JDK's watch service), until interrupted.
     */
    private int monitor() throws IOException {
        java.nio.file.Path dir = NetNamespace.RUN_DIR;
        java.nio.file.Files.createDirectories(dir);
        try (java.nio.file.WatchService ws = dir.getFileSystem().newWatchService()) {
            dir.register(ws, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE, java.nio.file.StandardWatchEventKinds.ENTRY_DELETE);
            while (!Thread.currentThread().isInterrupted()) {
                java.nio.file.WatchKey key = ws.take();
                for (java.nio.file.WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == java.nio.file.StandardWatchEventKinds.OVERFLOW) continue;
                    String what = e.kind() == java.nio.file.StandardWatchEventKinds.ENTRY_CREATE ? "add " : "delete ";
                    stdout.println(what + e.context());
                }
                stdout.flush();
                if (!key.reset()) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** {@code ip netns attach NAME PID}. */
    private int attach(List<String> args) throws IOException {
        if (args.size() < 2) {
            stderr.println("No netns name and pid specified");
            return 255;
        }
        long pid;
        try {
            pid = Long.parseLong(args.get(1));
        } catch (NumberFormatException e) {
            throw usage("Invalid pid \"" + args.get(1) + "\"");
        }
        try {
            NetNamespace.attach(args.get(0), pid).close();
        } catch (io.github.netlink4j.error.NetlinkException e) {
            stderr.println(creating(args.get(0), "/proc/" + pid + "/ns/net", e));
            return 1;
        }
        return 0;
    }

    private int legacy(String verb, List<String> args) throws IOException {
        if (verb.equals("add")) {
            String name = next(args, "name");
            try {
                NetNamespace.create(name).close();
            } catch (io.github.netlink4j.error.NetlinkException e) {
                stderr.println(creating(name, "/proc/self/ns/net", e));
                return 1;
            }
            return 0;
        }
        if (verb.equals("delete")) {
            String name = next(args, "name");
            try {
                NetNamespace.delete(name);
            } catch (io.github.netlink4j.error.SyscallException e) {
                if (!"umount2".equals(e.call())) throw e;
                // ip ignores a failed umount2 and unlinks regardless: the unlink's error is the one it prints
                try {
                    java.nio.file.Files.delete(java.nio.file.Path.of(RUN_DIR, name));
                } catch (IOException unlink) {
                    stderr.println("Cannot remove namespace file \"" + RUN_DIR + "/" + name + "\": " + unlinkError(unlink));
                    return 1;
                }
            } catch (io.github.netlink4j.error.NetlinkException e) {
                stderr.println("Cannot remove namespace file \"" + RUN_DIR + "/" + name + "\": " + NetnsErrors.describe(e));
                return 1;
            }
            return 0;
        }
        if (verb.equals("exec")) {
            String name = next(args, "name");
            if (args.isEmpty()) throw usage("No command specified");
            try (NetNamespace ns = NetNamespace.open(name)) {
                // ip execs the command, so signals reach it and its status is ip's: pass them on, wait,
                // and exit with the child's status (128 + the signal if a signal ended it, as a shell says).
                try (ChildSignals forwarding = ChildSignals.install()) {
                    Process p = ns.start(new ProcessBuilder(args).inheritIO());
                    forwarding.attach(p);
                    return p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            } catch (io.github.netlink4j.error.NetlinkException e) {
                if (NetnsErrors.setns(e) != null) throw NetnsErrors.entering(name, e);
                stderr.println("Cannot open network namespace \"" + name + "\": " + NetnsErrors.describe(e));
                return 255;
            }
        }
        throw notImplemented("ip netns " + verb);
    }

    /**
     * netns_add's message for the step that failed: the run directory's mkdir, open or shared mount, the
     * namespace file, the unshare, or the bind mount of {@code source} onto it.
     */
    private static String creating(String name, String source, io.github.netlink4j.error.NetlinkException e) {
        String file = RUN_DIR + "/" + name;
        io.github.netlink4j.error.SyscallException s = e instanceof io.github.netlink4j.error.SyscallException x ? x
                : e.getCause() instanceof io.github.netlink4j.error.SyscallException x ? x : null;
        String why = NetnsErrors.describe(e);
        if (s != null && (NetNamespace.RUN_DIR.toString().equals(s.path()) || "mkdir".equals(s.call()))) {
            // a step on the run directory itself
            switch (s.call()) {
                case "mount": return "mount --make-shared " + RUN_DIR + " failed: " + why;
                case "mkdir": return "mkdir " + RUN_DIR + " failed: " + why;
                case "open", "openat": return "Cannot open netns runtime directory \"" + RUN_DIR + "\": " + why;
                default: break;
            }
        }
        if (s != null && "unshare".equals(s.call())) return "Failed to create a new network namespace \"" + name + "\": " + why;
        if (s != null && "mount".equals(s.call())) return "Bind " + source + " -> " + file + " failed: " + why;
        return "Cannot create namespace file \"" + file + "\": " + why;
    }

    /** strerror of a failed unlink as the JDK reports it. */
    private static String unlinkError(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return io.github.netlink4j.error.Errno.describe(io.github.netlink4j.error.Errno.EACCES);
        if (e instanceof java.nio.file.NoSuchFileException) return io.github.netlink4j.error.Errno.describe(io.github.netlink4j.error.Errno.ENOENT);
        return e.getMessage();
    }
}
