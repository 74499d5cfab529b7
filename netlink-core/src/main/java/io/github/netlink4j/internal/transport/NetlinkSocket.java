package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.DumpInterruptedException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Fd;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.MsgHdr;
import io.github.netlink4j.internal.sys.SockaddrNl;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.wire.AttrNames;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.NlError;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.ReplyReader;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A netlink socket (NETLINK_ROUTE unless told otherwise) speaking request/ACK, dumps and batches.
 *
 * <p>Opened with {@code SOCK_CLOEXEC}, bound to a kernel-assigned port and connected to the kernel,
 * with NETLINK_EXT_ACK, NETLINK_CAP_ACK and NETLINK_GET_STRICT_CHK on. Replies come only from the
 * kernel (the connected socket refuses other senders) and are accepted only with our port and the
 * expected sequence number. Every datagram is read with MSG_TRUNC so
 * its true length is known: a truncated one grows the buffer and restarts a dump, or fails a request,
 * never passes silently.
 *
 * <p>Thread-safe: one exchange at a time, under an internal lock; each exchange encodes into the
 * socket's own {@link MessageWriter}, so steady-state requests allocate nothing for the buffers.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** Receive buffer size: above the 32 KiB the kernel caps a dump datagram at. */
    public static final int RX_BUFFER = 64 * 1024;
    /** Dump attempts before {@link DumpInterruptedException}. */
    public static final int DUMP_ATTEMPTS = 8;
    /** Messages per sendmsg in a batch: their ACKs must fit the receive queue. */
    public static final int BATCH_WINDOW = 64;

    /** Writes the message(s) of one exchange. */
    @FunctionalInterface
    public interface Encoder {
        void encode(MessageWriter w);
    }

    /** Writes message {@code i} of a batch. */
    @FunctionalInterface
    public interface BatchEncoder {
        void encode(MessageWriter w, int i);
    }

    /** Receives the data message(s) of item {@code i} of a batch (echoes). */
    @FunctionalInterface
    public interface BatchHandler {
        void onMessage(int i, MemorySegment seg, long off, int len) throws ProtocolException;
    }

    private final Fd fd;
    private final int protocol;
    private final int portId;
    // calloc'd, freed at close (under the lock, after the open-check every use makes): global-scope
    // segments cost no session acquire per downcall argument, and closing frees at once, where a
    // shared arena's close makes every JVM thread pass a handshake (~0.1–0.3 ms here).
    private final Arena arena = new io.github.netlink4j.internal.sys.MallocArena();
    private final MemorySegment errno;
    private final MemorySegment kernel;
    private final MemorySegment source;
    private final MemorySegment msghdr;
    private final MemorySegment iov;
    private final MessageWriter writer;
    private final ReplyReader reader = new ReplyReader();
    private final Messages messages = new Messages();
    private final ReentrantLock lock = new ReentrantLock();
    private MemorySegment rx;
    /** Native copy of the writer's bytes for sendto (the writer builds requests in a Java array). */
    private MemorySegment tx;
    private byte[] heap = new byte[0];
    private MemorySegment heapSegment = MemorySegment.ofArray(heap);
    private int seq = 1;
    private boolean truncated;
    private long dropped;

    private NetlinkSocket(int rawFd, int protocol, int rcvbuf) throws SyscallException {
        this.fd = new Fd(rawFd);
        this.protocol = protocol;
        try {
            errno = Libc.newErrnoState(arena);
            kernel = arena.allocate(SockaddrNl.LAYOUT);
            SockaddrNl.set(kernel, 0, 0);
            source = arena.allocate(SockaddrNl.LAYOUT);
            msghdr = arena.allocate(MsgHdr.LAYOUT);
            iov = arena.allocate(MsgHdr.IOVEC);
            rx = arena.allocate(RX_BUFFER, 8);
            writer = new MessageWriter(4096);
            tx = arena.allocate(4096, 8);
            MsgHdr.init(msghdr, source, iov);
            optionalOpt(Sys.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, 1);
            optionalOpt(Sys.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, 1);
            optionalOpt(Sys.SOL_NETLINK, Netlink.NETLINK_GET_STRICT_CHK, 1);
            if (rcvbuf > 0) setReceiveBuffer(rcvbuf);
            MemorySegment local = arena.allocate(SockaddrNl.LAYOUT);
            SockaddrNl.set(local, 0, 0);
            Libc.bind(errno, rawFd, local, (int) local.byteSize());
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, (int) local.byteSize());
            Libc.getsockname(errno, rawFd, local, len);
            portId = SockaddrNl.pid(local);
            // Connected to the kernel (port 0), the socket is refused unicasts from any other sender
            // (netlink_getsockbyportid answers ECONNREFUSED), so replies need no per-datagram source check.
            Libc.connect(errno, rawFd, kernel, (int) kernel.byteSize());
        } catch (SyscallException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Opens a NETLINK_ROUTE socket in the calling thread's network namespace. */
    public static NetlinkSocket open() throws SyscallException {
        return open(Netlink.NETLINK_ROUTE, 0);
    }

    /** Opens a socket of {@code protocol}; {@code rcvbuf} > 0 sets SO_RCVBUF(FORCE). */
    public static NetlinkSocket open(int protocol, int rcvbuf) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            int raw = Libc.socket(Libc.newErrnoState(a), Sys.AF_NETLINK, Sys.SOCK_RAW | Sys.SOCK_CLOEXEC, protocol);
            return new NetlinkSocket(raw, protocol, rcvbuf);
        }
    }

    /** Takes ownership of an unbound netlink socket fd (e.g. one created inside another namespace). */
    public static NetlinkSocket adopt(int rawFd, int protocol, int rcvbuf) throws SyscallException {
        return new NetlinkSocket(rawFd, protocol, rcvbuf);
    }

    /** Creates the raw socket fd only, for creation on a thread inside another namespace. */
    public static int createFd(int protocol) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            return Libc.socket(Libc.newErrnoState(a), Sys.AF_NETLINK, Sys.SOCK_RAW | Sys.SOCK_CLOEXEC, protocol);
        }
    }

    private void optionalOpt(int level, int name, int value) throws SyscallException {
        try {
            setIntOpt(level, name, value);
        } catch (SyscallException e) {
            if (e.errno() != Errno.ENOPROTOOPT) throw e;
        }
    }

    private void setIntOpt(int level, int name, int value) throws SyscallException {
        lock.lock(); // errno lives in the arena that close() frees
        try (Arena a = Arena.ofConfined()) {
            ensureOpen();
            MemorySegment v = a.allocate(ValueLayout.JAVA_INT);
            v.set(ValueLayout.JAVA_INT, 0, value);
            Libc.setsockopt(errno, fd.get(), level, name, v, 4);
        } finally {
            lock.unlock();
        }
    }

    /** Sets the kernel receive queue size; with CAP_NET_ADMIN above net.core.rmem_max. */
    public void setReceiveBuffer(int bytes) throws SyscallException {
        try {
            setIntOpt(Sys.SOL_SOCKET, Sys.SO_RCVBUFFORCE, bytes);
        } catch (SyscallException e) {
            setIntOpt(Sys.SOL_SOCKET, Sys.SO_RCVBUF, bytes);
        }
    }

    /** Sets SO_RCVTIMEO: a receive that waits longer fails with EAGAIN. 0 waits forever. */
    public void setReceiveTimeoutMillis(long millis) throws SyscallException {
        lock.lock();
        try (Arena a = Arena.ofConfined()) {
            ensureOpen();
            MemorySegment tv = a.allocate(16, 8);
            tv.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
            tv.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000);
            Libc.setsockopt(errno, fd.get(), Sys.SOL_SOCKET, Sys.SO_RCVTIMEO, tv, 16);
        } finally {
            lock.unlock();
        }
    }

    /** Joins multicast {@code group} (an RTNLGRP_* number; groups above 32 work too). */
    public void joinGroup(int group) throws SyscallException {
        setIntOpt(Sys.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, group);
    }

    /** Leaves multicast {@code group}. */
    public void leaveGroup(int group) throws SyscallException {
        setIntOpt(Sys.SOL_NETLINK, Netlink.NETLINK_DROP_MEMBERSHIP, group);
    }

    /** The port id the kernel assigned at bind. */
    public int portId() {
        return portId;
    }

    /** The netlink protocol. */
    public int protocol() {
        return protocol;
    }

    /** The raw descriptor, for diagnostics and tests. */
    public int fd() {
        return fd.get();
    }

    /** Messages received that were not for the exchange in progress (foreign seq or port), dropped. */
    public long droppedMessages() {
        return dropped;
    }

    private void ensureOpen() {
        if (fd.isClosed()) throw new IllegalStateException("netlink socket is closed");
    }

    /**
     * Numbers the writer's messages with consecutive sequence numbers and returns the first. Never 0
     * (left for the kernel's own messages), and a batch never wraps through 0, so replies map back by
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

    private void send(MessageWriter w) throws SyscallException {
        int n = w.size();
        // Grown buffers stay allocated until close (the arena frees at close): doubling bounds them to
        // twice the largest request.
        if (n > tx.byteSize()) tx = arena.allocate(Math.max(n, tx.byteSize() * 2), 8);
        w.copyTo(tx);
        Libc.sendto(errno, fd.get(), tx, n, 0, MemorySegment.NULL, 0);
    }

    /**
     * Receives one datagram from the kernel into the receive buffer; returns its length. Datagrams
     * not from port 0 are dropped. Sets {@link #truncated} (and grows the buffer) if it did not fit.
     */
    private int receive(int flags) throws SyscallException {
        for (int spins = 0; ; spins++) {
            long n = Libc.recvfromRaw(errno, fd.get(), rx, rx.byteSize(), flags | Sys.MSG_TRUNC, MemorySegment.NULL, MemorySegment.NULL);
            if (n < 0) {
                int e = (int) -n;
                if (e == Errno.EINTR && spins < 100) continue;
                throw new SyscallException("recv", e);
            }
            // With MSG_TRUNC the return value is the datagram's real length, even past the buffer.
            truncated = n > rx.byteSize();
            if (truncated) {
                rx = arena.allocate(Math.max(n, rx.byteSize() * 2), 8);
                return 0;
            }
            return (int) n;
        }
    }

    /**
     * The datagram just received, {@code [0, n)}, copied into a reused heap array: the decoders read
     * arrays with plain array accesses (see {@code Nlmsg}), several times faster than segment
     * accesses until the JIT's top tier has compiled them. One bulk copy per datagram. Valid until
     * the next receive.
     */
    public MemorySegment received(int n) {
        ensureOpen();
        if (heap.length < n) {
            heap = new byte[(int) Math.max(n, rx.byteSize())];
            heapSegment = MemorySegment.ofArray(heap);
        }
        MemorySegment.copy(rx, 0, heapSegment, 0, n);
        return heapSegment;
    }


    /**
     * Sends the one request {@code enc} writes and waits for its ACK (set NLM_F_ACK) or its single
     * reply; data messages in the reply (an echo, a GET answer) go to {@code handler}.
     */
    public void request(Encoder enc, ReplyReader.Handler handler, String operation) throws NetlinkException {
        request(enc, false, handler, operation);
    }

    /**
     * A get: {@code enc} writes a request without NLM_F_ACK, which the kernel answers with exactly one
     * message, the object or an error (as iproute2 asks). One receive instead of two: no ACK follows
     * the reply. The handler sees the reply.
     */
    public void get(Encoder enc, ReplyReader.Handler handler, String operation) throws NetlinkException {
        request(enc, true, handler, operation);
    }

    private void request(Encoder enc, boolean single, ReplyReader.Handler handler, String operation) throws NetlinkException {
        lock.lock();
        try {
            ensureOpen();
            MessageWriter w = writer.reset();
            enc.encode(w);
            int s = stamp(w);
            if (single && (w.flagsAt(0) & (Netlink.NLM_F_ACK | Netlink.NLM_F_DUMP)) != 0) {
                throw new IllegalArgumentException(operation + ": a get must ask for neither an ACK nor a dump");
            }
            send(w);
            reader.expect(portId, s);
            if (single) reader.single();
            while (!reader.done()) {
                int n = receive(0);
                if (truncated) throw new ProtocolException(operation + ": reply larger than the receive buffer was truncated; buffer grown to " + rx.byteSize());
                // One reply, decoded in place: the heap copy pays off for dumps and batches, but for a
                // single message its cache misses cost more (~0.3 us of a 7 us round trip) than the
                // faster reads save once the JIT has compiled the decoder.
                reader.feed(rx, n, handler);
                dropped += reader.skipped();
            }
            if (reader.error() != null) throw kernelError(reader.error(), w.segment(), 0, operation);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a dump: sends the request {@code enc} writes (NLM_F_DUMP set by it) and hands every message
     * to {@code handler} until NLMSG_DONE. If the kernel flags NLM_F_DUMP_INTR, {@code restart} runs
     * (the caller forgets what it collected) and the dump is sent again, up to {@link #DUMP_ATTEMPTS}
     * times. Returns the number of attempts used.
     */
    public int dump(Encoder enc, ReplyReader.Handler handler, Runnable restart, String what) throws NetlinkException {
        return dump(enc, -1, handler, restart, what);
    }

    /** {@link #dump(Encoder, ReplyReader.Handler, Runnable, String)}, handing on only messages of {@code type} (-1: all). */
    public int dump(Encoder enc, int type, ReplyReader.Handler handler, Runnable restart, String what) throws NetlinkException {
        lock.lock();
        try {
            ensureOpen();
            for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
                if (attempt > 1 && restart != null) restart.run();
                MessageWriter w = writer.reset();
                enc.encode(w);
                int s = stamp(w);
                send(w);
                reader.expect(portId, s).only(type);
                boolean lost = false;
                while (!reader.done()) {
                    int n = receive(0);
                    if (truncated) {
                        lost = true;
                        continue;
                    }
                    reader.feed(lost ? rx : received(n), n, lost ? null : handler); // a lost dump is only read to its end
                    dropped += reader.skipped();
                }
                if (reader.error() != null) throw kernelError(reader.error(), w.segment(), 0, "dump " + what);
                if (!reader.interrupted() && !lost) return attempt;
            }
            throw new DumpInterruptedException(what, DUMP_ATTEMPTS);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends {@code count} requests, {@link #BATCH_WINDOW} per sendmsg, each written by {@code enc}
     * with NLM_F_ACK, and collects every ACK. Returns one entry per request: null for success, else
     * the kernel's error for that request. Data messages (echoes) go to {@code handler}.
     */
    public KernelException[] batch(int count, BatchEncoder enc, BatchHandler handler, String operation) throws NetlinkException {
        KernelException[] errors = new KernelException[count];
        lock.lock();
        try {
            ensureOpen();
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
                send(w);
                int acked = 0;
                boolean[] seen = new boolean[k];
                while (acked < k) {
                    int n = receive(0);
                    if (truncated) throw new ProtocolException(operation + ": reply truncated; buffer grown to " + rx.byteSize());
                    MemorySegment seg = received(n);
                    Messages m = messages.reset(seg, n);
                    while (m.next()) {
                        int i = m.seq() - s0;
                        if (m.pid() != portId || i < 0 || i >= k) {
                            dropped++;
                            continue;
                        }
                        if (m.type() == Netlink.NLMSG_ERROR) {
                            if (seen[i]) continue;
                            seen[i] = true;
                            acked++;
                            NlError e = NlError.decode(seg, m.offset(), m.length());
                            if (e.error() != 0) errors[base + i] = kernelError(e, w.segment(), offsets[i], operation + " #" + (base + i));
                        } else if (m.type() >= Netlink.NLMSG_MIN_TYPE && handler != null) {
                            handler.onMessage(base + i, seg, m.offset(), m.length());
                        }
                    }
                }
            }
            return errors;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Receives the next datagram for a subscriber (blocking up to the receive timeout) and returns its
     * length, or a negative errno (EAGAIN on timeout, ENOBUFS when the kernel dropped messages).
     */
    public int receiveEvents() throws SyscallException {
        lock.lock();
        try {
            ensureOpen();
            for (;;) {
                MsgHdr.setIov(iov, rx, rx.byteSize());
                MsgHdr.resetNameLen(msghdr, (int) source.byteSize());
                long n = Libc.recvmsgRaw(errno, fd.get(), msghdr, Sys.MSG_TRUNC);
                if (n < 0) {
                    int e = (int) -n;
                    if (e == Errno.EAGAIN || e == Errno.ENOBUFS || e == Errno.EINTR) return -e;
                    throw new SyscallException("recvmsg", e);
                }
                if (SockaddrNl.pid(source) != 0) {
                    dropped++;
                    continue;
                }
                if (n > rx.byteSize()) {
                    rx = arena.allocate(Math.max(n, rx.byteSize() * 2), 8);
                    return -Errno.EMSGSIZE;
                }
                return (int) n;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Discards every datagram already queued on the socket without waiting (after ENOBUFS the queue
     * holds notifications older than the state about to be re-read). Returns how many were dropped.
     */
    public int drain() throws SyscallException {
        lock.lock();
        try {
            ensureOpen();
            int n = 0;
            for (int i = 0; i < 1_000_000; i++) {
                MsgHdr.setIov(iov, rx, rx.byteSize());
                MsgHdr.resetNameLen(msghdr, (int) source.byteSize());
                long r = Libc.recvmsgRaw(errno, fd.get(), msghdr, Sys.MSG_TRUNC | Sys.MSG_DONTWAIT);
                if (r >= 0) {
                    n++;
                    continue;
                }
                int e = (int) -r;
                if (e == Errno.EAGAIN) return n;
                if (e != Errno.ENOBUFS && e != Errno.EINTR) throw new SyscallException("recvmsg", e);
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    static KernelException kernelError(NlError e, MemorySegment request, long msgStart, String operation) {
        String path = e.offset() >= 0 ? AttrNames.pathAt(request, msgStart, e.offset()) : null;
        String msg = e.message();
        if (e.missingType() >= 0) {
            String miss = "missing attribute type " + e.missingType();
            msg = msg == null ? miss : msg + " (" + miss + ")";
        }
        return new KernelException(e.errno(), operation, msg, e.offset(), path);
    }

    private void closeQuietly() {
        try {
            fd.close();
        } catch (SyscallException ignored) {
            // the fd is gone either way; nothing to report on a failed constructor
        }
        arena.close();
    }

    /** Closes the socket; later calls do nothing, use after close throws IllegalStateException. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (fd.isClosed()) return;
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }
}
