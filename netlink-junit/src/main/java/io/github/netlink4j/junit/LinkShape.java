package io.github.netlink4j.junit;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.error.UnsupportedQdiscKindException;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TcTime;
import io.github.netlink4j.topology.Topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a test's link behaves: a rate (a tbf at the link's root), a delay and a share of packets lost (a
 * netem at the root, with the tbf under it when there is a rate too). Either way it shapes what the link
 * sends; {@link NetnsExtension#withShapedLink} shapes both ends of a veth.
 *
 * {@snippet :
 * LinkShape.rate("1mbit");                                             // tc qdisc add dev veth0 root tbf rate 1mbit …
 * LinkShape.rate("10mbit").withDelay(Duration.ofMillis(20)).withLoss(1);  // netem delay 20ms loss 1%, tbf under it
 * }
 *
 * @param rate        the rate, if shaped
 * @param delay       how long each packet is held (zero: none)
 * @param lossPercent the share of packets dropped, 0 to 100
 */
public record LinkShape(Optional<Rate> rate, Duration delay, double lossPercent) {
    /** The handle of the netem a delay or loss puts at the root; the tbf of a rate sits under its class 1:1. */
    private static final TcHandle NETEM = TcHandle.qdisc(1);
    private static final TcHandle TBF = TcHandle.qdisc(10);

    /** Checks the parts: something to shape, a delay netem can hold, a loss that is a percentage. */
    public LinkShape {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(delay, "delay");
        QdiscOptions.netem(delay).withLoss(lossPercent); // netem's own checks, also where no netem is made
        if (rate.isEmpty() && delay.isZero() && lossPercent == 0) throw new IllegalArgumentException("a link shape needs a rate, a delay or a loss");
        rate.ifPresent(r -> {
            if (r.bytesPerSecond() == 0) throw new IllegalArgumentException("a link shape's rate must be above 0");
        });
    }

    /** A link limited to {@code rate}, as tc reads it ({@code "1mbit"}, {@code "500kbit"}). */
    public static LinkShape rate(String rate) {
        return new LinkShape(Optional.of(Rate.of(rate)), Duration.ZERO, 0);
    }

    /** A link that holds every packet for {@code delay} (netem). */
    public static LinkShape delay(Duration delay) {
        return new LinkShape(Optional.empty(), delay, 0);
    }

    /** The same with a delay (netem). */
    public LinkShape withDelay(Duration delay) {
        return new LinkShape(rate, delay, lossPercent);
    }

    /** The same dropping {@code percent} of packets at random (netem). */
    public LinkShape withLoss(double percent) {
        return new LinkShape(rate, delay, percent);
    }

    private boolean netem() {
        return !delay.isZero() || lossPercent > 0;
    }

    /**
     * The qdiscs that give {@code link} this shape, in the order they are made: a tbf at the root (burst
     * of 10 ms at the rate, at least 16 KiB; 100 ms of queue), or a netem at the root and the tbf under it.
     */
    public List<QdiscSpec> qdiscs(String link) {
        List<QdiscSpec> out = new ArrayList<>();
        if (netem()) out.add(QdiscSpec.root(link, QdiscOptions.netem(delay).withLoss(lossPercent)).withHandle(NETEM));

        rate.ifPresent(r -> {
            Size burst = Size.ofBytes(Math.max(16 * 1024, r.bytesPerSecond() / 100));
            QdiscOptions tbf = QdiscOptions.tbf(r, burst, TcTime.of("100ms"));
            out.add((netem() ? QdiscSpec.of(link, TcHandle.of(1, 1), tbf) : QdiscSpec.root(link, tbf)).withHandle(TBF));
        });
        return out;
    }

    /** Adds this shape of {@code link} in namespace {@code ns} (null: the host) to a topology being built. */
    public Topology.Builder addTo(Topology.Builder topology, String ns, String link) {
        for (QdiscSpec q : qdiscs(link)) {
            if (ns == null) topology.qdisc(q);
            else topology.qdisc(ns, q);
        }
        return topology;
    }

    /**
     * Shapes {@code link} through {@code nl} now; if a qdisc is refused, those made before it are deleted.
     *
     * @throws MissingQdiscKindException the kernel lacks a kind the shape needs
     */
    public void applyTo(NetlinkClient nl, String link) throws NetlinkException {
        int made = 0;
        try {
            for (QdiscSpec q : qdiscs(link)) {
                nl.qdiscs().add(q);
                made++;
            }
        } catch (NetlinkException e) {
            // the first qdisc is the root one, and the others hang under it: deleting it deletes them
            if (made > 0) {
                try {
                    nl.qdiscs().delete(link, TcHandle.ROOT);
                } catch (NetlinkException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw missing(e).orElseThrow(() -> e);
        }
    }

    /** The typed error for a refusal of one of the shape's kinds, found in {@code e} or its causes (a topology's step). */
    Optional<MissingQdiscKindException> missing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedQdiscKindException u) return Optional.of(new MissingQdiscKindException(u.kind(), this, u));
        }
        return Optional.empty();
    }

    /** {@code rate 1Mbit delay 20ms loss 1%}, tc's words. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        rate.ifPresent(r -> parts.add("rate " + r));
        if (!delay.isZero()) parts.add("delay " + TcTime.text(delay));
        if (lossPercent > 0) parts.add("loss " + java.math.BigDecimal.valueOf(lossPercent).stripTrailingZeros().toPlainString() + "%");
        return String.join(" ", parts);
    }

    /** A topology's failure as the typed error when the shape's kind was missing, else as it is. */
    Exception explain(TopologyException e) {
        return missing(e).<Exception>map(m -> m).orElse(e);
    }
}
