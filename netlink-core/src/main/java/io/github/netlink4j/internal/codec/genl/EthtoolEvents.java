package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.genl.ethtool.EthtoolEvent;
import io.github.netlink4j.internal.wire.Nlmsg;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * ethtool's notifications (group {@code monitor}) decoded into {@link EthtoolEvent}: the genlmsghdr command is
 * the ETHTOOL_MSG_*_NTF id, the attributes those of the get's reply of the same object, so the get's decoders
 * read them.
 */
public final class EthtoolEvents {
    private EthtoolEvents() {}

    /** The multicast group of the notifications (ETHTOOL_MCGRP_MONITOR_NAME). */
    public static final String GROUP = "monitor";
    private static final int MAX_MESSAGES = 4096;

    /**
     * The notifications of family {@code familyId} in the datagram {@code [0, n)} of {@code s}, feature bits
     * named by {@code featureNames} (ETH_SS_FEATURES), link mode bits by {@code linkModeNames} (ETH_SS_LINK_MODES);
     * other messages are skipped.
     */
    public static List<EthtoolEvent> decodeAll(MemorySegment s, int n, int familyId, List<String> featureNames, List<String> linkModeNames)
            throws ProtocolException {
        List<EthtoolEvent> out = new ArrayList<>();
        long off = 0;
        for (int i = 0; i < MAX_MESSAGES && off + Nlmsg.HDRLEN <= n; i++) {
            int len = Nlmsg.len(s, off);
            if (len < Nlmsg.HDRLEN || off + len > n) throw new ProtocolException("netlink message of " + len + " bytes at offset " + off + " of a " + n + "-byte datagram");
            if (Nlmsg.type(s, off) == familyId) out.add(decode(s, off, len, featureNames, linkModeNames));
            off += Nlmsg.align(len);
        }
        return out;
    }

    /** The notification at {@code off}. */
    public static EthtoolEvent decode(MemorySegment s, long off, int len, List<String> featureNames, List<String> linkModeNames)
            throws ProtocolException {
        if (len < Nlmsg.HDRLEN + GenlCodec.GENL_HDRLEN) throw new ProtocolException("ethtool notification of " + len + " bytes has no genlmsghdr");
        int cmd = Nlmsg.u8(s, off + Nlmsg.HDRLEN);
        return switch (cmd) {
            case ETHTOOL_MSG_LINKINFO_NTF -> new EthtoolEvent.LinkInfoChanged(EthtoolReplies.linkInfo(s, off, len, cmd, "ETHTOOL_MSG_LINKINFO_NTF"));
            case ETHTOOL_MSG_LINKMODES_NTF -> new EthtoolEvent.LinkModesChanged(
                    LinkModesCodec.linkModes(s, off, len, linkModeNames, cmd, "ETHTOOL_MSG_LINKMODES_NTF"));
            case ETHTOOL_MSG_FEATURES_NTF -> new EthtoolEvent.FeaturesChanged(EthtoolReplies.features(s, off, len, featureNames, cmd, "ETHTOOL_MSG_FEATURES_NTF"));
            case ETHTOOL_MSG_RINGS_NTF -> new EthtoolEvent.RingsChanged(EthtoolReplies.rings(s, off, len, cmd, "ETHTOOL_MSG_RINGS_NTF"));
            case ETHTOOL_MSG_CHANNELS_NTF -> new EthtoolEvent.ChannelsChanged(EthtoolReplies.channels(s, off, len, cmd, "ETHTOOL_MSG_CHANNELS_NTF"));
            case ETHTOOL_MSG_COALESCE_NTF -> new EthtoolEvent.CoalesceChanged(EthtoolParams.coalesce(s, off, len, cmd, "ETHTOOL_MSG_COALESCE_NTF"));
            case ETHTOOL_MSG_PAUSE_NTF -> new EthtoolEvent.PauseChanged(EthtoolParams.pause(s, off, len, cmd, "ETHTOOL_MSG_PAUSE_NTF"));
            case ETHTOOL_MSG_EEE_NTF -> new EthtoolEvent.EeeChanged(EthtoolParams.eee(s, off, len, cmd, "ETHTOOL_MSG_EEE_NTF"));
            default -> new EthtoolEvent.Other(cmd);
        };
    }

}
