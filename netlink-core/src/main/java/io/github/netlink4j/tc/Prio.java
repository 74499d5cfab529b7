package io.github.netlink4j.tc;

import java.util.List;

/**
 * {@code prio bands N priomap P…}: strict priority bands (TCA_OPTIONS: {@code struct tc_prio_qopt}).
 *
 * @param bands   2 to 16 bands
 * @param priomap the band of each of the 16 priorities (TC_PRIO_MAX + 1), each below {@code bands}
 */
public record Prio(int bands, List<Integer> priomap) implements QdiscOptions {
    /** tc's and the kernel's default map: {@code 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1}. */
    public static final List<Integer> DEFAULT_PRIOMAP = List.of(1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);

    /** Checks the bands and the map. */
    public Prio {
        priomap = List.copyOf(priomap);
        if (bands < 2 || bands > 16) throw new IllegalArgumentException("prio has 2 to 16 bands, not " + bands);
        if (priomap.size() != 16) throw new IllegalArgumentException("a priomap maps 16 priorities, not " + priomap.size());
        for (int b : priomap) if (b < 0 || b >= bands) throw new IllegalArgumentException("priomap band " + b + " is not below " + bands);
    }

    @Override
    public String kind() {
        return "prio";
    }

    static String text(int bands, List<Integer> priomap) {
        StringBuilder sb = new StringBuilder("bands ").append(bands).append(" priomap");
        for (int b : priomap) sb.append(' ').append(b);
        return sb.toString();
    }

    @Override
    public String toString() {
        return text(bands, priomap);
    }
}
