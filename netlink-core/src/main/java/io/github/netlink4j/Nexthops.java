package io.github.netlink4j;

import io.github.netlink4j.route.NexthopObject;
import io.github.netlink4j.route.NexthopObjectSpec;
import io.github.netlink4j.route.NexthopView;
import io.github.netlink4j.internal.codec.view.NexthopFlyweight;
import io.github.netlink4j.route.RouteSpec;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.NexthopCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import io.github.netlink4j.common.BulkResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Nexthop objects (kernel 5.3+): what {@code ip nexthop} lists, adds, replaces, gets and deletes
 * (RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP). Routes use them by id ({@link RouteSpec#withNexthopId}).
 *
 * {@snippet :
 * nl.nexthops().add(NexthopObjectSpec.via(1, InetAddress.ofLiteral("10.200.0.1"), "veth0"));   // ip nexthop add id 1 via 10.200.0.1 dev veth0
 * NexthopObject one = nl.nexthops().get(1);                                                    // ip nexthop get id 1
 * }
 */
public final class Nexthops {
    private final RequestSocket socket;
    private final Links links;

    Nexthops(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every nexthop object, singles and groups, in the kernel's order (by id). */
    public List<NexthopObject> list() throws NetlinkException {
        List<NexthopObject> out = new ArrayList<>();
        socket.dump(NexthopCodec::encodeDump, NexthopCodec.NEW, (s, off, len) -> out.add(NexthopCodec.decode(s, off, len)), out::clear,
                "nexthops");
        return out;
    }

    /**
     * Hands every nexthop object to {@code action} as it is read, like {@link #list()} without its records: a
     * {@link NexthopView} over the received bytes, reused for the next object, that reads only what is asked
     * of it, so a dump allocates nothing per object. The view is valid only during the call. Should the
     * kernel flag the dump interrupted (NLM_F_DUMP_INTR), the dump is read again from the start, and
     * {@code action} sees the objects of the new attempt too.
     */
    public void forEach(Consumer<? super NexthopView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        NexthopFlyweight v = new NexthopFlyweight();
        socket.dump(NexthopCodec::encodeDump, NexthopCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "nexthops");
    }

    /** Nexthop {@code id}, if it exists. */
    public Optional<NexthopObject> find(long id) throws NetlinkException {
        NexthopObject[] found = new NexthopObject[1];
        try {
            socket.get(w -> NexthopCodec.encodeGet(w, id), (s, off, len) -> found[0] = NexthopCodec.decodeEcho(s, off, len),
                    Target.of("get nexthop", "nexthop id " + id));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw e;
        }
        return Optional.ofNullable(found[0]);
    }

    /** Nexthop {@code id}; {@link NotFoundException} if there is none. */
    public NexthopObject get(long id) throws NetlinkException {
        return find(id).orElseThrow(() -> new NotFoundException("nexthop id " + id + " does not exist", null));
    }

    /** {@code ip nexthop add}: adds the nexthop and returns it as the kernel made it (with its id if the kernel chose one). */
    public NexthopObject add(NexthopObjectSpec spec) throws NetlinkException {
        return modify(spec, false);
    }

    /** {@code ip nexthop replace}: adds the nexthop or replaces the one with its id. */
    public NexthopObject replace(NexthopObjectSpec spec) throws NetlinkException {
        return modify(spec, true);
    }

    private NexthopObject modify(NexthopObjectSpec spec, boolean replace) throws NetlinkException {
        int index = spec.link().isPresent() ? links.index(spec.link().get()) : 0;
        NexthopObject[] made = new NexthopObject[1];
        socket.request(w -> NexthopCodec.encodeAdd(w, spec, n -> index, replace, true), (s, off, len) -> {
            NexthopObject n = NexthopCodec.decodeEcho(s, off, len);
            if (n != null && made[0] == null) made[0] = n;
        }, Target.onLink(replace ? "replace nexthop" : "add nexthop", describe(spec), spec.link().orElse(null)));
        if (made[0] != null) return made[0];
        if (spec.id().isPresent()) return get(spec.id().getAsLong());
        throw new NotFoundException("the kernel did not say which id it gave the nexthop", null);
    }

    /**
     * Adds many nexthop objects ({@code ip -batch} of {@code nexthop add}), pipelined in order (a group may
     * name members added before it in the same list); each reports its own success or error, and nothing
     * is asked back. Round trips: one per distinct link name (its index), then one per 64 objects.
     */
    public BulkResult<Void> addAll(List<NexthopObjectSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (NexthopObjectSpec s : specs) {
            if (s.link().isPresent() && !idx.containsKey(s.link().get())) idx.put(s.link().get(), links.index(s.link().get()));
        }
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> NexthopCodec.encodeAdd(w, specs.get(i), idx::get, false, false), null,
                i -> Target.onLink("add nexthop", describe(specs.get(i)), specs.get(i).link().orElse(null)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many nexthop objects by id, pipelined; each reports its own success or error. One round trip per 64. */
    public BulkResult<Void> deleteAll(List<Long> ids) throws NetlinkException {
        NetlinkException[] errs = socket.batch(ids.size(), (w, i) -> NexthopCodec.encodeDelete(w, ids.get(i)), null,
                i -> Target.of("delete nexthop", "nexthop id " + ids.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[ids.size()]), Arrays.asList(errs));
    }

    /** {@code ip nexthop del id N}. */
    public void delete(long id) throws NetlinkException {
        socket.request(w -> NexthopCodec.encodeDelete(w, id), null, Target.of("delete nexthop", "nexthop id " + id));
    }

    private static String describe(NexthopObjectSpec s) {
        return "nexthop" + (s.id().isPresent() ? " id " + s.id().getAsLong() : "");
    }
}
