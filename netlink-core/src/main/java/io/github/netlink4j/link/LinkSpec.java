package io.github.netlink4j.link;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.NamespaceHandle;
import io.github.netlink4j.support.Validate;


import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A link to create: what {@code ip link add NAME type KIND ...} says (RTM_NEWLINK with
 * {@code IFLA_IFNAME} and {@code IFLA_LINKINFO}). One record per kind, each validated when made; every
 * factory takes the new link's name first. Specs are values: equal when of the same kind with equal
 * components.
 *
 * {@snippet :
 * LinkSpec pair = LinkSpec.veth("veth0", "veth1");               // ip link add veth0 type veth peer name veth1
 * LinkSpec br = LinkSpec.bridge("br0").withOptions(LinkOptions.DEFAULTS.withUp(true));
 * LinkSpec any = LinkSpec.of("wg0", "wireguard");                 // ip link add wg0 type wireguard
 * }
 */
public sealed interface LinkSpec {
    /** The new link's name (IFLA_IFNAME). */
    String name();

    /** The kind (IFLA_INFO_KIND), such as {@code "veth"}. */
    String kind();

    /** Options common to every kind. */
    LinkOptions options();

    /** A copy with other options. */
    LinkSpec withOptions(LinkOptions options);

    /**
     * Whether {@code link} is the link this spec names, by the family's key: the name and the kind (a
     * link's name is unique in its namespace; the kind tells a veth from a bridge of the same name).
     * Nothing else is compared: the options and kind data are what a change would set, not who the link is.
     */
    default boolean matches(Link link) {
        return link.name().equals(name()) && link.kind().filter(kind()::equals).isPresent();
    }

    /** A link of any other kind, by its IFLA_INFO_KIND name, with no kind-specific data. */
    static Generic of(String name, String kind) {
        return new Generic(name, kind, LinkOptions.DEFAULTS);
    }

    /** A veth pair; the peer is made in the same namespace. */
    static Veth veth(String name, String peerName) {
        return new Veth(name, peerName, Optional.empty(), LinkOptions.DEFAULTS);
    }

    /** A Linux bridge. */
    static Bridge bridge(String name) {
        return new Bridge(name, LinkOptions.DEFAULTS);
    }

    /** An ifb link. */
    static Ifb ifb(String name) {
        return new Ifb(name, LinkOptions.DEFAULTS);
    }

    /** A dummy link. */
    static Dummy dummy(String name) {
        return new Dummy(name, LinkOptions.DEFAULTS);
    }

    /** A macvlan on {@code parent} in {@code mode}. */
    static Macvlan macvlan(String name, String parent, MacvlanMode mode) {
        return new Macvlan(name, parent, mode, false, LinkOptions.DEFAULTS);
    }

    /** A macvtap on {@code parent} in {@code mode}. */
    static Macvlan macvtap(String name, String parent, MacvlanMode mode) {
        return new Macvlan(name, parent, mode, true, LinkOptions.DEFAULTS);
    }

    /** An 802.1Q VLAN {@code id} on {@code parent}. */
    static Vlan vlan(String name, String parent, int id) {
        return new Vlan(name, parent, id, VlanProtocol.IEEE_8021Q, LinkOptions.DEFAULTS);
    }

    /** An ipvlan on {@code parent} in {@code mode}. */
    static Ipvlan ipvlan(String name, String parent, IpvlanMode mode) {
        return new Ipvlan(name, parent, mode, LinkOptions.DEFAULTS);
    }

    /** A bond in {@code mode}. */
    static Bond bond(String name, BondMode mode) {
        return new Bond(name, mode, LinkOptions.DEFAULTS);
    }

    /** A VXLAN with network identifier {@code vni}. */
    static Vxlan vxlan(String name, int vni) {
        return new Vxlan(name, vni, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), LinkOptions.DEFAULTS);
    }

    /**
     * A veth pair ({@code VETH_INFO_PEER}). With a peer namespace, the peer is created directly inside
     * it ({@code ip link add A type veth peer name B netns NS}), which saves a move; the handle must
     * stay open until the link is made.
     *
     * @param name          the first end's name
     * @param peerName      the peer's name
     * @param peerNamespace where the peer is created; empty for the same namespace
     * @param options       options of the first end
     */
    record Veth(String name, String peerName, Optional<NamespaceHandle> peerNamespace, LinkOptions options) implements LinkSpec {
        /** Validates the names. */
        public Veth {
            Validate.ifName(name);
            Validate.ifName(peerName);
            Objects.requireNonNull(peerNamespace);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "veth";
        }

        @Override
        public Veth withOptions(LinkOptions o) {
            return new Veth(name, peerName, peerNamespace, o);
        }

        /** The same pair with the peer created inside {@code ns}. */
        public Veth withPeerNamespace(NamespaceHandle ns) {
            return new Veth(name, peerName, Optional.of(ns), options);
        }
    }

    /**
     * A Linux bridge.
     *
     * @param name    the name
     * @param options common options
     */
    record Bridge(String name, LinkOptions options) implements LinkSpec {
        /** Validates the name. */
        public Bridge {
            Validate.ifName(name);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "bridge";
        }

        @Override
        public Bridge withOptions(LinkOptions o) {
            return new Bridge(name, o);
        }
    }

    /**
     * An intermediate functional block device: a plain link on kernels without dummy.
     *
     * @param name    the name
     * @param options common options
     */
    record Ifb(String name, LinkOptions options) implements LinkSpec {
        /** Validates the name. */
        public Ifb {
            Validate.ifName(name);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "ifb";
        }

        @Override
        public Ifb withOptions(LinkOptions o) {
            return new Ifb(name, o);
        }
    }

    /**
     * A dummy link.
     *
     * @param name    the name
     * @param options common options
     */
    record Dummy(String name, LinkOptions options) implements LinkSpec {
        /** Validates the name. */
        public Dummy {
            Validate.ifName(name);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "dummy";
        }

        @Override
        public Dummy withOptions(LinkOptions o) {
            return new Dummy(name, o);
        }
    }

    /**
     * macvlan, or macvtap when {@code tap}, on top of {@code parent} (IFLA_LINK, IFLA_MACVLAN_MODE).
     *
     * @param name    the name
     * @param parent  the lower link's name
     * @param mode    the mode
     * @param tap     true for macvtap
     * @param options common options
     */
    record Macvlan(String name, String parent, MacvlanMode mode, boolean tap, LinkOptions options) implements LinkSpec {
        /** Validates the names. */
        public Macvlan {
            Validate.ifName(name);
            Validate.ifName(parent);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return tap ? "macvtap" : "macvlan";
        }

        @Override
        public Macvlan withOptions(LinkOptions o) {
            return new Macvlan(name, parent, mode, tap, o);
        }
    }

    /**
     * An 802.1Q or 802.1ad VLAN on {@code parent} (IFLA_LINK, IFLA_VLAN_ID, IFLA_VLAN_PROTOCOL).
     *
     * @param name     the name
     * @param parent   the lower link's name
     * @param id       the VLAN id, 0 to 4094
     * @param protocol the tag protocol
     * @param options  common options
     */
    record Vlan(String name, String parent, int id, VlanProtocol protocol, LinkOptions options) implements LinkSpec {
        /** Validates the names and the id. */
        public Vlan {
            Validate.ifName(name);
            Validate.ifName(parent);
            if (id < 0 || id > 4094) throw new IllegalArgumentException("VLAN id " + id + " is out of range (0 to 4094)");
            Objects.requireNonNull(protocol);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "vlan";
        }

        @Override
        public Vlan withOptions(LinkOptions o) {
            return new Vlan(name, parent, id, protocol, o);
        }

        /** A copy with {@code protocol} set. */
        public Vlan withProtocol(VlanProtocol p) {
            return new Vlan(name, parent, id, p, options);
        }
    }

    /**
     * ipvlan on {@code parent} (IFLA_LINK, IFLA_IPVLAN_MODE).
     *
     * @param name    the name
     * @param parent  the lower link's name
     * @param mode    the mode
     * @param options common options
     */
    record Ipvlan(String name, String parent, IpvlanMode mode, LinkOptions options) implements LinkSpec {
        /** Validates the names. */
        public Ipvlan {
            Validate.ifName(name);
            Validate.ifName(parent);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "ipvlan";
        }

        @Override
        public Ipvlan withOptions(LinkOptions o) {
            return new Ipvlan(name, parent, mode, o);
        }
    }

    /**
     * A bond (IFLA_BOND_MODE).
     *
     * @param name    the name
     * @param mode    the bonding mode
     * @param options common options
     */
    record Bond(String name, BondMode mode, LinkOptions options) implements LinkSpec {
        /** Validates the name. */
        public Bond {
            Validate.ifName(name);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "bond";
        }

        @Override
        public Bond withOptions(LinkOptions o) {
            return new Bond(name, mode, o);
        }
    }

    /**
     * Any kind by name (the kernel decides whether it knows it), with no IFLA_INFO_DATA.
     *
     * @param name    the name
     * @param kind    the IFLA_INFO_KIND, 1 to 32 printable ASCII characters
     * @param options common options
     */
    record Generic(String name, String kind, LinkOptions options) implements LinkSpec {
        /** Validates the name and the kind. */
        public Generic {
            Validate.ifName(name);
            if (kind == null || kind.isEmpty() || kind.length() > 32 || !kind.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new IllegalArgumentException("invalid link kind \"" + kind + "\"");
            }
            Objects.requireNonNull(options);
        }

        @Override
        public Generic withOptions(LinkOptions o) {
            return new Generic(name, kind, o);
        }
    }

    /**
     * A VXLAN ({@code IFLA_VXLAN_*}).
     *
     * @param name     the name
     * @param vni      the network identifier, 0 to 2^24-1
     * @param port     the UDP destination port; the kernel's default if empty
     * @param local    the local address
     * @param remote   the remote (unicast) or group (multicast) address
     * @param underlay the underlay device's name
     * @param options  common options
     */
    record Vxlan(String name, int vni, OptionalInt port, Optional<InetAddress> local, Optional<InetAddress> remote,
                 Optional<String> underlay, LinkOptions options) implements LinkSpec {
        /** Validates the name, the identifier, the port and the addresses' family. */
        public Vxlan {
            Validate.ifName(name);
            if (vni < 0 || vni > 0xFFFFFF) throw new IllegalArgumentException("VXLAN id " + vni + " is out of range (0 to 16777215)");
            if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) throw new IllegalArgumentException("port " + port.getAsInt() + " is out of range (0 to 65535)");
            underlay.ifPresent(Validate::ifName);
            if (local.isPresent() && remote.isPresent() && AddressFamily.of(local.get()) != AddressFamily.of(remote.get())) {
                throw new IllegalArgumentException("VXLAN local and remote must be of one address family");
            }
            Objects.requireNonNull(options);
        }

        @Override
        public String kind() {
            return "vxlan";
        }

        @Override
        public Vxlan withOptions(LinkOptions o) {
            return new Vxlan(name, vni, port, local, remote, underlay, o);
        }

        /** A copy with {@code port} set. */
        public Vxlan withPort(int p) {
            return new Vxlan(name, vni, OptionalInt.of(p), local, remote, underlay, options);
        }

        /** A copy with {@code local} set. */
        public Vxlan withLocal(InetAddress a) {
            return new Vxlan(name, vni, port, Optional.of(a), remote, underlay, options);
        }

        /** The remote endpoint; a multicast address makes it the group (IFLA_VXLAN_GROUP either way). */
        public Vxlan withRemote(InetAddress a) {
            return new Vxlan(name, vni, port, local, Optional.of(a), underlay, options);
        }

        /** A copy with {@code underlay} set. */
        public Vxlan withUnderlay(String dev) {
            return new Vxlan(name, vni, port, local, remote, Optional.of(dev), options);
        }
    }
}
