package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;

/**
 * One class as tc 6.1's print_class and htb's print_copt write it. tc prints classes as text even with
 * {@code -j} (print_class opens no JSON object), and so does this.
 */
final class ClassView {
    private ClassView() {}

    /**
     * Kinds whose classes the kernel reports with an empty TCA_STATS2 (no dump_stats in their class ops),
     * where tc prints an empty line: the library's {@code TcStats} reads an empty nest as zeros, so the
     * kind tells them apart.
     */
    private static final java.util.Set<String> NO_CLASS_STATS = java.util.Set.of("tbf");

    /**
     * {@code c}; {@code minorsOnly} when the listing named a qdisc ({@code qdisc 1:}), whose classes tc shows by their minor alone.
     */
    static String print(TrafficClass c, boolean minorsOnly, int details, int stats) {
        StringBuilder sb = new StringBuilder();
        String id = c.handle().equals(TcHandle.UNSPEC) ? "" : (minorsOnly ? TcHandle.of(c.handle().minor()) : c.handle()).toString();
        sb.append("class ").append(c.kind()).append(' ').append(id).append(' ');
        if (c.parent().equals(TcHandle.ROOT)) sb.append("root ");
        else sb.append("parent ").append(minorsOnly ? TcHandle.of(c.parent().minor()) : c.parent()).append(' ');
        c.leaf().ifPresent(l -> sb.append("leaf ").append(Integer.toHexString(l.major())).append(": "));
        if (c.options() instanceof ClassOptions.Htb h) htb(sb, h, h.level().orElse(0), details);
        sb.append('\n');
        if (stats > 0 && c.stats().isPresent() && NO_CLASS_STATS.contains(c.kind())) {
            sb.append('\n');
        } else if (stats > 0 && c.stats().isPresent()) {
            TcOut o = new TcOut(false);
            StatsView.print(o, c.stats().get());
            sb.append(o.result(false)).append('\n');
            if (c.options() instanceof ClassOptions.Htb) {
                c.stats().get().application().ifPresent(app -> {
                    String x = StatsView.htbXstats(app.value());
                    if (!x.isEmpty()) sb.append(x).append('\n');
                });
            }
        }
        return sb.toString();
    }

    private static void htb(StringBuilder sb, ClassOptions.Htb h, int level, int details) {
        if (level == 0) {
            sb.append("prio ").append(h.prio()).append(' ');
            if (details > 0) sb.append("quantum ").append(h.quantum().orElse(0)).append(' ');
        }
        sb.append("rate ").append(h.rate()).append(' ');
        sb.append("ceil ").append(h.ceil()).append(' ');
        if (details > 0) sb.append("linklayer ethernet ");
        String burst = h.burst().map(Object::toString).orElse("0b"), cburst = h.cburst().map(Object::toString).orElse("0b");
        if (details > 0) {
            sb.append("burst ").append(burst).append("/1 mpu 0b cburst ").append(cburst).append("/1 mpu 0b level ").append(level).append(' ');
        } else {
            sb.append("burst ").append(burst).append(' ').append("cburst ").append(cburst).append(' ');
        }
    }
}
