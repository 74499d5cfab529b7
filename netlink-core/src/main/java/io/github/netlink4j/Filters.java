package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.tc.FilterCodec;
import io.github.netlink4j.internal.codec.view.FilterFlyweight;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.FilterView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Filters: what {@code tc filter} lists, adds, replaces, changes and deletes (RTM_NEWTFILTER,
 * RTM_DELTFILTER, RTM_GETTFILTER dumps). The kernel lists the filters of one parent (a qdisc, a class,
 * or clsact's ingress or egress hook) of one link at a time; a link is named by its name and resolved
 * to its index first (one RTM_GETLINK), as are the links mirred actions send to.
 *
 * {@snippet :
 * nl.filters().add(FilterSpec.of("veth0", TcHandle.of("1:"), 10, FilterProtocol.IP,
 *         FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")))).withClassid(TcHandle.of("1:10"))));
 * List<Filter> fs = nl.filters().list("veth0", TcHandle.of("1:"));       // tc filter show dev veth0 parent 1:
 * nl.filters().delete("veth0", TcHandle.of("1:"), 10);                    // tc filter del dev veth0 parent 1: prio 10
 * }
 */
public final class Filters {
    private final RequestSocket socket;
    private final Links links;
    private final Qdiscs qdiscs;
    private final TrafficClasses classes;

    Filters(RequestSocket socket, Links links, Qdiscs qdiscs, TrafficClasses classes) {
        this.socket = socket;
        this.links = links;
        this.qdiscs = qdiscs;
        this.classes = classes;
    }

    /** The filters under {@code parent} of {@code link} in every chain ({@code tc filter show dev LINK parent P}), in the kernel's order. */
    public List<Filter> list(String link, TcHandle parent) throws NetlinkException {
        return list(links.index(link), parent, OptionalLong.empty());
    }

    /** The filters under {@code parent} of {@code link} in chain {@code chain} ({@code … chain C}). */
    public List<Filter> list(String link, TcHandle parent, long chain) throws NetlinkException {
        return list(links.index(link), parent, OptionalLong.of(chain));
    }

    /**
     * Every filter of {@code link}: one dump per parent that can hold filters, found from its qdiscs and
     * classes (each qdisc with a handle, each class, and clsact's or ingress's hooks).
     */
    public List<Filter> list(String link) throws NetlinkException {
        int index = links.index(link);
        List<Filter> out = new ArrayList<>();
        for (TcHandle p : parents(link)) out.addAll(list(index, p, OptionalLong.empty()));
        return out;
    }

    /** The parents of {@code link} that can hold filters: each qdisc with a handle, each class, clsact's or ingress's hooks. */
    private List<TcHandle> parents(String link) throws NetlinkException {
        return FilterCodec.parents(qdiscs.list(link), classes.list(link));
    }

    /**
     * Hands every filter under {@code parent} of {@code link} (every chain) to {@code action} as it is read, like
     * {@link #list(String, TcHandle)} without its records: a {@link FilterView} over the received bytes, reused for
     * the next filter, that reads only what is asked of it. The view is valid only during the call. Should the
     * kernel flag the dump interrupted (NLM_F_DUMP_INTR), the dump is read again from the start, and {@code action}
     * sees the filters of the new attempt too.
     */
    public void forEach(String link, TcHandle parent, Consumer<? super FilterView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        forEach(links.index(link), parent, new FilterFlyweight(), action);
    }

    /** {@link #forEach(String, TcHandle, Consumer)} over every parent of {@code link}, found as {@link #list(String)} finds them. */
    public void forEach(String link, Consumer<? super FilterView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        int index = links.index(link);
        FilterFlyweight v = new FilterFlyweight();
        for (TcHandle p : parents(link)) forEach(index, p, v, action);
    }

    private void forEach(int index, TcHandle parent, FilterFlyweight v, Consumer<? super FilterView> action) throws NetlinkException {
        socket.dump(w -> FilterCodec.encodeDump(w, index, parent, OptionalLong.empty()), FilterCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "filters");
    }

    private List<Filter> list(int index, TcHandle parent, OptionalLong chain) throws NetlinkException {
        List<Filter> out = new ArrayList<>();
        socket.dump(w -> FilterCodec.encodeDump(w, index, parent, chain), FilterCodec.NEW, (s, off, len) -> out.add(FilterCodec.decode(s, off, len)),
                out::clear, "filters");
        return out;
    }

    /**
     * The filter of {@code link} under {@code parent} with priority {@code priority}, protocol
     * {@code protocol} and handle {@code handle} (tc's {@code fh}), if there is one. From a dump of the parent.
     */
    public Optional<Filter> find(String link, TcHandle parent, int priority, FilterProtocol protocol, long handle) throws NetlinkException {
        return list(link, parent).stream().filter(f -> f.priority() == priority && f.protocol().equals(protocol) && f.handle() == handle)
                .findFirst();
    }

    /** The filter {@link #find} finds; {@link NotFoundException} if there is none. */
    public Filter get(String link, TcHandle parent, int priority, FilterProtocol protocol, long handle) throws NetlinkException {
        return find(link, parent, priority, protocol, handle).orElseThrow(() -> new NotFoundException("filter " + Long.toHexString(handle) + " prio "
                + priority + " protocol " + protocol + " under " + parent + " of " + link + " does not exist", null));
    }

    /**
     * The filter {@code spec} names, asked of the kernel by one RTM_GETTFILTER as {@code tc filter get}
     * sends it (link, parent, priority, protocol, handle, chain and kind; the options are not compared);
     * empty when the kernel has no such filter. Unlike {@link #find(String, TcHandle, int, FilterProtocol, long)},
     * which searches every chain of a dump, this looks in the spec's chain only.
     *
     * @throws IllegalArgumentException the spec names no handle (a get names one filter)
     */
    public Optional<Filter> find(FilterSpec spec) throws NetlinkException {
        try {
            return Optional.of(fetch(spec));
        } catch (NetlinkException e) {
            if (TcErrors.isPlainEnoent(e)) return Optional.empty();
            throw e;
        }
    }

    /** The filter {@link #find(FilterSpec)} finds; {@link NotFoundException} (with the kernel's words) if there is none. */
    public Filter get(FilterSpec spec) throws NetlinkException {
        try {
            return fetch(spec);
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, describe(spec));
        }
    }

    private Filter fetch(FilterSpec spec) throws NetlinkException {
        if (spec.handle().isEmpty()) throw new IllegalArgumentException(describe(spec) + ": a filter get needs its handle");
        int index = links.index(spec.link());
        Filter[] found = new Filter[1];
        socket.get(w -> FilterCodec.encodeGet(w, index, spec.parent(), spec.priority(), spec.protocol(), spec.handle().getAsLong(), spec.kind(),
                spec.chain()), (s, off, len) -> found[0] = FilterCodec.decodeEcho(s, off, len), target("get filter", spec));
        if (found[0] == null) throw new NotFoundException("the kernel answered the get of " + describe(spec) + " with no filter", null);
        return found[0];
    }

    /**
     * {@code tc filter add}: adds the filter and returns it as the kernel made it (with the handle and
     * priority it picked if the spec set none). A refused filter leaves nothing behind: the kernel
     * removes the priority it made for it.
     *
     * @throws io.github.netlink4j.error.UnsupportedFilterKindException the kernel has no such classifier
     * @throws io.github.netlink4j.error.UnsupportedActionKindException the kernel lacks one of the actions' kinds
     * @throws io.github.netlink4j.error.NoSuchParentException          the parent qdisc or class does not exist
     * @throws io.github.netlink4j.error.AlreadyExistsException         a filter with the handle exists
     */
    public Filter add(FilterSpec spec) throws NetlinkException {
        return modify(spec, FilterCodec.Mode.ADD);
    }

    /** {@code tc filter replace}: adds the filter, or changes the one with the spec's handle. */
    public Filter replace(FilterSpec spec) throws NetlinkException {
        return modify(spec, FilterCodec.Mode.REPLACE);
    }

    /**
     * {@code tc filter change}: sets the options of the filter with the spec's handle, which must exist.
     *
     * @throws NotFoundException there is no such filter
     */
    public Filter change(FilterSpec spec) throws NetlinkException {
        return modify(spec, FilterCodec.Mode.CHANGE);
    }

    private Filter modify(FilterSpec spec, FilterCodec.Mode mode) throws NetlinkException {
        int index = links.index(spec.link());
        Map<String, Integer> targets = targets(List.of(spec));
        Filter[] made = new Filter[1];
        try {
            socket.request(w -> FilterCodec.encodeModify(w, spec, index, targets::get, mode, true), (s, off, len) -> {
                Filter f = FilterCodec.decodeEcho(s, off, len);
                if (f != null && made[0] == null) made[0] = f;
            }, target(mode.name().toLowerCase(Locale.ROOT) + " filter", spec));
        } catch (NetlinkException e) {
            throw mode == FilterCodec.Mode.CHANGE ? TcErrors.onExisting(e, describe(spec)) : onCreate(e, spec);
        }
        // The echo of a replace or change of a u32 filter is the filter before it (u32_change replaces the
        // node without handing the new one back), so those are read again.
        if (made[0] != null && mode == FilterCodec.Mode.ADD) return made[0];
        if (made[0] != null) return find(spec.link(), spec.parent(), made[0].priority(), made[0].protocol(), made[0].handle()).orElse(made[0]);
        Map<Integer, String> names = Map.of(index, spec.link());
        return list(spec.link(), spec.parent()).stream().filter(f -> f.handle() != 0 && spec.matches(f, names::get)).findFirst()
                .orElseThrow(() -> new NotFoundException("the kernel did not report the " + describe(spec) + " it made", null));
    }

    /**
     * Deletes the filter {@code spec} names: with a handle, that one filter ({@code tc filter del dev LINK
     * parent P protocol PROTO prio N handle H KIND}); without, every filter of its priority and protocol.
     */
    public void delete(FilterSpec spec) throws NetlinkException {
        int index = links.index(spec.link());
        try {
            socket.request(w -> FilterCodec.encodeDelete(w, spec, index), null, target("delete filter", spec));
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, describe(spec));
        }
    }

    /** {@code tc filter del dev LINK parent P prio N}: every filter of priority {@code priority} under {@code parent}. */
    public void delete(String link, TcHandle parent, int priority) throws NetlinkException {
        int index = links.index(link);
        String what = "filters of prio " + priority + " under " + parent + " of " + link;
        try {
            socket.request(w -> FilterCodec.encodeDelete(w, index, parent, priority, FilterProtocol.ANY, 0, null, OptionalLong.empty()), null,
                    Target.onLink("delete filter", what, link));
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, what);
        }
    }

    /**
     * Adds many filters ({@code tc -batch} of {@code filter add}), pipelined in order; each reports its own
     * success or error, and nothing is asked back. Round trips: one per distinct link name (its index and
     * its mirred targets'), then one per 64 filters.
     */
    public BulkResult<Void> addAll(List<FilterSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        Map<String, Integer> targets = targets(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> FilterCodec.encodeModify(w, specs.get(i), idx.get(specs.get(i).link()), targets::get, FilterCodec.Mode.ADD, false), null,
                i -> target("add filter", specs.get(i)));
        for (int i = 0; i < errs.length; i++) errs[i] = errs[i] == null ? null : onCreate(errs[i], specs.get(i));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many filters, each as {@link #delete(FilterSpec)} does, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<FilterSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> FilterCodec.encodeDelete(w, specs.get(i), idx.get(specs.get(i).link())), null,
                i -> target("delete filter", specs.get(i)));
        for (int i = 0; i < errs.length; i++) errs[i] = errs[i] == null ? null : TcErrors.onExisting(errs[i], describe(specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private static NetlinkException onCreate(NetlinkException e, FilterSpec s) {
        return TcErrors.onFilterCreate(e, describe(s), s.kind(), actionKinds(s.actions()), s.parent().toString());
    }

    /** The kinds of {@code actions}, for an error that does not say which one the kernel lacks: {@code gact} or {@code gact/mirred}. */
    static String actionKinds(List<ActionSpec> actions) {
        return actions.stream().map(ActionSpec::kind).distinct().collect(Collectors.joining("/"));
    }

    private Map<String, Integer> indexes(List<FilterSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (FilterSpec s : specs) if (!idx.containsKey(s.link())) idx.put(s.link(), links.index(s.link()));
        return idx;
    }

    /** The index of every link a mirred action of {@code specs} sends to. */
    private Map<String, Integer> targets(List<FilterSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (FilterSpec s : specs) {
            for (ActionSpec a : s.actions()) {
                if (a.targetLink().isPresent() && !idx.containsKey(a.targetLink().get())) idx.put(a.targetLink().get(), links.index(a.targetLink().get()));
            }
        }
        return idx;
    }

    private static Target target(String operation, FilterSpec spec) {
        return Target.onLink(operation, describe(spec), spec.link());
    }

    /** {@code filter u32 prio 10 under 1: of veth0}. */
    private static String describe(FilterSpec s) {
        return "filter " + s.kind() + (s.priority() != 0 ? " prio " + s.priority() : "") + " under " + s.parent() + " of " + s.link();
    }
}
