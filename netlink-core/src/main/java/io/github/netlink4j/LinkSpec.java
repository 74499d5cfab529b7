package io.github.netlink4j;

import io.github.netlink4j.internal.wire.EncodedString;
import io.github.netlink4j.internal.wire.ShortString;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A link to create: its kind, its name, its kind's settings and the {@link LinkOptions} every kind
 * takes. What {@code ip link add NAME type KIND ...} says. Names are checked when a spec is made, and
 * packed for requests at the same time (so a request made from a spec copies its names' bytes).
 * Specs are immutable values: equal when of the same kind with equal components.
 *
 * {@snippet :
 * LinkSpec pair = LinkSpec.veth("veth0", "veth1");               // ip link add veth0 type veth peer name veth1
 * LinkSpec br = LinkSpec.bridge("br0").withOptions(LinkOptions.DEFAULTS.withUp(true));
 * }
 */
public sealed interface LinkSpec permits LinkSpecBase {
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
    final class Veth extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("veth");
        private final String peerName;
        private final Optional<NetNamespace> peerNamespace;
        final long peerLo;
        final long peerHi;
        final int peerLength;

        public Veth(String name, String peerName, Optional<NetNamespace> peerNamespace, LinkOptions options) {
            super(name, KIND, options);
            this.peerLength = Validate.ifName(peerName);
            this.peerLo = ShortString.word(peerName, peerLength, 0);
            this.peerHi = ShortString.word(peerName, peerLength, 1);
            this.peerName = peerName;
            this.peerNamespace = Objects.requireNonNull(peerNamespace);
        }

        /** The peer's name. */
        public String peerName() {
            return peerName;
        }

        /** Where the peer is created; empty for the same namespace. */
        public Optional<NetNamespace> peerNamespace() {
            return peerNamespace;
        }

        /** A copy with {@code options} set. */
        public Veth withOptions(LinkOptions o) {
            return new Veth(name(), peerName, peerNamespace, o);
        }

        /** The same pair with the peer created inside {@code ns} (the handle must stay open until created). */
        public Veth withPeerNamespace(NetNamespace ns) {
            return new Veth(name(), peerName, Optional.of(ns), options());
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "peerName", peerName, "peerNamespace", peerNamespace, "options", options()};
        }
    }

    /** A Linux bridge. */
    final class Bridge extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("bridge");

        public Bridge(String name, LinkOptions options) {
            super(name, KIND, options);
        }

        /** A copy with {@code options} set. */
        public Bridge withOptions(LinkOptions o) {
            return new Bridge(name(), o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "options", options()};
        }
    }

    /** An intermediate functional block device: a plain link on kernels without dummy. */
    final class Ifb extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("ifb");

        public Ifb(String name, LinkOptions options) {
            super(name, KIND, options);
        }

        /** A copy with {@code options} set. */
        public Ifb withOptions(LinkOptions o) {
            return new Ifb(name(), o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "options", options()};
        }
    }

    /** A dummy link. */
    final class Dummy extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("dummy");

        public Dummy(String name, LinkOptions options) {
            super(name, KIND, options);
        }

        /** A copy with {@code options} set. */
        public Dummy withOptions(LinkOptions o) {
            return new Dummy(name(), o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "options", options()};
        }
    }

    /** macvlan, or macvtap when {@code tap}, on top of {@code parent} (IFLA_LINK). */
    final class Macvlan extends LinkSpecBase {
        private static final EncodedString MACVLAN = EncodedString.of("macvlan");
        private static final EncodedString MACVTAP = EncodedString.of("macvtap");
        private final String parent;
        private final MacvlanMode mode;
        private final boolean tap;

        public Macvlan(String name, String parent, MacvlanMode mode, boolean tap, LinkOptions options) {
            super(name, tap ? MACVTAP : MACVLAN, options);
            Validate.ifName(parent);
            this.parent = parent;
            this.mode = Objects.requireNonNull(mode);
            this.tap = tap;
        }

        /** The lower link's name. */
        public String parent() {
            return parent;
        }

        @Override
        String parentName() {
            return parent;
        }

        /** The macvlan mode. */
        public MacvlanMode mode() {
            return mode;
        }

        /** True for macvtap. */
        public boolean tap() {
            return tap;
        }

        /** A copy with {@code options} set. */
        public Macvlan withOptions(LinkOptions o) {
            return new Macvlan(name(), parent, mode, tap, o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "parent", parent, "mode", mode, "tap", tap, "options", options()};
        }
    }

    /** An 802.1Q (0x8100) or 802.1ad (0x88a8) VLAN on {@code parent}; id 0 to 4094. */
    final class Vlan extends LinkSpecBase {
        public static final int PROTOCOL_8021Q = 0x8100;
        public static final int PROTOCOL_8021AD = 0x88a8;
        private static final EncodedString KIND = EncodedString.of("vlan");
        private final String parent;
        private final int id;
        private final int protocol;

        public Vlan(String name, String parent, int id, int protocol, LinkOptions options) {
            super(name, KIND, options);
            Validate.ifName(parent);
            if (id < 0 || id > 4094) throw new IllegalArgumentException("VLAN id " + id + " is out of range (0 to 4094)");
            if (protocol != PROTOCOL_8021Q && protocol != PROTOCOL_8021AD) throw new IllegalArgumentException("VLAN protocol must be 802.1Q or 802.1ad");
            this.parent = parent;
            this.id = id;
            this.protocol = protocol;
        }

        /** The lower link's name. */
        public String parent() {
            return parent;
        }

        @Override
        String parentName() {
            return parent;
        }

        /** The VLAN id. */
        public int id() {
            return id;
        }

        /** The tag protocol, {@link #PROTOCOL_8021Q} or {@link #PROTOCOL_8021AD}. */
        public int protocol() {
            return protocol;
        }

        /** A copy with {@code options} set. */
        public Vlan withOptions(LinkOptions o) {
            return new Vlan(name(), parent, id, protocol, o);
        }

        /** A copy with {@code protocol} set. */
        public Vlan withProtocol(int p) {
            return new Vlan(name(), parent, id, p, options());
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "parent", parent, "id", id, "protocol", protocol, "options", options()};
        }
    }

    /** ipvlan on {@code parent}. */
    final class Ipvlan extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("ipvlan");
        private final String parent;
        private final IpvlanMode mode;

        public Ipvlan(String name, String parent, IpvlanMode mode, LinkOptions options) {
            super(name, KIND, options);
            Validate.ifName(parent);
            this.parent = parent;
            this.mode = Objects.requireNonNull(mode);
        }

        /** The lower link's name. */
        public String parent() {
            return parent;
        }

        @Override
        String parentName() {
            return parent;
        }

        /** The ipvlan mode. */
        public IpvlanMode mode() {
            return mode;
        }

        /** A copy with {@code options} set. */
        public Ipvlan withOptions(LinkOptions o) {
            return new Ipvlan(name(), parent, mode, o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "parent", parent, "mode", mode, "options", options()};
        }
    }

    /** A bond; mode 0 balance-rr, 1 active-backup, 2 balance-xor, 3 broadcast, 4 802.3ad, 5 balance-tlb, 6 balance-alb. */
    final class Bond extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("bond");
        private final int mode;

        public Bond(String name, int mode, LinkOptions options) {
            super(name, KIND, options);
            if (mode < 0 || mode > 6) throw new IllegalArgumentException("bond mode " + mode + " is out of range (0 to 6)");
            this.mode = mode;
        }

        /** The bonding mode. */
        public int mode() {
            return mode;
        }

        /** A copy with {@code options} set. */
        public Bond withOptions(LinkOptions o) {
            return new Bond(name(), mode, o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "mode", mode, "options", options()};
        }
    }

    /** Any kind by name (the kernel decides whether it knows it), with no IFLA_INFO_DATA. */
    final class Generic extends LinkSpecBase {
        public Generic(String name, String kind, LinkOptions options) {
            super(name, kind(kind), options);
        }

        private static EncodedString kind(String kind) {
            if (kind == null || kind.isEmpty() || kind.length() > 32 || !kind.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new IllegalArgumentException("invalid link kind \"" + kind + "\"");
            }
            return EncodedString.of(kind);
        }

        /** A copy with {@code options} set. */
        public Generic withOptions(LinkOptions o) {
            return new Generic(name(), kind(), o);
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "kind", kind(), "options", options()};
        }
    }

    /**
     * A VXLAN with network identifier {@code vni} (0 to 2^24-1), optional UDP port, local address,
     * remote (unicast) or group (multicast) address, and underlay device.
     */
    final class Vxlan extends LinkSpecBase {
        private static final EncodedString KIND = EncodedString.of("vxlan");
        private final int vni;
        private final OptionalInt port;
        private final Optional<InetAddress> local;
        private final Optional<InetAddress> remote;
        private final Optional<String> underlay;

        public Vxlan(String name, int vni, OptionalInt port, Optional<InetAddress> local, Optional<InetAddress> remote,
                     Optional<String> underlay, LinkOptions options) {
            super(name, KIND, options);
            if (vni < 0 || vni > 0xFFFFFF) throw new IllegalArgumentException("VXLAN id " + vni + " is out of range (0 to 16777215)");
            if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) throw new IllegalArgumentException("port out of range");
            underlay.ifPresent(Validate::ifName);
            if (local.isPresent() && remote.isPresent() && local.get().getClass() != remote.get().getClass()) {
                throw new IllegalArgumentException("VXLAN local and remote must be of one address family");
            }
            this.vni = vni;
            this.port = port;
            this.local = local;
            this.remote = remote;
            this.underlay = underlay;
        }

        /** The VXLAN network identifier. */
        public int vni() {
            return vni;
        }

        /** The UDP destination port; the kernel's default if empty. */
        public OptionalInt port() {
            return port;
        }

        /** The local address. */
        public Optional<InetAddress> local() {
            return local;
        }

        /** The remote (unicast) or group (multicast) address. */
        public Optional<InetAddress> remote() {
            return remote;
        }

        /** The underlay device's name. */
        public Optional<String> underlay() {
            return underlay;
        }

        /** A copy with {@code options} set. */
        public Vxlan withOptions(LinkOptions o) {
            return new Vxlan(name(), vni, port, local, remote, underlay, o);
        }

        /** A copy with {@code port} set. */
        public Vxlan withPort(int p) {
            return new Vxlan(name(), vni, OptionalInt.of(p), local, remote, underlay, options());
        }

        /** A copy with {@code local} set. */
        public Vxlan withLocal(InetAddress a) {
            return new Vxlan(name(), vni, port, Optional.of(a), remote, underlay, options());
        }

        /** The remote endpoint; a multicast address makes it the group (IFLA_VXLAN_GROUP either way). */
        public Vxlan withRemote(InetAddress a) {
            return new Vxlan(name(), vni, port, local, Optional.of(a), underlay, options());
        }

        /** A copy with {@code underlay} set. */
        public Vxlan withUnderlay(String dev) {
            return new Vxlan(name(), vni, port, local, remote, Optional.of(dev), options());
        }

        @Override
        Object[] components() {
            return new Object[] {"name", name(), "vni", vni, "port", port, "local", local, "remote", remote, "underlay", underlay, "options", options()};
        }
    }
}
