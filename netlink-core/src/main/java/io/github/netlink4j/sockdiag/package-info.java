/**
 * Socket diagnostics ({@code ss}, NETLINK_SOCK_DIAG): the TCP, UDP and UNIX sockets of a namespace as
 * the kernel's inet_diag and unix_diag report them, and the query that filters them in the kernel by
 * state and port. Reached through {@link io.github.netlink4j.NetlinkClient#sockets()}.
 *
 * {@snippet :
 * try (NetlinkClient nl = NetlinkClient.open(ns)) {
 *     // ss -tan state listening sport = :8080, filtered by the kernel (state mask and bytecode)
 *     List<InetSocket> l = nl.sockets().list(SocketQuery.tcp().withStates(SocketState.LISTEN).withLocalPort(8080));
 *     nl.waits().listening(SocketProtocol.TCP, 8080, Duration.ofSeconds(10));    // "is the server up yet"
 *     nl.sockets().listUnix().forEach(System.out::println);                       // ss -xa
 * }
 * }
 */
package io.github.netlink4j.sockdiag;
