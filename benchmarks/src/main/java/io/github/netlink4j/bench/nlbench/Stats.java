package io.github.netlink4j.bench.nlbench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spread of a figure over repeats: median, min, max and the median absolute deviation (MAD),
 * which one outlying repeat cannot move the way it moves a mean or a standard deviation.
 */
record Stats(double median, double min, double max, double mad, double[] samples) {

    static Stats of(double[] v) {
        if (v.length == 0) throw new IllegalArgumentException("no samples");
        double[] s = v.clone();
        Arrays.sort(s);
        double med = median(s);
        double[] dev = new double[s.length];
        for (int i = 0; i < s.length; i++) dev[i] = Math.abs(s[i] - med);
        Arrays.sort(dev);
        return new Stats(med, s[0], s[s.length - 1], median(dev), v.clone());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", median);
        m.put("min", min);
        m.put("max", max);
        m.put("mad", mad);
        m.put("samples", Arrays.stream(samples).boxed().toList());
        return m;
    }

    static Stats fromJson(Map<?, ?> m) {
        List<?> s = (List<?>) m.get("samples");
        if (s == null) throw new IllegalArgumentException("no samples in " + m);
        return of(s.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
    }
}
