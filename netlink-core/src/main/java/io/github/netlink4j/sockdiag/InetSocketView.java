package io.github.netlink4j.sockdiag;

import io.github.netlink4j.common.AddressFamily;

import java.net.InetAddress;

/**
 * One TCP or UDP socket of a streaming dump ({@link io.github.netlink4j.SocketDiag#forEach}), read from the
 * received bytes as it is asked: a view over one inet_diag_msg, reused for the next, so that a host with a
 * hundred thousand sockets is read without a record each. The numbers and the enums allocate nothing, nor do
 * {@link #copyLocalAddress} and {@link #copyRemoteAddress}; {@link #localAddress()} and {@link #remoteAddress()}
 * make what they return.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}. Keep what it returns, never the view.
 *
 * {@snippet :
 * int[] established = {0};
 * nl.sockets().forEach(SocketQuery.tcp(), v -> { if (v.state() == SocketState.ESTABLISHED) established[0]++; });
 * }
 */
public interface InetSocketView {
    /** TCP or UDP: the protocol the query asked for. */
    SocketProtocol protocol();

    /** idiag_family: INET or INET6. */
    AddressFamily family();

    /** idiag_state. */
    SocketState state();

    /** id.idiag_src, as {@link InetSocket#localAddress()}. */
    InetAddress localAddress();

    /**
     * Copies the bytes of id.idiag_src as the kernel sent them (4 for INET, 16 for INET6, a v4-mapped address
     * included, which {@link #localAddress()} reads as IPv4) into {@code into}, if it is long enough, and returns their count.
     */
    int copyLocalAddress(byte[] into);

    /** id.idiag_sport. */
    int localPort();

    /** id.idiag_dst, as {@link InetSocket#remoteAddress()}. */
    InetAddress remoteAddress();

    /** Copies the bytes of id.idiag_dst as {@link #copyLocalAddress} copies the source's, and returns their count. */
    int copyRemoteAddress(byte[] into);

    /** id.idiag_dport (0: none). */
    int remotePort();

    /** id.idiag_if: the index of the interface the socket is bound to, 0 when none. */
    int boundDevice();

    /** idiag_rqueue, as {@link InetSocket#receiveQueue()}. */
    long receiveQueue();

    /** idiag_wqueue, as {@link InetSocket#sendQueue()}. */
    long sendQueue();

    /** idiag_uid. */
    long uid();

    /** idiag_inode (0 for a socket no file holds). */
    long inode();

    /** id.idiag_cookie. */
    long cookie();
}
