package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.PeditKey;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The common forms of m_pedit.c's {@code pedit [ex] munge FIELD set|add VALUE [munge …] [CONTROL] [index N]}:
 * FIELD is {@code ip src|dst|tos|dsfield|ttl|protocol}, {@code offset N u8|u16|u32}, and with {@code ex}
 * {@code eth src|dst} and {@code tcp|udp sport|dport}. A field becomes one key per 32-bit word it touches,
 * as tc packs it: the value at its bytes of the word, the mask keeping the others.
 */
final class PeditArgs {
    private PeditArgs() {}

    static ActionSpec parse(Args a) {
        a.take();
        boolean ex = a.more() && a.peek().equals("ex");
        if (ex) a.take();
        List<PeditKey> keys = new ArrayList<>();
        while (a.more() && a.peek().equals("munge")) {
            a.take();
            munge(a, ex, keys);
        }
        if (keys.isEmpty()) throw TcFail.unsupported("pedit without munge");
        ActionControl c = ActionControl.PASS;
        if (a.more() && ActionArgs.control(a.peek()) != null) c = ActionArgs.control(a.take());
        ActionSpec s = ActionSpec.of(new ActionOptions.Pedit(keys, ex, c));
        if (a.more() && Args.matches(a.peek(), "index")) {
            String v = a.next();
            try {
                s = s.withIndex(Long.parseLong(v));
            } catch (IllegalArgumentException e) {
                throw new TcFail("Illegal \"index\"\n", 1);
            }
        }
        return s;
    }

    private static void munge(Args a, boolean ex, List<PeditKey> keys) {
        if (!a.more()) throw TcFail.incomplete();
        String what = a.take();
        PeditKey.Header h;
        int off, len;
        if (what.equals("offset")) {
            off = (int) number(a, 0xffff);
            String size = a.take();
            len = switch (size) {
                case "u8" -> 1;
                case "u16" -> 2;
                case "u32" -> 4;
                default -> throw TcFail.unsupported("pedit offset size " + size);
            };
            h = PeditKey.Header.NETWORK;
        } else {
            String field = a.take();
            String[] f = field(what, field, ex);
            h = PeditKey.Header.valueOf(f[0]);
            off = Integer.parseInt(f[1]);
            len = Integer.parseInt(f[2]);
            if (!ex) h = PeditKey.Header.NETWORK;
        }
        String cmd = a.take();
        PeditKey.Command command = switch (cmd) {
            case "set" -> PeditKey.Command.SET;
            case "add" -> PeditKey.Command.ADD;
            default -> throw TcFail.unsupported("pedit " + cmd + " (jtc parses set and add)");
        };
        if (!ex && command == PeditKey.Command.ADD) throw TcFail.unsupported("pedit add without ex (tc: only 'set' in non extended mode)");
        byte[] value = value(a, what, len);
        pack(keys, h, command, off, value);
    }

    /** Header, offset and length of a named field. */
    private static String[] field(String header, String field, boolean ex) {
        String f = switch (header + " " + field) {
            case "ip src" -> "IP4 12 4";
            case "ip dst" -> "IP4 16 4";
            case "ip tos", "ip dsfield" -> "IP4 1 1";
            case "ip ttl" -> "IP4 8 1";
            case "ip protocol" -> "IP4 9 1";
            case "eth src" -> "ETH 6 6";
            case "eth dst" -> "ETH 0 6";
            case "tcp sport" -> "TCP 0 2";
            case "tcp dport" -> "TCP 2 2";
            case "udp sport" -> "UDP 0 2";
            case "udp dport" -> "UDP 2 2";
            default -> throw TcFail.unsupported("pedit munge " + header + " " + field);
        };
        if (!ex && !header.equals("ip")) throw TcFail.unsupported("pedit munge " + header + " without ex");
        return f.split(" ");
    }

    private static byte[] value(Args a, String what, int len) {
        if (!a.more()) throw TcFail.incomplete();
        String v = a.take();
        try {
            if (len == 4 && !what.equals("offset")) {
                InetAddress ip = InetAddress.ofLiteral(v);
                if (ip instanceof Inet4Address) return ip.getAddress();
            }
            if (len == 6) return MacAddress.of(v).bytes();
        } catch (IllegalArgumentException e) {
            throw new TcFail("Illegal \"" + v + "\"\n", 1);
        }
        long n = Args.u32(v, 0);
        if (n < 0 || (len < 4 && n >= 1L << (8 * len))) throw new TcFail("Illegal \"" + v + "\"\n", 1);
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) (n >>> (8 * (len - 1 - i)));
        return b;
    }

    /** One key per word {@code value} touches from byte {@code off}, as tc's pack_key8/16/32 make them. */
    private static void pack(List<PeditKey> keys, PeditKey.Header h, PeditKey.Command c, int off, byte[] value) {
        int i = 0;
        while (i < value.length) {
            int at = off + i, word = at & ~3, from = at & 3, n = Math.min(4 - from, value.length - i);
            long v = 0, keep = 0xffffffffL;
            for (int j = 0; j < n; j++) {
                int shift = 8 * (3 - (from + j));
                v |= (long) (value[i + j] & 0xff) << shift;
                keep &= ~(0xffL << shift);
            }
            keys.add(PeditKey.of(h, c, word, v, keep & 0xffffffffL));
            i += n;
        }
    }

    private static long number(Args a, long max) {
        if (!a.more()) throw TcFail.incomplete();
        String v = a.take();
        long n = Args.u32(v, 0);
        if (n < 0 || n > max) throw new TcFail("Illegal \"offset\"\n", 1);
        return n;
    }
}
