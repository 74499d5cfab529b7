package io.github.netlink4j;

import io.github.netlink4j.internal.wire.ShortString;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An address to add, replace or delete on a link: {@code ip addr add ADDRESS/PREFIX dev LINK [peer P]
 * [broadcast B] [label L] [scope S] [nodad] [noprefixroute] [valid_lft V preferred_lft P]}.
 *
 * {@snippet :
 * AddressSpec a = AddressSpec.of("veth0", "10.200.0.2/24");                 // ip addr add 10.200.0.2/24 dev veth0
 * AddressSpec b = AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD);
 * }
 */
public final class AddressSpec {
    private final String link;
    private final InetAddress address;
    private final int prefixLength;
    private final Optional<InetAddress> peer;
    private final Optional<InetAddress> broadcast;
    private final Optional<String> label;
    private final Optional<RouteScope> scope;
    private final Set<AddressFlag> flags;
    private final OptionalLong validLifetime;
    private final OptionalLong preferredLifetime;
    // The label packed for IFA_LABEL when the spec was made (ShortString); length -1 without a label.
    final long labelLo;
    final long labelHi;
    final int labelLength;

    /**
     * Validates everything that can be checked before sending.
     *
     * @param link              the link's name
     * @param address           the local address (IFA_LOCAL)
     * @param prefixLength      0–32 for IPv4, 0–128 for IPv6
     * @param peer              point-to-point peer (IFA_ADDRESS)
     * @param broadcast         IPv4 broadcast (IFA_BROADCAST)
     * @param label             IPv4 label, which must start with the link name (IFA_LABEL)
     * @param scope             the scope; the kernel's default if empty
     * @param flags             nodad, noprefixroute, …
     * @param validLifetime     seconds, empty for forever
     * @param preferredLifetime seconds, empty for forever
     */
    public AddressSpec(String link, InetAddress address, int prefixLength, Optional<InetAddress> peer,
                       Optional<InetAddress> broadcast, Optional<String> label, Optional<RouteScope> scope,
                       Set<AddressFlag> flags, OptionalLong validLifetime, OptionalLong preferredLifetime) {
        Validate.ifName(link);
        Objects.requireNonNull(address);
        Validate.prefix(address, prefixLength);
        peer.ifPresent(p -> sameFamily(address, p, "peer"));
        broadcast.ifPresent(b -> {
            sameFamily(address, b, "broadcast");
            if (Inet.family(address) != Inet.AF_INET) throw new IllegalArgumentException("broadcast is IPv4 only");
        });
        int labelBytes = -1;
        if (label.isPresent()) {
            String text = label.get();
            labelBytes = ShortString.utf8Length(text);
            if (labelBytes > 15) throw new IllegalArgumentException("label \"" + text + "\" is longer than 15 bytes");
            if (!text.startsWith(link)) throw new IllegalArgumentException("label \"" + text + "\" must start with the link name \"" + link + "\"");
            if (Inet.family(address) != Inet.AF_INET) throw new IllegalArgumentException("labels are IPv4 only");
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (validLifetime.isPresent() != preferredLifetime.isPresent()) {
            throw new IllegalArgumentException("valid and preferred lifetimes go together");
        }
        if (validLifetime.isPresent() && preferredLifetime.getAsLong() > validLifetime.getAsLong()) {
            throw new IllegalArgumentException("preferred lifetime exceeds valid lifetime");
        }
        this.link = link;
        this.address = address;
        this.prefixLength = prefixLength;
        this.peer = Objects.requireNonNull(peer);
        this.broadcast = Objects.requireNonNull(broadcast);
        this.label = label;
        this.scope = Objects.requireNonNull(scope);
        this.flags = flags;
        this.validLifetime = validLifetime;
        this.preferredLifetime = preferredLifetime;
        this.labelLength = labelBytes;
        this.labelLo = labelBytes < 0 ? 0 : ShortString.word(label.get(), labelBytes, 0);
        this.labelHi = labelBytes < 0 ? 0 : ShortString.word(label.get(), labelBytes, 1);
    }

    /** The link's name. */
    public String link() {
        return link;
    }

    /** The local address (IFA_LOCAL). */
    public InetAddress address() {
        return address;
    }

    /** 0–32 for IPv4, 0–128 for IPv6. */
    public int prefixLength() {
        return prefixLength;
    }

    /** Point-to-point peer (IFA_ADDRESS). */
    public Optional<InetAddress> peer() {
        return peer;
    }

    /** IPv4 broadcast (IFA_BROADCAST). */
    public Optional<InetAddress> broadcast() {
        return broadcast;
    }

    /** IPv4 label, which starts with the link name (IFA_LABEL). */
    public Optional<String> label() {
        return label;
    }

    /** The scope; the kernel's default if empty. */
    public Optional<RouteScope> scope() {
        return scope;
    }

    /** nodad, noprefixroute, … */
    public Set<AddressFlag> flags() {
        return flags;
    }

    /** Seconds, empty for forever. */
    public OptionalLong validLifetime() {
        return validLifetime;
    }

    /** Seconds, empty for forever. */
    public OptionalLong preferredLifetime() {
        return preferredLifetime;
    }

    private Object[] components() {
        return new Object[] {link, address, prefixLength, peer, broadcast, label, scope, flags, validLifetime, preferredLifetime};
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AddressSpec a && Arrays.equals(a.components(), components());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components());
    }

    /** As a record would print it. */
    @Override
    public String toString() {
        return "AddressSpec[link=" + link + ", address=" + address + ", prefixLength=" + prefixLength + ", peer=" + peer
                + ", broadcast=" + broadcast + ", label=" + label + ", scope=" + scope + ", flags=" + flags
                + ", validLifetime=" + validLifetime + ", preferredLifetime=" + preferredLifetime + "]";
    }

    private static void sameFamily(InetAddress a, InetAddress b, String what) {
        if (Inet.family(a) != Inet.family(b)) throw new IllegalArgumentException(what + " " + Inet.text(b) + " is not of the address's family");
    }

    /** {@code address} on {@code link}. */
    public static AddressSpec of(String link, InetAddress address, int prefixLength) {
        return new AddressSpec(link, address, prefixLength, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), OptionalLong.empty(), OptionalLong.empty());
    }

    /** Parses {@code "10.200.0.2/24"} (a missing prefix means a host address, /32 or /128). */
    public static AddressSpec of(String link, String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress a = Inet.parse(slash < 0 ? cidr : cidr.substring(0, slash));
        int len;
        if (slash < 0) {
            len = Inet.maxPrefix(a);
        } else {
            try {
                len = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid prefix length in \"" + cidr + "\"", e);
            }
        }
        return of(link, a, len);
    }

    /** A copy with {@code peer} set. */
    public AddressSpec withPeer(InetAddress p) {
        return new AddressSpec(link, address, prefixLength, Optional.of(p), broadcast, label, scope, flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code broadcast} set. */
    public AddressSpec withBroadcast(InetAddress b) {
        return new AddressSpec(link, address, prefixLength, peer, Optional.of(b), label, scope, flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code label} set. */
    public AddressSpec withLabel(String l) {
        return new AddressSpec(link, address, prefixLength, peer, broadcast, Optional.of(l), scope, flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code scope} set. */
    public AddressSpec withScope(RouteScope s) {
        return new AddressSpec(link, address, prefixLength, peer, broadcast, label, Optional.of(s), flags, validLifetime, preferredLifetime);
    }

    /** A copy with {@code flag} set. */
    public AddressSpec withFlag(AddressFlag f) {
        EnumSet<AddressFlag> s = flags.isEmpty() ? EnumSet.noneOf(AddressFlag.class) : EnumSet.copyOf(flags);
        s.add(f);
        return new AddressSpec(link, address, prefixLength, peer, broadcast, label, scope, s, validLifetime, preferredLifetime);
    }

    /** A copy with {@code lifetimes} set. */
    public AddressSpec withLifetimes(long valid, long preferred) {
        return new AddressSpec(link, address, prefixLength, peer, broadcast, label, scope, flags, OptionalLong.of(valid), OptionalLong.of(preferred));
    }
}
