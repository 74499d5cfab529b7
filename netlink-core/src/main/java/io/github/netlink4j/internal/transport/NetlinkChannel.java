package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Fd;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.MmapArena;
import io.github.netlink4j.internal.sys.MsgHdr;
import io.github.netlink4j.internal.sys.SockaddrNl;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.Netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One netlink socket's descriptor and buffers, of any netlink protocol, and the system calls on them: what
 * {@link RequestSocket} and {@link EventSocket} are built on. Not thread-safe: its owner serialises use.
 *
 * <p>Opened with {@code SOCK_CLOEXEC}, bound to a kernel-assigned port and connected to the kernel,
 * with NETLINK_EXT_ACK, NETLINK_CAP_ACK and NETLINK_GET_STRICT_CHK on. Connected, the socket is
 * refused unicasts from any sender but the kernel (netlink_getsockbyportid answers ECONNREFUSED), so
 * replies need no per-datagram source check. Every datagram is read with MSG_TRUNC, so its true
 * length is known: one that did not fit grows the buffer and is reported, never passed on cut short.
 */
final class NetlinkChannel implements AutoCloseable {
    /** Receive buffer size: above the 32 KiB the kernel caps a dump datagram at. */
    static final int RX_BUFFER = 64 * 1024;

    private final Fd fd;
    private final int portId;
    // mapped and unmapped at close: segments of the global scope cost no session acquire per downcall
    // argument, and closing frees at once, where closing a shared arena makes every thread pass a handshake.
    private final Arena arena = new MmapArena();
    private final MemorySegment errno;
    private final MemorySegment source;
    private final MemorySegment msghdr;
    private final MemorySegment iov;
    private MemorySegment rx;
    private MemorySegment tx;
    private byte[] heap = new byte[0];
    private long syscalls;
    private MemorySegment heapSegment = MemorySegment.ofArray(heap);

    private NetlinkChannel(int rawFd, int rcvbuf, int rxBytes) throws SyscallException {
        this.fd = new Fd(rawFd);
        try {
            errno = Libc.newErrnoState(arena);
            source = arena.allocate(SockaddrNl.LAYOUT);
            msghdr = arena.allocate(MsgHdr.LAYOUT);
            iov = arena.allocate(MsgHdr.IOVEC);
            rx = arena.allocate(rxBytes, 8);
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
            MemorySegment kernel = arena.allocate(SockaddrNl.LAYOUT);
            SockaddrNl.set(kernel, 0, 0);
            Libc.connect(errno, rawFd, kernel, (int) kernel.byteSize());
        } catch (SyscallException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Creates an unbound NETLINK_ROUTE socket in the calling thread's network namespace; returns its fd. */
    static int createFd() throws SyscallException {
        return createFd(Netlink.NETLINK_ROUTE);
    }

    /**
     * Creates an unbound socket of netlink {@code protocol} (NETLINK_ROUTE, NETLINK_GENERIC,
     * NETLINK_NETFILTER, NETLINK_SOCK_DIAG, …) in the calling thread's network namespace; returns its fd.
     */
    static int createFd(int protocol) throws SyscallException {
        try (Arena a = Arena.ofConfined()) {
            return Libc.socket(Libc.newErrnoState(a), Sys.AF_NETLINK, Sys.SOCK_RAW | Sys.SOCK_CLOEXEC, protocol);
        }
    }

    /**
     * Takes ownership of a socket fd made by {@link #createFd} (possibly on a thread in another
     * namespace), with a kernel receive queue of {@code rcvbuf} bytes (0: the system's default) and a
     * receive buffer of {@code rxBytes} to start with ({@link #RX_BUFFER}; it grows when a datagram does
     * not fit).
     */
    static NetlinkChannel adopt(int rawFd, int rcvbuf, int rxBytes) throws SyscallException {
        return new NetlinkChannel(rawFd, rcvbuf, rxBytes);
    }

    private void optionalOpt(int level, int name, int value) throws SyscallException {
        try {
            setIntOpt(level, name, value);
        } catch (SyscallException e) {
            if (e.errno() != Errno.ENOPROTOOPT) throw e;
        }
    }

    void setIntOpt(int level, int name, int value) throws SyscallException {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ValueLayout.JAVA_INT);
            v.set(ValueLayout.JAVA_INT, 0, value);
            Libc.setsockopt(errno, fd.get(), level, name, v, 4);
        }
    }

    /** Sets the kernel receive queue size; with CAP_NET_ADMIN above net.core.rmem_max. */
    void setReceiveBuffer(int bytes) throws SyscallException {
        try {
            setIntOpt(Sys.SOL_SOCKET, Sys.SO_RCVBUFFORCE, bytes);
        } catch (SyscallException e) {
            setIntOpt(Sys.SOL_SOCKET, Sys.SO_RCVBUF, bytes);
        }
    }

    /** Sets SO_RCVTIMEO: a receive that waits longer fails with EAGAIN. 0 waits forever. */
    void setReceiveTimeoutMillis(long millis) throws SyscallException {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tv = a.allocate(16, 8);
            tv.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
            tv.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000);
            Libc.setsockopt(errno, fd.get(), Sys.SOL_SOCKET, Sys.SO_RCVTIMEO, tv, 16);
        }
    }

    int portId() {
        return portId;
    }

    boolean isClosed() {
        return fd.isClosed();
    }

    void ensureOpen() {
        if (fd.isClosed()) throw new IllegalStateException("netlink socket is closed");
    }

    /** Sends what {@code w} holds, copied into the native send buffer (grown to twice the largest request). */
    void send(MessageWriter w) throws SyscallException {
        int n = w.size();
        if (n > tx.byteSize()) tx = arena.allocate(Math.max(n, tx.byteSize() * 2), 8);
        w.copyTo(tx);
        syscalls++;
        Libc.sendto(errno, fd.get(), tx, n, 0, MemorySegment.NULL, 0);
    }

    /**
     * The send and receive system calls this channel has made (sendto, recvfrom, recvmsg; a call EINTR
     * interrupted counts too): a plain counter, written by the one thread that holds the socket's lock.
     */
    long syscalls() {
        return syscalls;
    }

    /**
     * Receives one datagram into the receive buffer and returns its length, retrying EINTR; a
     * negative value is a datagram of that (negated) length that did not fit: it was dropped and the
     * buffer has grown to hold the next one.
     */
    int receive(int flags) throws SyscallException {
        for (int spins = 0; ; spins++) {
            syscalls++;
            long n = Libc.recvfromRaw(errno, fd.get(), rx, rx.byteSize(), flags | Sys.MSG_TRUNC, MemorySegment.NULL, MemorySegment.NULL);
            if (n < 0) {
                int e = (int) -n;
                if (e == Errno.EINTR && spins < 100) continue;
                throw new SyscallException("recv", e);
            }
            if (n > rx.byteSize()) {
                grow(n);
                return (int) -Math.min(n, Integer.MAX_VALUE);
            }
            return (int) n;
        }
    }

    /**
     * Receives one datagram with its sender (recvmsg), for multicast listeners: returns its length, or
     * a negative errno (EAGAIN on the receive timeout, ENOBUFS when the kernel dropped notifications,
     * EINTR, and EMSGSIZE for a datagram that did not fit: the buffer has grown for the next one).
     * Datagrams from a sender other than the kernel are dropped.
     */
    int receiveFromKernel(int flags) throws SyscallException {
        for (int i = 0; i < 1_000_000; i++) {
            MsgHdr.setIov(iov, rx, rx.byteSize());
            MsgHdr.resetNameLen(msghdr, (int) source.byteSize());
            syscalls++;
            long n = Libc.recvmsgRaw(errno, fd.get(), msghdr, flags | Sys.MSG_TRUNC);
            if (n < 0) {
                int e = (int) -n;
                if (e == Errno.EAGAIN || e == Errno.ENOBUFS || e == Errno.EINTR) return -e;
                throw new SyscallException("recvmsg", e);
            }
            if (SockaddrNl.pid(source) != 0) continue;
            if (n > rx.byteSize()) {
                grow(n);
                return -Errno.EMSGSIZE;
            }
            return (int) n;
        }
        return -Errno.EAGAIN;
    }

    private void grow(long n) {
        rx = arena.allocate(Math.max(n, rx.byteSize() * 2), 8);
    }

    /** The receive buffer, valid for the length the last receive returned. */
    MemorySegment rx() {
        return rx;
    }

    /**
     * The datagram just received, {@code [0, n)}, copied into a reused heap array: decoders read
     * arrays with plain array accesses, which the interpreter and C1 run several times faster than
     * segment accesses. One bulk copy per datagram; valid until the next receive.
     */
    MemorySegment received(int n) {
        ensureOpen();
        if (heap.length < n) {
            heap = new byte[(int) Math.max(n, rx.byteSize())];
            heapSegment = MemorySegment.ofArray(heap);
        }
        MemorySegment.copy(rx, 0, heapSegment, 0, n);
        return heapSegment;
    }

    private void closeQuietly() {
        try {
            fd.close();
        } catch (SyscallException ignored) {
            // the fd is gone either way
        }
        arena.close();
    }

    /** Closes the socket and frees its buffers. Idempotent. */
    @Override
    public void close() {
        if (fd.isClosed()) return;
        closeQuietly();
    }
}
