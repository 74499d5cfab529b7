package io.github.netlink4j.route;

import io.github.netlink4j.support.Validate;

import java.util.Objects;
import java.util.Optional;

/**
 * Which routes a dump asks for, what {@code ip route show table T dev D proto P type X} selects: the
 * kernel applies each part itself (RTA_TABLE, RTA_OIF, rtm_protocol and rtm_type in the RTM_GETROUTE
 * dump request, honoured under NETLINK_GET_STRICT_CHK, see {@code ip_valid_fib_dump_req}), so asking for
 * one table of a router with a full table receives that table's routes only. An empty part selects
 * everything; {@link RouteTable#UNSPEC} is every table.
 *
 * {@snippet :
 * List<Route> r = nl.routes().list(AddressFamily.INET,
 *         RouteSelector.of(RouteTable.of(100)).withLink("veth0"));   // ip route show table 100 dev veth0
 * }
 *
 * @param table    RTA_TABLE
 * @param link     RTA_OIF, by name: routes with a next hop through this link
 * @param protocol rtm_protocol
 * @param type     rtm_type
 * @param tableRequired whether a table that does not exist is an error, as ip reports it ({@code Error: ipv6: FIB
 *                 table does not exist.}), rather than a table without routes; see {@link #withTableRequired()}
 */
public record RouteSelector(Optional<RouteTable> table, Optional<String> link, Optional<RouteProtocol> protocol,
                            Optional<RouteType> type, boolean tableRequired) {
    /** Checks the link name. */
    public RouteSelector {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(type, "type");
        link.ifPresent(Validate::ifName);
    }

    /** A selection in which a table that does not exist has no routes. */
    public RouteSelector(Optional<RouteTable> table, Optional<String> link, Optional<RouteProtocol> protocol, Optional<RouteType> type) {
        this(table, link, protocol, type, false);
    }

    /** Every route: {@code ip route show table all}. */
    public static RouteSelector empty() {
        return new RouteSelector(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The routes of {@code table}. */
    public static RouteSelector of(RouteTable table) {
        return empty().withTable(table);
    }

    /** The same selection within {@code table} only. */
    public RouteSelector withTable(RouteTable table) {
        return new RouteSelector(Optional.of(table), link, protocol, type, tableRequired);
    }

    /** The same selection of the routes with a next hop through link {@code name} only ({@code dev NAME}). */
    public RouteSelector withLink(String name) {
        return new RouteSelector(table, Optional.of(name), protocol, type, tableRequired);
    }

    /** The same selection of the routes {@code protocol} installed only ({@code proto P}). */
    public RouteSelector withProtocol(RouteProtocol protocol) {
        return new RouteSelector(table, link, Optional.of(protocol), type, tableRequired);
    }

    /** The same selection of the routes of {@code type} only ({@code type X}). */
    public RouteSelector withType(RouteType type) {
        return new RouteSelector(table, link, protocol, Optional.of(type), tableRequired);
    }

    /**
     * The same selection, in which a table that does not exist is an error: the kernel refuses the dump (ENOENT,
     * with the extended ACK {@code ipv6: FIB table does not exist}), and the list raises a
     * {@link io.github.netlink4j.error.NotFoundException} whose cause is that refusal. Without it, such a table
     * has no routes.
     */
    public RouteSelector withTableRequired() {
        return new RouteSelector(table, link, protocol, type, true);
    }

    /** The table the kernel is asked for, 0 for every table. */
    public long tableId() {
        return table.map(RouteTable::value).orElse(0L);
    }

    /**
     * Whether {@code r} is one of the selected routes, {@code linkIndex} being the index {@link #link}
     * names (ignored without a link): the kernel's own test, for kernels that ignore the request's
     * selectors (before Linux 4.20, without strict checking).
     */
    public boolean matches(Route r, int linkIndex) {
        if (tableId() != 0 && r.table().value() != tableId()) return false;
        if (protocol.isPresent() && protocol.get().value() != 0 && !r.protocol().equals(protocol.get())) return false;
        if (type.isPresent() && type.get() != RouteType.UNSPEC && r.type() != type.get()) return false;
        if (link.isPresent()) {
            boolean any = r.outputIndex().isPresent() && r.outputIndex().getAsInt() == linkIndex;
            for (Nexthop h : r.multipath()) any |= h.outputIndex() == linkIndex;
            return any;
        }
        return true;
    }
}
