package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;

import java.util.Objects;

/**
 * An STP bridge identifier ({@code struct ifla_bridge_id} of linux/if_link.h): the bridge priority and
 * its MAC address, as IFLA_BR_BRIDGE_ID, IFLA_BR_ROOT_ID and the IFLA_BRPORT_*_ID attributes carry it.
 *
 * {@snippet :
 * LinkData.Bridge b = (LinkData.Bridge) nl.links().get("br0").data().orElseThrow();
 * System.out.println(b.bridgeId().orElseThrow());        // 8000.2:0:0:0:1:2, as ip -d link prints it
 * }
 *
 * @param priority the two priority bytes as one number (0x8000 by default)
 * @param address  the bridge's address
 */
public record BridgeId(int priority, MacAddress address) {
    /** Checks the priority fits in two bytes. */
    public BridgeId {
        if (priority < 0 || priority > 0xFFFF) throw new IllegalArgumentException("bridge priority out of range: " + priority);
        Objects.requireNonNull(address, "address");
    }

    /** {@code 8000.2:0:0:0:0:9}: the priority in hex, then the address as ether_ntoa writes it, as ip prints a bridge id. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%04x.", priority));
        byte[] b = address.bytes();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) sb.append(':');
            sb.append(Integer.toHexString(b[i] & 0xFF));
        }
        return sb.toString();
    }
}
