package io.github.netlink4j;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A link to create: its kind, its name, its kind's settings and the {@link LinkOptions} every kind
 * takes. What {@code ip link add NAME type KIND ...} says. Names are checked when a spec is made.
 *
 * {@snippet :
 * LinkSpec pair = LinkSpec.veth("veth0", "veth1");               // ip link add veth0 type veth peer name veth1
 * LinkSpec br = LinkSpec.bridge("br0").withOptions(LinkOptions.DEFAULTS.withUp(true));
 * }
 */
public sealed interface LinkSpec {
    /** The new link's name (IFLA_IFNAME). */
    String name();

    /** The kind (IFLA_INFO_KIND). */
    String kind();

    /** Options common to every kind. */
    LinkOptions options();

    /** A copy with other options. */
    LinkSpec withOptions(LinkOptions options);

    /** A link of any other kind, by its IFLA_INFO_KIND name, with no kind-specific data. */
    static Generic of(String kind, String name) {
        return new Generic(name, kind, LinkOptions.DEFAULTS);
    }

    /** A veth pair; the peer is made in the same namespace. */
    static Veth veth(String name, String peerName) {
        return new Veth(name, peerName, Optional.empty(), LinkOptions.DEFAULTS);
    }

    /** A Linux bridge named {@code name}. */
    static Bridge bridge(String name) {
        return new Bridge(name, LinkOptions.DEFAULTS);
    }

    /** An ifb link named {@code name}. */
    static Ifb ifb(String name) {
        return new Ifb(name, LinkOptions.DEFAULTS);
    }

    /** A dummy link named {@code name}. */
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
        return new Vlan(name, parent, id, Vlan.PROTOCOL_8021Q, LinkOptions.DEFAULTS);
    }

    /** An ipvlan on {@code parent} in {@code mode}. */
    static Ipvlan ipvlan(String name, String parent, IpvlanMode mode) {
        return new Ipvlan(name, parent, mode, LinkOptions.DEFAULTS);
    }

    /** A bond in {@code mode} (0 balance-rr … 6 balance-alb). */
    static Bond bond(String name, int mode) {
        return new Bond(name, mode, LinkOptions.DEFAULTS);
    }

    /** A VXLAN with network identifier {@code vni}. */
    static Vxlan vxlan(String name, int vni) {
        return new Vxlan(name, vni, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), LinkOptions.DEFAULTS);
    }

    /**
     * A veth pair ({@code VETH_INFO_PEER}). With a peer namespace, the peer is created directly inside
     * it ({@code ip link add A type veth peer name B netns NS}), which saves a move.
     */
    record Veth(String name, String peerName, Optional<NetNamespace> peerNamespace, LinkOptions options) implements LinkSpec {
        public Veth {
            Validate.ifName(name);
            Validate.ifName(peerName);
            Objects.requireNonNull(peerNamespace);
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "veth";
        }

        /** A copy with {@code options} set. */
        public Veth withOptions(LinkOptions o) {
            return new Veth(name, peerName, peerNamespace, o);
        }

        /** The same pair with the peer created inside {@code ns} (the handle must stay open until created). */
        public Veth withPeerNamespace(NetNamespace ns) {
            return new Veth(name, peerName, Optional.of(ns), options);
        }
    }

    /** A Linux bridge. */
    record Bridge(String name, LinkOptions options) implements LinkSpec {
        public Bridge {
            Validate.ifName(name);
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "bridge";
        }

        /** A copy with {@code options} set. */
        public Bridge withOptions(LinkOptions o) {
            return new Bridge(name, o);
        }
    }

    /** An intermediate functional block device: a plain link on kernels without dummy. */
    record Ifb(String name, LinkOptions options) implements LinkSpec {
        public Ifb {
            Validate.ifName(name);
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "ifb";
        }

        /** A copy with {@code options} set. */
        public Ifb withOptions(LinkOptions o) {
            return new Ifb(name, o);
        }
    }

    /** A dummy link. */
    record Dummy(String name, LinkOptions options) implements LinkSpec {
        public Dummy {
            Validate.ifName(name);
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "dummy";
        }

        /** A copy with {@code options} set. */
        public Dummy withOptions(LinkOptions o) {
            return new Dummy(name, o);
        }
    }

    /** macvlan, or macvtap when {@code tap}, on top of {@code parent} (IFLA_LINK). */
    record Macvlan(String name, String parent, MacvlanMode mode, boolean tap, LinkOptions options) implements LinkSpec {
        public Macvlan {
            Validate.ifName(name);
            Validate.ifName(parent);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return tap ? "macvtap" : "macvlan";
        }

        /** A copy with {@code options} set. */
        public Macvlan withOptions(LinkOptions o) {
            return new Macvlan(name, parent, mode, tap, o);
        }
    }

    /** An 802.1Q (0x8100) or 802.1ad (0x88a8) VLAN on {@code parent}; id 0 to 4094. */
    record Vlan(String name, String parent, int id, int protocol, LinkOptions options) implements LinkSpec {
        public static final int PROTOCOL_8021Q = 0x8100;
        public static final int PROTOCOL_8021AD = 0x88a8;

        public Vlan {
            Validate.ifName(name);
            Validate.ifName(parent);
            if (id < 0 || id > 4094) throw new IllegalArgumentException("VLAN id " + id + " is out of range (0 to 4094)");
            if (protocol != PROTOCOL_8021Q && protocol != PROTOCOL_8021AD) throw new IllegalArgumentException("VLAN protocol must be 802.1Q or 802.1ad");
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "vlan";
        }

        /** A copy with {@code options} set. */
        public Vlan withOptions(LinkOptions o) {
            return new Vlan(name, parent, id, protocol, o);
        }

        /** A copy with {@code protocol} set. */
        public Vlan withProtocol(int p) {
            return new Vlan(name, parent, id, p, options);
        }
    }

    /** ipvlan on {@code parent}. */
    record Ipvlan(String name, String parent, IpvlanMode mode, LinkOptions options) implements LinkSpec {
        public Ipvlan {
            Validate.ifName(name);
            Validate.ifName(parent);
            Objects.requireNonNull(mode);
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "ipvlan";
        }

        /** A copy with {@code options} set. */
        public Ipvlan withOptions(LinkOptions o) {
            return new Ipvlan(name, parent, mode, o);
        }
    }

    /** A bond; mode 0 balance-rr, 1 active-backup, 2 balance-xor, 3 broadcast, 4 802.3ad, 5 balance-tlb, 6 balance-alb. */
    record Bond(String name, int mode, LinkOptions options) implements LinkSpec {
        public Bond {
            Validate.ifName(name);
            if (mode < 0 || mode > 6) throw new IllegalArgumentException("bond mode " + mode + " is out of range (0 to 6)");
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "bond";
        }

        /** A copy with {@code options} set. */
        public Bond withOptions(LinkOptions o) {
            return new Bond(name, mode, o);
        }
    }

    /** Any kind by name (the kernel decides whether it knows it), with no IFLA_INFO_DATA. */
    record Generic(String name, String kind, LinkOptions options) implements LinkSpec {
        public Generic {
            Validate.ifName(name);
            if (kind == null || kind.isEmpty() || kind.length() > 32 || !kind.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new IllegalArgumentException("invalid link kind \"" + kind + "\"");
            }
            Objects.requireNonNull(options);
        }

        /** A copy with {@code options} set. */
        public Generic withOptions(LinkOptions o) {
            return new Generic(name, kind, o);
        }
    }

    /**
     * A VXLAN with network identifier {@code vni} (0 to 2^24-1), optional UDP port, local address,
     * remote (unicast) or group (multicast) address, and underlay device.
     */
    record Vxlan(String name, int vni, OptionalInt port, Optional<InetAddress> local, Optional<InetAddress> remote,
                 Optional<String> underlay, LinkOptions options) implements LinkSpec {
        public Vxlan {
            Validate.ifName(name);
            if (vni < 0 || vni > 0xFFFFFF) throw new IllegalArgumentException("VXLAN id " + vni + " is out of range (0 to 16777215)");
            if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) throw new IllegalArgumentException("port out of range");
            underlay.ifPresent(Validate::ifName);
            if (local.isPresent() && remote.isPresent() && local.get().getClass() != remote.get().getClass()) {
                throw new IllegalArgumentException("VXLAN local and remote must be of one address family");
            }
            Objects.requireNonNull(options);
        }

        /** The link kind, IFLA_INFO_KIND. */
        public String kind() {
            return "vxlan";
        }

        /** A copy with {@code options} set. */
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
