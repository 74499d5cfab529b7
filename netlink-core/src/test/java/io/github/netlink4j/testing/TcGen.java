package io.github.netlink4j.testing;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Estimator;
import io.github.netlink4j.tc.FqCodel;
import io.github.netlink4j.tc.Netem;
import io.github.netlink4j.tc.Prio;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Sfq;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.Tbf;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The generators of the traffic-control specs, beside {@link Gen}'s (which they use for names): every
 * qdisc kind and htb classes, built through the records' own factories and withers, within what the
 * kernel's fields hold (a burst's time at its rate fits 2^32 ticks of 64 ns: at most 200 s here).
 */
public final class TcGen {
    private TcGen() {}

    private static Arbitrary<Rate> rate() {
        return Arbitraries.longs().between(10_000, 100_000_000_000L).map(Rate::ofBytesPerSecond);
    }

    /** A size whose time at {@code r} is at most 200 s. */
    private static Arbitrary<Size> sizeAt(Rate r) {
        return Arbitraries.longs().between(1, Math.min(0xffff_ffffL, r.bytesPerSecond() * 200)).map(Size::ofBytes);
    }

    private static Arbitrary<OptionalLong> u32() {
        return Arbitraries.longs().between(1, 0xffff_ffffL).injectNull(0.4).map(v -> v == null ? OptionalLong.empty() : OptionalLong.of(v));
    }

    private static Arbitrary<Duration> micros(long max) {
        return Arbitraries.longs().between(0, max).map(us -> Duration.ofNanos(us * 1000));
    }

    private static Arbitrary<Tbf> tbf() {
        return rate().flatMap(r -> Combinators.combine(sizeAt(r), Arbitraries.longs().between(0, 0xffff_ffffL), rate().injectNull(0.5),
                Arbitraries.longs().between(64, 65535)).as((burst, limit, peak, mtu) -> {
            Tbf t = QdiscOptions.tbf(r, burst, Size.ofBytes(limit));
            return peak == null ? t : t.withPeakrate(peak, Size.ofBytes(mtu));
        }));
    }

    private static Arbitrary<Netem> netem() {
        return Combinators.combine(micros(10_000_000), micros(1_000_000), Arbitraries.doubles().between(0, 100), Arbitraries.longs().between(0, 0xffff_ffffL))
                .as(Netem::new);
    }

    private static Arbitrary<FqCodel> fqCodel() {
        return Combinators.combine(u32().list().ofSize(4), micros(0xffff_ffffL).optional().list().ofSize(3), Arbitraries.of(true, false).optional(),
                Arbitraries.longs().between(1, 0xffff_ffffL).map(Size::ofBytes).optional())
                .as((u, t, ecn, memory) -> new FqCodel(u.get(0), u.get(1), u.get(2), t.get(0), t.get(1), ecn, t.get(2), memory, u.get(3)));
    }

    private static Arbitrary<Prio> prio() {
        return Arbitraries.integers().between(2, 16).flatMap(b -> Arbitraries.integers().between(0, b - 1).list().ofSize(16).map(m -> new Prio(b, m)));
    }

    private static Arbitrary<Sfq> sfq() {
        return Combinators.combine(Arbitraries.longs().between(1, 100_000).map(Duration::ofSeconds).optional(),
                Arbitraries.longs().between(1, 0xffff_ffffL).map(Size::ofBytes).optional(), u32().list().ofSize(4), Arbitraries.of(true, false))
                .as((perturb, quantum, u, headdrop) -> new Sfq(perturb, quantum, u.get(0), u.get(1), u.get(2), u.get(3), headdrop));
    }

    /** A kind the library does not model, with raw options (or none). */
    private static Arbitrary<QdiscOptions.Other> other() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(15)
                        .filter(k -> !List.of("pfifo", "bfifo", "htb", "tbf", "netem", "prio", "sfq", "clsact", "ingress").contains(k)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectNull(0.3))
                .as((k, b) -> QdiscOptions.other(k, b == null ? Optional.empty() : Optional.of(RawAttribute.of(2, b))));
    }

    /** Options of every kind. */
    public static Arbitrary<QdiscOptions> qdiscOptions() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xffff_ffffL).map(l -> QdiscOptions.pfifo().withLimit(l)),
                Arbitraries.just(QdiscOptions.pfifo()),
                Arbitraries.longs().between(0, 0xffff_ffffL).map(l -> QdiscOptions.bfifo(Size.ofBytes(l))),
                Combinators.combine(Arbitraries.longs().between(0, 0xffff_ffffL), Arbitraries.longs().between(0, 0xffff_ffffL), u32())
                        .as(QdiscOptions.Htb::new),
                tbf(), netem(), fqCodel(), prio(), sfq(), other(), Arbitraries.just(QdiscOptions.PfifoFast.FIXED));
    }

    private static Arbitrary<Optional<Estimator>> estimator() {
        return Combinators.combine(Arbitraries.of(250, 500, 1000, 2000, 4000, 8000), Arbitraries.integers().between(2, 64))
                .as((ms, k) -> new Estimator(Duration.ofMillis(ms), Duration.ofMillis((long) ms * k))).optional();
    }

    /** A qdisc at the root, under a class, or at ingress, with or without a handle and an estimator. */
    public static Arbitrary<QdiscSpec> qdiscSpec() {
        return Combinators.combine(Gen.ifName(), qdiscOptions(), Arbitraries.integers().between(0, 0xfffe), Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 3), estimator()).as((link, options, major, minor, where, est) -> {
            QdiscSpec s = switch (where) {
                case 0 -> QdiscSpec.ingress(link);
                case 1 -> QdiscSpec.clsact(link);
                case 2 -> QdiscSpec.of(link, TcHandle.of(major + 1, minor), options);
                default -> QdiscSpec.root(link, options);
            };
            if (where >= 2 && major % 3 != 0) s = s.withHandle(TcHandle.qdisc(major));
            return est.isPresent() ? s.withEstimator(est.get()) : s;
        });
    }

    /** An htb class, or a class of another kind with raw options, under its qdisc or a class of it. */
    public static Arbitrary<TrafficClassSpec> classSpec() {
        Arbitrary<ClassOptions> htb = rate().flatMap(r -> rate().flatMap(c -> Combinators.combine(sizeAt(r).optional(), sizeAt(c).optional(),
                Arbitraries.integers().between(0, 7), u32()).as((burst, cburst, prio, quantum) -> {
            ClassOptions.Htb h = ClassOptions.htb(r).withCeil(c).withPrio(prio);
            if (burst.isPresent()) h = h.withBurst(burst.get());
            if (cburst.isPresent()) h = h.withCburst(cburst.get());
            return quantum.isPresent() ? h.withQuantum(quantum.getAsLong()) : h;
        })));
        Arbitrary<ClassOptions> other = other().map(o -> ClassOptions.other(o.kind(), o.options()));
        return Combinators.combine(Gen.ifName(), Arbitraries.oneOf(htb, other), Arbitraries.integers().between(1, 0xffff),
                Arbitraries.integers().between(0, 0xffff), Arbitraries.integers().between(1, 0xffff), estimator())
                .as((link, options, major, parentMinor, minor, est) -> {
                    TrafficClassSpec s = TrafficClassSpec.of(link, TcHandle.of(major, parentMinor), TcHandle.of(major, minor), options);
                    return est.isPresent() ? s.withEstimator(est.get()) : s;
                });
    }
}
