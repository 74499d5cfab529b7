package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.internal.codec.AddressCodec;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.codec.NeighbourCodec;
import io.github.netlink4j.internal.codec.NexthopCodec;
import io.github.netlink4j.internal.codec.RuleCodec;
import io.github.netlink4j.internal.codec.RouteCodec;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.route.NexthopFlag;
import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleFlag;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field a view offers equals the record's, message by message, on the dumps iproute2 received
 * (the fixtures of GoldenDecodeTest: links of four kinds with a master-less bridge and a vxlan on a veth,
 * addresses with labels and IPv6, routes of the main and local tables, multipath and table 1000; neighbours
 * permanent, noarp with a protocol, IPv6 extern_learn and incomplete; rules with every selector ip writes;
 * nexthops single, blackhole, onlink, a weighted group and a resilient one).
 */
class DumpViewsTest {
    interface Each {
        void message(MemorySegment s, long off, int len) throws Exception;
    }

    static int each(String fixture, Each e) throws Exception {
        byte[] b = Golden.bytes(fixture);
        MemorySegment s = Golden.segment(fixture);
        Messages m = new Messages().reset(s, b.length);
        int n = 0;
        while (m.next()) {
            if (m.type() == 3) continue; // NLMSG_DONE
            e.message(s, m.offset(), m.length());
            n++;
        }
        return n;
    }

    @Test
    void linkViewEqualsTheRecord() throws Exception {
        LinkFlyweight v = new LinkFlyweight();
        byte[] mac = new byte[32];
        int n = each("dump/links", (s, off, len) -> {
            Link r = LinkCodec.decode(s, off, len);
            v.open(s, off, len);
            String at = r.name();
            assertEquals(r.index(), v.index(), at);
            assertEquals(r.name(), v.name(), at);
            assertTrue(v.nameEquals(r.name()), at);
            assertFalse(v.nameEquals(r.name() + "x"), at);
            assertFalse(v.nameEquals(r.name().substring(1)), at);
            assertFalse(v.nameEquals(r.name().substring(0, r.name().length() - 1)), at);
            assertFalse(v.nameEquals(r.name() + "é"), at);
            assertEquals(r.rawFlags(), v.rawFlags(), at);
            assertEquals(r.flags(), v.flags(), at);
            for (LinkFlag f : LinkFlag.values()) assertEquals(r.flags().contains(f), v.has(f), at + " " + f);
            assertEquals(r.mtu(), v.mtu(), at);
            assertEquals(r.masterIndex().orElse(0), v.masterIndex(), at);
            assertEquals(r.kind(), v.kind(), at);
            r.kind().ifPresent(k -> assertTrue(v.kindEquals(k), at));
            assertFalse(v.kindEquals("no-such-kind"), at);
            assertEquals(r.operState(), v.operState(), at);
            assertEquals(r.address(), v.address(), at);
            int k = v.copyAddress(mac);
            assertEquals(r.address().map(a -> a.bytes().length).orElse(0), k, at);
            r.address().ifPresent(a -> assertEquals(Arrays.toString(a.bytes()), Arrays.toString(Arrays.copyOf(mac, k)), at));
            v.end();
        });
        assertEquals(5, n); // lo, veth1, veth0, br0, vx0
    }

    @Test
    void addressViewEqualsTheRecord() throws Exception {
        AddressFlyweight v = new AddressFlyweight();
        byte[] b = new byte[16];
        int[] labels = {0};
        int n = each("dump/addrs", (s, off, len) -> {
            Address r = AddressCodec.decode(s, off, len);
            v.open(s, off, len);
            String at = r.toString();
            assertEquals(r.index(), v.index(), at);
            assertEquals(r.family(), v.family(), at);
            assertEquals(r.prefixLength(), v.prefixLength(), at);
            assertEquals(r.address(), v.address(), at);
            int k = v.copyAddress(b);
            assertEquals(InetAddress.getByAddress(Arrays.copyOf(b, k)), r.address(), at);
            assertEquals(r.label(), v.label(), at);
            if (r.label().isPresent()) labels[0]++;
            assertEquals(r.scope(), v.scope(), at);
            v.end();
        });
        assertEquals(4, n);
        assertTrue(labels[0] > 0, "the fixture has labels");
    }

    @Test
    void routeViewEqualsTheRecord() throws Exception {
        RouteFlyweight v = new RouteFlyweight();
        byte[] b = new byte[16];
        Each check = (s, off, len) -> {
            Route r = RouteCodec.decode(s, off, len);
            v.open(s, off, len);
            String at = r.toString();
            assertEquals(r.table(), v.table(), at);
            assertEquals(r.family(), v.family(), at);
            assertEquals(r.destination(), v.destination(), at);
            int k = v.copyDestination(b);
            assertEquals(r.destination().map(d -> d.getAddress().length).orElse(0), k, at);
            if (k > 0) assertEquals(r.destination().get(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.destinationLength(), v.destinationLength(), at);
            assertEquals(r.gateway(), v.gateway(), at);
            k = v.copyGateway(b);
            assertEquals(r.gateway().map(d -> d.getAddress().length).orElse(0), k, at);
            if (k > 0) assertEquals(r.gateway().get(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.outputIndex().orElse(0), v.outputIndex(), at);
            assertEquals(r.metric().orElse(0), v.metric(), at);
            assertEquals(r.protocol(), v.protocol(), at);
            assertEquals(r.type(), v.type(), at);
            assertEquals(r.scope(), v.scope(), at);
            v.end();
        };
        assertEquals(9, each("dump/routes", check));
        assertTrue(each("dump/routes-multipath", check) > 0);
    }

    @Test
    void neighbourViewEqualsTheRecord() throws Exception {
        NeighbourFlyweight v = new NeighbourFlyweight();
        byte[] b = new byte[32];
        int[] seen = new int[3]; // with a protocol, without a link-layer address, IPv6
        Each check = (s, off, len) -> {
            Neighbour r = NeighbourCodec.decode(s, off, len);
            v.open(s, off, len);
            String at = r.toString();
            assertEquals(r.index(), v.index(), at);
            assertEquals(r.family(), v.family(), at);
            assertEquals(r.address(), v.address(), at);
            int k = v.copyAddress(b);
            assertEquals(r.address().map(x -> x.getAddress().length).orElse(0), k, at);
            if (k > 0) assertEquals(r.address().get(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.lladdr(), v.lladdr(), at);
            k = v.copyLladdr(b);
            assertEquals(r.lladdr().map(x -> x.bytes().length).orElse(0), k, at);
            if (k > 0) assertEquals(Arrays.toString(r.lladdr().get().bytes()), Arrays.toString(Arrays.copyOf(b, k)), at);
            assertEquals(r.rawState(), v.rawState(), at);
            for (NeighbourState x : NeighbourState.values()) assertEquals(r.state().contains(x), v.has(x), at + " " + x);
            assertEquals(r.rawFlags(), v.rawFlags(), at);
            for (NeighbourFlag x : NeighbourFlag.values()) assertEquals(r.flags().contains(x), v.has(x), at + " " + x);
            assertEquals(r.protocol(), v.protocol(), at);
            if (r.protocol().isPresent()) seen[0]++;
            if (r.lladdr().isEmpty()) seen[1]++;
            if (r.family() == io.github.netlink4j.common.AddressFamily.INET6) seen[2]++;
            v.end();
        };
        assertEquals(1, each("dump/neigh", check));
        assertEquals(4, each("dump/neigh-mixed", check));
        assertEquals("[1, 1, 1]", Arrays.toString(seen), "the fixture has each case once");
    }

    @Test
    void ruleViewEqualsTheRecord() throws Exception {
        RuleFlyweight v = new RuleFlyweight();
        byte[] b = new byte[16];
        int n = each("dump/rules", (s, off, len) -> {
            Rule r = RuleCodec.decode(s, off, len);
            v.open(s, off, len);
            String at = r.toString();
            assertEquals(r.family(), v.family(), at);
            assertEquals(r.priority(), v.priority(), at);
            assertEquals(r.source(), v.source(), at);
            int k = v.copySource(b);
            assertEquals(r.source().map(x -> x.getAddress().length).orElse(0), k, at);
            if (k > 0) assertEquals(r.source().get(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.sourceLength(), v.sourceLength(), at);
            assertEquals(r.destination(), v.destination(), at);
            k = v.copyDestination(b);
            assertEquals(r.destination().map(x -> x.getAddress().length).orElse(0), k, at);
            assertEquals(r.destinationLength(), v.destinationLength(), at);
            assertEquals(r.tos(), v.tos(), at);
            assertEquals(r.fwmark().orElse(0), v.fwmark(), at);
            assertEquals(r.inputLink(), v.inputLink(), at);
            r.inputLink().ifPresent(l -> assertTrue(v.inputLinkEquals(l), at));
            assertFalse(v.inputLinkEquals("veth9"), at);
            assertEquals(r.outputLink(), v.outputLink(), at);
            r.outputLink().ifPresent(l -> assertTrue(v.outputLinkEquals(l), at));
            assertFalse(v.outputLinkEquals("veth9"), at);
            assertEquals(r.rawFlags(), v.rawFlags(), at);
            for (RuleFlag x : RuleFlag.values()) assertEquals(r.flags().contains(x), v.has(x), at + " " + x);
            assertEquals(r.actionValue(), v.actionValue(), at);
            assertEquals(r.table(), v.table(), at);
            assertEquals(r.gotoPriority().orElse(0), v.gotoPriority(), at);
            v.end();
        });
        assertEquals(9, n); // the three defaults and ip's six
    }

    @Test
    void nexthopViewEqualsTheRecord() throws Exception {
        NexthopFlyweight v = new NexthopFlyweight();
        byte[] b = new byte[16];
        int[] members = {0};
        int n = each("dump/nexthops", (s, off, len) -> {
            NexthopObject r = NexthopCodec.decode(s, off, len);
            v.open(s, off, len);
            String at = r.toString();
            assertEquals(r.id(), v.id(), at);
            assertEquals(r.family(), v.family(), at);
            assertEquals(r.scope(), v.scope(), at);
            assertEquals(r.protocol(), v.protocol(), at);
            assertEquals(r.rawFlags(), v.rawFlags(), at);
            for (NexthopFlag x : NexthopFlag.values()) assertEquals(r.flags().contains(x), v.has(x), at + " " + x);
            assertEquals(r.gateway(), v.gateway(), at);
            int k = v.copyGateway(b);
            assertEquals(r.gateway().map(x -> x.getAddress().length).orElse(0), k, at);
            if (k > 0) assertEquals(r.gateway().get(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.outputIndex().orElse(0), v.outputIndex(), at);
            assertEquals(r.blackhole(), v.blackhole(), at);
            assertEquals(r.fdb(), v.fdb(), at);
            assertEquals(r.isGroup(), v.isGroup(), at);
            assertEquals(r.group().size(), v.groupSize(), at);
            for (int i = 0; i < r.group().size(); i++) {
                assertEquals(r.group().get(i).id(), v.memberId(i), at + " member " + i);
                assertEquals(r.group().get(i).weight(), v.memberWeight(i), at + " member " + i);
                members[0]++;
            }
            int size = r.group().size();
            assertThrows(IndexOutOfBoundsException.class, () -> v.memberId(size), at);
            assertThrows(IndexOutOfBoundsException.class, () -> v.memberWeight(-1), at);
            assertEquals(r.groupType(), v.groupType(), at);
            v.end();
        });
        assertEquals(6, n);
        assertEquals(4, members[0]); // 1,2/3 and 1/3
    }

    /** A malformed message fails at open, as the record's decoder fails on it, before a caller sees the view. */
    @Test
    void aMalformedMessageFailsAtOpenAsTheDecoderDoes() throws Exception {
        // an NDA_LLADDR of 33 bytes, an NHA_GROUP of 12, an FRA_SRC of 5: what the decoders refuse
        MemorySegment neigh = message(28, 12, 2, 33);
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> NeighbourCodec.decode(neigh, 0, (int) neigh.byteSize()));
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> new NeighbourFlyweight().open(neigh, 0, (int) neigh.byteSize()));
        MemorySegment nh = message(104, 8, 2, 12);
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> NexthopCodec.decode(nh, 0, (int) nh.byteSize()));
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> new NexthopFlyweight().open(nh, 0, (int) nh.byteSize()));
        MemorySegment rule = message(32, 12, 2, 5);
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> RuleCodec.decode(rule, 0, (int) rule.byteSize()));
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> new RuleFlyweight().open(rule, 0, (int) rule.byteSize()));
        // a family the library does not know, and a header cut short
        MemorySegment odd = message(28, 12, 99, 4);
        odd.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 16, (byte) 99);
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> new NeighbourFlyweight().open(odd, 0, (int) odd.byteSize()));
        assertThrows(io.github.netlink4j.error.ProtocolException.class, () -> new NexthopFlyweight().open(odd, 0, 16 + 4));
    }

    /** An nlmsghdr of {@code type}, a zeroed family header of {@code fixed} bytes (family INET), and one attribute of {@code len} zero bytes. */
    private static MemorySegment message(int type, int fixed, int attr, int len) {
        int total = 16 + fixed + ((4 + len + 3) & ~3);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(total).order(java.nio.ByteOrder.nativeOrder());
        bb.putInt(total).putShort((short) type).putShort((short) 2).putInt(0).putInt(0);
        bb.put((byte) 2);
        bb.position(16 + fixed);
        bb.putShort((short) (4 + len)).putShort((short) attr);
        return MemorySegment.ofArray(bb.array());
    }

    @Test
    void conntrackViewEqualsTheRecord() throws Exception {
        ConntrackFlyweight v = new ConntrackFlyweight();
        byte[] b = new byte[16];
        int[] kinds = new int[3]; // with ports, with a zone, IPv6
        int n = each("conntrack/entries", (s, off, len) -> {
            io.github.netlink4j.conntrack.ConntrackEntry r = io.github.netlink4j.internal.codec.ConntrackDecoder.decode(s, off, len);
            assertTrue(ConntrackFlyweight.readable(s, off, len) == (r != null));
            if (r == null) return;
            v.open(s, off, len);
            String at = r.toString();
            assertEquals(r.family(), v.family(), at);
            assertEquals(r.original().protocol(), v.protocol(), at);
            assertEquals(r.original().source(), v.source(), at);
            int k = v.copySource(b);
            assertEquals(r.original().source(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.original().destination(), v.destination(), at);
            k = v.copyDestination(b);
            assertEquals(r.original().destination(), InetAddress.getByAddress(Arrays.copyOf(b, k)), at);
            assertEquals(r.original().sourcePort().orElse(0), v.sourcePort(), at);
            assertEquals(r.original().destinationPort().orElse(0), v.destinationPort(), at);
            assertEquals(r.reply().source(), v.replySource(), at);
            assertEquals(r.reply().destination(), v.replyDestination(), at);
            assertEquals(r.rawStatus(), v.rawStatus(), at);
            for (io.github.netlink4j.conntrack.ConntrackStatus x : io.github.netlink4j.conntrack.ConntrackStatus.values()) {
                assertEquals(r.status().contains(x), v.has(x), at + " " + x);
            }
            assertEquals(r.mark().orElse(0), v.mark(), at);
            assertEquals(r.zone().orElse(0), v.zone(), at);
            assertEquals(r.timeout().map(java.time.Duration::toSeconds).orElse(0L), v.timeoutSeconds(), at);
            if (r.original().sourcePort().isPresent()) kinds[0]++;
            if (r.zone().isPresent()) kinds[1]++;
            if (r.family() == io.github.netlink4j.common.AddressFamily.INET6) kinds[2]++;
            v.end();
        });
        assertEquals(4, n);
        assertTrue(kinds[0] >= 2 && kinds[1] >= 1 && kinds[2] >= 1, Arrays.toString(kinds));
    }

    @Test
    void aViewUsedAfterItsCallbackThrows() throws Exception {
        LinkFlyweight link = new LinkFlyweight();
        each("dump/links", (s, off, len) -> {
            link.open(s, off, len);
            link.end();
        });
        assertThrows(IllegalStateException.class, link::index);
        assertThrows(IllegalStateException.class, link::name);
        assertThrows(IllegalStateException.class, link::mtu);
        RouteFlyweight route = new RouteFlyweight();
        each("dump/routes", (s, off, len) -> {
            route.open(s, off, len);
            route.end();
        });
        assertThrows(IllegalStateException.class, route::table);
        assertThrows(IllegalStateException.class, route::destination);
        AddressFlyweight address = new AddressFlyweight();
        each("dump/addrs", (s, off, len) -> {
            address.open(s, off, len);
            address.end();
        });
        assertThrows(IllegalStateException.class, address::address);
        assertThrows(IllegalStateException.class, address::prefixLength);
    }

    /** Not a few accessors: every one of each view's interface, called after its callback, throws. */
    @Test
    void everyAccessorOfAClosedViewThrows() throws Exception {
        LinkFlyweight link = new LinkFlyweight();
        each("dump/links", (s, off, len) -> {
            link.open(s, off, len);
            link.end();
        });
        RouteFlyweight route = new RouteFlyweight();
        each("dump/routes", (s, off, len) -> {
            route.open(s, off, len);
            route.end();
        });
        AddressFlyweight address = new AddressFlyweight();
        each("dump/addrs", (s, off, len) -> {
            address.open(s, off, len);
            address.end();
        });
        NeighbourFlyweight neighbour = new NeighbourFlyweight();
        each("dump/neigh-mixed", (s, off, len) -> {
            neighbour.open(s, off, len);
            neighbour.end();
        });
        RuleFlyweight rule = new RuleFlyweight();
        each("dump/rules", (s, off, len) -> {
            rule.open(s, off, len);
            rule.end();
        });
        NexthopFlyweight nexthop = new NexthopFlyweight();
        each("dump/nexthops", (s, off, len) -> {
            nexthop.open(s, off, len);
            nexthop.end();
        });
        ConntrackFlyweight conntrack = new ConntrackFlyweight();
        each("conntrack/entries", (s, off, len) -> {
            conntrack.open(s, off, len);
            conntrack.end();
        });
        assertEquals(15, everyAccessorThrows(conntrack, io.github.netlink4j.conntrack.ConntrackView.class));
        int called = everyAccessorThrows(link, io.github.netlink4j.link.LinkView.class)
                + everyAccessorThrows(route, io.github.netlink4j.route.RouteView.class)
                + everyAccessorThrows(address, io.github.netlink4j.address.AddressView.class);
        assertTrue(called >= 30, called + " accessors called");
        assertEquals(11, everyAccessorThrows(neighbour, io.github.netlink4j.neighbour.NeighbourView.class));
        assertEquals(19, everyAccessorThrows(rule, io.github.netlink4j.route.RuleView.class));
        assertEquals(16, everyAccessorThrows(nexthop, io.github.netlink4j.route.NexthopView.class));
    }

    static int everyAccessorThrows(Object view, Class<?> api) {
        int n = 0;
        for (java.lang.reflect.Method m : api.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) continue;
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) args[i] = argument(m.getParameterTypes()[i]);
            try {
                m.invoke(view, args);
                throw new AssertionError(api.getSimpleName() + "." + m.getName() + " answered on a closed view");
            } catch (java.lang.reflect.InvocationTargetException e) {
                assertTrue(e.getCause() instanceof IllegalStateException,
                        api.getSimpleName() + "." + m.getName() + " threw " + e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            n++;
        }
        return n;
    }

    static Object argument(Class<?> type) {
        if (type == byte[].class) return new byte[16];
        if (type == String.class) return "lo";
        if (type == io.github.netlink4j.link.LinkFlag.class) return LinkFlag.UP;
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == boolean.class) return false;
        throw new AssertionError("no argument for " + type);
    }
}
