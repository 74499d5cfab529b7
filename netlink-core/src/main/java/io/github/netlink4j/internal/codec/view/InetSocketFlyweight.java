package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.SockDiag;
import io.github.netlink4j.sockdiag.InetSocketView;
import io.github.netlink4j.sockdiag.SocketProtocol;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;

/**
 * The {@link InetSocketView} over a SOCK_DIAG_BY_FAMILY reply: the fields of {@code struct inet_diag_msg},
 * read where they lie (ports big-endian, the rest in host order). The attributes after it are walked at open,
 * as the record's decoder walks them, and not kept.
 */
public final class InetSocketFlyweight extends DumpView implements InetSocketView {
    private SocketProtocol protocol;
    private AddressFamily family;
    private SocketState state;
    private int addressLen;

    /** Points the view at the reply at {@code off}, a socket of {@code protocol}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len, SocketProtocol protocol) throws ProtocolException {
        this.protocol = protocol;
        open(s, off, len, SockDiag.INET_DIAG_MSG, "SOCK_DIAG_BY_FAMILY");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        int f = a.u8At(h);
        family = switch (f) {
            case SockDiag.AF_INET -> AddressFamily.INET;
            case SockDiag.AF_INET6 -> AddressFamily.INET6;
            default -> throw new ProtocolException("inet_diag_msg of family " + f + ", not AF_INET or AF_INET6");
        };
        addressLen = family == AddressFamily.INET ? 4 : 16;
        state = SockDiagViews.state(a.u8At(h + 1), "inet_diag_msg");
        while (a.next()) { } // INET_DIAG_SHUTDOWN, MARK, …: not offered, but must be well formed
    }

    @Override
    public SocketProtocol protocol() {
        check();
        return protocol;
    }

    @Override
    public AddressFamily family() {
        check();
        return family;
    }

    @Override
    public SocketState state() {
        check();
        return state;
    }

    @Override
    public InetAddress localAddress() {
        check();
        return address(h + 8);
    }

    @Override
    public int copyLocalAddress(byte[] into) {
        check();
        return copy(h + 8, addressLen, into);
    }

    @Override
    public int localPort() {
        check();
        return be16(h + 4);
    }

    @Override
    public InetAddress remoteAddress() {
        check();
        return address(h + 24);
    }

    @Override
    public int copyRemoteAddress(byte[] into) {
        check();
        return copy(h + 24, addressLen, into);
    }

    @Override
    public int remotePort() {
        check();
        return be16(h + 6);
    }

    @Override
    public int boundDevice() {
        check();
        return a.s32At(h + 40);
    }

    @Override
    public long receiveQueue() {
        check();
        return u32(h + 56);
    }

    @Override
    public long sendQueue() {
        check();
        return u32(h + 60);
    }

    @Override
    public long uid() {
        check();
        return u32(h + 64);
    }

    @Override
    public long inode() {
        check();
        return u32(h + 68);
    }

    @Override
    public long cookie() {
        check();
        return u32(h + 44) | u32(h + 48) << 32;
    }

    /** The address at {@code at} as the record's decoder makes it: a v4-mapped IPv6 address (a dual-stack socket's) comes back as IPv4. */
    private InetAddress address(long at) {
        try {
            return InetAddress.getByAddress(bytes(at, addressLen));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    private int be16(long at) {
        return a.u8At(at) << 8 | a.u8At(at + 1);
    }

    private long u32(long at) {
        return Integer.toUnsignedLong(a.s32At(at));
    }

    @Override
    public String toString() {
        return "InetSocketView[" + protocol() + " " + state() + " " + IpText.text(localAddress()) + ":" + localPort() + "]";
    }
}
