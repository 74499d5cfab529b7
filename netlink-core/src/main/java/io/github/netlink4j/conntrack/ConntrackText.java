package io.github.netlink4j.conntrack;

import io.github.netlink4j.common.AddressFamily;

import java.time.Instant;

/** The text of an entry as conntrack-tools 1.4's default output (libnetfilter_conntrack's snprintf_default.c) writes it. */
final class ConntrackText {
    private ConntrackText() {}

    static String line(ConntrackEntry e, boolean extended, boolean withId, Instant now) {
        StringBuilder b = new StringBuilder(200);
        if (extended) b.append(String.format("%-8s %d ", e.family() == AddressFamily.INET6 ? "ipv6" : "ipv4", e.family().value()));
        b.append(String.format("%-8s %d ", protocolName(e.protocol()), e.protocol()));
        e.timeout().ifPresent(t -> b.append(t.toSeconds()).append(' '));
        e.tcpState().ifPresent(s -> b.append(s).append(' '));
        b.append(e.original()).append(' ');
        e.originalCounters().ifPresent(c -> b.append(c).append(' '));
        if (!e.status().contains(ConntrackStatus.SEEN_REPLY)) b.append("[UNREPLIED] ");
        b.append(e.reply()).append(' ');
        e.replyCounters().ifPresent(c -> b.append(c).append(' '));
        if (e.status().contains(ConntrackStatus.ASSURED)) b.append("[ASSURED] ");
        if (e.status().contains(ConntrackStatus.HW_OFFLOAD)) b.append("[HW_OFFLOAD] ");
        else if (e.status().contains(ConntrackStatus.OFFLOAD)) b.append("[OFFLOAD] ");
        e.mark().ifPresent(m -> b.append("mark=").append(m).append(' '));
        e.zone().ifPresent(z -> b.append("zone=").append(z).append(' '));
        // conntrack counts the age in whole seconds, to the stop time of a destroyed entry
        e.start().ifPresent(s -> b.append("delta-time=")
                .append(e.stop().orElse(now).getEpochSecond() - s.getEpochSecond()).append(' '));
        e.helper().ifPresent(h -> b.append("helper=").append(h).append(' '));
        e.use().ifPresent(u -> b.append("use=").append(u).append(' '));
        if (withId) e.id().ifPresent(i -> b.append("id=").append(i).append(' '));
        b.setLength(b.length() - 1);
        return b.toString();
    }

    /** libnetfilter_conntrack's proto2str. */
    static String protocolName(int p) {
        return switch (p) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 33 -> "dccp";
            case 47 -> "gre";
            case 58 -> "icmpv6";
            case 132 -> "sctp";
            case 136 -> "udplite";
            default -> "unknown";
        };
    }
}
