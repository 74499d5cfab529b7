package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.LinkModes;
import io.github.netlink4j.genl.ethtool.LinkModesChange;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.internal.codec.genl.LinkModesCodec;
import io.github.netlink4j.support.Validate;

import java.util.List;

/**
 * A device's link modes and settings, as {@code ethtool DEV} prints them (speed, duplex, auto-negotiation,
 * supported, advertised and link partner modes) and {@code ethtool -s DEV speed N duplex D autoneg on|off
 * advertise …} changes them.
 *
 * {@snippet :
 * EthtoolLinkModes modes = nl.genl().ethtool().linkModes();
 * modes.get("veth0").speed();                                   // OptionalInt[10000]
 * modes.set("tap0", LinkModesChange.empty().withSpeed(1000).withDuplex(Duplex.HALF));   // ethtool -s tap0 speed 1000 duplex half
 * modes.set("eth0", LinkModesChange.empty().withAdvertising("1000baseT/Half", false)); // ethtool -s eth0 advertise 1000baseT/Half off
 * }
 *
 * <p>Round trips: one for {@code get} (its bitsets name their bits, as ethtool asks them) and for a
 * {@code set} of speed, duplex, lanes or auto-negotiation; a {@code set} that names advertised modes reads
 * the kernel's link mode names first (ETH_SS_LINK_MODES), to refuse a name it does not have before sending.
 * A driver without {@code set_link_ksettings} (veth) refuses every set: a NotSupportedException naming
 * ethtool's {@code linkmodes-set} and the device.
 */
public final class EthtoolLinkModes {
    private final Ethtool ethtool;

    EthtoolLinkModes(Ethtool ethtool) {
        this.ethtool = ethtool;
    }

    /** The link modes and settings of device {@code link}; NoSuchLinkException when there is none. */
    public LinkModes get(String link) throws NetlinkException {
        Validate.ifName(link);
        GenlFamily f = ethtool.family(LinkModesCodec.LINKMODES_GET);
        return Ethtool.one(ethtool.request(LinkModesCodec.LINKMODES_GET, link,
                w -> EthtoolCodec.encodeGet(w, f, LinkModesCodec.LINKMODES_GET, link, 0),
                (s, off, len) -> LinkModesCodec.linkModes(s, off, len, List.of())), "ethtool linkmodes-get on " + link);
    }

    /** The link modes and settings of every device of the namespace whose driver reports them: one dump. */
    public List<LinkModes> list() throws NetlinkException {
        return ethtool.dump(LinkModesCodec.LINKMODES_GET, 0, (s, off, len) -> LinkModesCodec.linkModes(s, off, len, List.of()));
    }

    /**
     * Changes what {@code change} names on device {@code link}, leaving the rest as it is. The kernel refuses a
     * device without the operation (NotSupportedException) and lanes or master/slave settings its driver cannot
     * take (EOPNOTSUPP with its extended-ACK text, also a NotSupportedException).
     *
     * @throws IllegalArgumentException if {@code change} changes nothing, or names a link mode the kernel does not have
     */
    public void set(String link, LinkModesChange change) throws NetlinkException {
        Validate.ifName(link);
        if (change == null || change.isEmpty()) throw new IllegalArgumentException("no link setting to change");
        boolean named = change.advertised().isPresent() || !change.advertisedChanges().isEmpty();
        List<String> names = named ? ethtool.stringSet(LinkModesCodec.ETH_SS_LINK_MODES) : List.of();
        LinkModesCodec.checkNames(change, names);
        GenlFamily f = ethtool.family(LinkModesCodec.LINKMODES_SET);
        ethtool.request(LinkModesCodec.LINKMODES_SET, link, w -> LinkModesCodec.encodeSet(w, f, link, change, names), (s, off, len) -> null);
    }

    @Override
    public String toString() {
        return "EthtoolLinkModes[" + ethtool + "]";
    }
}
