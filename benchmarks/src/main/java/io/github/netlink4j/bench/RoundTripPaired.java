package io.github.netlink4j.bench;

import java.util.Arrays;

/**
 * The round trip of {@link RoundTripBenchmark}, paired: one process runs the three paths in
 * interleaved blocks (the order rotating from block to block), so that every path meets the same
 * process, the same moment and the same state of the machine. JMH runs each path in forks of its own,
 * and on this VM forks land in a fast or a slow mode ~2-3 us apart whatever the path, which hides
 * differences of ~0.1 us between paths; within one process they show.
 *
 * <p>Prints each path's median ns per round trip over the blocks and, for our two FFM paths, the
 * median per-block difference to JNR and how many blocks it won. Needs root (it makes a throwaway
 * namespace). {@code java -cp benchmarks.jar io.github.netlink4j.RoundTripPaired [--blocks 60] [--per 2000]}
 */
public final class RoundTripPaired {
    private RoundTripPaired() {}

    private static final String[] PATHS = {"ffm (client)", "ffmRaw (binding)", "jnr"};

    public static void main(String[] args) throws Exception {
        int blocks = 60;
        int per = 2000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--blocks")) blocks = Integer.parseInt(args[++i]);
            else if (args[i].equals("--per")) per = Integer.parseInt(args[++i]);
            else throw new IllegalArgumentException("usage: RoundTripPaired [--blocks N] [--per N]");
        }
        if (blocks < 1 || blocks > 10_000 || per < 1 || per > 1_000_000) throw new IllegalArgumentException("blocks 1-10000, per 1-1000000");
        RoundTripBenchmark b = new RoundTripBenchmark();
        b.setUp();
        long sink = 0;
        double[][] ns = new double[PATHS.length][blocks];
        try {
            for (int k = 0; k < 10; k++) { // warm-up: 10 blocks of each, interleaved, not recorded
                for (int p = 0; p < PATHS.length; p++) sink += run(b, p, per);
            }
            for (int k = 0; k < blocks; k++) {
                for (int j = 0; j < PATHS.length; j++) {
                    int p = (k + j) % PATHS.length;
                    long t0 = System.nanoTime();
                    sink += run(b, p, per);
                    ns[p][k] = (System.nanoTime() - t0) / (double) per;
                }
            }
        } finally {
            b.tearDown();
        }
        System.out.printf("blocks=%d per_block=%d sink=%d%n", blocks, per, sink);
        for (int p = 0; p < PATHS.length; p++) {
            double[] s = ns[p].clone();
            Arrays.sort(s);
            System.out.printf("%-18s median %7.1f ns  (p10 %7.1f, p90 %7.1f)%n", PATHS[p], s[blocks / 2], s[blocks / 10], s[blocks * 9 / 10]);
        }
        for (int p = 0; p < 2; p++) {
            double[] d = new double[blocks];
            int wins = 0;
            for (int k = 0; k < blocks; k++) {
                d[k] = ns[2][k] - ns[p][k];
                if (d[k] > 0) wins++;
            }
            Arrays.sort(d);
            System.out.printf("jnr - %-16s median %+7.1f ns  (p10 %+7.1f, p90 %+7.1f); faster than jnr in %d of %d blocks%n",
                    PATHS[p], d[blocks / 2], d[blocks / 10], d[blocks * 9 / 10], wins, blocks);
        }
    }

    private static long run(RoundTripBenchmark b, int path, int n) throws Exception {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += switch (path) {
                case 0 -> b.ffm();
                case 1 -> b.ffmRaw();
                default -> b.jnr();
            };
        }
        return s;
    }
}
