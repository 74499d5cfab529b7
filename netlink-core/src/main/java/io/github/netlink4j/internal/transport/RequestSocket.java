package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.DumpInterruptedException;
import io.github.netlink4j.error.KernelWarning;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.ReplyReader;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * A netlink socket for requests (NETLINK_ROUTE, or any other netlink protocol): one request and its ACK or reply, a get (one reply, no ACK), a
 * dump (retried when the kernel flags NLM_F_DUMP_INTR) or a pipelined batch. Every reply is read by
 * the pure {@link ReplyReader}, accepted only with this socket's port and the request's sequence
 * number, and every kernel error goes through {@link KernelErrors}.
 *
 * <p>Thread-safe: one exchange at a time, under a lock; each exchange encodes into the socket's own
 * {@link MessageWriter}, so steady-state requests allocate no buffers.
 */
public final class RequestSocket implements AutoCloseable {
    /** Dump attempts before {@link DumpInterruptedException}. */
    public static final int DUMP_ATTEMPTS = 8;
    /** Requests per sendmsg in a batch: their replies must fit the receive queue. */
    public static final int BATCH_WINDOW = 64;

    /** Writes the message of one exchange. */
    @FunctionalInterface
    public interface Encoder {
        /** Writes into {@code w}. */
        void encode(MessageWriter w);
    }

    /** Writes message {@code i} of a batch. */
    @FunctionalInterface
    public interface BatchEncoder {
        /** Writes request {@code i} into {@code w}. */
        void encode(MessageWriter w, int i);
    }

    /** Names the attribute an extended-ACK offset points at, in the request sent; null when it cannot. */
    @FunctionalInterface
    public interface PathNamer {
        /** The path of the attribute at {@code offset} of the message at {@code msg} in {@code request}, or null. */
        String pathAt(java.lang.foreign.MemorySegment request, long msg, int offset);
    }

    private final NetlinkChannel channel;
    private final PathNamer namer;
    private final MessageWriter writer = new MessageWriter(4096);
    private final ReplyReader reader = new ReplyReader();
    private final ReentrantLock lock = new ReentrantLock();
    private int seq = 1;
    private long dropped;
    private long dumpInterruptions;
    private int lastDumpMessages;
    private volatile java.util.function.Consumer<KernelWarning> warnings;

    RequestSocket(NetlinkChannel channel, PathNamer namer) {
        this.channel = channel;
        this.namer = namer;
    }

    /** A NETLINK_ROUTE socket in the calling thread's network namespace. */
    public static RequestSocket open() throws SyscallException {
        return new RequestSocket(NetlinkChannel.adopt(NetlinkChannel.createFd(), 0, NetlinkChannel.RX_BUFFER), io.github.netlink4j.internal.wire.AttrNames::pathAt);
    }

    /** The port id the kernel assigned at bind. */
    public int portId() {
        return channel.portId();
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return channel.isClosed();
    }

    /**
     * The data messages the kernel sent for the last dump (its last attempt), whatever the handler kept of
     * them: what a dump cost, which the kernel's own selection (strict checking) keeps small.
     */
    public int lastDumpMessages() {
        return lastDumpMessages;
    }

    /** The send and receive system calls this socket has made, each once: what a request or a dump costs in calls. */
    public long syscalls() {
        return channel.syscalls();
    }

    /**
     * The dump attempts whose reply the kernel flagged NLM_F_DUMP_INTR (the table changed while it was read),
     * each then retried or, the budget spent, ended in {@link DumpInterruptedException}: a plain counter,
     * written under the socket's lock.
     */
    public long dumpInterruptions() {
        return dumpInterruptions;
    }

    /** Messages received that were not for the exchange in progress, dropped. */
    public long droppedMessages() {
        return dropped;
    }

    /**
     * Numbers the writer's messages with consecutive sequence numbers and returns the first. Never 0
     * (the kernel's own messages use it), and a batch never wraps through 0, so replies map back by
     * {@code seq - first}.
     */
    private int stamp(MessageWriter w) {
        int k = w.messageCount();
        if (Integer.toUnsignedLong(seq) + k > 0xffffffffL) seq = 1;
        int first = seq;
        w.stampSequences(first);
        seq += k;
        if (seq == 0) seq = 1;
        return first;
    }

    /**
     * Sends the request {@code enc} writes and waits for its ACK (the encoder sets NLM_F_ACK); data
     * messages in the reply (an echo) go to {@code handler}.
     */
    public void request(Encoder enc, ReplyReader.Handler handler, Target target) throws NetlinkException {
        exchange(enc, false, handler, target);
    }

    /**
     * A get: the request asks neither an ACK nor a dump, and the kernel answers with exactly one
     * message, the object or an error, which {@code handler} sees.
     */
    public void get(Encoder enc, ReplyReader.Handler handler, Target target) throws NetlinkException {
        exchange(enc, true, handler, target);
    }

    /**
     * Where the kernel's warnings go: the ACK of a request that succeeded may carry one (NLMSGERR_ATTR_MSG with
     * error 0). Called on the requesting thread once the socket is free again; null drops them.
     */
    public void onWarning(java.util.function.Consumer<KernelWarning> listener) {
        this.warnings = listener;
    }

    private void warn(Target target, String message) {
        var w = warnings;
        if (w != null && message != null) w.accept(new KernelWarning(target.operation(), target.object(), message));
    }

    private void exchange(Encoder enc, boolean single, ReplyReader.Handler handler, Target target) throws NetlinkException {
        String warning;
        lock.lock();
        try {
            channel.ensureOpen();
            MessageWriter w = writer.reset();
            enc.encode(w);
            if (single && (w.flagsAt(0) & (Netlink.NLM_F_ACK | Netlink.NLM_F_DUMP)) != 0) {
                throw new IllegalArgumentException(target.operation() + ": a get must ask for neither an ACK nor a dump");
            }
            int s = stamp(w);
            channel.send(w);
            reader.expect(channel.portId(), s);
            if (single) reader.single();
            while (!reader.done()) {
                int n = channel.receive(0);
                if (n < 0) throw new ProtocolException(target.operation() + ": a reply of " + -n + " bytes did not fit the receive buffer (now grown)");
                // One reply is decoded where it lies: for a single message the heap copy costs more than it saves.
                reader.feed(channel.rx(), n, handler);
                dropped += reader.skipped();
            }
            if (reader.error() != null) throw KernelErrors.of(reader.error(), w.segment(), 0, target, namer);
            warning = reader.warning();
        } finally {
            lock.unlock();
        }
        warn(target, warning);
    }

    /**
     * Runs a dump: sends the request {@code enc} writes (NLM_F_DUMP set by it) and hands every data
     * message of {@code type} (-1: of any type) to {@code handler} until NLMSG_DONE. If the kernel
     * flags NLM_F_DUMP_INTR, or a datagram did not fit the buffer, {@code restart} runs (the caller
     * forgets what it collected) and the dump is sent again, up to {@link #DUMP_ATTEMPTS} times.
     * Returns the number of attempts used.
     */
    public int dump(Encoder enc, int type, ReplyReader.Handler handler, Runnable restart, String what) throws NetlinkException {
        Target target = Target.of("dump " + what, what);
        lock.lock();
        try {
            channel.ensureOpen();
            for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
                if (attempt > 1) restart.run();
                MessageWriter w = writer.reset();
                enc.encode(w);
                int s = stamp(w);
                channel.send(w);
                reader.expect(channel.portId(), s).only(type);
                boolean lost = false;
                while (!reader.done()) {
                    int n = channel.receive(0);
                    if (n < 0) {
                        lost = true; // cut short: this attempt is only read to its end
                        continue;
                    }
                    java.lang.foreign.MemorySegment got = lost ? channel.rx() : channel.received(n);
                    try {
                        reader.feed(got, n, lost ? null : handler);
                    } catch (Throwable t) {
                        drain(got, n, s, type, t);
                        throw t;
                    }
                    dropped += reader.skipped();
                }
                lastDumpMessages = reader.dataMessages();
                if (reader.error() != null) throw KernelErrors.of(reader.error(), w.segment(), 0, target, namer);
                if (reader.interrupted()) dumpInterruptions++;
                else if (!lost) return attempt;
            }
            throw new DumpInterruptedException(what, DUMP_ATTEMPTS);
        } finally {
            lock.unlock();
        }
    }

    /**
     * After the handler (or the reader) threw in the middle of a dump: reads the dump to its end, so the
     * kernel, which refuses a second dump on a socket while one runs (EBUSY), sees this one finished
     * and the next request finds the socket ready. {@code got} is the datagram that was being read (its
     * NLMSG_DONE may follow the message that threw). If the socket cannot be brought back, it is
     * closed, and the next use says so.
     */
    private void drain(java.lang.foreign.MemorySegment got, int n, int seq, int type, Throwable cause) {
        try {
            reader.expect(channel.portId(), seq).only(type);
            reader.feed(got, n, null);
            for (int i = 0; !reader.done(); i++) {
                if (i > DRAIN_LIMIT) throw new IllegalStateException("the dump did not end after " + DRAIN_LIMIT + " datagrams");
                int m = channel.receive(0);
                if (m >= 0) reader.feed(channel.rx(), m, null);
            }
            dropped += reader.skipped();
        } catch (Throwable t) {
            cause.addSuppressed(t);
            channel.close();
        }
    }

    /** Datagrams read, at most, to finish an abandoned dump (a dump of a million objects is ~30,000). */
    private static final int DRAIN_LIMIT = 1_000_000;

    /**
     * Sends {@code count} requests, {@link #BATCH_WINDOW} per sendmsg, each written by {@code enc} with
     * NLM_F_ACK, and reads every reply with the {@link ReplyReader}. Returns one entry per request:
     * null for success, else its error (mapped with {@code targets.apply(i)}). Data messages (echoes)
     * go to {@code handler}.
     */
    public NetlinkException[] batch(int count, BatchEncoder enc, ReplyReader.BatchHandler handler, IntFunction<Target> targets)
            throws NetlinkException {
        NetlinkException[] errors = new NetlinkException[count];
        String[] warned = warnings == null ? null : new String[count];
        lock.lock();
        try {
            channel.ensureOpen();
            int[] offsets = new int[Math.min(count, BATCH_WINDOW)];
            for (int base = 0; base < count; base += BATCH_WINDOW) {
                int k = Math.min(BATCH_WINDOW, count - base);
                MessageWriter w = writer.reset();
                for (int i = 0; i < k; i++) {
                    offsets[i] = w.size();
                    enc.encode(w, base + i);
                    if (w.messageCount() != i + 1) throw new IllegalStateException("batch encoder must write exactly one message");
                }
                int s0 = stamp(w);
                channel.send(w);
                reader.expectBatch(channel.portId(), s0, k);
                int from = base;
                ReplyReader.BatchHandler shifted = handler == null ? null : (i, seg, off, len) -> handler.onMessage(from + i, seg, off, len);
                boolean complete = false;
                while (!complete) {
                    int n = channel.receive(0);
                    if (n < 0) throw new ProtocolException("batch reply of " + -n + " bytes did not fit the receive buffer (now grown)");
                    complete = reader.feedBatch(channel.received(n), n, shifted);
                }
                dropped += reader.skipped();
                for (int i = 0; i < k; i++) {
                    if (reader.batchError(i) != null) errors[base + i] = KernelErrors.of(reader.batchError(i), w.segment(), offsets[i], targets.apply(base + i), namer);
                    else if (warned != null) warned[base + i] = reader.batchWarning(i);
                }
            }
        } finally {
            lock.unlock();
        }
        if (warned != null) for (int i = 0; i < count; i++) if (warned[i] != null) warn(targets.apply(i), warned[i]);
        return errors;
    }

    /** Closes the socket; use after close throws IllegalStateException. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            channel.close();
        } finally {
            lock.unlock();
        }
    }
}
