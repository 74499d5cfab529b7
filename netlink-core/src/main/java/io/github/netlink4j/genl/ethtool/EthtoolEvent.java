package io.github.netlink4j.genl.ethtool;

import java.util.Objects;

/**
 * A notification of ethtool's {@code monitor} group (what {@code ethtool --monitor} prints): a device's
 * settings changed, with the settings as the get of the same object reports them (the kernel fills an
 * ETHTOOL_MSG_*_NTF as it fills the get's reply). A message id this library does not know is {@link Other}.
 */
public sealed interface EthtoolEvent {
    /** The device's name, from the notification's header (ETHTOOL_A_HEADER_DEV_NAME); empty for {@link Other}. */
    String link();

    /** The device's interface index, from the header (ETHTOOL_A_HEADER_DEV_INDEX); 0 for {@link Other}. */
    int index();

    /** ETHTOOL_MSG_LINKINFO_NTF: port, PHY address, transceiver, MDI-X. */
    record LinkInfoChanged(LinkInfo linkInfo) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public LinkInfoChanged { Objects.requireNonNull(linkInfo); }
        @Override public String link() { return linkInfo.link(); }
        @Override public int index() { return linkInfo.index(); }
    }

    /** ETHTOOL_MSG_LINKMODES_NTF: speed, duplex, auto-negotiation or advertised modes, as they are after the change. */
    record LinkModesChanged(LinkModes linkModes) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public LinkModesChanged { Objects.requireNonNull(linkModes); }
        @Override public String link() { return linkModes.link(); }
        @Override public int index() { return linkModes.index(); }
    }

    /** ETHTOOL_MSG_FEATURES_NTF: the offload features after the change (wanted and active among them). */
    record FeaturesChanged(Features features) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public FeaturesChanged { Objects.requireNonNull(features); }
        @Override public String link() { return features.link(); }
        @Override public int index() { return features.index(); }
    }

    /** ETHTOOL_MSG_RINGS_NTF: ring sizes. */
    record RingsChanged(Rings rings) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public RingsChanged { Objects.requireNonNull(rings); }
        @Override public String link() { return rings.link(); }
        @Override public int index() { return rings.index(); }
    }

    /** ETHTOOL_MSG_CHANNELS_NTF: channel counts. */
    record ChannelsChanged(Channels channels) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public ChannelsChanged { Objects.requireNonNull(channels); }
        @Override public String link() { return channels.link(); }
        @Override public int index() { return channels.index(); }
    }

    /** ETHTOOL_MSG_COALESCE_NTF: interrupt coalescing parameters. */
    record CoalesceChanged(Coalesce coalesce) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public CoalesceChanged { Objects.requireNonNull(coalesce); }
        @Override public String link() { return coalesce.link(); }
        @Override public int index() { return coalesce.index(); }
    }

    /** ETHTOOL_MSG_PAUSE_NTF: pause frame settings. */
    record PauseChanged(Pause pause) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public PauseChanged { Objects.requireNonNull(pause); }
        @Override public String link() { return pause.link(); }
        @Override public int index() { return pause.index(); }
    }

    /** ETHTOOL_MSG_EEE_NTF: Energy-Efficient Ethernet settings. */
    record EeeChanged(Eee eee) implements EthtoolEvent {
        /** Checks that nothing is null. */
        public EeeChanged { Objects.requireNonNull(eee); }
        @Override public String link() { return eee.link(); }
        @Override public int index() { return eee.index(); }
    }

    /**
     * Any other notification (debug, WoL, private flags, cable test, FEC, module, … or one of a newer kernel),
     * by its genlmsghdr command, kernel-to-user numbering of linux/ethtool_netlink.h.
     *
     * @param command the ETHTOOL_MSG_*_NTF number
     */
    record Other(int command) implements EthtoolEvent {
        @Override public String link() { return ""; }
        @Override public int index() { return 0; }
    }
}
