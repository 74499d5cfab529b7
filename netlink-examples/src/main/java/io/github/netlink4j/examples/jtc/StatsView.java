package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcStats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What tc 6.1's print_tcstats2_attr prints for {@code -s}, and htb's print_xstats for a class. */
final class StatsView {
    private StatsView() {}

    /** The counters: {@code  Sent … requeues 0) }, the rate estimate if any, {@code  backlog 0b 0p requeues 0}. */
    static void print(TcOut o, TcStats s) {
        print(o, s, " ");
    }

    /** print_tcstats2_attr with {@code prefix} before each line ({@code \t} for an action's). */
    static void print(TcOut o, TcStats s, String prefix) {
        o.fp(prefix);
        o.any("bytes", s.bytes(), "Sent " + s.bytes() + " bytes");
        o.any("packets", s.packets(), " " + s.packets() + " pkt");
        o.any("drops", s.drops(), " (dropped " + s.drops());
        o.any("overlimits", s.overlimits(), ", overlimits " + s.overlimits());
        o.any("requeues", s.requeues(), " requeues " + s.requeues() + ") ");
        s.rateEstimate().ifPresent(r -> {
            o.fp("\n" + prefix);
            o.js("rate", r.rate().bytesPerSecond());
            o.fp("rate " + r.rate());
            o.any("pps", r.packetsPerSecond(), " " + r.packetsPerSecond() + "pps");
        });
        // tc breaks the line before the backlog only when no TCA_STATS_RATE_EST came, and the kernel
        // sends that one whenever an estimator runs
        if (s.rateEstimate().isEmpty()) o.nl();
        o.fp(prefix);
        o.any("backlog", s.backlog(), "backlog " + Size.ofBytes(s.backlog() & 0xffff_ffffL));
        o.any("qlen", s.qlen(), " " + s.qlen() + "p");
        o.fp(" requeues " + s.requeues());
    }

    /**
     * htb's class counters (TCA_STATS_APP, {@code struct tc_htb_xstats}: lends, borrows, giants, tokens,
     * ctokens), as htb_print_xstats writes them; nothing when the kernel sent fewer bytes.
     */
    static String htbXstats(byte[] app) {
        if (app.length < 20) return "";
        ByteBuffer b = ByteBuffer.wrap(app).order(ByteOrder.nativeOrder());
        long lends = Integer.toUnsignedLong(b.getInt(0)), borrows = Integer.toUnsignedLong(b.getInt(4)), giants = Integer.toUnsignedLong(b.getInt(8));
        return " lended: " + lends + " borrowed: " + borrows + " giants: " + giants + "\n tokens: " + b.getInt(12) + " ctokens: " + b.getInt(16) + "\n";
    }
}
