package io.github.netlink4j.tc;

import io.github.netlink4j.support.Validate;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A qdisc to add, replace or change (RTM_NEWQDISC), what {@code tc qdisc add dev LINK (root | parent P |
 * ingress | clsact) [handle H] [estimator I T] KIND OPTIONS} takes.
 *
 * {@snippet :
 * nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x10)).withHandle(TcHandle.of("1:")));   // tc qdisc add dev veth0 root handle 1: htb default 10
 * nl.qdiscs().add(QdiscSpec.clsact("veth0"));                                                        // tc qdisc add dev veth0 clsact
 * }
 *
 * @param link      the link, by name
 * @param parent    where the qdisc attaches: {@link TcHandle#ROOT}, a class ({@code 1:10}) or {@link TcHandle#INGRESS}
 * @param handle    its handle, {@code major:} with minor 0; empty: the kernel picks one ({@code 8001:}, …), except for
 *                  ingress and clsact, whose handle is always {@code ffff:}
 * @param options   the kind and its options
 * @param estimator a rate estimator to run on it (TCA_RATE)
 */
public record QdiscSpec(String link, TcHandle parent, Optional<TcHandle> handle, QdiscOptions options, Optional<Estimator> estimator) {
    /** The handle of the ingress and clsact qdiscs, {@code ffff:}, which tc sends for them. */
    private static final TcHandle HOOK = TcHandle.qdisc(0xffff);

    /** Checks the parts; a handle of {@code 0:} is no handle, and ingress and clsact get {@code ffff:}. */
    public QdiscSpec {
        Validate.ifName(link);
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(estimator, "estimator");
        if (parent.equals(TcHandle.UNSPEC)) throw new IllegalArgumentException("a qdisc needs a parent: root, a class or ingress");
        handle = handle.filter(h -> h.major() != 0);
        handle.ifPresent(h -> {
            if (h.minor() != 0 || h.equals(TcHandle.ROOT)) {
                throw new IllegalArgumentException("qdisc handle " + h + " has a minor: a qdisc's handle is major: alone (tc would drop the minor)");
            }
        });
        if (options instanceof QdiscOptions.Ingress || options instanceof QdiscOptions.Clsact) {
            if (!parent.equals(TcHandle.INGRESS)) throw new IllegalArgumentException(options.kind() + " attaches at ingress, not at " + parent);
            if (handle.isPresent() && !handle.get().equals(HOOK)) throw new IllegalArgumentException(options.kind() + "'s handle is ffff:, not " + handle.get());
            handle = Optional.of(HOOK);
        }
        if (options instanceof QdiscOptions.PfifoFast p && !p.equals(QdiscOptions.PfifoFast.FIXED)) {
            throw new IllegalArgumentException("pfifo_fast's bands and priomap are fixed by the kernel: " + QdiscOptions.PfifoFast.FIXED);
        }
    }

    /** {@code tc qdisc add dev LINK root KIND …}. */
    public static QdiscSpec root(String link, QdiscOptions options) {
        return new QdiscSpec(link, TcHandle.ROOT, Optional.empty(), options, Optional.empty());
    }

    /** {@code tc qdisc add dev LINK parent PARENT KIND …}: under a class (or {@link TcHandle#ROOT}). */
    public static QdiscSpec of(String link, TcHandle parent, QdiscOptions options) {
        return new QdiscSpec(link, parent, Optional.empty(), options, Optional.empty());
    }

    /** {@code tc qdisc add dev LINK ingress}. */
    public static QdiscSpec ingress(String link) {
        return new QdiscSpec(link, TcHandle.INGRESS, Optional.empty(), new QdiscOptions.Ingress(), Optional.empty());
    }

    /** {@code tc qdisc add dev LINK clsact}. */
    public static QdiscSpec clsact(String link) {
        return new QdiscSpec(link, TcHandle.CLSACT, Optional.empty(), new QdiscOptions.Clsact(), Optional.empty());
    }

    /** The same with {@code handle} ({@code major:}). */
    public QdiscSpec withHandle(TcHandle handle) {
        return new QdiscSpec(link, parent, Optional.of(handle), options, estimator);
    }

    /** The same with a rate estimator. */
    public QdiscSpec withEstimator(Estimator estimator) {
        return new QdiscSpec(link, parent, handle, options, Optional.of(estimator));
    }

    /** The same with {@code options} (a change of settings, or another kind to replace it with). */
    public QdiscSpec withOptions(QdiscOptions options) {
        return new QdiscSpec(link, parent, handle, options, estimator);
    }

    /** The kind, TCA_KIND. */
    public String kind() {
        return options.kind();
    }

    /**
     * Whether {@code q} is the qdisc this spec names: on its link (the record's index named by
     * {@code linkNames}), at its parent, of its kind, and with its handle when the spec sets one.
     */
    public boolean matches(Qdisc q, IntFunction<String> linkNames) {
        return link.equals(linkNames.apply(q.index())) && parent.equals(q.parent()) && kind().equals(q.kind())
                && (handle.isEmpty() || handle.get().equals(q.handle()));
    }
}
