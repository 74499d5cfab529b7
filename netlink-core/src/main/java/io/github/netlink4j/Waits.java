package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.Route;


import io.github.netlink4j.internal.transport.Bus;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.sockdiag.SocketProtocol;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import io.github.netlink4j.error.WaitTimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waiting for a state of the client's namespace on events, not by polling: each wait subscribes,
 * takes the current state from the subscription's initial listing, then follows notifications until
 * the condition holds or the timeout passes ({@link WaitTimeoutException} saying what was awaited).
 *
 * {@snippet :
 * nl.waits().linkUp("veth0", Duration.ofSeconds(5));
 * nl.waits().addressUsable("veth0", InetAddress.ofLiteral("fd00:200::2"), Duration.ofSeconds(5));  // DAD done
 * nl.waits().listening(SocketProtocol.TCP, 80, Duration.ofSeconds(30));                           // nginx is up
 * }
 */
public final class Waits {
    private final SocketFactory sockets;
    private final Links links;

    Waits(SocketFactory sockets, Links links) {
        this.sockets = sockets;
        this.links = links;
    }

    private <T> T await(EnumSet<EventGroup> groups, Duration timeout, String what, Function<NetlinkEvent, Optional<T>> match)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Subscription s = new Subscription(groups, Subscription.Options.DEFAULTS.withListExisting(true), sockets, null);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new WaitTimeoutException(what, timeout);
                Optional<NetlinkEvent> e = s.next(Duration.ofNanos(left));
                if (e.isEmpty()) continue;
                Optional<T> hit = match.apply(e.get());
                if (hit.isPresent()) return hit.get();
            }
        } finally {
            s.close();
            s.awaitTermination(Duration.ofSeconds(1));
        }
    }

    /** Waits until link {@code name} exists and matches {@code condition}; returns it. */
    public Link link(String name, Predicate<Link> condition, Duration timeout) throws IOException, InterruptedException {
        return await(EnumSet.of(EventGroup.LINK), timeout, "link " + name + " reaching the awaited state", e ->
                e instanceof NetlinkEvent.LinkEvent le && le.action() != NetlinkEvent.Action.DELETED
                        && le.link().name().equals(name) && condition.test(le.link()) ? Optional.of(le.link()) : Optional.empty());
    }

    /** Waits until link {@code name} is up with carrier (IFF_UP and IFF_LOWER_UP). */
    public Link linkUp(String name, Duration timeout) throws IOException, InterruptedException {
        return link(name, l -> l.isUp() && l.hasCarrier(), timeout);
    }

    /** Waits until {@code address} on link {@code name} is usable: present, DAD done, not failed. */
    public Address addressUsable(String name, InetAddress address, Duration timeout) throws IOException, InterruptedException {
        int index = links.index(name);
        EventGroup g = AddressFamily.of(address) == AddressFamily.INET ? EventGroup.IPV4_ADDRESS : EventGroup.IPV6_ADDRESS;
        return await(EnumSet.of(g), timeout, "address " + IpText.text(address) + " becoming usable", e ->
                e instanceof NetlinkEvent.AddressEvent ae && ae.action() != NetlinkEvent.Action.DELETED
                        && ae.address().index() == index && ae.address().address().equals(address) && ae.address().isUsable()
                        ? Optional.of(ae.address()) : Optional.empty());
    }

    /** Waits until a route of {@code family} matching {@code condition} exists; returns it. */
    public Route route(AddressFamily family, Predicate<Route> condition, Duration timeout) throws IOException, InterruptedException {
        EventGroup g = switch (family) {
            case INET -> EventGroup.IPV4_ROUTE;
            case INET6 -> EventGroup.IPV6_ROUTE;
            default -> throw new IllegalArgumentException("routes are INET or INET6, not " + family);
        };
        return await(EnumSet.of(g), timeout, "the awaited route appearing", e ->
                e instanceof NetlinkEvent.RouteEvent re && re.action() != NetlinkEvent.Action.DELETED && condition.test(re.route())
                        ? Optional.of(re.route()) : Optional.empty());
    }

    /** The first pause between two asks of {@link #listening}, doubled up to {@link #LISTEN_PAUSE_MAX}. */
    static final Duration LISTEN_PAUSE_MIN = Duration.ofMillis(5), LISTEN_PAUSE_MAX = Duration.ofMillis(100);

    /**
     * Waits until a socket of {@code protocol} listens on {@code port} in this namespace (TCP: in LISTEN;
     * UDP: bound and unconnected), as {@code ss -ltn sport = :PORT} would show it.
     *
     * <p>The kernel sends no notification when a socket starts to listen (sock_diag's groups report only
     * destroyed sockets), so this one wait asks: one SOCK_DIAG dump per try, which the kernel filters down
     * to the matching socket (state mask and port bytecode), every 5 ms at first and every 100 ms from the
     * fifth try on. Unlike connecting to the port it leaves no connection in the server's accept queue or logs.
     */
    public void listening(SocketProtocol protocol, int port, Duration timeout) throws IOException, InterruptedException {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range (1 to 65535)");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketDiag diag = new SocketDiag(sockets.requests(Bus.SOCK_DIAG))) {
            long pause = LISTEN_PAUSE_MIN.toNanos();
            while (!diag.isListening(protocol, port)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new WaitTimeoutException("a " + protocol + " socket listening on port " + port, timeout);
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                pause = Math.min(pause * 2, LISTEN_PAUSE_MAX.toNanos());
            }
        }
    }
}
