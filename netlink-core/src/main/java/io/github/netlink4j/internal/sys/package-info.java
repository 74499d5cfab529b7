/**
 * The libc downcalls netlink4j makes through the FFM API (socket, bind, sendmsg, recvmsg, setns,
 * unshare, mount, …), errno capture and names, and the C struct layouts they take ({@code sockaddr_nl},
 * {@code iovec}, {@code msghdr}). The bottom layer: it knows nothing of netlink messages.
 */
package io.github.netlink4j.internal.sys;
