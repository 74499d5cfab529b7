package io.github.netlink4j.genl.mptcp;

/**
 * The path manager's limits per connection ({@code ip mptcp limits}): u32 on the wire, the kernel allows
 * at most 8 of each.
 *
 * @param subflows        MPTCP_PM_ATTR_SUBFLOWS: extra subflows a connection may open
 * @param addAddrAccepted MPTCP_PM_ATTR_RCV_ADD_ADDRS: addresses announced by the peer it accepts
 */
public record MptcpLimits(int subflows, int addAddrAccepted) {
    /** Checks that neither is negative. */
    public MptcpLimits {
        if (subflows < 0 || addAddrAccepted < 0) {
            throw new IllegalArgumentException("MPTCP limits are not negative: subflows " + subflows + ", add_addr_accepted " + addAddrAccepted);
        }
    }
}
