package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.internal.codec.AddressCodec;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.codec.RouteCodec;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.route.Route;
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
 * addresses with labels and IPv6, routes of the main and local tables, multipath and table 1000).
 */
class DumpViewsTest {
    interface Each {
        void message(MemorySegment s, long off, int len) throws Exception;
    }

    private static int each(String fixture, Each e) throws Exception {
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
        int called = everyAccessorThrows(link, io.github.netlink4j.link.LinkView.class)
                + everyAccessorThrows(route, io.github.netlink4j.route.RouteView.class)
                + everyAccessorThrows(address, io.github.netlink4j.address.AddressView.class);
        assertTrue(called >= 30, called + " accessors called");
    }

    private static int everyAccessorThrows(Object view, Class<?> api) {
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

    private static Object argument(Class<?> type) {
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
