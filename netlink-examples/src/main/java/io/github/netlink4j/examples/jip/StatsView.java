package io.github.netlink4j.examples.jip;

import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkStats;
import io.github.netlink4j.json.Json;

import java.util.Map;
import java.util.OptionalLong;

/** How ip 6.1 prints a link's counters under {@code -s} and {@code -s -s} (ipaddress.c print_stats64). */
final class StatsView {
    private StatsView() {}

    /** IFLA_CARRIER_CHANGES. */
    static OptionalLong carrierChanges(Link l) {
        return l.details().carrierChanges();
    }

    static void json(Link l, int level, Map<String, Object> o) {
        if (l.stats().isEmpty()) return;
        LinkStats s = l.stats().get();
        OptionalLong cc = carrierChanges(l);
        Map<String, Object> all = Json.object();
        Map<String, Object> rx = Json.object();
        rx.put("bytes", s.rxBytes());
        rx.put("packets", s.rxPackets());
        rx.put("errors", s.rxErrors());
        rx.put("dropped", s.rxDropped());
        rx.put("over_errors", s.rxOverErrors());
        rx.put("multicast", s.multicast());
        if (s.rxCompressed() != 0) rx.put("compressed", s.rxCompressed());
        if (level > 1) {
            rx.put("length_errors", s.rxLengthErrors());
            rx.put("crc_errors", s.rxCrcErrors());
            rx.put("frame_errors", s.rxFrameErrors());
            rx.put("fifo_errors", s.rxFifoErrors());
            rx.put("missed_errors", s.rxMissedErrors());
            if (s.rxNohandler() != 0) rx.put("nohandler", s.rxNohandler());
            if (s.rxOtherhostDropped() != 0) rx.put("otherhost", s.rxOtherhostDropped());
        }
        Map<String, Object> tx = Json.object();
        tx.put("bytes", s.txBytes());
        tx.put("packets", s.txPackets());
        tx.put("errors", s.txErrors());
        tx.put("dropped", s.txDropped());
        tx.put("carrier_errors", s.txCarrierErrors());
        tx.put("collisions", s.collisions());
        if (s.txCompressed() != 0) tx.put("compressed", s.txCompressed());
        if (level > 1) {
            tx.put("aborted_errors", s.txAbortedErrors());
            tx.put("fifo_errors", s.txFifoErrors());
            tx.put("window_errors", s.txWindowErrors());
            tx.put("heartbeat_errors", s.txHeartbeatErrors());
            if (cc.isPresent()) tx.put("carrier_changes", cc.getAsLong());
        }
        all.put("rx", rx);
        all.put("tx", tx);
        o.put("stats64", all);
    }

    private static void size(int[] cols, long... values) {
        for (int i = 0; i < values.length; i++) {
            int len = Long.toUnsignedString(values[i]).length();
            if (len > cols[i]) cols[i] = len;
        }
    }

    private static String pad(int width, String s) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static void num(StringBuilder sb, int width, long v) {
        sb.append(pad(width, Long.toUnsignedString(v))).append(' ');
    }

    /** The RX/TX tables under a link's lines, each line ending in a newline. */
    static String text(Link l, int level) {
        if (l.stats().isEmpty()) return "";
        LinkStats s = l.stats().get();
        OptionalLong cc = carrierChanges(l);
        int[] cols = {"*X errors:".length(), "packets".length(), "errors".length(), "dropped".length(), "heartbt".length(),
                "overrun".length(), "compressed".length(), "otherhost".length()};
        size(cols, s.rxBytes(), s.rxPackets(), s.rxErrors(), s.rxDropped(), s.rxMissedErrors(), s.multicast(), s.rxCompressed(), 0);
        if (level > 1) {
            size(cols, 0, s.rxLengthErrors(), s.rxCrcErrors(), s.rxFrameErrors(), s.rxFifoErrors(), s.rxOverErrors(),
                    s.rxNohandler(), s.rxOtherhostDropped());
        }
        size(cols, s.txBytes(), s.txPackets(), s.txErrors(), s.txDropped(), s.txCarrierErrors(), s.collisions(), s.txCompressed(), 0);
        if (level > 1) {
            size(cols, 0, 0, s.txAbortedErrors(), s.txFifoErrors(), s.txWindowErrors(), s.txHeartbeatErrors(), cc.orElse(0), 0);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("    RX: ").append(pad(cols[0] - 4, "bytes")).append(' ').append(pad(cols[1], "packets")).append(' ')
                .append(pad(cols[2], "errors")).append(' ').append(pad(cols[3], "dropped")).append(' ')
                .append(pad(cols[4], "missed")).append(' ').append(pad(cols[5], "mcast")).append(' ')
                .append(pad(cols[6], s.rxCompressed() != 0 ? "compressed" : "")).append('\n');
        sb.append("    ");
        num(sb, cols[0], s.rxBytes());
        num(sb, cols[1], s.rxPackets());
        num(sb, cols[2], s.rxErrors());
        num(sb, cols[3], s.rxDropped());
        num(sb, cols[4], s.rxMissedErrors());
        num(sb, cols[5], s.multicast());
        if (s.rxCompressed() != 0) num(sb, cols[6], s.rxCompressed());
        if (level > 1) {
            sb.append('\n');
            sb.append("    RX errors:").append(pad(cols[0] - 10, "")).append(' ').append(pad(cols[1], "length")).append(' ')
                    .append(pad(cols[2], "crc")).append(' ').append(pad(cols[3], "frame")).append(' ')
                    .append(pad(cols[4], "fifo")).append(' ').append(pad(cols[5], "overrun"))
                    .append(s.rxNohandler() != 0 ? pad(cols[6] + 1, " nohandler") : "")
                    .append(s.rxOtherhostDropped() != 0 ? pad(cols[7] + 1, " otherhost") : "").append('\n');
            sb.append(" ".repeat(cols[0] + 5));
            num(sb, cols[1], s.rxLengthErrors());
            num(sb, cols[2], s.rxCrcErrors());
            num(sb, cols[3], s.rxFrameErrors());
            num(sb, cols[4], s.rxFifoErrors());
            num(sb, cols[5], s.rxOverErrors());
            if (s.rxNohandler() != 0) num(sb, cols[6], s.rxNohandler());
            if (s.rxOtherhostDropped() != 0) num(sb, cols[7], s.rxOtherhostDropped());
        }
        sb.append('\n');
        sb.append("    TX: ").append(pad(cols[0] - 4, "bytes")).append(' ').append(pad(cols[1], "packets")).append(' ')
                .append(pad(cols[2], "errors")).append(' ').append(pad(cols[3], "dropped")).append(' ')
                .append(pad(cols[4], "carrier")).append(' ').append(pad(cols[5], "collsns")).append(' ')
                .append(pad(cols[6], s.txCompressed() != 0 ? "compressed" : "")).append('\n');
        sb.append("    ");
        num(sb, cols[0], s.txBytes());
        num(sb, cols[1], s.txPackets());
        num(sb, cols[2], s.txErrors());
        num(sb, cols[3], s.txDropped());
        num(sb, cols[4], s.txCarrierErrors());
        num(sb, cols[5], s.collisions());
        if (s.txCompressed() != 0) num(sb, cols[6], s.txCompressed());
        if (level > 1) {
            sb.append('\n');
            sb.append("    TX errors:").append(pad(cols[0] - 10, "")).append(' ').append(pad(cols[1], "aborted")).append(' ')
                    .append(pad(cols[2], "fifo")).append(' ').append(pad(cols[3], "window")).append(' ')
                    .append(pad(cols[4], "heartbt")).append(' ').append(pad(cols[5], cc.isPresent() ? "transns" : "")).append('\n');
            sb.append(" ".repeat(cols[0] + 5));
            num(sb, cols[1], s.txAbortedErrors());
            num(sb, cols[2], s.txFifoErrors());
            num(sb, cols[3], s.txWindowErrors());
            num(sb, cols[4], s.txHeartbeatErrors());
            if (cc.isPresent()) num(sb, cols[5], cc.getAsLong());
        }
        return sb.append('\n').toString();
    }
}
