package io.github.netlink4j.junit;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.topology.AppliedTopology;
import io.github.netlink4j.topology.Topology;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A JUnit 5 extension that gives every test a fresh, named network namespace of its own, optionally
 * with a {@link Topology} applied in it, and removes everything after the test, also when it fails.
 * Test methods (and {@code @BeforeEach}/{@code @AfterEach} methods) may ask for a {@link NetNamespace},
 * a {@link NetlinkClient} in it, or the {@link AppliedTopology}.
 *
 * {@snippet :
 * @ExtendWith(NetnsExtension.class)
 * class MyTest {
 *     @Test
 *     void addsALink(NetlinkClient nl) throws Exception {
 *         nl.links().add(LinkSpec.veth("veth0", "veth1"));
 *     }
 * }
 *
 * class WithTopology {
 *     @RegisterExtension
 *     static NetnsExtension net = NetnsExtension.withTopology(host -> Topology.builder()
 *             .veth("veth0", "veth1").address("veth0", "10.200.0.2/24").up("veth0").build());
 *
 *     @Test
 *     void seesIt(NetlinkClient nl, AppliedTopology t) throws Exception { … }
 * }
 * }
 *
 * <p>A test of a service under a slow or lossy link asks for a shaped veth in one line: the test's
 * namespace holds {@code veth0} ({@value #SHAPED_LOCAL}/24) and an anonymous namespace, key
 * {@value #SHAPED_PEER_KEY}, holds {@code veth1} ({@value #SHAPED_PEER}/24), both ends shaped.
 * {@snippet :
 * @RegisterExtension
 * static NetnsExtension net = NetnsExtension.withShapedLink(LinkShape.rate("1mbit"));
 *
 * @Test
 * void uploadsUnderOneMegabit(NetNamespace ns, AppliedTopology t) throws Exception {
 *     ServerSocket server = t.namespace(NetnsExtension.SHAPED_PEER_KEY).call(() -> new ServerSocket(9000, 1, InetAddress.ofLiteral(NetnsExtension.SHAPED_PEER)));
 *     …
 * }
 * }
 * A kernel without a qdisc the shape needs (netem for a delay or loss) fails the test before it runs with
 * a {@link MissingQdiscKindException} naming the kind.
 *
 * <p>A test that starts a server in its namespace waits for it to listen by asking the kernel
 * (sock_diag), not by connecting until a connection is accepted:
 * {@snippet :
 * @Test
 * void servesPages(NetlinkClient nl, NetNamespace ns) throws Exception {
 *     Process web = ns.start(new ProcessBuilder("nginx", "-g", "daemon off;"));
 *     nl.waits().listening(SocketProtocol.TCP, 80, Duration.ofSeconds(10));   // ss -ltn sport = :80
 *     …
 * }
 * }
 *
 * <p>After each test it checks that nothing leaked: the test's namespace is gone, the namespace the
 * JVM runs in has the same links as before, no thread outside netlink4j's own workers was left in
 * another network namespace, and (when tests do not run in parallel) no file descriptor stayed open.
 * A leak fails the test. It works under JUnit's parallel execution: each test has its own namespace,
 * and the checks that parallel tests would disturb are left out then. Without the privileges to make
 * a namespace the test is skipped with the reason; with {@code CI=true} in the environment it fails
 * instead.
 *
 * <p>A JVM killed mid-test runs no cleanup. So the kit names each namespace after the JVM that made it
 * ({@code nl4j-junit-PIDNS-PID-STARTTIME-RANDOM}), and the first time a JVM uses the kit it deletes the
 * kit's namespaces whose JVM is no longer running, with every link in them, and says so on standard
 * error. Namespaces of running JVMs, and any name without that prefix, are never touched.
 */
public final class NetnsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(NetnsExtension.class);
    private final Function<String, Topology> topology;
    /** The shape of {@link #withShapedLink}, to name a missing qdisc kind; null otherwise. */
    private final LinkShape shape;

    /** The extension for {@code @ExtendWith}: a bare namespace per test. */
    public NetnsExtension() {
        this(null, null);
    }

    private NetnsExtension(Function<String, Topology> topology, LinkShape shape) {
        this.topology = topology;
        this.shape = shape;
    }

    /**
     * An extension that applies the topology {@code build} returns in each test's namespace (its host);
     * {@code build} gets the namespace's name, for topologies that refer to it.
     */
    public static NetnsExtension withTopology(Function<String, Topology> build) {
        return new NetnsExtension(Objects.requireNonNull(build, "build"), null);
    }

    /** The address of {@code veth0}, the test's namespace's end of a {@link #withShapedLink shaped link}. */
    public static final String SHAPED_LOCAL = "10.200.0.1";
    /** The address of {@code veth1}, the far end of a shaped link, in the namespace {@link #SHAPED_PEER_KEY}. */
    public static final String SHAPED_PEER = "10.200.0.2";
    /** The key of the far end's namespace in the {@link AppliedTopology}. */
    public static final String SHAPED_PEER_KEY = "peer";

    /**
     * An extension that gives each test a veth shaped as {@code shape} at both ends: {@code veth0}
     * ({@value #SHAPED_LOCAL}/24) in the test's namespace, {@code veth1} ({@value #SHAPED_PEER}/24) in an
     * anonymous namespace with key {@value #SHAPED_PEER_KEY}, both up.
     *
     * @throws MissingQdiscKindException (before each test) the kernel lacks a qdisc the shape needs
     */
    public static NetnsExtension withShapedLink(LinkShape shape) {
        Objects.requireNonNull(shape, "shape");
        return new NetnsExtension(name -> {
            Topology.Builder b = Topology.builder()
                    .anonymousNamespace(SHAPED_PEER_KEY)
                    .veth("veth0", "veth1").in(SHAPED_PEER_KEY)
                    .address("veth0", SHAPED_LOCAL + "/24")
                    .address(SHAPED_PEER_KEY, "veth1", SHAPED_PEER + "/24")
                    .up("veth0").up(SHAPED_PEER_KEY, "lo").up(SHAPED_PEER_KEY, "veth1");
            shape.addTo(b, null, "veth0");
            shape.addTo(b, SHAPED_PEER_KEY, "veth1");
            return b.build();
        }, shape);
    }

    /** What one test holds, closed in {@link #afterEach} in reverse order. */
    private static final class Held {
        String name;
        NetNamespace ns;
        NetlinkClient client;
        AppliedTopology applied;
        List<String> rootLinks;
        List<String> named;
        int fds = -1;
    }

    private static Orphans.Jvm self;

    /** This JVM as its namespace names record it; the first call also sweeps the namespaces of dead test JVMs. */
    private static synchronized Orphans.Jvm self() throws IOException {
        if (self == null) {
            try {
                Orphans.sweep();
            } catch (IOException | RuntimeException e) {
                System.err.println("netlink4j JUnit kit: cannot look for namespaces left by dead test JVMs: " + e);
            }
            self = Orphans.Jvm.self();
        }
        return self;
    }

    private static boolean parallel(ExtensionContext c) {
        return c.getConfigurationParameter("junit.jupiter.execution.parallel.enabled").map(Boolean::parseBoolean).orElse(false);
    }

    @Override
    public void beforeEach(ExtensionContext c) throws Exception {
        Orphans.Jvm jvm = self();
        Held h = new Held();
        h.rootLinks = Leaks.ownLinks();
        if (!parallel(c)) h.named = NetNamespace.list();
        h.name = jvm.newName();
        try {
            h.ns = NetNamespace.create(h.name);
        } catch (SyscallException e) {
            String why = "netlink4j's JUnit kit needs to create a network namespace (root or CAP_SYS_ADMIN): " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why + " (CI=true: failing, not skipping)", e);
            throw new TestAbortedException(why);
        }
        c.getStore(STORE).put(Held.class, h);
        try {
            h.client = NetlinkClient.open(h.ns);
            // counted once the kit's own namespace and client are open, so that only the test's count
            if (!parallel(c)) h.fds = Leaks.openFds();
            if (topology != null) h.applied = topology.apply(h.name).apply(h.client);
        } catch (Exception e) {
            cleanUp(h, new ArrayList<>());
            if (shape != null && e instanceof TopologyException t) throw shape.explain(t);
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext c) throws Exception {
        Held h = c.getStore(STORE).remove(Held.class, Held.class);
        if (h == null) return;
        List<String> problems = new ArrayList<>();
        cleanUp(h, problems);
        if (NetNamespace.exists(h.name)) problems.add("namespace " + h.name + " is still there");
        List<String> links = Leaks.ownLinks();
        if (!links.equals(h.rootLinks)) problems.add("the JVM's own namespace had links " + h.rootLinks + ", now " + links);
        problems.addAll(Leaks.threadsAway());
        if (h.fds >= 0) {
            // sockets some objects release on their own thread (a closed Subscription's within 100 ms)
            int fds = Leaks.openFds();
            for (int i = 0; i < 100 && fds > h.fds - 2; i++) {
                Thread.sleep(10);
                fds = Leaks.openFds();
            }
            // the kit's namespace handle and client were open at the count and are closed now: two fewer
            if (fds > h.fds - 2) problems.add((fds - h.fds + 2) + " file descriptors more than before the test");
        }
        if (h.named != null) {
            List<String> now = new ArrayList<>(NetNamespace.list());
            now.removeAll(h.named);
            if (!now.isEmpty()) problems.add("named namespaces left behind: " + now);
        }
        if (!problems.isEmpty()) throw new AssertionError("netlink4j test leaked: " + String.join("; ", problems));
    }

    private static void cleanUp(Held h, List<String> problems) {
        try {
            if (h.applied != null) h.applied.close();
        } catch (IOException | RuntimeException e) {
            problems.add("closing the topology: " + e.getMessage());
        }
        try {
            if (h.client != null) h.client.close();
            if (h.ns != null) h.ns.close();
            if (NetNamespace.exists(h.name)) NetNamespace.delete(h.name);
        } catch (IOException | RuntimeException e) {
            problems.add("removing namespace " + h.name + ": " + e.getMessage());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        return t == NetNamespace.class || t == NetlinkClient.class || t == AppliedTopology.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Held h = c.getStore(STORE).get(Held.class, Held.class);
        if (h == null) throw new ParameterResolutionException("no namespace: parameters are for test methods and @BeforeEach/@AfterEach");
        Class<?> t = p.getParameter().getType();
        if (t == NetNamespace.class) return h.ns;
        if (t == NetlinkClient.class) return h.client;
        if (h.applied == null) throw new ParameterResolutionException("no topology: register the extension with NetnsExtension.withTopology(…)");
        return h.applied;
    }
}
