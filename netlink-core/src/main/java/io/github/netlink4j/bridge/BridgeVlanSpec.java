package io.github.netlink4j.bridge;

import io.github.netlink4j.support.Validate;

/**
 * A VLAN to add to or delete from a bridge port ({@code bridge vlan add|del dev PORT vid VID [pvid]
 * [untagged]}). The bridge must filter VLANs ({@link io.github.netlink4j.Bridges#setVlanFiltering}).
 *
 * {@snippet :
 * nl.bridges().addVlan(BridgeVlanSpec.of("veth0", 100).withPvid(true).withUntagged(true));
 * }
 *
 * @param port     the port's link name
 * @param vid      the VLAN id, 1..4094
 * @param pvid     untagged frames coming in belong to this VLAN
 * @param untagged frames of this VLAN leave untagged
 */
public record BridgeVlanSpec(String port, int vid, boolean pvid, boolean untagged) {
    /** Checks the name and the VLAN id. */
    public BridgeVlanSpec {
        Validate.ifName(port);
        if (vid < 1 || vid > 4094) throw new IllegalArgumentException("VLAN id " + vid + " is out of 1..4094");
    }

    /** VLAN {@code vid} on {@code port}, tagged both ways. */
    public static BridgeVlanSpec of(String port, int vid) {
        return new BridgeVlanSpec(port, vid, false, false);
    }

    /** A copy that is (or is not) the port's VLAN for untagged frames coming in. */
    public BridgeVlanSpec withPvid(boolean on) {
        return new BridgeVlanSpec(port, vid, on, untagged);
    }

    /** A copy whose frames leave untagged (or tagged). */
    public BridgeVlanSpec withUntagged(boolean on) {
        return new BridgeVlanSpec(port, vid, pvid, on);
    }

    /** Whether {@code v} is this VLAN on this port with these flags. */
    public boolean matches(BridgeVlan v) {
        return v.port().equals(port) && v.vid() == vid && v.pvid() == pvid && v.untagged() == untagged;
    }
}
