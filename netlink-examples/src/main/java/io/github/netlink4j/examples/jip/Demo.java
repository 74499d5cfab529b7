package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.topology.AppliedTopology;
import io.github.netlink4j.topology.Topology;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The seed walkthrough, every step through netlink4j: veth pair, {@code direct_netns}, its lo up, a web
 * server inside (nginx if installed, else the JDK's), veth1 moved in, 10.200.0.2/24 and 10.200.0.3/24,
 * both ends up, and the page fetched from the host side over the veth. Each step prints the ip command
 * it stands for and what it saw. Everything made is removed at the end, on failure and on Ctrl-C.
 *
 * <p>The "host" is a namespace of the demo's own (or {@code --host-netns NAME}), so the machine's
 * root namespace is never touched.
 */
final class Demo {
    private final PrintStream out;
    private final Deque<Cleanup> undo = new ArrayDeque<>();
    private int step;

    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }

    private Demo(PrintStream out) {
        this.out = out;
    }

    /** The demo's synopsis, which {@code jip --help} and {@code jip demo --help} print alike. */
    static final String USAGE = "jip demo [--host-netns NAME] [--netns NAME] [--jdk-server] [--topology]";

    static final String HELP = "usage: " + USAGE + "\n"
            + "  --host-netns NAME  the namespace that plays the host (made and removed if missing; default: a new one)\n"
            + "  --netns NAME       the namespace the server runs in (default: direct_netns); it must not exist yet\n"
            + "  --jdk-server       serve the page with the JDK's responder even where nginx is installed\n"
            + "  --topology         make the seed as one Topology, applied in one go";

    /** What served the page, from its Server header: the demo's last line names it. */
    private String servedBy;

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String hostName = null;
        String nsName = "direct_netns";
        boolean forceJdk = false, asTopology = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
                out.println(HELP);
                return 0;
            }
            boolean valued = a.equals("--host-netns") || a.equals("--netns");
            if (valued && i + 1 == args.size() || !valued && !a.equals("--jdk-server") && !a.equals("--topology")) {
                err.println("usage: " + USAGE);
                return 255;
            }
            switch (a) {
                case "--host-netns" -> hostName = args.get(++i);
                case "--netns" -> nsName = args.get(++i);
                case "--jdk-server" -> forceJdk = true;
                default -> asTopology = true;
            }
        }
        if (NetNamespace.exists(nsName)) {
            // Before anything is made: the demo makes its namespace and removes it at the end, so it must be its own.
            err.println(taken(nsName));
            return 1;
        }
        Demo d = new Demo(out);
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            d.stopping = true; // the walkthrough stops at its next step and lets go of the lock
            d.cleanup();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // Every step makes its resource and records its undo under this lock, which the shutdown
            // hook's cleanup takes too: a Ctrl-C can never fall between the two, so nothing leaks.
            synchronized (d) {
                if (asTopology) d.asTopology(hostName, nsName, forceJdk);
                else d.walkthrough(hostName, nsName, forceJdk);
            }
            if (d.stopping) {
                // the signal came after the last step: the page was fetched, but this run was not left to finish
                err.println("demo: stopped by a signal");
                return 1;
            }
            out.println("demo: OK, the page was served by " + d.servedBy + " in " + nsName + " and fetched over the veth");
            return 0;
        } catch (io.github.netlink4j.error.AlreadyExistsException e) {
            err.println(taken(nsName)); // made by someone else since the check above
            return 1;
        } catch (Exception e) {
            err.println("demo failed: " + e);
            return 1;
        } finally {
            d.cleanup();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: cleanup is idempotent
            }
        }
    }

    /** The one line that says the demo's namespace is taken, and what to do. */
    private static String taken(String nsName) {
        return "demo: namespace \"" + nsName + "\" exists already (from an earlier run, or someone else's): choose another with --netns NAME"
                + " (or, if it is a leftover of yours, remove it with: ip netns del " + nsName + ")";
    }

    /** Set by the shutdown hook: the walkthrough ends at its next step. */
    private volatile boolean stopping;

    private void say(String ipCommand) {
        if (stopping) throw new IllegalStateException("stopped by a signal before step " + (step + 1));
        out.printf("%n[%d] %s%n", ++step, ipCommand);
    }

    private void saw(String what) {
        for (String line : what.split("\n")) out.println("    " + line);
    }

    private synchronized void cleanup() {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (Exception e) {
                out.println("    cleanup: " + e.getMessage());
            }
        }
    }

    private void walkthrough(String hostName, String nsName, boolean forceJdk) throws Exception {
        NetNamespace.validateName(nsName);
        NetNamespace host;
        if (hostName == null) {
            hostName = "jip-demo-host-" + UUID.randomUUID().toString().substring(0, 8);
            host = NetNamespace.create(hostName);
            String h = hostName;
            undo.push(() -> NetNamespace.delete(h));
            out.println("demo: the host is played by namespace " + hostName + " (the machine's own stays untouched)");
        } else if (NetNamespace.exists(hostName)) {
            host = NetNamespace.open(hostName);
        } else {
            host = NetNamespace.create(hostName);
            String h = hostName;
            undo.push(() -> NetNamespace.delete(h));
        }
        NetNamespace hostNs = host;
        undo.push(hostNs::close);
        NetlinkClient hostNl = NetlinkClient.open(host);
        undo.push(hostNl::close);
        hostNl.links().setUp("lo");

        say("ip -br link");
        saw(briefLinks(hostNl));

        say("ip link add veth0 type veth peer name veth1");
        Link veth0 = hostNl.links().add(LinkSpec.veth("veth0", "veth1"));
        undo.push(() -> {
            try {
                hostNl.links().delete("veth0");
            } catch (io.github.netlink4j.error.NotFoundException gone) {
                // deleting the other namespace took veth1, and with it veth0, already
            }
        });
        Link veth1 = hostNl.links().get("veth1");
        saw("veth0: index " + veth0.index() + ", " + veth0.address().orElseThrow() + "; veth1: index " + veth1.index());

        say("ip netns add " + nsName);
        NetNamespace direct = NetNamespace.create(nsName);
        undo.push(() -> NetNamespace.delete(nsName));
        undo.push(direct::close);
        NetlinkClient nsNl = NetlinkClient.open(direct);
        undo.push(nsNl::close);
        saw("ip netns list: " + NetNamespace.list());

        say("ip netns exec " + nsName + " ip link set dev lo up");
        nsNl.links().setUp("lo");
        saw("lo: " + nsNl.links().get("lo").flags());

        WebServer server = startServer(direct, forceJdk);
        undo.push(server::stop);

        say("ip link set veth1 netns " + nsName);
        hostNl.links().moveTo("veth1", direct);
        saw("host:\n" + briefLinks(hostNl) + "\n" + nsName + ":\n" + briefLinks(nsNl));

        say("ip a add 10.200.0.2/24 dev veth0");
        hostNl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
        say("ip netns exec " + nsName + " ip a add 10.200.0.3/24 dev veth1");
        nsNl.addresses().add(AddressSpec.of("veth1", "10.200.0.3/24"));

        say("ip link set veth0 up; ip netns exec " + nsName + " ip link set veth1 up");
        hostNl.links().setUp("veth0");
        nsNl.links().setUp("veth1");
        saw("veth0: " + hostNl.links().get("veth0").operState() + ", veth1: " + nsNl.links().get("veth1").operState());

        awaitServer(nsNl, nsName);
        say("curl -i 10.200.0.3");
        showPage(fetch(hostNs, "10.200.0.3", 80));
    }

    /**
     * Waits until the server listens on port 80 inside the namespace, as {@code ss -ltn sport = :80} would
     * show it: the kernel is asked (sock_diag), so the server sees no probing connection.
     */
    private void awaitServer(NetlinkClient inside, String nsName) throws Exception {
        say("ip netns exec " + nsName + " ss -ltn 'sport = :80'   # until the server listens");
        inside.waits().listening(SocketProtocol.TCP, 80, SERVER_START);
        saw("a TCP socket listens on port 80");
    }

    /** How long a server may take to listen: nginx starts in well under a second, a cold JVM's responder too. */
    static final java.time.Duration SERVER_START = java.time.Duration.ofSeconds(30);

    /**
     * The seed as one {@link Topology}: applied in one go (the peer made directly inside), the server
     * started inside, the page fetched from the host side, and everything removed by closing it.
     */
    private void asTopology(String hostName, String nsName, boolean forceJdk) throws Exception {
        NetNamespace.validateName(nsName);
        String h = hostName != null ? hostName : "jip-demo-host-" + UUID.randomUUID().toString().substring(0, 8);
        boolean madeHost = !NetNamespace.exists(h);
        NetNamespace host = madeHost ? NetNamespace.create(h) : NetNamespace.open(h);
        if (madeHost) undo.push(() -> NetNamespace.delete(h));
        undo.push(host::close);
        NetlinkClient hostNl = NetlinkClient.open(host);
        undo.push(hostNl::close);
        hostNl.links().setUp("lo");
        Topology seed = Topology.builder()
                .namespace(nsName)
                .veth("veth0", "veth1").in(nsName)
                .up(nsName, "lo")
                .address("veth0", "10.200.0.2/24")
                .address(nsName, "veth1", "10.200.0.3/24")
                .up("veth0").up(nsName, "veth1")
                .build();
        say("the seed as one topology, applied in " + h);
        AppliedTopology t = seed.apply(hostNl);
        undo.push(t::close);
        for (String step : t.steps()) saw(step);
        WebServer server = startServer(t.namespace(nsName), forceJdk);
        undo.push(server::stop);
        try (NetlinkClient inside = NetlinkClient.open(t.namespace(nsName))) {
            awaitServer(inside, nsName);
        }
        say("curl -i 10.200.0.3");
        showPage(fetch(host, "10.200.0.3", 80));
    }

    /** What {@code ip -br link} prints for the client's namespace. */
    private static String briefLinks(NetlinkClient nl) throws IOException {
        List<Link> links = nl.links().list();
        var byIndex = LinkCommand.index(links);
        StringBuilder sb = new StringBuilder();
        for (Link l : links) sb.append(new LinkView(l, byIndex, java.util.Optional.empty(), Style.PLAIN).brief());
        return sb.toString().stripTrailing();
    }

    /** A 200 answer: its Server header (which says who answered: nginx or the JDK responder) and its body. */
    record Page(String server, String body) {}

    /** The answer's Server header and first lines, as {@code curl -i} would show them; a page not ours is a failure. */
    private void showPage(Page page) {
        servedBy = page.server().equals(JDK_SERVER) ? "the JDK's responder (" + JDK_SERVER + ")" : page.server();
        saw("Server: " + page.server());
        saw(page.body().lines().limit(3).reduce((a, b) -> a + "\n" + b).orElse(""));
        if (!page.body().contains("netlink4j")) throw new IllegalStateException("unexpected page: " + page.body());
    }

    /**
     * An HTTP/1.0 GET of / from {@code host}: the socket is connected inside {@code from} (that is
     * what makes it the host namespace's request); reading and writing happen on this thread, at home.
     * The server listens already ({@link #awaitServer}); a failed connect is retried a few times only for
     * the veth's address and routes, which the kernel may still be bringing up. Returns a 200 answer.
     */
    static Page fetch(NetNamespace from, String host, int port) throws Exception {
        Exception last = null;
        for (int i = 0; i < 5; i++) {
            try (SocketChannel ch = from.call(() -> SocketChannel.open(new InetSocketAddress(InetAddress.ofLiteral(host), port)))) {
                ch.socket().setSoTimeout(5_000);
                ch.write(ByteBuffer.wrap(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                String reply = new String(ch.socket().getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
                int body = reply.indexOf("\r\n\r\n");
                if (reply.startsWith("HTTP/1.") && reply.length() > 12 && reply.substring(9, 12).equals("200") && body >= 0) {
                    String server = reply.substring(0, body).lines().filter(l -> l.regionMatches(true, 0, "Server:", 0, 7))
                            .map(l -> l.substring(7).strip()).findFirst().orElse("(none)");
                    return new Page(server, reply.substring(body + 4));
                }
                last = new IOException("unexpected answer: " + reply.lines().findFirst().orElse(""));
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw last;
    }

    interface WebServer {
        void stop() throws Exception;
    }

    /** The JDK responder's Server header: the page is the same as nginx's, the header tells them apart. */
    static final String JDK_SERVER = "netlink4j-demo";

    static final String PAGE = "<!DOCTYPE html>\n<html><body><h1>Welcome to nginx in direct_netns</h1>"
            + "<p>served inside a network namespace set up by netlink4j</p></body></html>\n";

    private WebServer startServer(NetNamespace ns, boolean forceJdk) throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!forceJdk && Files.isExecutable(nginx)) {
            say("ip netns exec " + ns.name().orElse("NS") + " nginx -g 'daemon off;'");
            // nginx's workers drop root, so the document root must be world-readable.
            Path dir = Files.createTempDirectory("jip-demo-nginx",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.writeString(dir.resolve("index.html"), PAGE);
            // Its own config, pid file and logs, so nothing of the host's nginx is used or written.
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 64; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        server { listen 80; root %1$s; index index.html; }
                    }
                    """.formatted(dir));
            Process p = ns.start(new ProcessBuilder(nginx.toString(), "-e", dir.resolve("error.log").toString(),
                    "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()));
            saw("nginx pid " + p.pid() + " (its own config in " + dir + ")");
            return () -> {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                try (var files = Files.walk(dir)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                }
            };
        }
        say((forceJdk ? "(--jdk-server)" : "(nginx not installed)") + " a Java HTTP responder for " + ns.name().orElse("the namespace") + " on port 80");
        // The listening socket is made inside; the thread that serves it stays at home (a thread started
        // inside, such as an HttpServer's timer, would be stranded there).
        ServerSocketChannel listener = ns.call(() -> ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 80)));
        Thread serving = Thread.ofPlatform().name("demo-http").daemon(true).start(() -> serve(listener));
        saw("listening on 0.0.0.0:80 inside the namespace");
        return () -> {
            listener.close();
            serving.join(5_000);
        };
    }

    /** Answers each connection with {@link #PAGE} until the listener is closed. */
    private static void serve(ServerSocketChannel listener) {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.0 200 OK\r\nServer: " + JDK_SERVER + "\r\nContent-Type: text/html\r\nContent-Length: " + page.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (listener.isOpen()) {
            try (SocketChannel c = listener.accept()) {
                c.socket().setSoTimeout(5_000);
                var in = c.socket().getInputStream();
                // Read the request head (bounded), then answer; the request itself does not matter.
                StringBuilder req = new StringBuilder();
                for (int b; req.length() < 8192 && !req.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) req.append((char) b);
                c.write(ByteBuffer.wrap(head));
                c.write(ByteBuffer.wrap(page));
            } catch (IOException e) {
                if (!listener.isOpen()) return;
            }
        }
    }
}
