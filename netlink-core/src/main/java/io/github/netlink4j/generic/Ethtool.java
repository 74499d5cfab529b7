package io.github.netlink4j.generic;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotSupportedException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.ethtool.Coalesce;
import io.github.netlink4j.genl.ethtool.Eee;
import io.github.netlink4j.genl.ethtool.LinkInfo;
import io.github.netlink4j.genl.ethtool.LinkState;
import io.github.netlink4j.genl.ethtool.Pause;
import io.github.netlink4j.genl.ethtool.Rings;
import io.github.netlink4j.internal.codec.genl.EthtoolCodec;
import io.github.netlink4j.internal.codec.genl.EthtoolEvents;
import io.github.netlink4j.internal.codec.genl.EthtoolParams;
import io.github.netlink4j.internal.codec.genl.EthtoolReplies;
import io.github.netlink4j.internal.codec.genl.GenlSpecs;
import io.github.netlink4j.internal.codec.genl.LinkModesCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * ethtool's generic netlink family (what {@code ethtool(8)} speaks): a device's link information, link
 * state, link modes and settings, offload features, channels and rings, pause, EEE and coalescing, each a handle with the verbs of the
 * package documentation.
 * From {@link GenericNetlink#ethtool()}; it shares that handle's socket and family cache.
 *
 * {@snippet :
 * Ethtool ethtool = nl.genl().ethtool();
 * LinkInfo info = ethtool.linkInfo().get("veth0");                      // ethtool veth0
 * Map<String, Boolean> changed = ethtool.features().set("veth0", Map.of("tx-checksum-ip-generic", false));
 * }
 *
 * <p>Errors: a device that does not exist is a {@link io.github.netlink4j.error.NoSuchLinkException};
 * a kernel without the ethtool family a {@link io.github.netlink4j.error.NoSuchFamilyException} naming it;
 * a kernel whose family lacks the operation a {@link io.github.netlink4j.error.NoSuchOperationException}
 * naming it; a device that does not support it a {@link NotSupportedException}.
 */
public final class Ethtool {
    static final String FAMILY = "ethtool";
    private final GenericNetlink genl;

    Ethtool(GenericNetlink genl) {
        this.genl = genl;
    }

    /** Link information: port, PHY address, transceiver (ETHTOOL_MSG_LINKINFO_GET). */
    public EthtoolSettings<LinkInfo> linkInfo() {
        return new EthtoolSettings<>(this, EthtoolCodec.LINKINFO_GET, 0, EthtoolReplies::linkInfo);
    }

    /** Link state: link detected, extended state (ETHTOOL_MSG_LINKSTATE_GET). */
    public EthtoolSettings<LinkState> linkState() {
        return new EthtoolSettings<>(this, EthtoolCodec.LINKSTATE_GET, 0, EthtoolReplies::linkState);
    }

    /** Ring sizes (ETHTOOL_MSG_RINGS_GET). */
    public EthtoolSettings<Rings> rings() {
        return new EthtoolSettings<>(this, EthtoolCodec.RINGS_GET, 0, EthtoolReplies::rings);
    }

    /** Pause frame settings (ETHTOOL_MSG_PAUSE_GET, {@code ethtool -a}). */
    public EthtoolSettings<Pause> pause() {
        return new EthtoolSettings<>(this, EthtoolParams.PAUSE_GET, 0, EthtoolParams::pause);
    }

    /** Energy-Efficient Ethernet settings (ETHTOOL_MSG_EEE_GET, {@code ethtool --show-eee}). */
    public EthtoolSettings<Eee> eee() {
        return new EthtoolSettings<>(this, EthtoolParams.EEE_GET, 0, EthtoolParams::eee);
    }

    /** Interrupt coalescing parameters (ETHTOOL_MSG_COALESCE_GET, {@code ethtool -c}). */
    public EthtoolSettings<Coalesce> coalesce() {
        return new EthtoolSettings<>(this, EthtoolParams.COALESCE_GET, 0, EthtoolParams::coalesce);
    }

    /** Link modes and settings: speed, duplex, auto-negotiation, advertised modes, read and changed (ETHTOOL_MSG_LINKMODES_GET and _SET). */
    public EthtoolLinkModes linkModes() {
        return new EthtoolLinkModes(this);
    }

    /** Offload features, read and changed (ETHTOOL_MSG_FEATURES_GET and _SET). */
    public EthtoolFeatures features() {
        return new EthtoolFeatures(this);
    }

    /** Channels, read and changed (ETHTOOL_MSG_CHANNELS_GET and _SET). */
    public EthtoolChannels channels() {
        return new EthtoolChannels(this);
    }

    /** Standard statistics over netlink: IEEE 802.3 and RMON groups (ETHTOOL_MSG_STATS_GET, {@code ethtool -S DEV --all-groups}). */
    public EthtoolStandardStats standardStats() {
        return new EthtoolStandardStats(this);
    }

    /** The driver's own statistics, through the ethtool ioctl ({@code ethtool -S DEV}). */
    public EthtoolDriverStats driverStats() {
        return new EthtoolDriverStats(this);
    }

    /**
     * ethtool's notifications of the namespace from now on (the {@code monitor} group, {@code ethtool --monitor}),
     * on a socket of their own; close the listener. The feature and link mode names are read once, here, to name
     * the bits of ETHTOOL_MSG_FEATURES_NTF and ETHTOOL_MSG_LINKMODES_NTF.
     */
    public EthtoolListener subscribe() throws java.io.IOException {
        GenlFamily f = genl.get(FAMILY);
        int group = f.multicastGroup(EthtoolEvents.GROUP).map(io.github.netlink4j.genl.GenlMulticastGroup::id)
                .orElseThrow(() -> new io.github.netlink4j.error.NoSuchOperationException(FAMILY, "multicast group " + EthtoolEvents.GROUP));
        List<String> names = stringSet(EthtoolCodec.ETH_SS_FEATURES);
        List<String> modes = stringSet(LinkModesCodec.ETH_SS_LINK_MODES);
        io.github.netlink4j.internal.transport.EventSocket events = genl.openEvents(io.github.netlink4j.internal.transport.Bus.GENERIC);
        try {
            events.joinGroup(group);
            return new EthtoolListener(events, f.id(), names, modes);
        } catch (java.io.IOException | RuntimeException e) {
            events.close();
            throw e;
        }
    }

    /** The kernel's string set {@code set} (ETHTOOL_MSG_STRSET_GET without a device), by index. */
    List<String> stringSet(int set) throws NetlinkException {
        GenlFamily f = family(EthtoolCodec.STRSET_GET);
        return one(request(EthtoolCodec.STRSET_GET, null, w -> EthtoolCodec.encodeStringSet(w, f, set), EthtoolReplies::stringSet),
                FAMILY + " strset-get of string set " + set);
    }

    /** The ethtool ioctl on device {@code link} in this handle's namespace (see {@code SocketFactory.ethtoolIoctl}). */
    byte[] ioctl(String link, byte[] data, String what) throws java.io.IOException {
        return genl.sockets().ethtoolIoctl(link, data, what);
    }

    /** The family, resolved once per socket; NoSuchFamilyException when the kernel has none. */
    GenlFamily family(int command) throws NetlinkException {
        GenlFamily f = genl.get(FAMILY);
        GenericNetlink.checkOperation(f, command);
        return f;
    }

    RequestSocket socket() {
        return genl.socket();
    }

    /** Sends the request {@code enc} writes for device {@code link} and collects the replies {@code dec} decodes. */
    <T> List<T> request(int command, String link, RequestSocket.Encoder enc, Decoder<T> dec) throws NetlinkException {
        List<T> out = new ArrayList<>();
        String what = FAMILY + " " + GenlSpecs.commandName(FAMILY, command);
        try {
            socket().request(enc, (s, off, len) -> out.add(dec.decode(s, off, len)), link == null ? Target.of(what, FAMILY) : Target.onLink(what, "device \"" + link + "\"", link));
        } catch (KernelException e) {
            if (e.errno() == Errno.EOPNOTSUPP) throw new NotSupportedException(e, what + (link == null ? "" : " on " + link));
            throw e;
        }
        return out;
    }

    /** Dumps {@code command} over every device and collects what {@code dec} decodes. */
    <T> List<T> dump(int command, int headerFlags, Decoder<T> dec) throws NetlinkException {
        GenlFamily f = family(command);
        return dump(command, w -> EthtoolCodec.encodeDump(w, f, command, headerFlags), dec);
    }

    /** Dumps {@code command} with the request {@code enc} writes and collects what {@code dec} decodes. */
    <T> List<T> dump(int command, RequestSocket.Encoder enc, Decoder<T> dec) throws NetlinkException {
        GenlFamily f = family(command);
        List<T> out = new ArrayList<>();
        socket().dump(enc, f.id(), (s, off, len) -> out.add(dec.decode(s, off, len)), out::clear, FAMILY + " " + GenlSpecs.commandName(FAMILY, command));
        return List.copyOf(out);
    }

    /** Decodes one reply message. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(java.lang.foreign.MemorySegment s, long off, int len) throws io.github.netlink4j.error.ProtocolException;
    }

    /** The one reply of a get, or a ProtocolException when the kernel answered with none. */
    static <T> T one(List<T> replies, String what) throws NetlinkException {
        if (replies.size() != 1) throw new io.github.netlink4j.error.ProtocolException(what + ": " + replies.size() + " replies, expected 1");
        return replies.get(0);
    }

    @Override
    public String toString() {
        return "Ethtool[" + genl + "]";
    }
}
