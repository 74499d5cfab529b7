package io.github.netlink4j.testing;

import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.route.RuleAction;
import io.github.netlink4j.route.RuleRange;
import io.github.netlink4j.route.RuleSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The generators of every property test: addresses, prefixes, names, and each spec the codecs encode.
 * Kept in one place so that a change to a record or a spec (a flag word becoming an enum set, a u32
 * becoming a long) is adapted here once. Each spec generator builds through the spec's own factories
 * and {@code with…} methods, as a user would, so it only makes specs the constructors accept.
 */
public final class Gen {
    private Gen() {}

    /** Any IPv4 address (the codecs carry any; the tests never send one). */
    public static Arbitrary<InetAddress> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(Gen::address);
    }

    /** Any IPv6 address. */
    public static Arbitrary<InetAddress> ipv6() {
        // Half the groups zero, so that the text has runs of zeros to compress, of equal and unequal lengths;
        // one in ten IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d), which print as dotted quads.
        Arbitrary<Integer> group = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 0xffff));
        Arbitrary<InetAddress> any = group.array(Integer[].class).ofSize(8).map(g -> {
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[2 * i] = (byte) (g[i] >>> 8);
                b[2 * i + 1] = g[i].byteValue();
            }
            return ipv6(b);
        });
        Arbitrary<InetAddress> embedded = Combinators.combine(Arbitraries.of(true, false), Arbitraries.bytes().array(byte[].class).ofSize(4))
                .as((isMapped, v4) -> {
                    byte[] b = new byte[16];
                    if (isMapped) b[10] = b[11] = (byte) 0xff;
                    System.arraycopy(v4, 0, b, 12, 4);
                    return ipv6(b);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, any), net.jqwik.api.Tuple.of(1, embedded));
    }

    /** 16 bytes as an Inet6Address, also when IPv4-mapped (InetAddress.getByAddress would unmap it). */
    private static InetAddress ipv6(byte[] b) {
        try {
            return java.net.Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** An address of {@code family}. */
    public static Arbitrary<InetAddress> address(AddressFamily family) {
        return family == AddressFamily.INET ? ipv4() : ipv6();
    }

    /** INET or INET6. */
    public static Arbitrary<AddressFamily> ipFamily() {
        return Arbitraries.of(AddressFamily.INET, AddressFamily.INET6);
    }

    /** An address and a length of its family, host bits kept. */
    public static Arbitrary<IpPrefix> prefix() {
        return ipFamily().flatMap(f -> address(f).flatMap(a -> Arbitraries.integers().between(0, IpPrefix.maxLength(a))
                .map(n -> new IpPrefix(a, n))));
    }

    /** A valid interface name: 1 to 15 bytes of letters, digits, '-', '_' and '.' (not "." or ".."). */
    public static Arbitrary<String> ifName() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_").ofMinLength(1).ofMaxLength(15);
    }

    /** A unicast or multicast MAC. */
    public static Arbitrary<MacAddress> mac() {
        return Arbitraries.bytes().array(byte[].class).ofSize(6).map(MacAddress::of);
    }

    /** A flag subset of an enum. */
    public static <E extends Enum<E>> Arbitrary<Set<E>> subsetOf(Class<E> type) {
        return Arbitraries.of(type).set();
    }

    /** A route table id, 1 to 2^32-1, with the named ones and the 255/256 border often. */
    public static Arbitrary<RouteTable> table() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(RouteTable.MAIN, RouteTable.LOCAL, RouteTable.DEFAULT,
                        RouteTable.of(255), RouteTable.of(256), RouteTable.of(1))),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 0xFFFF_FFFFL).map(RouteTable::of)));
    }

    /** A protocol byte. */
    public static Arbitrary<RouteProtocol> protocol() {
        return Arbitraries.integers().between(0, 255).map(RouteProtocol::of);
    }

    /** A scope byte. */
    public static Arbitrary<RouteScope> scope() {
        return Arbitraries.integers().between(0, 255).map(RouteScope::of);
    }

    /** ip addr add: any combination of peer, broadcast, label, scope, flags and lifetimes its checks allow. */
    public static Arbitrary<AddressSpec> addressSpec() {
        return Combinators.combine(ifName(), prefix(), Arbitraries.integers().between(0, 15), subsetOf(AddressFlag.class),
                scope().injectNull(0.5), Arbitraries.longs().between(0, 0xFFFF_FFFEL).injectNull(0.5),
                Arbitraries.longs().between(0, 0xFFFF_FFFEL)).as((link, p, extras, flags, scope, valid, pref) -> {
            AddressSpec a = AddressSpec.of(link, p.address(), p.length());
            boolean v4 = p.family() == AddressFamily.INET;
            // A peer equal to the local address is no peer (ip prints none): the peer differs in its last bit.
            if ((extras & 1) != 0) a = a.withPeer(address(flip(p.address().getAddress())));
            if ((extras & 2) != 0 && v4) a = a.withBroadcast(p.network().address());
            if ((extras & 4) != 0 && v4) a = a.withLabel((link + ":l").substring(0, Math.min(15, link.length() + 2)));
            if (scope != null) a = a.withScope(scope);
            for (AddressFlag f : flags) a = a.withFlag(f);
            if (valid != null) a = a.withLifetimes(Duration.ofSeconds(valid), Duration.ofSeconds(Math.min(valid, pref)));
            return a;
        });
    }

    /** ip neigh add: an address, maybe a lladdr, a state, maybe proxy. */
    public static Arbitrary<NeighbourSpec> neighbourSpec() {
        return Combinators.combine(ifName(), ipFamily().flatMap(Gen::address), mac().injectNull(0.3),
                Arbitraries.of(NeighbourState.class), Arbitraries.of(false, false, true)).as((link, a, mac, state, proxy) -> {
            if (proxy) return NeighbourSpec.proxy(link, a);
            NeighbourSpec n = mac == null ? NeighbourSpec.of(link, a) : NeighbourSpec.of(link, a, mac);
            return n.withState(state);
        });
    }

    /** ip route add: a destination (or default), then via/dev, a multipath list or a nexthop id, and the rest. */
    public static Arbitrary<RouteSpec> routeSpec() {
        return ipFamily().flatMap(f -> Combinators.combine(address(f).flatMap(a -> Arbitraries.integers().between(0, IpPrefix.maxLength(a))
                                .map(n -> new IpPrefix(a, n).network())).injectNull(0.2),
                        Arbitraries.integers().between(0, 3), address(f), ifName(), address(f).injectNull(0.6),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).injectNull(0.5),
                        Combinators.combine(table().injectNull(0.3), protocol().injectNull(0.5), scope().injectNull(0.5),
                                Arbitraries.of(RouteType.class).filter(t -> t != RouteType.UNSPEC)).as((t, p, s, y) -> java.util.Arrays.<Object>asList(t, p, s, y)),
                        nexthops(f))
                .as((dst, how, gw, dev, src, metric, more, hops) -> {
                    RouteSpec r = dst == null ? RouteSpec.defaultRoute(f) : RouteSpec.to(dst);
                    switch (how) {
                        case 0 -> r = r.withGateway(gw).withLink(dev);
                        case 1 -> r = r.withLink(dev);
                        case 2 -> r = r.withNexthops(hops);
                        default -> r = r.withNexthopId(1 + (dev.hashCode() & 0xffff));
                    }
                    if (src != null) r = r.withPreferredSource(src);
                    if (metric != null) r = r.withMetric(metric);
                    if (more.get(0) instanceof RouteTable t) r = r.withTable(t);
                    if (more.get(1) instanceof RouteProtocol p) r = r.withProtocol(p);
                    if (more.get(2) instanceof RouteScope s) r = r.withScope(s);
                    return r.withType((RouteType) more.get(3));
                }));
    }

    private static Arbitrary<List<NexthopSpec>> nexthops(AddressFamily f) {
        Arbitrary<NexthopSpec> hop = Combinators.combine(address(f).injectNull(0.3), ifName(), Arbitraries.integers().between(1, 256))
                .as((gw, dev, weight) -> (gw == null ? new NexthopSpec(java.util.Optional.empty(), dev, 1) : NexthopSpec.via(gw, dev))
                        .withWeight(weight));
        return hop.list().ofMinSize(1).ofMaxSize(4);
    }

    /** ip rule add: selectors and an action, as its checks allow. */
    public static Arbitrary<RuleSpec> ruleSpec() {
        return ipFamily().flatMap(f -> Combinators.combine(
                address(f).flatMap(a -> Arbitraries.integers().between(0, IpPrefix.maxLength(a)).map(n -> new IpPrefix(a, n).network()))
                        .list().ofSize(2),
                Arbitraries.integers().between(0, 255).array(int[].class).ofSize(6),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).array(long[].class).ofSize(4),
                ifName().list().ofSize(2), Arbitraries.integers().between(0, 1023), Arbitraries.of(RuleAction.class),
                table(), protocol()).as((nets, bytes, u32s, links, which, action, table, proto) -> {
            RuleSpec r = RuleSpec.of(f);
            if ((which & 1) != 0) r = r.withSource(nets.get(0).toString());
            if ((which & 2) != 0) r = r.withDestination(nets.get(1).toString());
            if ((which & 4) != 0) r = r.withPriority(u32s[0]);
            if ((which & 8) != 0) r = r.withTos(bytes[0] & 0xfc);
            if ((which & 16) != 0) r = r.withFwmark(u32s[1], u32s[2]);
            if ((which & 32) != 0) r = r.withInputLink(links.get(0)).withOutputLink(links.get(1));
            if ((which & 64) != 0) r = r.withIpProtocol(bytes[1]).withSourcePorts(range(bytes[2] * 256L, bytes[3]))
                    .withDestinationPorts(RuleRange.of(bytes[4] * 257L));
            if ((which & 128) != 0) r = r.withUidRange(range(u32s[3] / 2, u32s[3] / 2));
            if ((which & 256) != 0) r = r.withInvert();
            if ((which & 512) != 0) r = r.withProtocol(proto);
            return switch (action) {
                case LOOKUP -> r.withLookup(table);
                case GOTO -> r.withGoto(1 + u32s[0] % 32766);
                default -> r.withAction(action);
            };
        }));
    }

    /** Nexthop objects: via/dev, dev, blackhole, or a group (resilient or not). */
    public static Arbitrary<NexthopObjectSpec> nexthopObjectSpec() {
        return ipFamily().flatMap(f -> Combinators.combine(Arbitraries.integers().between(1, Integer.MAX_VALUE), Arbitraries.integers().between(0, 3),
                address(f), ifName(), Arbitraries.of(false, true), member().list().ofMinSize(1).ofMaxSize(5).uniqueElements(NexthopObject.Member::id),
                Arbitraries.integers().between(1, 0xFFFF), protocol().injectNull(0.5)).as((id, kind, gw, dev, flag, members, buckets, proto) -> {
            NexthopObjectSpec n = switch (kind) {
                case 0 -> flag ? NexthopObjectSpec.via(id, gw, dev).withOnlink() : NexthopObjectSpec.via(id, gw, dev);
                case 1 -> NexthopObjectSpec.dev(id, dev);
                case 2 -> NexthopObjectSpec.blackhole(id, f);
                default -> flag ? NexthopObjectSpec.group(id, members).withResilient(buckets).withIdleTimer(Duration.ofSeconds(buckets % 600))
                        .withUnbalancedTimer(Duration.ofSeconds(buckets % 7)) : NexthopObjectSpec.group(id, members);
            };
            return proto == null ? n : n.withProtocol(proto);
        }));
    }

    private static Arbitrary<NexthopObject.Member> member() {
        return Combinators.combine(Arbitraries.integers().between(1, Integer.MAX_VALUE), Arbitraries.integers().between(1, 256))
                .as(NexthopObject.Member::new);
    }

    private static RuleRange range(long start, long length) {
        return new RuleRange(start, start + length);
    }

    private static byte[] flip(byte[] b) {
        b[b.length - 1] ^= 1;
        return b;
    }

    private static InetAddress address(byte[] b) {
        if (b.length == 16) return ipv6(b);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes
        }
    }
}
