package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Features;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.internal.codec.genl.EthtoolReplies;
import io.github.netlink4j.support.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A device's offload features, as {@code ethtool -k} reads and {@code ethtool -K} changes them. The
 * feature names are the kernel's (its ETH_SS_FEATURES string set: {@code tx-checksum-ip-generic},
 * {@code rx-gro-list}, …), not ethtool's older aggregate names ({@code tx-checksumming}).
 *
 * {@snippet :
 * EthtoolFeatures features = nl.genl().ethtool().features();
 * boolean on = features.get("veth0").feature("rx-gro-list").orElseThrow().active();
 * Map<String, Boolean> changed = features.set("veth0", Map.of("tx-checksum-ip-generic", false));
 * // {tx-checksum-ip-generic=false, tx-tcp-segmentation=false, …}: what the kernel turned off with it
 * }
 *
 * <p>Round trips: two for each verb, the string set of feature names first (as ethtool asks it).
 */
public final class EthtoolFeatures {
    private final Ethtool ethtool;

    EthtoolFeatures(Ethtool ethtool) {
        this.ethtool = ethtool;
    }

    /** The features of device {@code link}; NoSuchLinkException when there is none. */
    public Features get(String link) throws NetlinkException {
        Validate.ifName(link);
        List<String> names = names();
        GenlFamily f = ethtool.family(EthtoolCodec.FEATURES_GET);
        return Ethtool.one(ethtool.request(EthtoolCodec.FEATURES_GET, link,
                        w -> EthtoolCodec.encodeGet(w, f, EthtoolCodec.FEATURES_GET, link, EthtoolCodec.COMPACT_BITSETS),
                        (s, off, len) -> EthtoolReplies.features(s, off, len, names)),
                "ethtool features-get on " + link);
    }

    /** The features of every device of the namespace. */
    public List<Features> list() throws NetlinkException {
        List<String> names = names();
        return ethtool.dump(EthtoolCodec.FEATURES_GET, EthtoolCodec.COMPACT_BITSETS, (s, off, len) -> EthtoolReplies.features(s, off, len, names));
    }

    /**
     * Asks for the features of {@code wanted} on (true) or off (false) on device {@code link}, and returns
     * what the kernel actually changed: every feature whose state changed, by name, with its new state, in
     * the kernel's order. That may be less than asked (a feature the driver cannot change, or one held by
     * another) or more (features that depend on one turned off go with it). Nothing changed: an empty map.
     *
     * @throws IllegalArgumentException if {@code wanted} is empty or names a feature the kernel does not
     *                                  have (before the change is sent)
     */
    public Map<String, Boolean> set(String link, Map<String, Boolean> wanted) throws NetlinkException {
        Validate.ifName(link);
        if (wanted == null || wanted.isEmpty()) throw new IllegalArgumentException("no feature to change");
        List<String> names = names();
        List<Map.Entry<String, Boolean>> changes = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : wanted.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) throw new IllegalArgumentException("a feature name or state is null: " + e);
            if (!names.contains(e.getKey())) throw new IllegalArgumentException("the kernel has no feature \"" + e.getKey() + "\"");
            changes.add(Map.entry(e.getKey(), e.getValue()));
        }
        changes.sort(Comparator.comparingInt(e -> names.indexOf(e.getKey()))); // one order for one request, whatever map is given
        GenlFamily f = ethtool.family(EthtoolCodec.FEATURES_SET);
        List<Map<String, Boolean>> replies = ethtool.request(EthtoolCodec.FEATURES_SET, link,
                w -> EthtoolCodec.encodeFeaturesSet(w, f, link, changes), (s, off, len) -> EthtoolReplies.featuresChanged(s, off, len, names));
        return replies.isEmpty() ? Map.of() : replies.get(0);
    }

    /** The kernel's names of the feature bits, by bit (ETH_SS_FEATURES). */
    private List<String> names() throws NetlinkException {
        return ethtool.stringSet(EthtoolCodec.ETH_SS_FEATURES);
    }

    @Override
    public String toString() {
        return "EthtoolFeatures[" + ethtool + "]";
    }
}
