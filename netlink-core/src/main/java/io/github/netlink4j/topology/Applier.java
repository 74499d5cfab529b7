package io.github.netlink4j.topology;

import io.github.netlink4j.error.TopologyException;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.error.NetlinkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes a {@link Topology}, step by step, remembering what it made so that it can be unmade. */
final class Applier {
    private final Topology t;
    final NetlinkClient host;
    private boolean ownsHost;
    final Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
    final Map<String, NetlinkClient> clients = new LinkedHashMap<>();
    final List<String> done = new ArrayList<>();
    // What to undo in the host, whose objects outlive the topology's namespaces. Links are known by
    // name and by the ifindex they had when the topology met them: a link deleted and re-created under
    // the same name behind the topology's back gets a new index and is someone else's, left alone.
    private final LinkedHashMap<String, Integer> hostLinks = new LinkedHashMap<>();
    /** Host veth ends whose peer lives in a namespace the topology made: they go when that namespace goes. */
    private final LinkedHashMap<String, Integer> hostLinksWithPeerInside = new LinkedHashMap<>();
    private final List<AddressSpec> hostAddresses = new ArrayList<>();
    private final LinkedHashMap<String, Integer> hostUps = new LinkedHashMap<>();
    /** The (st_dev, st_ino) of each named namespace the topology created, to know it again at close. */
    private final Map<String, Object> namespaceKeys = new HashMap<>();
    private final List<RouteSpec> hostRoutes = new ArrayList<>();
    private final List<RuleSpec> hostRules = new ArrayList<>();
    /**
     * Host qdiscs (with the handle the kernel gave), classes and filters (with the priority, protocol and
     * handle the kernel gave) made, in order; a namespace's go with it.
     */
    private final List<Object> hostTc = new ArrayList<>();
    private boolean undone;
    private final int steps;
    private int step;

    Applier(Topology t, NetlinkClient host) {
        this.t = t;
        this.host = host;
        this.steps = t.namespaces.size() + t.links.size() + t.addresses.size() + t.ups.size() + t.routes.size() + t.rules.size() + t.tc.size();
    }

    Topology topology() {
        return t;
    }

    synchronized boolean undone() {
        return undone;
    }

    AppliedTopology applyOwning() throws TopologyException {
        ownsHost = true;
        return apply();
    }

    private static String where(String ns) {
        return ns == null ? "host" : ns;
    }

    private NetlinkClient client(String ns) {
        return ns == null ? host : clients.get(ns);
    }

    private TopologyException fail(String what, Throwable cause) {
        try {
            undo();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        return new TopologyException(step, steps, what, cause);
    }

    AppliedTopology apply() throws TopologyException {
        String what = "";
        try {
            for (Topology.Namespace n : t.namespaces) {
                what = begin("namespace " + n.key() + (n.named() ? "" : " (anonymous)"));
                NetNamespace ns = n.named() ? NetNamespace.create(n.key()) : NetNamespace.createAnonymous();
                namespaces.put(n.key(), ns);
                if (n.named()) namespaceKeys.put(n.key(), fileKey(Path.of("/proc/self/fd/" + ns.fd())));
                clients.put(n.key(), NetlinkClient.open(ns));
                done.add(what);
            }
            for (Topology.Link l : t.links) {
                LinkSpec spec = l.spec();
                what = begin("link " + spec.name() + " (" + spec.kind() + ") in " + where(l.namespace())
                        + (l.peerNamespace() != null ? ", peer in " + l.peerNamespace() : ""));
                if (l.peerNamespace() != null) spec = ((LinkSpec.Veth) spec).withPeerNamespace(namespaces.get(l.peerNamespace()));
                int index = client(l.namespace()).links().add(spec).index();
                boolean peerInNamed = l.peerNamespace() != null
                        && t.namespaces.stream().anyMatch(n -> n.key().equals(l.peerNamespace()) && n.named());
                if (l.namespace() == null && peerInNamed) hostLinksWithPeerInside.put(spec.name(), index);
                else if (l.namespace() == null) hostLinks.put(spec.name(), index);
                done.add(what);
            }
            items(t.addresses, "address", a -> a.address().getHostAddress() + "/" + a.prefixLength() + " on " + a.link(),
                    (c, list) -> c.addresses().addAll(list), hostAddresses);
            for (Topology.Item<String> u : t.ups) {
                what = begin("link " + u.value() + " up in " + where(u.namespace()));
                NetlinkClient c = client(u.namespace());
                if (u.namespace() == null && !hostLinks.containsKey(u.value()) && !hostLinksWithPeerInside.containsKey(u.value())) {
                    io.github.netlink4j.link.Link before = c.links().get(u.value());
                    if (!before.isUp()) hostUps.put(u.value(), before.index());
                }
                c.links().setUp(u.value());
                done.add(what);
            }
            items(t.routes, "route", RouteSpec::destinationText, (c, list) -> c.routes().addAll(list), hostRoutes);
            items(t.rules, "rule", r -> r.priority().isPresent() ? "priority " + r.priority().getAsLong() : "without priority",
                    (c, list) -> c.rules().addAll(list), hostRules);
            for (Topology.Item<Object> item : t.tc) {
                NetlinkClient c = client(item.namespace());
                if (item.value() instanceof QdiscSpec q) {
                    what = begin("qdisc " + q.kind() + q.handle().map(h -> " " + h).orElse("") + " at " + q.parent() + " of " + q.link()
                            + " in " + where(item.namespace()));
                    Qdisc made = c.qdiscs().add(q);
                    if (item.namespace() == null) hostTc.add(q.withHandle(made.handle()));
                } else if (item.value() instanceof FilterSpec f) {
                    what = begin("filter " + f.kind() + (f.priority() == 0 ? "" : " prio " + f.priority()) + " at " + f.parent() + " of " + f.link()
                            + " in " + where(item.namespace()));
                    boolean freshPriority = item.namespace() == null && freshPriority(f);
                    Filter made = c.filters().add(f);
                    if (item.namespace() == null) hostTc.add(made(f, made, freshPriority));
                } else {
                    TrafficClassSpec k = (TrafficClassSpec) item.value();
                    what = begin("class " + k.kind() + " " + k.classid() + " of " + k.link() + " in " + where(item.namespace()));
                    c.trafficClasses().add(k);
                    if (item.namespace() == null) hostTc.add(k);
                }
                done.add(what);
            }
        } catch (TopologyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw fail(what, e);
        }
        return new AppliedTopology(this);
    }

    /**
     * Whether the host has no filter of {@code f}'s priority under its parent yet, so that the priority the
     * add makes (with a u32's hash table 800:) is the topology's to remove whole. A missing parent counts
     * as fresh: the add then fails and says why.
     */
    private boolean freshPriority(FilterSpec f) throws NetlinkException {
        if (f.priority() == 0) return true;
        try {
            return host.filters().list(f.link(), f.parent()).stream().noneMatch(x -> x.priority() == f.priority());
        } catch (io.github.netlink4j.error.NotFoundException noParent) {
            return true;
        }
    }

    /**
     * The spec undo deletes: the whole priority the add made ({@code tc filter del … prio P protocol X KIND}),
     * or, in a priority that was there before, the one filter made ({@code … handle H KIND}).
     */
    static FilterSpec made(FilterSpec spec, Filter made, boolean wholePriority) {
        java.util.OptionalLong handle = wholePriority ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(made.handle());
        return new FilterSpec(spec.link(), spec.parent(), made.priority(), made.protocol(), handle, spec.chain(), spec.options(), spec.actions());
    }

    private String begin(String what) {
        step++;
        return what;
    }

    @FunctionalInterface
    private interface Bulk<T> {
        BulkResult<Void> send(NetlinkClient c, List<T> items) throws NetlinkException;
    }

    /**
     * Sends the items of each namespace pipelined (one sendmsg for many), then reports them one by one
     * as steps: the first that failed is the step named, and those that succeeded are undone with the rest.
     */
    private <T> void items(List<Topology.Item<T>> all, String kind, java.util.function.Function<T, String> label, Bulk<T> bulk,
                           List<T> hostMade) throws TopologyException, NetlinkException {
        Map<String, List<Integer>> byNs = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) byNs.computeIfAbsent(all.get(i).namespace(), k -> new ArrayList<>()).add(i);
        Exception[] errors = new Exception[all.size()];
        for (Map.Entry<String, List<Integer>> e : byNs.entrySet()) {
            List<T> values = new ArrayList<>();
            for (int i : e.getValue()) values.add(all.get(i).value());
            NetlinkClient c = client(e.getKey());
            try {
                BulkResult<Void> r = bulk.send(c, values);
                for (int j = 0; j < values.size(); j++) errors[e.getValue().get(j)] = r.error(j).orElse(null);
            } catch (NetlinkException whole) {
                // A name that did not resolve fails the whole batch before anything is sent: find which, one by one.
                for (int j = 0; j < values.size(); j++) {
                    try {
                        errors[e.getValue().get(j)] = bulk.send(c, List.of(values.get(j))).error(0).orElse(null);
                    } catch (NetlinkException one) {
                        errors[e.getValue().get(j)] = one;
                    }
                }
            }
            for (int j = 0; j < values.size(); j++) {
                if (e.getKey() == null && errors[e.getValue().get(j)] == null) hostMade.add(values.get(j));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            String what = begin(kind + " " + label.apply(all.get(i).value()) + " in " + where(all.get(i).namespace()));
            if (errors[i] != null) throw fail(what, errors[i]);
            done.add(what);
        }
    }

    /** Removes what was made, newest first; every step is tried even when one fails. */
    synchronized void undo() throws IOException {
        if (undone) return;
        undone = true;
        List<Exception> errors = new ArrayList<>();
        // A filter goes before its class, a class before its qdisc, a leaf qdisc before its class: newest first. A qdisc is deleted
        // only while it is still there as made (the kernel answers a stale handle with EINVAL, not ENOENT).
        for (Object o : hostTc.reversed()) {
            run(errors, () -> {
                if (o instanceof FilterSpec f) {
                    host.filters().delete(f);
                } else if (o instanceof QdiscSpec q) {
                    if (host.qdiscs().find(q.link(), q.handle().orElseThrow()).filter(x -> q.matches(x, i -> q.link())).isPresent()) {
                        host.qdiscs().delete(q);
                    }
                } else {
                    host.trafficClasses().delete((TrafficClassSpec) o);
                }
            });
        }
        for (RuleSpec r : hostRules.reversed()) run(errors, () -> host.rules().delete(r));
        for (RouteSpec r : hostRoutes.reversed()) run(errors, () -> host.routes().delete(r));
        for (AddressSpec a : hostAddresses.reversed()) {
            if (!hostLinks.containsKey(a.link()) && !hostLinksWithPeerInside.containsKey(a.link())) run(errors, () -> host.addresses().delete(a));
        }
        for (Map.Entry<String, Integer> l : hostUps.sequencedEntrySet().reversed()) {
            run(errors, () -> {
                if (ours(l)) host.links().setDown(l.getKey());
            });
        }
        for (Map.Entry<String, Integer> l : hostLinks.sequencedEntrySet().reversed()) {
            run(errors, () -> {
                if (ours(l)) host.links().delete(l.getValue());
            });
        }
        for (NetlinkClient c : clients.values()) run(errors, c::close);
        for (Map.Entry<String, NetNamespace> e : new ArrayList<>(namespaces.entrySet()).reversed()) {
            // Asked while the handle still holds the namespace, so that its inode cannot have been reused.
            Object key = namespaceKeys.get(e.getKey());
            if (key != null) {
                run(errors, () -> {
                    if (key.equals(namedKey(e.getKey()))) NetNamespace.delete(e.getKey());
                });
            }
            run(errors, () -> e.getValue().close());
        }
        // A veth whose peer was in one of those namespaces goes with it: the kernel tears the namespace
        // down in the background, destroying many veth pairs under one RCU grace period, where a delete
        // of our own would wait for one per link. Wait for that (at most 2 s: something else, a process
        // started inside, may hold the namespace), then delete what is left.
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (Map.Entry<String, Integer> l : hostLinksWithPeerInside.sequencedEntrySet().reversed()) {
            run(errors, () -> {
                while (ours(l)) {
                    if (System.nanoTime() > deadline) {
                        host.links().delete(l.getValue());
                        return;
                    }
                    Thread.sleep(1);
                }
            });
        }
        if (ownsHost) run(errors, host::close);
        if (!errors.isEmpty()) {
            IOException io = new IOException("undoing the topology left " + errors.size() + " errors; first: " + errors.get(0).getMessage(), errors.get(0));
            for (int i = 1; i < errors.size(); i++) io.addSuppressed(errors.get(i));
            throw io;
        }
    }

    /**
     * Whether host link {@code l} (name and ifindex as the topology met it) is still that link. Both
     * must match: a re-created link has a new index, and a link moved in from another namespace may
     * keep an index that was freed meanwhile, but then under its own name.
     */
    private boolean ours(Map.Entry<String, Integer> l) throws NetlinkException {
        return host.links().find(l.getValue()).map(found -> found.name().equals(l.getKey())).orElse(false);
    }

    /** The (st_dev, st_ino) of what {@code path} resolves to: for a namespace file, the namespace's identity on nsfs. */
    private static Object fileKey(Path path, LinkOption... options) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, options).fileKey();
    }

    /** The identity of what is mounted at the namespace name now, or null when the name is gone. */
    private static Object namedKey(String name) throws IOException {
        try {
            // not followed: a symbolic link put there is not the namespace made, even if it points to it
            return fileKey(NetNamespace.RUN_DIR.resolve(name), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Undo {
        void run() throws Exception;
    }

    /** Runs one undo step; an object already gone (removed behind the topology's back) is not an error. */
    private static void run(List<Exception> errors, Undo u) {
        try {
            u.run();
        } catch (io.github.netlink4j.error.NotFoundException gone) {
            // already gone
        } catch (io.github.netlink4j.error.KernelException e) {
            int errno = e.errno();
            boolean gone = errno == io.github.netlink4j.error.Errno.ESRCH || errno == io.github.netlink4j.error.Errno.ENOENT
                    || errno == io.github.netlink4j.error.Errno.EADDRNOTAVAIL || errno == io.github.netlink4j.error.Errno.ENODEV;
            if (!gone) errors.add(e);
        } catch (Exception e) {
            errors.add(e);
        }
    }
}
