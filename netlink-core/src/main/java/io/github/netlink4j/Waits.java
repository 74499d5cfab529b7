package io.github.netlink4j;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Waiting for a state on events, not by polling: each helper subscribes, takes the current state from
 * the subscription's initial listing, then follows notifications until the condition holds or the
 * timeout passes ({@link TimeoutException} saying what was awaited).
 */
public final class Waits {
    private Waits() {}

    private static <T> T await(NetNamespace ns, EnumSet<EventGroup> groups, Duration timeout, String what,
                               java.util.function.Function<NetlinkEvent, Optional<T>> match)
            throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Subscription s = Subscription.open(groups, ns, true);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new TimeoutException(what + " did not happen within " + timeout);
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

    /** Waits until link {@code name} matches {@code condition}; returns it. */
    public static Link link(NetNamespace ns, String name, Predicate<Link> condition, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        return await(ns, EnumSet.of(EventGroup.LINK), timeout, "link " + name + " reaching the awaited state", e ->
                e instanceof NetlinkEvent.LinkEvent le && le.action() != NetlinkEvent.Action.DELETED
                        && le.link().name().equals(name) && condition.test(le.link()) ? Optional.of(le.link()) : Optional.empty());
    }

    /** Waits until link {@code name} is up with carrier (IFF_UP and IFF_LOWER_UP). */
    public static Link linkUp(NetNamespace ns, String name, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        return link(ns, name, l -> l.isUp() && l.hasCarrier(), timeout);
    }

    /** Waits until {@code address} on link index {@code index} is usable: present, DAD done, not failed. */
    public static Address addressUsable(NetNamespace ns, int index, InetAddress address, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        EnumSet<EventGroup> g = EnumSet.of(Inet.family(address) == Inet.AF_INET ? EventGroup.IPV4_ADDRESS : EventGroup.IPV6_ADDRESS);
        return await(ns, g, timeout, "address " + Inet.text(address) + " becoming usable", e ->
                e instanceof NetlinkEvent.AddressEvent ae && ae.action() != NetlinkEvent.Action.DELETED
                        && ae.address().index() == index && ae.address().address().equals(address) && ae.address().isUsable()
                        ? Optional.of(ae.address()) : Optional.empty());
    }

    /** Waits until a route matching {@code condition} exists in the IPv4 or IPv6 tables ({@code ipVersion}). */
    public static Route route(NetNamespace ns, int ipVersion, Predicate<Route> condition, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        EnumSet<EventGroup> g = EnumSet.of(ipVersion == 6 ? EventGroup.IPV6_ROUTE : EventGroup.IPV4_ROUTE);
        return await(ns, g, timeout, "the awaited route appearing", e ->
                e instanceof NetlinkEvent.RouteEvent re && re.action() != NetlinkEvent.Action.DELETED && condition.test(re.route())
                        ? Optional.of(re.route()) : Optional.empty());
    }
}
