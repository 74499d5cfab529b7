package io.github.netlink4j.tc;

import io.github.netlink4j.common.RawAttribute;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a class of one kind is set to: its TCA_KIND (its qdisc's kind) and TCA_OPTIONS; {@link Htb} for
 * htb's classes and {@link Other} for the rest. The same records describe what a {@link TrafficClassSpec}
 * asks for and what a {@link TrafficClass} reports.
 *
 * {@snippet :
 * ClassOptions.htb(Rate.of("1mbit")).withCeil(Rate.of("2mbit")).withPrio(1);   // htb rate 1mbit ceil 2mbit prio 1
 * }
 */
public sealed interface ClassOptions permits ClassOptions.Htb, ClassOptions.Other {
    /** The kind, TCA_KIND, which is the kind of the class's qdisc. */
    String kind();

    /** {@code htb rate R}: the ceiling the same rate, tc's burst and priority 0. */
    static Htb htb(Rate rate) {
        return new Htb(rate, rate, Optional.empty(), Optional.empty(), 0, OptionalLong.empty(), OptionalInt.empty());
    }

    /** A class of a kind the library does not model, with its TCA_OPTIONS as sent or reported. */
    static Other other(String kind, Optional<RawAttribute> options) {
        return new Other(kind, options);
    }

    /**
     * {@code htb rate R [ceil C] [burst B] [cburst CB] [prio P] [quantum Q]}: TCA_HTB_PARMS ({@code struct
     * tc_htb_opt}, with the bursts as times at their rates), the rate tables tc computes (TCA_HTB_RTAB,
     * TCA_HTB_CTAB) and TCA_HTB_RATE64/CEIL64 above 4 GB/s. The kernel reports the bursts back through
     * its clock's ticks, so a burst reads back within the bytes of two microseconds at its rate (and a byte).
     *
     * @param rate    the rate the class is guaranteed
     * @param ceil    the most it may borrow up to
     * @param burst   bytes sent at once at the rate; empty: tc's default, rate / HZ + 1600 (1600 bytes below 8 Gbit/s)
     * @param cburst  the same at the ceiling
     * @param prio    0 (first) to 7: who borrows spare rate first
     * @param quantum bytes a leaf sends per round when borrowing; empty: the kernel's rate / r2q
     * @param level   the class's depth as the kernel reports it ({@code tc_htb_opt.level}: 0 for a leaf, 7 for an inner
     *                class at the top, one less per inner class below); empty in a spec, which never sends it
     */
    record Htb(Rate rate, Rate ceil, Optional<Size> burst, Optional<Size> cburst, int prio, OptionalLong quantum, OptionalInt level)
            implements ClassOptions {
        /** Checks the rates and ranges, as htb takes them. */
        public Htb {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(ceil, "ceil");
            Objects.requireNonNull(burst, "burst");
            Objects.requireNonNull(cburst, "cburst");
            Objects.requireNonNull(level, "level");
            if (rate.bytesPerSecond() == 0 || ceil.bytesPerSecond() == 0) throw new IllegalArgumentException("an htb class needs a rate and ceil above 0");
            if (prio < 0 || prio > 7) throw new IllegalArgumentException("htb prio " + prio + " is out of range (0 to 7)");
            quantum.ifPresent(q -> {
                if (q < 1 || q > 0xffff_ffffL) throw new IllegalArgumentException("htb quantum " + q + " is out of range (1 to 4294967295)");
            });
        }

        @Override
        public String kind() {
            return "htb";
        }

        /** The same with the ceiling {@code ceil}. */
        public Htb withCeil(Rate ceil) {
            return new Htb(rate, ceil, burst, cburst, prio, quantum, level);
        }

        /** The same with {@code burst}. */
        public Htb withBurst(Size burst) {
            return new Htb(rate, ceil, Optional.of(burst), cburst, prio, quantum, level);
        }

        /** The same with {@code cburst}. */
        public Htb withCburst(Size cburst) {
            return new Htb(rate, ceil, burst, Optional.of(cburst), prio, quantum, level);
        }

        /** The same with priority {@code prio}. */
        public Htb withPrio(int prio) {
            return new Htb(rate, ceil, burst, cburst, prio, quantum, level);
        }

        /** The same with {@code quantum} bytes. */
        public Htb withQuantum(long quantum) {
            return new Htb(rate, ceil, burst, cburst, prio, OptionalLong.of(quantum), level);
        }

        /** {@code prio 0 rate 1Mbit ceil 2Mbit burst 1600b cburst 1600b}, tc's words. */
        @Override
        public String toString() {
            return "prio " + prio + (quantum.isPresent() ? " quantum " + quantum.getAsLong() : "") + " rate " + rate + " ceil " + ceil
                    + burst.map(b -> " burst " + b).orElse("") + cburst.map(b -> " cburst " + b).orElse("");
        }
    }

    /**
     * A class of a kind the library does not model, kept as the kernel reported it; a spec sends the kind
     * and these options as they are.
     *
     * @param kind    TCA_KIND
     * @param options TCA_OPTIONS as a raw attribute, empty when there was none
     */
    record Other(String kind, Optional<RawAttribute> options) implements ClassOptions {
        /** Checks the kind. */
        public Other {
            TcText.kind(kind);
            Objects.requireNonNull(options, "options");
        }

        @Override
        public String toString() {
            return options.map(o -> "[" + o.length() + " bytes of options]").orElse("");
        }
    }
}
