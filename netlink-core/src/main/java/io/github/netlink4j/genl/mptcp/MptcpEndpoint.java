package io.github.netlink4j.genl.mptcp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An address the in-kernel MPTCP path manager uses ({@code ip mptcp endpoint show}: one
 * MPTCP_PM_ATTR_ADDR nest).
 *
 * @param id       MPTCP_PM_ADDR_ATTR_ID, 1 to 255 (0 is the address of a connection's first subflow)
 * @param address  MPTCP_PM_ADDR_ATTR_ADDR4 or _ADDR6
 * @param port     MPTCP_PM_ADDR_ATTR_PORT, when not 0 (signal endpoints may announce a port)
 * @param rawFlags MPTCP_PM_ADDR_ATTR_FLAGS as the kernel sent it, newer flags included
 * @param flags    the flags of MPTCP_PM_ADDR_ATTR_FLAGS this library names
 * @param ifindex  MPTCP_PM_ADDR_ATTR_IF_IDX, when the endpoint is bound to a device
 */
public record MptcpEndpoint(int id, InetAddress address, OptionalInt port, int rawFlags, Set<EndpointFlag> flags,
                            OptionalInt ifindex) {
    /** Checks the fields and copies the flags. */
    public MptcpEndpoint {
        if (id < 0 || id > 255) throw new IllegalArgumentException("MPTCP endpoint id " + id + " is not 0 to 255");
        Objects.requireNonNull(address);
        Objects.requireNonNull(port);
        Objects.requireNonNull(ifindex);
        flags = Set.copyOf(flags);
    }

    /** Whether {@code flag} is set. */
    public boolean has(EndpointFlag flag) {
        return flags.contains(flag);
    }
}
