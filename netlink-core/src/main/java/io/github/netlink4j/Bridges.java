package io.github.netlink4j;

import io.github.netlink4j.bridge.BridgePortSettings;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.codec.BridgeCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

/**
 * Bridge settings beyond making a bridge and enslaving links ({@link Links}): what iproute2's
 * {@code bridge} command and {@code ip link set … type bridge|bridge_slave} change — port settings, VLAN
 * filtering and port VLANs (RTM_NEWLINK with IFLA_INFO_SLAVE_DATA, RTM_SETLINK/RTM_DELLINK of family
 * AF_BRIDGE with IFLA_AF_SPEC › IFLA_BRIDGE_VLAN_INFO).
 *
 * {@snippet :
 * nl.bridges().setVlanFiltering("br0", true);                    // ip link set br0 type bridge vlan_filtering 1
 * nl.bridges().addVlan("veth0", 100, true, true);                // bridge vlan add dev veth0 vid 100 pvid untagged
 * }
 */
public final class Bridges {
    private final RequestSocket socket;
    private final Links links;

    Bridges(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Changes port {@code port}'s bridge settings in one request (the link must be enslaved to a bridge). */
    public void setPort(String port, BridgePortSettings s) throws NetlinkException {
        int index = links.index(port);
        socket.request(w -> BridgeCodec.encodePortSettings(w, index, s), null, Target.onLink("set bridge port", "port " + port, port));
    }

    /** Turns VLAN filtering of bridge {@code bridge} on or off (IFLA_BR_VLAN_FILTERING). */
    public void setVlanFiltering(String bridge, boolean on) throws NetlinkException {
        int index = links.index(bridge);
        socket.request(w -> BridgeCodec.encodeVlanFiltering(w, index, on), null, Target.onLink("set vlan_filtering", "bridge " + bridge, bridge));
    }

    /**
     * Adds VLAN {@code vid} to port {@code port} ({@code bridge vlan add dev PORT vid VID [pvid] [untagged]}):
     * {@code pvid} makes it the VLAN of untagged frames coming in, {@code untagged} sends it out untagged.
     */
    public void addVlan(String port, int vid, boolean pvid, boolean untagged) throws NetlinkException {
        checkVid(vid);
        int index = links.index(port);
        socket.request(w -> BridgeCodec.encodeVlan(w, index, vid, pvid, untagged, false), null,
                Target.onLink("add bridge vlan", "vlan " + vid + " on " + port, port));
    }

    /** Removes VLAN {@code vid} from port {@code port} ({@code bridge vlan del dev PORT vid VID}). */
    public void deleteVlan(String port, int vid) throws NetlinkException {
        checkVid(vid);
        int index = links.index(port);
        socket.request(w -> BridgeCodec.encodeVlan(w, index, vid, false, false, true), null,
                Target.onLink("delete bridge vlan", "vlan " + vid + " on " + port, port));
    }

    private static void checkVid(int vid) {
        if (vid < 1 || vid > 4094) throw new IllegalArgumentException("VLAN id " + vid + " is out of 1..4094");
    }
}
