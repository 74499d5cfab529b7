package io.github.netlink4j.tc;

import io.github.netlink4j.common.RawAttribute;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a qdisc of one kind is set to: its TCA_KIND and the TCA_OPTIONS the kind reads (linux/pkt_sched.h),
 * one record per kind the library knows and {@link Other} for the rest. The same records describe what a
 * {@link QdiscSpec} asks for and what a {@link Qdisc} reports; where the kernel fills in a default, the
 * record it reports holds the value chosen. The kinds this kernel may lack (netem, fq_codel, prio, sfq)
 * are encoded as tc 6.1 encodes them; the kernel refuses them when it has no module for them.
 *
 * {@snippet :
 * QdiscOptions.htb(0x10);                                                       // htb default 10
 * QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"));     // tbf rate 1mbit burst 32kb latency 400ms
 * }
 */
public sealed interface QdiscOptions permits QdiscOptions.Pfifo, QdiscOptions.Bfifo, QdiscOptions.PfifoFast, QdiscOptions.Htb,
        Tbf, QdiscOptions.Clsact, QdiscOptions.Ingress, Netem, FqCodel, Prio, Sfq, QdiscOptions.Other {
    /** The kind, TCA_KIND: {@code "htb"}, {@code "tbf"}, … */
    String kind();

    /** {@code pfifo}: a FIFO of {@code limit} packets. */
    static Pfifo pfifo() {
        return new Pfifo(OptionalLong.empty());
    }

    /** {@code bfifo}: a FIFO of {@code limit} bytes. */
    static Bfifo bfifo(Size limit) {
        return new Bfifo(Optional.of(limit));
    }

    /** {@code htb default MINOR}, with tc's r2q of 10. */
    static Htb htb(long defaultClass) {
        return new Htb(10, defaultClass, OptionalLong.empty());
    }

    /** {@code tbf rate R burst B limit L}. */
    static Tbf tbf(Rate rate, Size burst, Size limit) {
        return new Tbf(rate, burst, limit, Optional.empty(), Optional.empty());
    }

    /**
     * {@code tbf rate R burst B latency T}: the limit is what tc makes of the latency, the bytes the rate
     * sends in that time plus the burst.
     */
    static Tbf tbf(Rate rate, Size burst, Duration latency) {
        return new Tbf(rate, burst, Tbf.limitOf(rate, burst, latency, null, null), Optional.empty(), Optional.empty());
    }

    /** {@code tbf rate R burst B latency T peakrate P mtu M}: the limit as tc makes it, the smaller for either rate. */
    static Tbf tbf(Rate rate, Size burst, Duration latency, Rate peakrate, Size mtu) {
        return new Tbf(rate, burst, Tbf.limitOf(rate, burst, latency, peakrate, mtu), Optional.of(peakrate), Optional.of(mtu));
    }

    /** {@code netem delay D}: every packet held for {@code delay}, tc's limit of 1000 packets. */
    static Netem netem(Duration delay) {
        return new Netem(delay, Duration.ZERO, 0, 1000);
    }

    /** {@code prio}: tc's 3 bands and priomap. */
    static Prio prio() {
        return new Prio(3, Prio.DEFAULT_PRIOMAP);
    }

    /** A kind the library does not model, with its TCA_OPTIONS as sent or reported (empty: none). */
    static Other other(String kind, Optional<RawAttribute> options) {
        return new Other(kind, options);
    }

    /**
     * {@code pfifo [limit N]} (TCA_OPTIONS: {@code struct tc_fifo_qopt}).
     *
     * @param limit packets; empty: the kernel's default, the link's txqueuelen (reported as the value chosen)
     */
    record Pfifo(OptionalLong limit) implements QdiscOptions {
        /** Checks the limit. */
        public Pfifo {
            limit.ifPresent(l -> TcText.u32("pfifo limit", l));
        }

        @Override
        public String kind() {
            return "pfifo";
        }

        /** The same with {@code limit} packets. */
        public Pfifo withLimit(long packets) {
            return new Pfifo(OptionalLong.of(packets));
        }

        @Override
        public String toString() {
            return limit.isPresent() ? "limit " + limit.getAsLong() + "p" : "";
        }
    }

    /**
     * {@code bfifo [limit SIZE]} (TCA_OPTIONS: {@code struct tc_fifo_qopt}).
     *
     * @param limit bytes; empty: the kernel's default (txqueuelen times the MTU)
     */
    record Bfifo(Optional<Size> limit) implements QdiscOptions {
        /** Checks for null. */
        public Bfifo {
            Objects.requireNonNull(limit, "limit");
        }

        @Override
        public String kind() {
            return "bfifo";
        }

        @Override
        public String toString() {
            return limit.map(l -> "limit " + l).orElse("");
        }
    }

    /**
     * {@code pfifo_fast}, a link's default qdisc: three bands by the packet's priority, fixed by the kernel
     * (it has no options to set). A spec may add it only with these fixed values, which it does not send.
     *
     * @param bands    the bands (3)
     * @param priomap  the band of each of the 16 priorities
     */
    record PfifoFast(int bands, List<Integer> priomap) implements QdiscOptions {
        /** The kernel's fixed values. */
        public static final PfifoFast FIXED = new PfifoFast(3, Prio.DEFAULT_PRIOMAP);

        /** Makes the map immutable. */
        public PfifoFast {
            priomap = List.copyOf(priomap);
        }

        @Override
        public String kind() {
            return "pfifo_fast";
        }

        @Override
        public String toString() {
            return Prio.text(bands, priomap);
        }
    }

    /**
     * {@code htb [r2q N] [default MINOR] [direct_qlen N]} (TCA_HTB_INIT, {@code struct tc_htb_glob}, and
     * TCA_HTB_DIRECT_QLEN).
     *
     * @param r2q          rate to quantum: a class's quantum when it sets none is its rate / r2q
     * @param defaultClass the minor of the class unclassified packets go to (tc's {@code default 10} is 0x10; the
     *                     kernel keeps 32 bits and uses the lower 16); 0: none, they leave unshaped
     * @param directQlen   the queue of unshaped packets, in packets; empty: the link's txqueuelen
     */
    record Htb(long r2q, long defaultClass, OptionalLong directQlen) implements QdiscOptions {
        /** Checks the ranges. */
        public Htb {
            TcText.u32("htb r2q", r2q);
            TcText.u32("htb default", defaultClass);
            directQlen.ifPresent(q -> TcText.u32("htb direct_qlen", q));
        }

        @Override
        public String kind() {
            return "htb";
        }

        /** The same with {@code r2q}. */
        public Htb withR2q(long r2q) {
            return new Htb(r2q, defaultClass, directQlen);
        }

        /** The same with a direct queue of {@code packets}. */
        public Htb withDirectQlen(long packets) {
            return new Htb(r2q, defaultClass, OptionalLong.of(packets));
        }

        @Override
        public String toString() {
            return "r2q " + r2q + " default 0x" + Long.toHexString(defaultClass)
                    + (directQlen.isPresent() ? " direct_qlen " + directQlen.getAsLong() : "");
        }
    }

    /** {@code clsact}: the two hooks, ingress and egress, filters attach to; it has no options. */
    record Clsact() implements QdiscOptions {
        @Override
        public String kind() {
            return "clsact";
        }

        @Override
        public String toString() {
            return "";
        }
    }

    /** {@code ingress}: the hook incoming packets' filters attach to; it has no options. */
    record Ingress() implements QdiscOptions {
        @Override
        public String kind() {
            return "ingress";
        }

        @Override
        public String toString() {
            return "";
        }
    }

    /**
     * A kind the library does not model (noqueue, mq, cake, …), kept as the kernel reported it so nothing
     * is lost; a spec sends the kind and these options as they are.
     *
     * @param kind    TCA_KIND
     * @param options TCA_OPTIONS as a raw attribute, empty when there was none
     */
    record Other(String kind, Optional<RawAttribute> options) implements QdiscOptions {
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
