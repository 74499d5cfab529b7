package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.FqCodel;
import io.github.netlink4j.tc.Prio;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Sfq;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcTime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The options after a kind, read as tc 6.1's q_*.c parsers read them, with their messages and statuses
 * (a parser's failure is status 1); the result is the library's record for the kind.
 */
final class KindArgs {
    private KindArgs() {}

    static final String FIFO_USAGE = "Usage: ... <[p|b]fifo | pfifo_head_drop> [ limit NUMBER ]\n";
    static final String TBF_USAGE = "Usage: ... tbf limit BYTES burst BYTES[/BYTES] rate KBPS [ mtu BYTES[/BYTES] ]\n"
            + "\t[ peakrate KBPS ] [ latency TIME ] [ overhead BYTES ] [ linklayer TYPE ]\n";
    static final String HTB_USAGE = """
            Usage: ... qdisc add ... htb [default N] [r2q N]
                                  [direct_qlen P] [offload]
             default  minor id of class to which unclassified packets are sent {0}
             r2q      DRR quantums are computed as rate in Bps/r2q {10}
             debug    string of 16 numbers each 0-3 {0}

             direct_qlen  Limit of the direct queue {in packets}
             offload  enable hardware offload
            ... class add ... htb rate R1 [burst B1] [mpu B] [overhead O]
                                  [prio P] [slot S] [pslot PS]
                                  [ceil R2] [cburst B2] [mtu MTU] [quantum Q]
             rate     rate allocated to this class (class can still borrow)
             burst    max bytes burst which can be accumulated during idle period {computed}
             mpu      minimum packet size used in rate computations
             overhead per-packet size overhead used in rate computations
             linklay  adapting to a linklayer e.g. atm
             ceil     definite upper class rate (no borrows) {rate}
             cburst   burst but for ceil {computed}
             mtu      max packet size we create rate map for {1600}
             prio     priority of leaf; lower are served first {0}
             quantum  how much bytes to serve from leaf at once {use r2q}

            TC HTB version 3.3
            """;

    /** The kinds whose parser tc has; any other kind is sent by name alone (tc's parse_noqopt). */
    private static final List<String> PARSED = List.of("pfifo", "bfifo", "htb", "tbf", "clsact", "ingress", "netem", "prio", "fq_codel", "sfq");

    private static TcFail fail(String text) {
        return new TcFail(text, 1);
    }

    /** A qdisc of {@code kind} with the options in {@code a}. */
    static QdiscOptions qdisc(String kind, Args a) {
        switch (kind) {
            case "pfifo", "bfifo": return fifo(kind, a);
            case "htb": return htb(a);
            case "tbf": return tbf(a);
            case "clsact", "ingress":
                if (a.more()) throw fail("What is \"" + a.peek() + "\"?\nUsage: ... " + kind + "\n");
                return kind.equals("clsact") ? new QdiscOptions.Clsact() : new QdiscOptions.Ingress();
            case "pfifo_fast":
                if (a.more()) throw new TcFail("qdisc 'pfifo_fast' does not support option parsing\n", 255);
                return QdiscOptions.PfifoFast.FIXED;
            case "netem": return netem(a);
            case "prio": return prio(a);
            case "fq_codel":
                if (a.more()) throw TcFail.unsupported("fq_codel's options");
                return FqCodel.DEFAULTS;
            case "sfq":
                if (a.more()) throw TcFail.unsupported("sfq's options");
                return Sfq.DEFAULTS;
            default:
                if (a.more() && !PARSED.contains(kind)) {
                    throw fail("Unknown qdisc \"" + kind + "\", hence option \"" + a.peek() + "\" is unparsable\n");
                }
                return QdiscOptions.other(kind, Optional.empty());
        }
    }

    private static QdiscOptions fifo(String kind, Args a) {
        Size limit = null;
        while (a.more()) {
            String w = a.peek();
            if (w.equals("limit")) {
                String v = a.next();
                limit = size(v);
                if (limit == null) throw fail(kind + ": Illegal value for \"limit\": \"" + v + "\"\n");
            } else if (w.equals("help")) {
                throw fail(FIFO_USAGE);
            } else {
                throw fail(kind + ": unknown parameter \"" + w + "\"\n" + FIFO_USAGE);
            }
        }
        if (kind.equals("pfifo")) return limit == null ? QdiscOptions.pfifo() : QdiscOptions.pfifo().withLimit(limit.bytes());
        return new QdiscOptions.Bfifo(Optional.ofNullable(limit));
    }

    private static QdiscOptions htb(Args a) {
        long r2q = 10, def = 0;
        OptionalLong directQlen = OptionalLong.empty();
        while (a.more()) {
            String w = a.peek();
            if (Args.matches(w, "r2q")) {
                r2q = u32(a.next(), 10, "r2q");
            } else if (Args.matches(w, "default")) {
                def = u32(a.next(), 16, "default");
            } else if (Args.matches(w, "debug")) {
                a.next();
            } else if (Args.matches(w, "direct_qlen")) {
                directQlen = OptionalLong.of(u32(a.next(), 10, "direct_qlen"));
            } else if (Args.matches(w, "offload")) {
                throw TcFail.unsupported("htb offload");
            } else {
                throw fail("What is \"" + w + "\"?\n" + HTB_USAGE);
            }
        }
        QdiscOptions.Htb h = QdiscOptions.htb(def).withR2q(r2q);
        return directQlen.isPresent() ? h.withDirectQlen(directQlen.getAsLong()) : h;
    }

    /** htb's class options. */
    static ClassOptions htbClass(Args a) {
        Rate rate = null, ceil = null;
        Size burst = null, cburst = null;
        int prio = 0;
        OptionalLong quantum = OptionalLong.empty();
        while (a.more()) {
            String w = a.peek();
            if (Args.matches(w, "prio")) {
                prio = (int) Math.min(u32(a.next(), 10, "prio"), 7); // the kernel keeps a larger prio as 7
            } else if (Args.matches(w, "quantum")) {
                quantum = OptionalLong.of(u32(a.next(), 10, "quantum"));
            } else if (Args.matches(w, "burst") || w.equals("buffer") || w.equals("maxburst")) {
                String v = a.next();
                burst = size(v);
                if (burst == null || v.contains("/")) throw fail("Illegal \"" + w + "\"\n" + HTB_USAGE);
            } else if (Args.matches(w, "cburst") || w.equals("cbuffer") || w.equals("cmaxburst")) {
                String v = a.next();
                cburst = size(v);
                if (cburst == null || v.contains("/")) throw fail("Illegal \"" + w + "\"\n" + HTB_USAGE);
            } else if (w.equals("ceil")) {
                String v = a.next();
                if (ceil != null) throw fail("Double \"ceil\" spec\n");
                ceil = rate(v);
                if (ceil == null) throw fail("Illegal \"ceil\"\n" + HTB_USAGE);
            } else if (w.equals("rate")) {
                String v = a.next();
                if (rate != null) throw fail("Double \"rate\" spec\n");
                rate = rate(v);
                if (rate == null) throw fail("Illegal \"rate\"\n" + HTB_USAGE);
            } else if (Args.matches(w, "mtu") || Args.matches(w, "mpu") || Args.matches(w, "overhead") || Args.matches(w, "linklayer")) {
                throw TcFail.unsupported("htb " + w);
            } else if (w.equals("help")) {
                throw fail(HTB_USAGE);
            } else {
                throw fail("What is \"" + w + "\"?\n" + HTB_USAGE);
            }
        }
        if (rate == null) throw fail("\"rate\" is required.\n");
        ClassOptions.Htb h = ClassOptions.htb(rate).withCeil(ceil == null ? rate : ceil).withPrio(prio);
        if (burst != null) h = h.withBurst(burst);
        if (cburst != null) h = h.withCburst(cburst);
        if (quantum.isPresent()) h = h.withQuantum(quantum.getAsLong());
        return h;
    }

    private static QdiscOptions tbf(Args a) {
        Rate rate = null, peak = null;
        Size burst = null, mtu = null, limit = null;
        Duration latency = null;
        while (a.more()) {
            String w = a.peek();
            if (Args.matches(w, "limit")) {
                String v = a.next();
                if (limit != null) throw fail("tbf: duplicate \"limit\" specification\n");
                if (latency != null) throw fail("tbf: specifying both \"latency\" and \"limit\" is not allowed\n");
                limit = size(v);
                if (limit == null) throw fail(illegal("limit", v));
            } else if (Args.matches(w, "latency")) {
                String v = a.next();
                if (latency != null) throw fail("tbf: duplicate \"latency\" specification\n");
                if (limit != null) throw fail("tbf: specifying both \"limit\" and \"/latency\" is not allowed\n");
                latency = time(v);
                if (latency == null) throw fail(illegal("latency", v));
            } else if (Args.matches(w, "burst") || w.equals("buffer") || w.equals("maxburst")) {
                String v = a.next();
                if (burst != null) throw fail("tbf: duplicate \"buffer/burst/maxburst\" specification\n");
                burst = size(v);
                if (v.contains("/")) throw TcFail.unsupported("a burst's cell size");
                if (burst == null) throw fail(illegal(w, v));
            } else if (w.equals("mtu") || w.equals("minburst")) {
                String v = a.next();
                if (mtu != null) throw fail("tbf: duplicate \"mtu/minburst\" specification\n");
                mtu = size(v);
                if (v.contains("/")) throw TcFail.unsupported("an mtu's cell size");
                if (mtu == null) throw fail(illegal(w, v));
            } else if (w.equals("rate")) {
                String v = a.next();
                if (rate != null) throw fail("tbf: duplicate \"rate\" specification\n");
                rate = rate(v);
                if (rate == null) throw fail(illegal("rate", v));
            } else if (Args.matches(w, "peakrate")) {
                String v = a.next();
                if (peak != null) throw fail("tbf: duplicate \"peakrate\" specification\n");
                peak = rate(v);
                if (peak == null) throw fail(illegal("peakrate", v));
            } else if (w.equals("mpu") || Args.matches(w, "overhead") || Args.matches(w, "linklayer")) {
                throw TcFail.unsupported("tbf " + w);
            } else if (w.equals("help")) {
                throw fail(TBF_USAGE);
            } else {
                throw fail("tbf: unknown parameter \"" + w + "\"\n" + TBF_USAGE);
            }
        }
        StringBuilder missing = new StringBuilder();
        if (rate == null) missing.append("tbf: the \"rate\" parameter is mandatory.\n");
        if (burst == null) missing.append("tbf: the \"burst\" parameter is mandatory.\n");
        if (peak != null && mtu == null) missing.append("tbf: when \"peakrate\" is specified, \"mtu\" must also be specified.\n");
        if (limit == null && latency == null) missing.append("tbf: either \"limit\" or \"latency\" is required.\n");
        if (!missing.isEmpty()) throw fail(missing + TBF_USAGE);
        if (limit != null) {
            return peak == null ? QdiscOptions.tbf(rate, burst, limit) : QdiscOptions.tbf(rate, burst, limit).withPeakrate(peak, mtu);
        }
        return peak == null ? QdiscOptions.tbf(rate, burst, latency) : QdiscOptions.tbf(rate, burst, latency, peak, mtu);
    }

    private static QdiscOptions netem(Args a) {
        Duration delay = Duration.ZERO, jitter = Duration.ZERO;
        double loss = 0;
        long limit = 1000;
        while (a.more()) {
            String w = a.take();
            if (Args.matches(w, "delay") || Args.matches(w, "latency")) {
                if (!a.more()) throw TcFail.incomplete();
                delay = orUnsupported(time(a.take()), "netem delay");
                if (a.more() && time(a.peek()) != null) jitter = time(a.take());
            } else if (Args.matches(w, "loss")) {
                if (!a.more()) throw TcFail.incomplete();
                String v = a.take();
                if (!v.endsWith("%")) throw TcFail.unsupported("netem loss without %");
                loss = Double.parseDouble(v.substring(0, v.length() - 1));
            } else if (Args.matches(w, "limit")) {
                if (!a.more()) throw TcFail.incomplete();
                limit = u32(a.take(), 10, "limit");
            } else {
                throw TcFail.unsupported("netem " + w);
            }
        }
        return QdiscOptions.netem(delay).withJitter(jitter).withLoss(loss).withLimit(limit);
    }

    private static QdiscOptions prio(Args a) {
        int bands = 3;
        List<Integer> map = null;
        while (a.more()) {
            String w = a.take();
            if (w.equals("bands")) {
                if (!a.more()) throw TcFail.incomplete();
                bands = (int) u32(a.take(), 10, "bands");
            } else if (w.equals("priomap")) {
                map = new ArrayList<>();
                while (a.more() && map.size() < 16) map.add((int) u32(a.take(), 10, "priomap"));
            } else {
                throw TcFail.unsupported("prio " + w);
            }
        }
        List<Integer> full = new ArrayList<>(map == null ? Prio.DEFAULT_PRIOMAP : map);
        while (full.size() < 16) full.add(1);
        return new Prio(bands, full);
    }

    private static <T> T orUnsupported(T v, String what) {
        if (v == null) throw TcFail.unsupported(what + " in this form");
        return v;
    }

    private static String illegal(String arg, String value) {
        return "tbf: illegal value for \"" + arg + "\": \"" + value + "\"\n";
    }

    static Size size(String v) {
        try {
            return Size.of(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Rate rate(String v) {
        try {
            return Rate.of(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Duration time(String v) {
        try {
            return TcTime.of(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** get_u32 in {@code base}; htb's explain1 when it fails. */
    private static long u32(String v, int base, String what) {
        try {
            long x = Long.parseLong(base == 16 && (v.startsWith("0x") || v.startsWith("0X")) ? v.substring(2) : v, base);
            if (x >= 0 && x <= 0xffff_ffffL) return x;
        } catch (NumberFormatException e) {
            // falls through to tc's message
        }
        throw fail("Illegal \"" + what + "\"\n" + HTB_USAGE);
    }
}
