package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.internal.sys.Tun;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue of a tun/tap device: a {@code /dev/net/tun} fd opened in the device's namespace, bound with
 * TUNSETIFF, and always non-blocking underneath (a blocking read is a non-blocking read and a
 * {@link Readiness} wait, so that a virtual thread is never pinned). Packets go through a native buffer
 * of the largest packet the driver makes; one reader and one writer at a time.
 */
public final class TunFd implements AutoCloseable {
    /** The clone device every queue is opened from. */
    public static final String CLONE_DEVICE = Tun.CLONE_DEVICE;

    /** The largest packet a tun device passes (its MTU limit) plus room for the headers before it. */
    public static final int MAX_PACKET = 65535 + 64;

    private final AtomicInteger fd;
    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment rx = arena.allocate(MAX_PACKET, 8), tx = arena.allocate(MAX_PACKET, 8);
    private final MemorySegment rxErrno = Libc.newErrnoState(arena), txErrno = Libc.newErrnoState(arena);
    private final ReentrantLock readLock = new ReentrantLock(), writeLock = new ReentrantLock();

    private TunFd(int fd, String name) {
        this.fd = new AtomicInteger(fd);
        this.name = name;
    }

    /**
     * Opens a queue of device {@code name} in the namespace of {@code sockets} with TUNSETIFF
     * {@code flags} (creating the device when it does not exist, unless IFF_TUN_EXCL refuses a name
     * taken; a name template such as {@code tap%d} is numbered by the kernel, and {@link #name()} is the
     * name it picked). Nothing is left open when it fails.
     */
    public static TunFd open(SocketFactory sockets, String path, String name, int flags) throws IOException {
        int fd = sockets.openDevice(path, Tun.O_RDWR | Tun.O_NONBLOCK | Sys.O_CLOEXEC);
        try {
            return new TunFd(fd, Tun.setIff(fd, name, flags));
        } catch (IOException | RuntimeException e) {
            try {
                Libc.close(fd);
            } catch (SyscallException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    /** The device's name. */
    public String name() {
        return name;
    }

    private int fd() {
        int v = fd.get();
        if (v < 0) throw new IllegalStateException("queue of " + name + " is closed");
        return v;
    }

    /** Whether {@link #close} ran. */
    public boolean isClosed() {
        return fd.get() < 0;
    }

    /** TUNSETPERSIST: whether the device outlives its last queue. */
    public void setPersist(boolean persist) throws SyscallException {
        Tun.ioctlValue(fd(), Tun.TUNSETPERSIST, persist ? 1 : 0, "ioctl(TUNSETPERSIST)", name);
    }

    /** TUNSETOWNER. */
    public void setOwner(long uid) throws SyscallException {
        Tun.ioctlValue(fd(), Tun.TUNSETOWNER, uid, "ioctl(TUNSETOWNER)", name);
    }

    /** TUNSETGROUP. */
    public void setGroup(long gid) throws SyscallException {
        Tun.ioctlValue(fd(), Tun.TUNSETGROUP, gid, "ioctl(TUNSETGROUP)", name);
    }

    /** TUNSETVNETHDRSZ. */
    public void setVnetHeaderSize(int size) throws SyscallException {
        Tun.setVnetHeaderSize(fd(), size, name);
    }

    /** TUNGETIFF's flags. */
    public int flags() throws SyscallException {
        return Tun.getIffFlags(fd());
    }

    /**
     * Reads one packet into the receive buffer ({@link #received}): its length, or -1 when none came
     * before the deadline ({@link System#nanoTime()}; 0: do not wait; {@code Long.MAX_VALUE}: no
     * deadline) or the queue was closed while waiting.
     */
    public int read(long deadline) throws IOException {
        readLock.lock();
        try {
            for (int i = 0; ; i++) {
                long n = Tun.readRaw(rxErrno, fd(), rx, MAX_PACKET);
                if (n >= 0) return (int) n;
                if (n == -Tun.EINTR && i < 100) continue;
                if (n != -Tun.EAGAIN) throw new SyscallException("read", (int) -n, name);
                if (deadline == 0 || !Readiness.await(fd(), Tun.POLLIN, deadline, this::isClosed)) return -1;
                if (isClosed()) return -1; // closed during the wait: ppoll saw the fd go (POLLNVAL)
            }
        } finally {
            readLock.unlock();
        }
    }

    /** The receive buffer: the packet {@link #read} returned is its first bytes. Valid until the next read. */
    public MemorySegment received() {
        return rx;
    }

    /**
     * Writes the first {@code len} bytes of the send buffer ({@code fill} copies the packet into it) as one
     * packet; false when the queue was full and {@code blocking} is false.
     */
    public boolean write(java.util.function.Consumer<MemorySegment> fill, int len, boolean blocking) throws IOException {
        if (len > MAX_PACKET) throw new IllegalArgumentException("a packet of " + len + " bytes is over the driver's " + MAX_PACKET);
        writeLock.lock();
        try {
            fill.accept(tx);
            for (int i = 0; i < 1000; i++) {
                long n = Tun.writeRaw(txErrno, fd(), tx, len);
                if (n == len) return true;
                if (n >= 0) throw new SyscallException("write", 0, name + ": " + n + " of " + len + " bytes written");
                if (n == -Tun.EINTR) continue;
                if (n != -Tun.EAGAIN) throw new SyscallException("write", (int) -n, name);
                if (!blocking || !Readiness.await(fd(), Tun.POLLOUT, Long.MAX_VALUE, this::isClosed) || isClosed()) return false;
            }
            throw new SyscallException("write", Tun.EAGAIN, name);
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes the fd (the queue detaches; a device that is not persistent goes with its last queue). Idempotent. */
    @Override
    public void close() throws SyscallException {
        int v = fd.getAndSet(-1);
        if (v < 0) return;
        try {
            Libc.close(v);
        } finally {
            // the buffers go once no reader or writer is inside them
            readLock.lock();
            writeLock.lock();
            try {
                arena.close();
            } finally {
                writeLock.unlock();
                readLock.unlock();
            }
        }
    }
}
