package io.github.netlink4j.bench;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Listing a large conntrack table: {@code conntrack -L} (one process, output discarded) beside
 * {@code nl.conntrack().list()} in this JVM, first call and warm. The table is made by real traffic: a
 * Python sender in a client namespace sends one UDP datagram per flow (distinct source and destination
 * ports) to a server namespace whose nftables rule tracks connections. Both namespaces are made for the
 * run ({@code nl4j-bench-ct-*}) and deleted afterwards; addresses are from 10.200.0.0/16.
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.github.netlink4j.bench.ConntrackList [FLOWS] [REPS]}
 * (100000 and 5 by default; root, python3, nft and conntrack needed). Prints one row per tool: the median
 * and the best of REPS runs.
 */
public final class ConntrackList {
    public static void main(String[] args) throws Exception {
        int flows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String id = UUID.randomUUID().toString().substring(0, 8);
        String c = "nl4j-bench-ct-c-" + id, s = "nl4j-bench-ct-s-" + id;
        try (NetNamespace cns = NetNamespace.create(c); NetNamespace sns = NetNamespace.create(s);
             NetlinkClient cl = NetlinkClient.open(cns); NetlinkClient sv = NetlinkClient.open(sns)) {
            cl.links().add(LinkSpec.veth("veth0", "veth1"));
            cl.links().moveTo("veth1", sns);
            cl.addresses().add(AddressSpec.of("veth0", "10.200.9.1/24"));
            cl.links().setUp("veth0");
            sv.addresses().add(AddressSpec.of("veth1", "10.200.9.2/24"));
            sv.links().setUp("veth1");
            // unreplied UDP entries live 30 s by default: longer than a slow run of the rows below
            run(s, "sysctl", "-qw", "net.netfilter.nf_conntrack_udp_timeout=3600");
            run(s, "nft", "add table inet b; add chain inet b in { type filter hook input priority 0; ct state new counter accept; }");
            // one datagram per flow: 40 source ports times N/40 destination ports, unique tuples
            run(c, "python3", "-c", "import socket\n"
                    + "n=" + flows + "\nsocks=[socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(40)]\n"
                    + "for i,k in enumerate(socks): k.bind(('10.200.9.1', 20000+i))\n"
                    + "for f in range(n): socks[f % 40].sendto(b'x', ('10.200.9.2', 1024 + f // 40))\n");
            long entries = sv.conntrack().count();
            System.out.printf("entries=%d%n", entries);
            long[] tool = new long[reps], first = new long[1], warm = new long[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                run(s, "sh", "-c", "conntrack -L >/dev/null 2>&1");
                tool[r] = System.nanoTime() - t0;
            }
            for (int r = 0; r < reps + 1; r++) {
                long t0 = System.nanoTime();
                int n = sv.conntrack().list().size();
                long t = System.nanoTime() - t0;
                if (n < entries * 9 / 10) throw new IllegalStateException("listed " + n + " of " + entries);
                if (r == 0) first[0] = t;
                else warm[r - 1] = t;
            }
            row("conntrack -L (a process per run)", tool);
            row("nl.conntrack().list(), first call", first);
            row("nl.conntrack().list(), warm", warm);
        } finally {
            for (String n : List.of(c, s)) if (NetNamespace.exists(n)) NetNamespace.delete(n);
        }
    }

    private static void row(String what, long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf("%-36s median %8.1f ms   best %8.1f ms%n", what, sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6);
    }

    private static void run(String ns, String... cmd) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        a.addAll(Arrays.asList(cmd));
        Process p = new ProcessBuilder(a).inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(a + " timed out");
        }
        if (p.exitValue() != 0) throw new IOException(a + " exited " + p.exitValue());
    }
}
