package io.github.netlink4j.bench;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.sockdiag.SocketQuery;
import io.github.netlink4j.tuntap.TunTapSpec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * TUN/TAP and socket diagnostics beside iproute2, in a throwaway namespace: {@code N} tap devices created
 * and deleted through {@code nl.tuntap()} against {@code ip -batch} of {@code tuntap add/del}, and the
 * listing of {@code S} UDP sockets through {@code nl.sockets()} against {@code ss -uan} (a process each, as a
 * script runs it). Prints one markdown row per measure: median and range of {@code --reps} runs.
 * {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.github.netlink4j.bench.TunSockBench [--taps N] [--sockets S] [--reps R]}
 */
public final class TunSockBench {
    public static void main(String[] args) throws Exception {
        int taps = 1000, sockets = 10_000, reps = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--taps" -> taps = Integer.parseInt(args[i + 1]);
                case "--sockets" -> sockets = Integer.parseInt(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        String name = "nl4j-bench-tsd-" + UUID.randomUUID().toString().substring(0, 8);
        NetNamespace ns = NetNamespace.create(name);
        List<DatagramChannel> open = new ArrayList<>();
        Path batch = Files.createTempFile("nl4j-bench-tuntap", ".batch");
        try (NetlinkClient nl = NetlinkClient.open(ns)) {
            nl.links().setUp("lo");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < taps; i++) b.append("tuntap add dev bt").append(i).append(" mode tap\n");
            for (int i = 0; i < taps; i++) b.append("tuntap del dev bt").append(i).append(" mode tap\n");
            Files.writeString(batch, b);
            double[] lib = new double[reps], ip = new double[reps];
            for (int r = -1; r < reps; r++) { // one warm-up round each
                long t0 = System.nanoTime();
                for (int i = 0; i < taps; i++) nl.tuntap().add(TunTapSpec.tap("bt" + i));
                for (int i = 0; i < taps; i++) nl.tuntap().delete("bt" + i);
                long t1 = System.nanoTime();
                run("ip", "-n", name, "-batch", batch.toString());
                long t2 = System.nanoTime();
                if (r >= 0) {
                    lib[r] = taps / ((t1 - t0) / 1e9);
                    ip[r] = taps / ((t2 - t1) / 1e9);
                }
            }
            row(taps + " taps created and deleted (pairs/s)", lib, ip);

            int s = sockets;
            open.addAll(ns.call(() -> {
                List<DatagramChannel> l = new ArrayList<>(s);
                for (int i = 0; i < s; i++) l.add(DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)));
                return l;
            }));
            double[] list = new double[reps], ss = new double[reps];
            for (int r = -1; r < reps; r++) {
                long t0 = System.nanoTime();
                int n = nl.sockets().list(SocketQuery.udp()).size();
                long t1 = System.nanoTime();
                run("ip", "netns", "exec", name, "ss", "-uan");
                long t2 = System.nanoTime();
                if (n != sockets) throw new IllegalStateException(n + " sockets listed, not " + sockets);
                if (r >= 0) {
                    list[r] = (t1 - t0) / 1e6;
                    ss[r] = (t2 - t1) / 1e6;
                }
            }
            row("list " + sockets + " UDP sockets (ms)", list, ss);
        } finally {
            for (DatagramChannel c : open) c.close();
            Files.deleteIfExists(batch);
            ns.close();
            NetNamespace.delete(name);
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed");
    }

    private static void row(String what, double[] ours, double[] theirs) {
        System.out.printf("| %s | %s | %s |%n", what, fmt(ours), fmt(theirs));
    }

    private static String fmt(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("%.1f (%.1f–%.1f)", s[s.length / 2], s[0], s[s.length - 1]);
    }
}
