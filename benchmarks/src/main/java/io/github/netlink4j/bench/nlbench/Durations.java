package io.github.netlink4j.bench.nlbench;

/** Durations on the command line: a number and a unit, ms, s, m or h (500ms, 10s, 2m). */
final class Durations {
    private Durations() {}

    /** The largest duration accepted, one day: every loop nlbench runs stays bounded. */
    static final long MAX_NS = 86_400_000_000_000L;

    static long parse(String s) {
        String t = s.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        if (i == 0) throw new IllegalArgumentException("not a duration: " + s + " (e.g. 500ms, 10s, 2m)");
        double v = Double.parseDouble(t.substring(0, i));
        long unit = switch (t.substring(i)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("not a duration: " + s + " (units ms, s, m, h)");
        };
        long ns = (long) (v * unit);
        if (ns <= 0 || ns > MAX_NS) throw new IllegalArgumentException("duration must be above 0 and at most 24h: " + s);
        return ns;
    }
}
