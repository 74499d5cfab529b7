package io.github.netlink4j.tc;

import io.github.netlink4j.support.Validate;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A class to add, replace or change (RTM_NEWTCLASS), what {@code tc class add dev LINK parent P classid C
 * [estimator I T] KIND OPTIONS} takes.
 *
 * {@snippet :
 * nl.trafficClasses().add(TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("1:10"),
 *         ClassOptions.htb(Rate.of("1mbit")).withCeil(Rate.of("2mbit"))));   // tc class add dev veth0 parent 1: classid 1:10 htb rate 1mbit ceil 2mbit
 * }
 *
 * @param link      the link, by name
 * @param parent    the qdisc ({@code 1:}) or class ({@code 1:1}) above it, or {@link TcHandle#ROOT}
 * @param classid   the class's id, {@code major:minor}, its major that of its qdisc
 * @param options   the kind (its qdisc's) and options
 * @param estimator a rate estimator to run on it (TCA_RATE)
 */
public record TrafficClassSpec(String link, TcHandle parent, TcHandle classid, ClassOptions options, Optional<Estimator> estimator) {
    /** Checks the parts: a class id, a parent, and the one major they share. */
    public TrafficClassSpec {
        Validate.ifName(link);
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(classid, "classid");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(estimator, "estimator");
        if (classid.equals(TcHandle.UNSPEC) || classid.equals(TcHandle.ROOT)) throw new IllegalArgumentException("a class needs a class id, not " + classid);
        if (parent.equals(TcHandle.UNSPEC)) throw new IllegalArgumentException("a class needs a parent: its qdisc, a class or root");
        if (!parent.equals(TcHandle.ROOT) && parent.major() != 0 && classid.major() != 0 && parent.major() != classid.major()) {
            throw new IllegalArgumentException("class " + classid + " cannot be under " + parent + ": a class's major is its qdisc's");
        }
    }

    /** {@code tc class add dev LINK parent PARENT classid CLASSID KIND …}. */
    public static TrafficClassSpec of(String link, TcHandle parent, TcHandle classid, ClassOptions options) {
        return new TrafficClassSpec(link, parent, classid, options, Optional.empty());
    }

    /** The same with a rate estimator. */
    public TrafficClassSpec withEstimator(Estimator estimator) {
        return new TrafficClassSpec(link, parent, classid, options, Optional.of(estimator));
    }

    /** The same with {@code options}. */
    public TrafficClassSpec withOptions(ClassOptions options) {
        return new TrafficClassSpec(link, parent, classid, options, estimator);
    }

    /** The kind, TCA_KIND. */
    public String kind() {
        return options.kind();
    }

    /** Whether {@code c} is the class this spec names: on its link (the index named by {@code linkNames}), with its id and kind. */
    public boolean matches(TrafficClass c, IntFunction<String> linkNames) {
        return link.equals(linkNames.apply(c.index())) && classid.equals(c.handle()) && kind().equals(c.kind());
    }
}
