package io.github.netlink4j.tc.filter;

/**
 * The link-layer protocol a filter applies to, the EtherType in {@code tcm_info}'s lower 16 bits (sent
 * in network order), as tc's {@code protocol} takes it: {@code ip}, {@code ipv6}, {@code all}, …
 *
 * @param value the EtherType or {@code ETH_P_*} number, 0 to 0xffff
 */
public record FilterProtocol(int value) {
    /** {@code ETH_P_ALL}, tc's {@code all}: every packet. */
    public static final FilterProtocol ALL = new FilterProtocol(0x0003);
    /** {@code ETH_P_IP}, tc's {@code ip}. */
    public static final FilterProtocol IP = new FilterProtocol(0x0800);
    /** {@code ETH_P_ARP}, tc's {@code arp}. */
    public static final FilterProtocol ARP = new FilterProtocol(0x0806);
    /** {@code ETH_P_8021Q}, tc's {@code 802.1q}. */
    public static final FilterProtocol VLAN = new FilterProtocol(0x8100);
    /** {@code ETH_P_8021AD}, tc's {@code 802.1ad}. */
    public static final FilterProtocol QINQ = new FilterProtocol(0x88a8);
    /** {@code ETH_P_IPV6}, tc's {@code ipv6}. */
    public static final FilterProtocol IPV6 = new FilterProtocol(0x86dd);
    /** No protocol (0): in a delete or listing, any. */
    public static final FilterProtocol ANY = new FilterProtocol(0);

    /** Checks the range. */
    public FilterProtocol {
        if (value < 0 || value > 0xffff) throw new IllegalArgumentException("protocol " + value + " is out of range (0 to 0xffff)");
    }

    /** The protocol of number {@code value}. */
    public static FilterProtocol of(int value) {
        return new FilterProtocol(value);
    }

    /** Reads tc's names ({@code all}, {@code ip}, {@code ipv6}, {@code arp}, {@code 802.1q}, {@code 802.1ad}) or a number ({@code 0x0800}). */
    public static FilterProtocol of(String text) {
        return switch (text) {
            case "all" -> ALL;
            case "ip" -> IP;
            case "ipv6" -> IPV6;
            case "arp" -> ARP;
            case "802.1q", "802.1Q" -> VLAN;
            case "802.1ad", "802.1AD" -> QINQ;
            default -> {
                try {
                    yield new FilterProtocol(Integer.decode(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a protocol (all, ip, ipv6, arp, 802.1q, 802.1ad or a number)");
                }
            }
        };
    }

    /** As tc prints it: {@code ip}, {@code all}, …, or {@code 0x1234}. */
    @Override
    public String toString() {
        return switch (value) {
            case 0x0003 -> "all";
            case 0x0800 -> "ip";
            case 0x86dd -> "ipv6";
            case 0x0806 -> "arp";
            case 0x8100 -> "802.1Q";
            case 0x88a8 -> "802.1ad";
            default -> String.format("0x%04x", value);
        };
    }
}
