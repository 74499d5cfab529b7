package io.github.netlink4j.event;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.Netconf;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.filter.Filter;

/**
 * A change the kernel announced, as the same records the query API returns. {@code resync} is true
 * for events the subscription synthesised after the kernel dropped notifications (ENOBUFS) or while
 * listing what existed at the start: applying every event, resync ones included, leaves the caller
 * with the kernel's true state.
 *
 * {@snippet :
 * switch (subscription.next(Duration.ofSeconds(1)).orElseThrow()) {
 *     case NetlinkEvent.LinkEvent e -> System.out.println(e.action() + " " + e.link().name());
 *     case NetlinkEvent.Resynced r -> System.out.println("caught up: " + r.reason());
 *     default -> { }
 * }
 * }
 */
public sealed interface NetlinkEvent {
    /** What happened to the object. */
    enum Action { NEW, CHANGED, DELETED }

    /** The action. */
    Action action();

    /** Whether the subscription made this event from a dump rather than a kernel notification. */
    boolean resync();

    /** A link appeared, changed or went away. */
    record LinkEvent(Action action, Link link, boolean resync) implements NetlinkEvent {}

    /** An address was added, changed (flags, lifetimes) or removed. */
    record AddressEvent(Action action, Address address, boolean resync) implements NetlinkEvent {}

    /** A route was added, changed or removed. */
    record RouteEvent(Action action, Route route, boolean resync) implements NetlinkEvent {}

    /** A neighbour entry was added, changed or removed. */
    record NeighbourEvent(Action action, Neighbour neighbour, boolean resync) implements NetlinkEvent {}

    /** A link's IP configuration was announced (a link came or its settings changed) or removed. */
    record NetconfEvent(Action action, Netconf netconf, boolean resync) implements NetlinkEvent {}

    /** A policy rule was added or removed. */
    record RuleEvent(Action action, Rule rule, boolean resync) implements NetlinkEvent {}

    /** A nexthop object was added, replaced or removed. */
    record NexthopEvent(Action action, NexthopObject nexthop, boolean resync) implements NetlinkEvent {}

    /** A qdisc was added, changed or removed ({@code tc monitor}). */
    record QdiscEvent(Action action, Qdisc qdisc, boolean resync) implements NetlinkEvent {}

    /** A traffic class was added, changed or removed. */
    record TrafficClassEvent(Action action, TrafficClass trafficClass, boolean resync) implements NetlinkEvent {}

    /**
     * A filter was added, changed or removed ({@code tc monitor}'s "added filter", "deleted filter"). A deleted
     * priority's head (handle 0) comes with a deletion of each filter of the priority, which the kernel removed with it.
     */
    record FilterEvent(Action action, Filter filter, boolean resync) implements NetlinkEvent {}

    /** A namespace id was assigned or removed. */
    record NsidEvent(Action action, int nsid, boolean resync) implements NetlinkEvent {}

    /**
     * A conntrack entry was made, changed (state, status, mark; not its timeout or counters) or destroyed
     * ({@code conntrack -E}). A destroyed entry carries its counters and stop time when the namespace keeps them.
     */
    record ConntrackEvent(Action action, ConntrackEntry entry, boolean resync) implements NetlinkEvent {}

    /**
     * The subscription re-read the kernel's state after losing notifications (or finished listing the
     * existing state at the start): the events before this one brought the caller up to date.
     *
     * @param reason  why ({@code "ENOBUFS"} or {@code "initial"})
     * @param changes how many synthetic events were delivered
     */
    record Resynced(String reason, int changes) implements NetlinkEvent {
        public Action action() {
            return Action.CHANGED;
        }

        public boolean resync() {
            return true;
        }
    }

    /**
     * The subscription stopped because of {@code cause} (the socket failed, the kernel's replies could
     * not be read, a resync kept being interrupted, or the listener threw): the last event a listener
     * is given. The queue form's {@code next()} throws instead.
     */
    record Failed(Throwable cause) implements NetlinkEvent {
        public Action action() {
            return Action.DELETED;
        }

        public boolean resync() {
            return false;
        }
    }
}
