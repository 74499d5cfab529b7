package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.support.Validate;

import java.util.List;

/**
 * One kind of ethtool setting that is read per device: link information, link state, rings
 * ({@link Ethtool#linkInfo()}, {@link Ethtool#linkState()}, {@link Ethtool#rings()}).
 *
 * {@snippet :
 * LinkInfo info = nl.genl().ethtool().linkInfo().get("veth0");   // ethtool veth0: Port, PHYAD, Transceiver
 * }
 *
 * @param <T> the record a reply becomes
 */
public final class EthtoolSettings<T> {
    private final Ethtool ethtool;
    private final int command;
    private final int headerFlags;
    private final Ethtool.Decoder<T> decoder;

    EthtoolSettings(Ethtool ethtool, int command, int headerFlags, Ethtool.Decoder<T> decoder) {
        this.ethtool = ethtool;
        this.command = command;
        this.headerFlags = headerFlags;
        this.decoder = decoder;
    }

    /**
     * The setting of device {@code link}: one request. NoSuchLinkException when there is no such device,
     * NotSupportedException when its driver does not report it.
     */
    public T get(String link) throws NetlinkException {
        Validate.ifName(link);
        GenlFamily f = ethtool.family(command);
        return Ethtool.one(ethtool.request(command, link, w -> EthtoolCodec.encodeGet(w, f, command, link, headerFlags), decoder),
                Ethtool.FAMILY + " command " + command + " on " + link);
    }

    /** The setting of every device of the namespace whose driver reports it: one dump. */
    public List<T> list() throws NetlinkException {
        return ethtool.dump(command, headerFlags, decoder);
    }

    @Override
    public String toString() {
        return "EthtoolSettings[command " + command + "]";
    }
}
