package io.github.netlink4j.examples.cni;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection to the daemon, on a thread of its own: {@link DaemonProtocol#TAKEN}, the request read
 * within its bounds, its container's turn ({@link ContainerTurns}), the plugin run as a process of its
 * own runs it ({@link BridgePlugin#run} with the request's environment and stdin, its stdout into a
 * buffer), the reply. Everything here belongs to this call alone; whatever goes wrong, the daemon goes on.
 */
final class DaemonCall {
    private final SocketChannel ch;
    private final Duration requestTime;
    private final ScheduledExecutorService timer;
    private final ContainerTurns turns;

    DaemonCall(SocketChannel ch, Duration requestTime, ScheduledExecutorService timer, ContainerTurns turns) {
        this.ch = ch;
        this.requestTime = requestTime;
        this.timer = timer;
        this.turns = turns;
    }

    void serve() {
        long t0 = System.nanoTime();
        String what = "a call";
        try (ch) {
            write(DaemonProtocol.TAKEN);
            DaemonProtocol.Request req;
            try {
                req = read();
            } catch (CniError e) {
                CniDaemon.log("refused a request: " + e.getMessage() + ": " + e.details);
                write(DaemonProtocol.error(e.code, e.getMessage(), e.details));
                return;
            }
            what = req.env().getOrDefault("CNI_COMMAND", "?") + " " + req.env().getOrDefault("CNI_CONTAINERID", "-");
            ContainerTurns.Held turn = turn(req.env());
            if (turn == null) {
                CniDaemon.log(what + ": another call for this container ran past the wait");
                write(DaemonProtocol.error(11, "another call for this container is running", "it did not end in time; try again later"));
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            int rc;
            try (turn) {
                rc = new BridgePlugin(req.env(), ps).run(req.stdin());
            } catch (Throwable t) {
                rc = BridgePlugin.lastResort(ps, t);
            }
            ps.flush();
            write(DaemonProtocol.reply(rc, out.toByteArray()));
            CniDaemon.log(what + ": exit " + rc + " (" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms)");
        } catch (IOException | RuntimeException e) {
            CniDaemon.log(what + ": no reply sent, " + e);
        } catch (InterruptedException e) {
            CniDaemon.log(what + ": interrupted waiting for its container's turn");
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The container's turn ({@link ContainerTurns}) for ADD, CHECK and DEL, waited for as long as a call can
     * take (three IPAM runs and a margin, as the launcher waits); a turn of nothing for other commands.
     */
    private ContainerTurns.Held turn(java.util.Map<String, String> env) throws InterruptedException {
        String cmd = env.getOrDefault("CNI_COMMAND", ""), id = env.getOrDefault("CNI_CONTAINERID", "");
        if (id.isEmpty() || !(cmd.equals("ADD") || cmd.equals("CHECK") || cmd.equals("DEL"))) return () -> { };
        Duration ipam;
        try {
            ipam = Ipam.timeout(env);
        } catch (CniError invalid) {
            ipam = Ipam.DEFAULT_TIMEOUT; // the plugin refuses the call itself
        }
        return turns.take(id, env.getOrDefault("CNI_IFNAME", ""), ipam.multipliedBy(3).plusSeconds(30));
    }

    /**
     * The whole request, at most {@link DaemonProtocol#MAX_REQUEST} bytes, in at most {@code requestTime}:
     * at the deadline the reading side is shut, so the read ends as if the client had, and the request is
     * refused as incomplete. A request too large is refused once the rest is read and thrown away (within
     * the same deadline), so that the client, still writing, is not cut off before it reads why.
     */
    private DaemonProtocol.Request read() throws IOException, CniError {
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            late.set(true);
            try {
                ch.shutdownInput();
            } catch (IOException gone) {
                // the call ended meanwhile
            }
        }, requestTime.toMillis(), TimeUnit.MILLISECONDS);
        try {
            byte[] b = new byte[8192];
            int len = 0;
            ByteBuffer buf = ByteBuffer.wrap(b);
            for (int n; (n = ch.read(buf)) >= 0; ) {
                len += n;
                if (len > DaemonProtocol.MAX_REQUEST) {
                    discardRest();
                    throw new CniError(5, "request too large", "more than " + DaemonProtocol.MAX_REQUEST + " bytes");
                }
                if (!buf.hasRemaining()) {
                    b = Arrays.copyOf(b, Math.min(b.length * 2, DaemonProtocol.MAX_REQUEST + 1));
                    buf = ByteBuffer.wrap(b, len, b.length - len);
                }
            }
            if (late.get()) throw new CniError(5, "request incomplete", "not all of it arrived within " + requestTime.toMillis() + " ms");
            return DaemonProtocol.parse(b, len);
        } finally {
            deadline.cancel(false);
        }
    }

    private void discardRest() throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(8192);
        while (ch.read(sink) >= 0) sink.clear();
    }

    private void write(byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) ch.write(buf);
    }
}
