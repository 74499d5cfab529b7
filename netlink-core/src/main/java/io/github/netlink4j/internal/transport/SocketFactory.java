package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sysfs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes sockets in one network namespace: the calling thread's, or the one a namespace fd refers to,
 * where the socket is created on a namespace worker ({@link NetnsThreads}) and then used from any
 * thread. The fd is the caller's and must stay open while sockets are made.
 */
public final class SocketFactory {
    private final int nsFd;

    private SocketFactory(int nsFd) {
        this.nsFd = nsFd;
    }

    /** Sockets in the calling thread's namespace. */
    public static SocketFactory here() {
        return new SocketFactory(-1);
    }

    /** Sockets in the namespace {@code nsFd} refers to. */
    public static SocketFactory in(int nsFd) {
        return new SocketFactory(nsFd);
    }

    private int createFd(Bus bus) throws IOException {
        int protocol = bus.protocol();
        return nsFd < 0 ? NetlinkChannel.createFd(protocol) : NetnsThreads.call(nsFd, () -> NetlinkChannel.createFd(protocol));
    }

    /**
     * Opens {@code path} (a device file such as /dev/net/tun) in this namespace: on a namespace worker
     * when it is another, because what the driver makes through the fd (a tun device) belongs to the
     * namespace of the thread that opened it. Returns the new fd, the caller's to close.
     */
    public int openDevice(String path, int flags) throws IOException {
        return nsFd < 0 ? Libc.open(path, flags, 0)
                : NetnsThreads.call(nsFd, () -> Libc.open(path, flags, 0));
    }

    /**
     * The text of each of {@code paths} (relative to /sys, e.g. {@code class/net/tap0/tun_flags}) as a sysfs
     * of this namespace shows it, by path; a file that cannot be read is left out. The sysfs is mounted
     * nowhere (see {@link Sysfs}), on a namespace worker when the namespace
     * is another, since sysfs shows the namespace of the thread that creates it.
     *
     * @throws IOException if no sysfs can be made (no CAP_SYS_ADMIN, or a kernel before the new mount API)
     */
    public Map<String, String> readSysfs(List<String> paths) throws IOException {
        int mount = nsFd < 0 ? Sysfs.mount() : NetnsThreads.call(nsFd, Sysfs::mount);
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            for (String p : paths) {
                try {
                    texts.put(p, Sysfs.read(mount, p));
                } catch (SyscallException e) {
                    // gone meanwhile, or not there on this kernel: left out
                }
            }
        } finally {
            Libc.close(mount);
        }
        return texts;
    }

    /**
     * The ethtool ioctl (SIOCETHTOOL) on device {@code dev} in this namespace, on a namespace worker when it
     * is another, since the ioctl finds the device in the namespace of the socket it is made on: the command
     * struct {@code data} in, the struct as the kernel left it out (see
     * {@link io.github.netlink4j.internal.sys.EthtoolIoctl#call}).
     */
    public byte[] ethtoolIoctl(String dev, byte[] data, String what) throws IOException {
        return nsFd < 0 ? io.github.netlink4j.internal.sys.EthtoolIoctl.call(dev, data, what)
                : NetnsThreads.call(nsFd, () -> io.github.netlink4j.internal.sys.EthtoolIoctl.call(dev, data, what));
    }

    /** A NETLINK_ROUTE request socket. */
    public RequestSocket requests() throws IOException {
        return requests(Bus.ROUTE);
    }

    /**
     * A request socket on {@code bus}: the same request, dump, batch and extended-ACK machinery on
     * every bus; attribute paths in errors are named for rtnetlink and given as numbers elsewhere.
     */
    public RequestSocket requests(Bus bus) throws IOException {
        return new RequestSocket(NetlinkChannel.adopt(createFd(bus), 0, NetlinkChannel.RX_BUFFER), bus);
    }

    /** A NETLINK_ROUTE event socket with a receive queue of {@code rcvbuf} bytes (0: the system's default). */
    public EventSocket events(int rcvbuf) throws IOException {
        return events(Bus.ROUTE, rcvbuf);
    }

    /** An event socket on {@code bus} with a receive queue of {@code rcvbuf} bytes (0: the default). */
    public EventSocket events(Bus bus, int rcvbuf) throws IOException {
        return new EventSocket(NetlinkChannel.adopt(createFd(bus), rcvbuf, NetlinkChannel.RX_BUFFER));
    }
}
