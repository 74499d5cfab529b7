package io.github.netlink4j.route;

/**
 * Who installed a route ({@code rtm_protocol}, {@code RTPROT_*} of linux/rtnetlink.h): any value from 0
 * to 255, since routing daemons pick their own; the common ones are constants and print with the names
 * ip gives them ({@code kernel}, {@code boot}, {@code static}, …), others as the number.
 *
 * {@snippet :
 * nl.routes().add(RouteSpec.to("10.200.9.0/24").withLink("veth0").withProtocol(RouteProtocol.STATIC));   // … proto static
 * }
 *
 * @param value the kernel value
 */
public record RouteProtocol(int value) {
    /** {@code RTPROT_UNSPEC} (0). */ public static final RouteProtocol UNSPEC = new RouteProtocol(0);
    /** {@code RTPROT_REDIRECT} (1). */ public static final RouteProtocol REDIRECT = new RouteProtocol(1);
    /** {@code RTPROT_KERNEL} (2): made by the kernel, e.g. for an address's prefix. */ public static final RouteProtocol KERNEL = new RouteProtocol(2);
    /** {@code RTPROT_BOOT} (3): what {@code ip route add} uses unless told otherwise. */ public static final RouteProtocol BOOT = new RouteProtocol(3);
    /** {@code RTPROT_STATIC} (4). */ public static final RouteProtocol STATIC = new RouteProtocol(4);
    /** {@code RTPROT_RA} (9): router advertisements. */ public static final RouteProtocol RA = new RouteProtocol(9);
    /** {@code RTPROT_DHCP} (16). */ public static final RouteProtocol DHCP = new RouteProtocol(16);

    private static final String[] NAMES = new String[256];
    static {
        NAMES[0] = "unspec"; NAMES[1] = "redirect"; NAMES[2] = "kernel"; NAMES[3] = "boot"; NAMES[4] = "static";
        NAMES[8] = "gated"; NAMES[9] = "ra"; NAMES[10] = "mrt"; NAMES[11] = "zebra"; NAMES[12] = "bird";
        NAMES[13] = "dnrouted"; NAMES[14] = "xorp"; NAMES[15] = "ntk"; NAMES[16] = "dhcp"; NAMES[17] = "mrouted";
        NAMES[18] = "keepalived"; NAMES[42] = "babel"; NAMES[99] = "openr"; NAMES[186] = "bgp"; NAMES[187] = "isis";
        NAMES[188] = "ospf"; NAMES[189] = "rip"; NAMES[192] = "eigrp";
    }

    /** Checks the value: 0 to 255. */
    public RouteProtocol {
        if (value < 0 || value > 255) throw new IllegalArgumentException("route protocol " + value + " is out of range (0 to 255)");
    }

    /** The protocol with kernel value {@code value} (0 to 255). */
    public static RouteProtocol of(int value) {
        return new RouteProtocol(value);
    }

    /**
     * Parses ip's spelling: a name ip knows ({@code boot}, {@code static}, {@code bgp}, …) or a number.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static RouteProtocol of(String text) {
        for (int i = 0; i < NAMES.length; i++) if (text.equals(NAMES[i])) return new RouteProtocol(i);
        try {
            return of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown route protocol \"" + text + "\"", e);
        }
    }

    /** The name ip prints ({@code kernel}, {@code boot}, …) or the number. */
    @Override
    public String toString() {
        return NAMES[value] != null ? NAMES[value] : Integer.toString(value);
    }
}
