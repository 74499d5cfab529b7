package io.github.netlink4j.route;

import io.github.netlink4j.common.AddressFamily;

/**
 * A routing table: {@code RTA_TABLE} (or {@code rtm_table} below 256), any id from 0 to 2^32-1, with
 * the kernel's reserved tables as constants. Requests name a table from 1 up; the kernel reports
 * {@link #UNSPEC} (0) for a few routes of its own. Printed as ip prints it: {@code main}, {@code local},
 * {@code default}, or the number.
 *
 * {@snippet :
 * nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("veth0").withTable(RouteTable.of(100)));   // … table 100
 * List<Route> local = nl.routes().list(AddressFamily.INET, RouteTable.LOCAL);                   // ip route show table local
 * }
 *
 * @param value the table id, the unsigned value of a kernel u32
 */
public record RouteTable(long value) {
    /** {@code RT_TABLE_UNSPEC} (0): no table; only seen in what the kernel reports. */
    public static final RouteTable UNSPEC = new RouteTable(0);
    /** {@code RT_TABLE_DEFAULT} (253). */
    public static final RouteTable DEFAULT = new RouteTable(253);
    /** {@code RT_TABLE_MAIN} (254): where {@code ip route add} puts routes unless told otherwise. */
    public static final RouteTable MAIN = new RouteTable(254);
    /** {@code RT_TABLE_LOCAL} (255): the kernel's local and broadcast routes. */
    public static final RouteTable LOCAL = new RouteTable(255);

    /** Checks the id: 0 to 2^32-1. */
    public RouteTable {
        if (value < 0 || value > 0xFFFF_FFFFL) throw new IllegalArgumentException("route table " + value + " is out of range (0 to 4294967295)");
    }

    /** The table with id {@code id}, the unsigned value of a kernel u32. */
    public static RouteTable of(long id) {
        return id == 254 ? MAIN : id == 255 ? LOCAL : id == 253 ? DEFAULT : id == 0 ? UNSPEC : new RouteTable(id);
    }

    /**
     * Parses ip's spelling: {@code main}, {@code local}, {@code default} or a number.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static RouteTable of(String text) {
        return switch (text) {
            case "main" -> MAIN;
            case "local" -> LOCAL;
            case "default" -> DEFAULT;
            case "unspec" -> UNSPEC;
            default -> {
                try {
                    yield of(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown route table \"" + text + "\"", e);
                }
            }
        };
    }

    /** {@code main}, {@code local}, {@code default}, {@code unspec} or the id, as ip prints it. */
    @Override
    public String toString() {
        return value == 254 ? "main" : value == 255 ? "local" : value == 253 ? "default" : value == 0 ? "unspec" : Long.toString(value);
    }
}
