package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.RawNumber;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.generic.TcpMetrics;
import io.github.netlink4j.address.Address;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * {@code jip tcp_metrics} / {@code jip tcpmetrics}: the TCP metrics cache as ip 6.1 reads, prints and
 * clears it (tcp_metrics.c): {@code show [[address] PREFIX] [src PREFIX]}, {@code delete [address] ADDRESS
 * [src ADDRESS]}, {@code flush [SELECTOR]}.
 */
final class TcpMetricsCommand {
    static final String HELP = """
            Usage:\tip tcp_metrics/tcpmetrics { COMMAND | help }
            \tip tcp_metrics { show | flush } SELECTOR
            \tip tcp_metrics delete [ address ] ADDRESS
            SELECTOR := [ [ address ] PREFIX ]""";

    private static final int LIST = 1, DEL = 2, FLUSH = 4;
    private static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;

    private final JipOptions opt;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final NetlinkClient nl;

    TcpMetricsCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        this.opt = opt;
        this.stdout = stdout;
        this.stderr = stderr;
        this.nl = nl;
    }

    /** A PREFIX as get_prefix reads it; exact when it names one address. */
    private record Sel(InetAddress address, int bits) {
        boolean exact() {
            return bits == (address instanceof Inet4Address ? 32 : 128);
        }

        boolean matches(InetAddress a) {
            if ((a instanceof Inet4Address) != (address instanceof Inet4Address)) return false;
            byte[] x = a.getAddress(), y = address.getAddress();
            for (int i = 0; i < bits; i++) {
                int m = 0x80 >> (i & 7);
                if ((x[i >> 3] & m) != (y[i >> 3] & m)) return false;
            }
            return true;
        }
    }

    int run(List<String> args) throws IOException {
        if (args.isEmpty()) return command(LIST, args);
        String word = args.remove(0);
        for (String[] c : new String[][] {{"list", "1"}, {"lst", "1"}, {"show", "1"}, {"delete", "2"}, {"remove", "2"}, {"flush", "4"}}) {
            if (is(word, c[0])) return command(Integer.parseInt(c[1]), args);
        }
        if (is(word, "help")) throw usage(HELP);
        throw usage("Command \"" + word + "\" is unknown, try \"ip tcp_metrics help\".");
    }

    private int family() {
        return opt.preferredFamily();
    }

    private Sel prefix(String word) {
        int slash = word.indexOf('/');
        String a = slash < 0 ? word : word.substring(0, slash);
        try {
            InetAddress addr = InetAddress.ofLiteral(a);
            int max = addr instanceof Inet4Address ? 32 : 128;
            int bits = slash < 0 ? max : Integer.parseInt(word.substring(slash + 1));
            if (bits < 0 || bits > max) throw new IllegalArgumentException();
            if (family() != AF_UNSPEC && family() != (addr instanceof Inet4Address ? AF_INET : AF_INET6)) {
                throw new IllegalArgumentException();
            }
            return new Sel(addr, bits);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Error: any valid prefix is expected rather than \"" + word + "\".", 1);
        }
    }

    private int command(int cmd, List<String> args) throws IOException {
        int fam = family();
        if (fam != AF_UNSPEC && fam != AF_INET && fam != AF_INET6) {
            stderr.println("Unsupported protocol family: " + fam);
            return 1;
        }
        Sel dst = null, src = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (a.equals("src") || a.equals("source")) {
                String v = Args.next(args, a);
                if (is(v, "help")) throw usage(HELP);
                if (src != null) throw duparg(a, v);
                src = prefix(v);
                if (!src.exact()) throw specific(v);
            } else {
                String who = "address";
                if (a.equals("addr") || a.equals("address")) {
                    who = a;
                    a = Args.next(args, who);
                }
                if (is(a, "help")) throw usage(HELP);
                if (dst != null) throw duparg(who, a);
                dst = prefix(a);
                if ((cmd & DEL) != 0 && !dst.exact()) throw specific(a);
            }
            // ip 6.1 steps over the word after each selector as well (its loop advances twice)
            if (!args.isEmpty()) args.remove(0);
        }
        if (cmd == DEL && dst == null) throw usage("Error: argument \"address\" is required");
        if (cmd == FLUSH && dst != null && dst.exact()) cmd = DEL;
        TcpMetrics cache = nl.genl().tcpMetrics();
        try {
            if (cmd == FLUSH && dst == null && src == null && fam == AF_UNSPEC) {
                cache.flush();
                return 0;
            }
            if (cmd == DEL) {
                cache.delete(dst.address(), src == null ? null : src.address());
                return 0;
            }
            if (dst != null && dst.exact()) {
                // one get, printed as text even under -j: ip opens no JSON array for it
                TcpMetricsEntry e = cache.get(dst.address(), src == null ? null : src.address());
                StringBuilder text = new StringBuilder();
                print(e, false, text, Json.object());
                stdout.print(text);
                return 0;
            }
            List<TcpMetricsEntry> shown = new ArrayList<>();
            for (TcpMetricsEntry e : cache.list()) if (selected(e, dst, src, fam)) shown.add(e);
            if (cmd == FLUSH) return flush(cache, shown);
            StringBuilder text = new StringBuilder();
            List<Object> json = new ArrayList<>();
            for (TcpMetricsEntry e : shown) {
                Map<String, Object> o = Json.object();
                print(e, false, text, o);
                json.add(o);
            }
            if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
            else stdout.print(text);
            return 0;
        } catch (NotFoundException e) {
            if (e.kernelError().isPresent()) throw e.kernelError().get();
            throw e;
        }
    }

    private int flush(TcpMetrics cache, List<TcpMetricsEntry> shown) throws IOException {
        if (shown.isEmpty()) {
            stderr.println("Nothing to flush.");
            return 0;
        }
        StringBuilder text = new StringBuilder();
        for (TcpMetricsEntry e : shown) {
            cache.delete(e.destination(), e.source().orElse(null));
            if (opt.stats() >= 2) print(e, true, text, Json.object());
        }
        if (opt.stats() > 0) stdout.print(text + "\n*** Round 1, deleting " + shown.size() + " entries ***\n");
        if (opt.stats() > 0) stdout.print("*** Flush is complete after 1 round ***\n");
        return 0;
    }

    private static boolean selected(TcpMetricsEntry e, Sel dst, Sel src, int fam) {
        boolean v4 = e.destination() instanceof Inet4Address;
        if (fam == AF_INET && !v4 || fam == AF_INET6 && v4) return false;
        if (dst != null && !dst.matches(e.destination())) return false;
        if (e.source().isPresent()) {
            boolean s4 = e.source().get() instanceof Inet4Address;
            if (fam == AF_INET && !s4 || fam == AF_INET6 && s4) return false;
            if (src != null && !src.matches(e.source().get())) return false;
        }
        return true;
    }

    private static UsageException duparg(String key, String arg) {
        return usage("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.");
    }

    private static UsageException specific(String arg) {
        return new UsageException("Error: a specific IP address is expected rather than \"" + arg + "\"", 1);
    }

    /** One entry as process_msg prints it: text, and the JSON object of a dump. */
    static void print(TcpMetricsEntry e, boolean deleted, StringBuilder t, Map<String, Object> j) {
        if (deleted) {
            t.append("Deleted ");
            j.put("deleted", true);
        }
        String dst = Address.format(e.destination());
        t.append(dst);
        j.put("dst", dst);
        double age = e.age().toMillis() / 1000.0;
        t.append(String.format(Locale.ROOT, " age %.3fsec", age));
        j.put("age", new RawNumber(g(age)));
        if (e.twTsStamp().isPresent()) {
            String tw = e.twTsVal().orElse(0) + "/" + e.twTsStamp().getAsInt();
            t.append(" tw_ts ").append(tw).append(" ago");
            j.put("tw_ts_stamp", tw);
        }
        metric(t, j, "ssthresh", e.ssthresh());
        metric(t, j, "cwnd", e.cwnd());
        metric(t, j, "reordering", e.reordering());
        for (var m : e.otherMetrics().entrySet()) {
            String name = " metric_" + (m.getKey() - 1) + " ";
            t.append(" ").append(name).append(" ").append(m.getValue());
            j.put(name, m.getValue());
        }
        if (e.rtt().isPresent()) {
            long us = e.rtt().get().toNanos() / 1000;
            t.append(" rtt ").append(us).append("us");
            j.put("rtt", new RawNumber(g(us / 1e6)));
        }
        if (e.rttVariance().isPresent()) {
            long us = e.rttVariance().get().toNanos() / 1000;
            t.append(" rttvar ").append(us).append("us");
            j.put("rttvar", new RawNumber(g(us / 1e6)));
        }
        if (e.fastOpenMss().isPresent()) {
            t.append(" fo_mss ").append(e.fastOpenMss().getAsInt());
            j.put("fopen_miss", e.fastOpenMss().getAsInt());
        }
        if (e.fastOpenSynDrops().isPresent()) {
            double ts = e.fastOpenSynDropAge().map(d -> (double) d.toMillis()).orElse(0.0) / 1e6;
            t.append(" fo_syn_drops ").append(e.fastOpenSynDrops().getAsInt()).append(String.format(Locale.ROOT, "/%.3fusec ago", ts));
            j.put("fopen_syn_drops", e.fastOpenSynDrops().getAsInt());
            j.put("fopen_syn_drop_ts", new RawNumber(g(ts)));
        }
        if (e.fastOpenCookie().isPresent()) {
            t.append(" fo_cookie ").append(e.fastOpenCookie().get());
            j.put("fo_cookie", e.fastOpenCookie().get());
        }
        if (e.source().isPresent()) {
            String s = Address.format(e.source().get());
            t.append(" source ").append(s);
            j.put("source", s);
        }
        t.append('\n');
    }

    private static void metric(StringBuilder t, Map<String, Object> j, String name, java.util.OptionalLong v) {
        if (v.isEmpty()) return;
        t.append(' ').append(name).append(' ').append(v.getAsLong());
        j.put(name, v.getAsLong());
    }

    /** C's {@code %g}: six significant digits, trailing zeros dropped, an exponent below 1e-4 or from 1e6. */
    static String g(double v) {
        if (v == 0) return "0";
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v).toLowerCase(Locale.ROOT);
        BigDecimal d = new BigDecimal(v).round(new MathContext(6));
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 6) {
            BigDecimal mant = d.movePointLeft(exp);
            String m = strip(mant.setScale(5, java.math.RoundingMode.HALF_EVEN).toPlainString());
            return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return strip(d.setScale(Math.max(0, 5 - exp), java.math.RoundingMode.HALF_EVEN).toPlainString());
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
