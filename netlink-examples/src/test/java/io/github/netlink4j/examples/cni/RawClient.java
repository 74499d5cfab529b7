package io.github.netlink4j.examples.cni;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A client of the daemon's socket written in Java, for requests the launcher never sends; every wait bounded. */
final class RawClient implements AutoCloseable {
    private final SocketChannel ch;

    private RawClient(SocketChannel ch) {
        this.ch = ch;
    }

    static RawClient connect(Path sock) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(sock));
        return new RawClient(ch);
    }

    /** A well-formed request: {@link DaemonProtocol#MAGIC}, {@code env}, the empty entry, {@code conf}. */
    static byte[] request(Map<String, String> env, String conf) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(DaemonProtocol.MAGIC.getBytes(StandardCharsets.US_ASCII));
        env.forEach((k, v) -> b.writeBytes((k + "=" + v + "\0").getBytes(StandardCharsets.UTF_8)));
        b.write(0);
        b.writeBytes(conf.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** Sends {@code request} whole (or until the daemon stops reading), shuts the writing side and reads the reply to its end, all within {@code bound}. */
    static String exchange(Path sock, byte[] request, Duration bound) throws Exception {
        try (RawClient c = connect(sock)) {
            return c.within(bound, () -> {
                try {
                    c.send(request);
                    c.ch.shutdownOutput();
                } catch (IOException refused) {
                    // a refusal (busy) is written without reading the request: the reply tells
                }
                return c.readToEnd();
            });
        }
    }

    void send(byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) ch.write(buf);
    }

    /** Exactly {@code n} bytes (fewer if the stream ends first), within {@code bound}. */
    String read(int n, Duration bound) throws Exception {
        return within(bound, () -> {
            ByteBuffer buf = ByteBuffer.allocate(n);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // until n bytes or the end
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        });
    }

    /** Everything up to the end of the stream, within {@code bound}. */
    String readToEnd(Duration bound) throws Exception {
        return within(bound, this::readToEnd);
    }

    private String readToEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) >= 0) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface Io<T> {
        T run() throws IOException;
    }

    /** Runs {@code io} on a thread of its own; past {@code bound} the channel is closed (which ends a blocked read) and this fails. */
    private <T> T within(Duration bound, Io<T> io) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                f.complete(io.run());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ch.close();
            throw new AssertionError("no answer from the daemon within " + bound.toMillis() + " ms");
        }
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
