package io.github.netlink4j.bridge;

/**
 * A VLAN of a bridge port, or of the bridge itself, as an AF_BRIDGE RTM_GETLINK dump with
 * RTEXT_FILTER_BRVLAN reports it (what {@code bridge -j vlan show} prints, one entry per VLAN id).
 *
 * @param port     IFLA_IFNAME, the port's (or the bridge's) link name
 * @param index    its link index
 * @param vid      the VLAN id (1..4094)
 * @param pvid     BRIDGE_VLAN_INFO_PVID: untagged frames coming in belong to this VLAN
 * @param untagged BRIDGE_VLAN_INFO_UNTAGGED: frames of this VLAN leave untagged
 */
public record BridgeVlan(String port, int index, int vid, boolean pvid, boolean untagged) {
    /** The spec that adds this VLAN again. */
    public BridgeVlanSpec toSpec() {
        return new BridgeVlanSpec(port, vid, pvid, untagged);
    }
}
