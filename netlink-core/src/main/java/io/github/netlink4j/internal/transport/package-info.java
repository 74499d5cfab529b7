/**
 * Netlink sockets and namespace threads: a request socket (one request at a time, with its receive
 * buffer and sequence numbers), an event socket for multicast groups, and the dedicated platform
 * threads that enter a network namespace to open a socket or run a task there and check they came
 * back.
 */
package io.github.netlink4j.internal.transport;
