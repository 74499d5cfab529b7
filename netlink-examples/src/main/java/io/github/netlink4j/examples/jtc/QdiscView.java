package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.Prio;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcTime;
import io.github.netlink4j.tc.Tbf;

import java.util.List;

/** One qdisc as tc 6.1's print_qdisc and its kinds' print_qopt write it, text and JSON from the same calls. */
final class QdiscView {
    private QdiscView() {}

    /** {@code dev} is null when the listing names one link (tc then leaves the link out). */
    static void print(TcOut o, Qdisc q, String dev, int details, int stats) {
        o.openRecord();
        o.any("kind", q.kind(), "qdisc " + q.kind());
        String handle = Integer.toHexString(q.handle().major()) + ":";
        o.any("handle", handle, " " + handle);
        o.fp(" ");
        if (dev != null) o.any("dev", dev, "dev " + dev + " ");
        if (q.parent().equals(TcHandle.ROOT)) o.any("root", true, "root ");
        else if (!q.parent().equals(TcHandle.UNSPEC)) o.any("parent", q.parent().toString(), "parent " + q.parent() + " ");
        if (q.refcount() != 1) o.any("refcnt", q.refcount(), "refcnt " + q.refcount() + " ");
        if (q.offloaded()) o.any("offloaded", true, "offloaded ");
        o.openObject("options");
        options(o, q, details);
        o.close();
        o.nl();
        if (stats > 0 && q.stats().isPresent()) {
            StatsView.print(o, q.stats().get());
            o.nl();
        }
        o.close();
    }

    private static void options(TcOut o, Qdisc q, int details) {
        QdiscOptions options = q.options();
        switch (options) {
            case QdiscOptions.Pfifo p -> p.limit().ifPresent(l -> o.any("limit", l, "limit " + l + "p"));
            case QdiscOptions.Bfifo b -> b.limit().ifPresent(l -> o.any("limit", l.bytes(), "limit " + l));
            case QdiscOptions.PfifoFast p -> bands(o, p.bands(), p.priomap());
            case Prio p -> bands(o, p.bands(), p.priomap());
            case QdiscOptions.Htb h -> {
                o.any("r2q", h.r2q(), "r2q " + h.r2q());
                String def = h.defaultClass() == 0 ? "0" : "0x" + Long.toHexString(h.defaultClass());
                o.any("default", def, " default " + def);
                long direct = q.directPackets().orElse(0);
                o.any("direct_packets_stat", direct, " direct_packets_stat " + direct);
                if (details > 0) o.any("ver", "3.17", " ver 3.17");
                h.directQlen().ifPresent(n -> o.any("direct_qlen", n, " direct_qlen " + n));
            }
            case Tbf t -> tbf(o, t, details);
            case QdiscOptions.Ingress i -> o.fp("---------------- ");
            case QdiscOptions.Clsact c -> { }
            case QdiscOptions.Other x -> x.options().ifPresent(raw -> o.fp("[Unknown qdisc, optlen=" + raw.length() + "] "));
            default -> o.fp(options + " "); // netem, fq_codel, sfq: kinds this kernel lacks, in the library's words
        }
    }

    private static void bands(TcOut o, int bands, List<Integer> priomap) {
        o.any("bands", bands, "bands " + bands + " ");
        if (o.json()) {
            o.js("priomap", List.copyOf(priomap));
        } else {
            o.fp("priomap");
            for (int b : priomap) o.fp(" " + b);
        }
        o.js("multiqueue", false);
    }

    /** The kernel reports rates through psched_ratecfg_getrate: cell_log and mpu 0, linklayer ethernet. */
    private static void tbf(TcOut o, Tbf t, int details) {
        o.any("rate", t.rate().bytesPerSecond(), "rate " + t.rate() + " ");
        if (details > 0) {
            o.any("burst", t.burst() + "/1", "burst " + t.burst() + "/1 ");
            o.any("mpu", 0, "mpu 0b ");
        } else {
            o.any("burst", t.burst().bytes(), "burst " + t.burst() + " ");
        }
        if (t.peakrate().isPresent()) {
            o.fp("peakrate " + t.peakrate().get() + " ");
            if (t.mtu().isPresent() && t.mtu().get().bytes() != 0) {
                if (details > 0) {
                    o.any("mtu", t.mtu().get() + "/1", "mtu " + t.mtu().get() + "/1 ");
                    o.any("mpu", 0, "mpu 0b ");
                } else {
                    o.any("minburst", t.mtu().get().bytes(), "minburst " + t.mtu().get() + " ");
                }
            }
        }
        o.js("lat", TcTime.micros(t.latency()));
        o.fp("lat " + TcTime.text(t.latency()) + " ");
        if (details > 0) o.any("linklayer", "ethernet", "linklayer ethernet ");
    }
}
