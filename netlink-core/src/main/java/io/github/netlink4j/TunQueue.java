package io.github.netlink4j;

import io.github.netlink4j.internal.transport.TunFd;
import io.github.netlink4j.tuntap.TunTapDevice;
import io.github.netlink4j.tuntap.TunTapMode;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

/**
 * One queue of a TUN/TAP device as a channel of packets: each {@link #read} returns one packet (an IP
 * packet for tun, an Ethernet frame for tap, after the {@code struct tun_pi} and {@code virtio_net_hdr}
 * the device was made with), each {@link #write} sends one.
 *
 * <p>Blocking by default; {@link #configureBlocking configureBlocking(false)} makes a read with nothing
 * queued return 0 and a write to a full queue return 0. The fd is non-blocking underneath: a blocking
 * read waits in ppoll(2) on a platform thread of the library's when called from a virtual thread, so
 * the virtual thread parks and its carrier is free (a blocking read(2) downcall would pin it), and in
 * ppoll on the caller's own thread otherwise. Closing the queue ends a read waiting in another thread
 * (with {@link AsynchronousCloseException}) within 100 ms.
 *
 * <p>A packet larger than the device's MTU plus its headers is refused with an
 * {@link IllegalArgumentException} before it is written: the driver would pass it on whole and the
 * stack drop it, or a reader's buffer cut it. A read into a buffer with less room than the packet throws
 * an {@link IOException} (the packet is gone) rather than returning a cut packet. One reader and one
 * writer at a time; both may run at once.
 */
public final class TunQueue implements ByteChannel {
    /** The largest Ethernet header a frame of MTU bytes comes with: 14 bytes and one 802.1Q tag. */
    private static final int ETHERNET = 18;
    /** {@code struct tun_pi}: flags and protocol. */
    private static final int PI = 4;
    /** sizeof(struct virtio_net_hdr), the driver's default vnet header size. */
    private static final int VNET_DEFAULT = 10;

    private final TunFd fd;
    private final TunTapDevice device;
    private volatile boolean blocking = true;
    private volatile int vnetHeaderSize = VNET_DEFAULT;

    TunQueue(TunFd fd, TunTapDevice device) {
        this.fd = fd;
        this.device = device;
    }

    /** The device as it was when the queue was opened. */
    public TunTapDevice device() {
        return device;
    }

    /** Sets blocking mode (true, the default) or non-blocking; returns this queue. */
    public TunQueue configureBlocking(boolean block) {
        this.blocking = block;
        return this;
    }

    /** Whether reads and writes wait. */
    public boolean isBlocking() {
        return blocking;
    }

    /**
     * Sets the vnet header's size (TUNSETVNETHDRSZ: 10, or 12 with VIRTIO_NET_F_MRG_RXBUF), for the
     * whole device; only for a device with the vnet header.
     */
    public void setVnetHeaderSize(int size) throws IOException {
        if (!device.vnetHeader()) throw new IllegalStateException(device.name() + " has no vnet header");
        if (size < VNET_DEFAULT || size > 64) throw new IllegalArgumentException("vnet header size " + size + " is out of range (10 to 64)");
        fd.setVnetHeaderSize(size);
        vnetHeaderSize = size;
    }

    /**
     * The largest packet a read returns or a write accepts, headers included: the MTU (at open), the
     * Ethernet header of a tap, the packet information and the vnet header. With a vnet header a
     * segmentation-offload packet may be up to 64 KiB, and that is the limit.
     */
    public int maxPacketSize() {
        int headers = (device.packetInfo() ? PI : 0) + (device.vnetHeader() ? vnetHeaderSize : 0);
        if (device.vnetHeader()) return TunFd.MAX_PACKET - 64 + headers;
        return headers + device.mtu() + (device.mode() == TunTapMode.TAP ? ETHERNET : 0);
    }

    /**
     * Reads one packet into {@code dst}: its length; 0 when non-blocking and none is queued.
     *
     * @throws AsynchronousCloseException if the queue was closed while this read waited
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        return take(dst, blocking ? Long.MAX_VALUE : 0);
    }

    /** Reads one packet into {@code dst}, waiting at most {@code timeout}: its length, or 0 when none came. */
    public int read(ByteBuffer dst, Duration timeout) throws IOException {
        long nanos = timeout.toNanos();
        return take(dst, nanos <= 0 ? 0 : System.nanoTime() + nanos);
    }

    private int take(ByteBuffer dst, long deadline) throws IOException {
        ensureOpen();
        int n = fd.read(deadline);
        if (n < 0) {
            if (fd.isClosed()) throw new AsynchronousCloseException();
            return 0;
        }
        if (n > dst.remaining()) {
            throw new IOException("a packet of " + n + " bytes came on " + device.name() + " and the buffer had room for "
                    + dst.remaining() + ": it was dropped (size buffers by maxPacketSize())");
        }
        MemorySegment.ofBuffer(dst).copyFrom(fd.received().asSlice(0, n));
        dst.position(dst.position() + n);
        return n;
    }

    /**
     * Writes the remaining bytes of {@code src} as one packet: their number, or 0 when non-blocking and the
     * queue is full.
     *
     * @throws IllegalArgumentException if the packet is larger than {@link #maxPacketSize()} (nothing is written)
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int n = src.remaining();
        int max = maxPacketSize();
        if (n > max) {
            throw new IllegalArgumentException("a packet of " + n + " bytes is larger than " + device.name() + " takes: MTU "
                    + device.mtu() + " with headers, " + max + " bytes");
        }
        MemorySegment from = MemorySegment.ofBuffer(src);
        if (!fd.write(tx -> tx.copyFrom(from), n, blocking)) return 0;
        src.position(src.position() + n);
        return n;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (fd.isClosed()) throw new ClosedChannelException();
    }

    @Override
    public boolean isOpen() {
        return !fd.isClosed();
    }

    /** Closes the queue (a device that is not persistent goes with its last queue). Idempotent. */
    @Override
    public void close() throws IOException {
        fd.close();
    }

    @Override
    public String toString() {
        return "TunQueue[" + device.name() + (isOpen() ? "" : ", closed") + "]";
    }
}
