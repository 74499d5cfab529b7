package io.github.netlink4j.examples.cni;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code netlink4j-bridge --daemon [--socket PATH] [--max-calls N]}: the plugin resident in one JVM, serving
 * the launcher's calls over a unix socket ({@link DaemonProtocol}), so that a call costs no JVM start.
 * Each connection is served on a platform thread of its own by the very code a plugin process runs
 * ({@link DaemonCall}); at most {@code N} at once (default {@value #DEFAULT_MAX_CALLS}), beyond that a
 * connection is answered at once with CNI's "try again later" (11); calls for one container interface
 * take turns ({@link ContainerTurns}), calls for different ones run side by side. Only a peer whose credentials
 * (SO_PEERCRED) say root or the daemon's own user is served: the socket's modes keep others out, this
 * check holds if the modes are ever wrong. On SIGTERM it stops accepting, removes its socket (connections
 * not yet accepted then end with nothing said, and their launchers run the call themselves) and lets the
 * calls it took finish, for at most {@link #DRAIN_TIME}.
 *
 * <p>The calls run in the daemon's network namespace, as a plugin process runs in its runtime's: the
 * launcher hands a call over only when it shares the daemon's network and mount namespaces (the pid file
 * beside the socket says whose they are), so a call sees the same network and the same paths either way.
 */
final class CniDaemon {
    static final Path DEFAULT_SOCKET = Path.of("/run/netlink4j/cni.sock");
    static final int DEFAULT_MAX_CALLS = 16;
    /** A request is a few KiB written at once: a client that takes longer is stuck or hostile. */
    static final Duration REQUEST_TIME = Duration.ofSeconds(10);
    /** How long a stopping daemon waits for the calls it took; the unit's TimeoutStopSec is longer. */
    static final Duration DRAIN_TIME = Duration.ofSeconds(80);

    private final DaemonSocket socket;
    private final int maxCalls;
    private final Semaphore slots;
    private final UserPrincipal root;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("cni-deadlines").unstarted(r));
    private final AtomicLong calls = new AtomicLong();
    private final ContainerTurns turns = new ContainerTurns();

    private CniDaemon(DaemonSocket socket, int maxCalls) throws IOException {
        this.socket = socket;
        this.maxCalls = maxCalls;
        this.slots = new Semaphore(maxCalls);
        // "0" is no user's name: the lookup takes it as the uid
        this.root = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("0");
    }

    /** Runs the daemon until SIGTERM; returns the exit status (2: bad arguments, 1: could not start). */
    static int run(String[] args) {
        Path path = DEFAULT_SOCKET;
        int max = DEFAULT_MAX_CALLS;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--socket" -> path = Path.of(args[++i]);
                    case "--max-calls" -> max = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (max < 1 || max > 1024) throw new IllegalArgumentException("--max-calls must be 1..1024");
        } catch (RuntimeException e) {
            System.err.println("netlink4j-bridge --daemon: " + e.getMessage()
                    + "\nusage: netlink4j-bridge --daemon [--socket PATH] [--max-calls N]");
            return 2;
        }
        CniDaemon d;
        try {
            d = new CniDaemon(DaemonSocket.bind(path), max);
        } catch (IOException e) {
            log("cannot listen on " + path + ": " + e.getMessage());
            return 1;
        }
        Thread hook = Thread.ofPlatform().unstarted(d::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        log("serving on " + d.socket.path + ", at most " + max + " calls at once");
        warmUp();
        d.acceptLoop();
        return 0;
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = socket.channel.accept();
            } catch (ClosedChannelException stopping) { // and AsynchronousCloseException: stop() closed it
                return;
            } catch (IOException e) {
                // EMFILE and the like: a call that cannot be accepted stays in the backlog; do not spin
                log("accept: " + e);
                sleep(100);
                continue;
            }
            admit(ch);
        }
    }

    /** Refusals are written on this thread: a few hundred bytes into an empty socket buffer never block. */
    private void admit(SocketChannel ch) {
        try {
            UserPrincipal peer = ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user();
            if (!peer.equals(root) && !peer.equals(socket.owner)) {
                String served = socket.owner.equals(root) ? "root" : "root and " + socket.owner.getName();
                log("refused a peer of user " + peer.getName() + ": only " + served + " served");
                refuse(ch, DaemonProtocol.error(999, "permission denied", "the netlink4j-bridge daemon serves " + served + " only"));
                return;
            }
            if (!slots.tryAcquire()) {
                log("busy: " + maxCalls + " calls running, refused one");
                refuse(ch, DaemonProtocol.error(11, "daemon busy", maxCalls + " calls are running, the most the netlink4j-bridge daemon takes at once; try again later"));
                return;
            }
        } catch (IOException | RuntimeException e) {
            log("accept: " + e);
            close(ch);
            return;
        }
        DaemonCall call = new DaemonCall(ch, REQUEST_TIME, timer, turns);
        try {
            Thread.ofPlatform().name("cni-call-" + calls.incrementAndGet()).start(() -> {
                try {
                    call.serve();
                } finally {
                    slots.release();
                }
            });
        } catch (Throwable noThread) {
            slots.release();
            log("cannot start a thread for a call: " + noThread);
            refuse(ch, DaemonProtocol.error(11, "daemon busy", "no thread for the call: " + noThread));
        }
    }

    private static void refuse(SocketChannel ch, byte[] reply) {
        try (ch) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(reply);
            while (b.hasRemaining()) ch.write(b);
            ch.shutdownOutput();
        } catch (IOException gone) {
            // the client went first
        }
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to tell anyone
        }
    }

    /** The shutdown hook: no new calls (their launchers run them themselves), then the running ones finish. */
    private void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            log("removing " + socket.path + ": " + e);
        }
        try {
            if (!slots.tryAcquire(maxCalls, DRAIN_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                log((maxCalls - slots.availablePermits()) + " calls still running after " + DRAIN_TIME.toSeconds() + " s; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log("stopped");
    }

    /**
     * The first call of a fresh JVM loads and links what every later one reuses (~100 ms): made here, in
     * the background, by {@link Training}'s calls, which touch nothing outside the namespaces they make.
     * Needs host-local in the daemon's own CNI_PATH; without it the first real call pays.
     */
    private static void warmUp() {
        String cniPath = System.getenv("CNI_PATH");
        if (cniPath == null || cniPath.isEmpty()) return;
        Thread.ofPlatform().daemon().name("cni-warm-up").start(() -> {
            long t0 = System.nanoTime();
            int rc = Training.run(cniPath);
            log(rc == 0 ? "warmed up in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms" : "no warm-up (exit " + rc + ")");
        });
    }

    static void log(String line) {
        System.err.println("netlink4j-bridge daemon: " + line);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
