package io.github.netlink4j.examples.jip;

import io.github.netlink4j.genl.mptcp.MptcpEvent;
import io.github.netlink4j.address.Address;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * One MPTCP event as ip 6.1's {@code mptcp_monitor_msg} prints it: the event's name right-aligned in 14
 * columns between brackets, then each attribute the event carries in ip's order; a type ip 6.1 has no name for
 * (the listener events, 15 and 16, came after it) is {@code [UNKNOWN n]} alone.
 */
final class MptcpEventView {
    private MptcpEventView() {}

    /** ip 6.1's event_to_str: the types it names. */
    private static final Map<Integer, String> NAMES = Map.of(1, "CREATED", 2, "ESTABLISHED", 3, "CLOSED", 6, "ANNOUNCED",
            7, "REMOVED", 10, "SF_ESTABLISHED", 11, "SF_CLOSED", 13, "SF_PRIO");

    /** The line ip prints for {@code e}, without its newline. */
    static String line(MptcpEvent e) {
        String name = NAMES.get(e.rawType());
        if (name == null) return "[UNKNOWN " + e.rawType() + "]";
        StringBuilder sb = new StringBuilder(String.format("[%14s]", name));
        e.token().ifPresent(t -> sb.append(String.format(" token=%08x", t)));
        e.remoteId().ifPresent(v -> sb.append(" remid=").append(v));
        e.localId().ifPresent(v -> sb.append(" locid=").append(v));
        address(sb, "saddr4", e.source(), true);
        address(sb, "daddr4", e.destination(), true);
        address(sb, "saddr6", e.source(), false);
        address(sb, "daddr6", e.destination(), false);
        e.sourcePort().ifPresent(v -> sb.append(" sport=").append(v));
        e.destinationPort().ifPresent(v -> sb.append(" dport=").append(v));
        e.backup().ifPresent(v -> sb.append(" backup=").append(v));
        e.error().ifPresent(v -> sb.append(" error=").append(v));
        e.flags().ifPresent(v -> sb.append(" flags=").append(Integer.toHexString(v)));
        e.timeout().ifPresent(v -> sb.append(" timeout=").append(v));
        e.ifindex().ifPresent(v -> sb.append(" ifindex=").append(v));
        e.resetReason().ifPresent(v -> sb.append(" reset_reason=").append(v));
        e.resetFlags().ifPresent(v -> sb.append(" reset_flags=0x").append(Long.toHexString(v)));
        return sb.toString();
    }

    private static void address(StringBuilder sb, String key, Optional<InetAddress> a, boolean v4) {
        if (a.isPresent() && (a.get() instanceof Inet4Address) == v4) sb.append(' ').append(key).append('=').append(Address.format(a.get()));
    }
}
