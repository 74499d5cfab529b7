package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Channels;
import io.github.netlink4j.genl.ethtool.ChannelsChange;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.internal.codec.genl.EthtoolReplies;
import io.github.netlink4j.support.Validate;

import java.util.List;

/**
 * A device's channels, as {@code ethtool -l} reads and {@code ethtool -L} changes them.
 *
 * {@snippet :
 * EthtoolChannels channels = nl.genl().ethtool().channels();
 * channels.set("veth0", ChannelsChange.empty().withRx(2).withTx(2));  // ethtool -L veth0 rx 2 tx 2
 * channels.get("veth0").rx();                                         // 2
 * }
 */
public final class EthtoolChannels {
    private final Ethtool ethtool;

    EthtoolChannels(Ethtool ethtool) {
        this.ethtool = ethtool;
    }

    /** The channels of device {@code link}; NoSuchLinkException when there is none. */
    public Channels get(String link) throws NetlinkException {
        Validate.ifName(link);
        GenlFamily f = ethtool.family(EthtoolCodec.CHANNELS_GET);
        return Ethtool.one(ethtool.request(EthtoolCodec.CHANNELS_GET, link,
                w -> EthtoolCodec.encodeGet(w, f, EthtoolCodec.CHANNELS_GET, link, 0), EthtoolReplies::channels), "ethtool channels-get on " + link);
    }

    /** The channels of every device of the namespace whose driver reports them. */
    public List<Channels> list() throws NetlinkException {
        return ethtool.dump(EthtoolCodec.CHANNELS_GET, 0, EthtoolReplies::channels);
    }

    /**
     * Sets the channel counts {@code change} names on device {@code link}. The kernel refuses a count above
     * the device's maximum (EINVAL, with its extended-ACK text and the attribute it points at).
     *
     * @throws IllegalArgumentException if {@code change} changes nothing
     */
    public void set(String link, ChannelsChange change) throws NetlinkException {
        Validate.ifName(link);
        if (change == null || change.isEmpty()) throw new IllegalArgumentException("no channel count to change");
        GenlFamily f = ethtool.family(EthtoolCodec.CHANNELS_SET);
        ethtool.request(EthtoolCodec.CHANNELS_SET, link, w -> EthtoolCodec.encodeChannelsSet(w, f, link, change), (s, off, len) -> null);
    }

    @Override
    public String toString() {
        return "EthtoolChannels[" + ethtool + "]";
    }
}
