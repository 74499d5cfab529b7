package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.common.NamespaceHandle;
import io.github.netlink4j.support.Validate;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.Netconf;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.internal.codec.NetconfCodec;
import io.github.netlink4j.link.LinkChange;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkSelector;
import io.github.netlink4j.link.LinkView;
import io.github.netlink4j.internal.codec.view.LinkFlyweight;
import io.github.netlink4j.link.LinkSpec;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Network interfaces: what {@code ip link} lists, creates, changes and deletes (RTM_NEWLINK,
 * RTM_DELLINK, RTM_GETLINK). Links are named by name or index; a name that does not resolve raises
 * {@link NoSuchLinkException} before anything else is sent.
 *
 * {@snippet :
 * try (NetlinkClient nl = NetlinkClient.open()) {
 *     Link veth0 = nl.links().add(LinkSpec.veth("veth0", "veth1"));   // ip link add veth0 type veth peer name veth1
 *     nl.links().setUp("veth0");                                       // ip link set veth0 up
 * }
 * }
 */
public final class Links {
    private final RequestSocket socket;

    Links(RequestSocket socket) {
        this.socket = socket;
    }

    /** Every link, like {@code ip link show} (an RTM_GETLINK dump, statistics skipped). */
    public List<Link> list() throws NetlinkException {
        return list(false);
    }

    /** Every link; with {@code stats}, IFLA_STATS64 is included, like {@code ip -s link}. */
    public List<Link> list(boolean stats) throws NetlinkException {
        List<Link> out = new ArrayList<>();
        socket.dump(w -> LinkCodec.encodeDump(w, stats), LinkCodec.NEW, (s, off, len) -> out.add(LinkCodec.decode(s, off, len)),
                out::clear, "links");
        return out;
    }

    /**
     * The IP configuration of {@code family} ({@link AddressFamily#INET} or {@link AddressFamily#INET6}) the
     * kernel keeps per link, and the namespace's {@link Netconf#ALL all} and {@link Netconf#DEFAULT default}
     * ones, in the kernel's order: {@code ip -4 netconf show}. The same records {@code ip monitor netconf}
     * events carry.
     */
    public List<Netconf> netconf(AddressFamily family) throws NetlinkException {
        if (family != AddressFamily.INET && family != AddressFamily.INET6) {
            throw new IllegalArgumentException("netconf is kept for inet and inet6, not " + family);
        }
        List<Netconf> out = new ArrayList<>();
        socket.dump(w -> NetconfCodec.encodeDump(w, family), NetconfCodec.NEW, (s, off, len) -> {
            if (NetconfCodec.knownFamily(s, off, len)) out.add(NetconfCodec.decode(s, off, len));
        }, out::clear, "netconf");
        return out;
    }

    /**
     * The links {@code selector} selects, like {@code ip link show master M type K}: the kernel sends
     * those alone (see {@link LinkSelector}). A master that does not exist raises {@link NoSuchLinkException}.
     */
    public List<Link> list(LinkSelector selector) throws NetlinkException {
        int master = selector.master().isPresent() ? index(selector.master().get()) : 0;
        String kind = selector.kind().orElse(null);
        List<Link> out = new ArrayList<>();
        socket.dump(w -> LinkCodec.encodeDump(w, false, selector.vfInfo(), master, kind), LinkCodec.NEW, (s, off, len) -> {
            Link l = LinkCodec.decode(s, off, len);
            // a kernel without strict checking, or without the kind's module, sends every link
            if (selector.matches(l, master)) out.add(l);
        }, out::clear, "links");
        return out;
    }

    /**
     * Hands every link to {@code action} as it is read, like {@link #list()} without its records: a
     * {@link LinkView} over the received bytes, reused for the next link, that reads only what is asked of
     * it, so a dump allocates nothing per link. The view is valid only during the call. Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR: a change while it ran), the dump
     * is read again from the start, and {@code action} sees the objects of the new attempt too.
     *
     * {@snippet :
     * int[] up = {0};
     * nl.links().forEach(v -> { if (v.has(LinkFlag.UP)) up[0]++; });
     * }
     */
    public void forEach(Consumer<? super LinkView> action) throws NetlinkException {
        forEach(LinkSelector.empty(), action);
    }

    /** {@link #forEach(Consumer)} over the links {@code selector} selects, which the kernel sends alone. */
    public void forEach(LinkSelector selector, Consumer<? super LinkView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        int master = selector.master().isPresent() ? index(selector.master().get()) : 0;
        String kind = selector.kind().orElse(null);
        LinkFlyweight v = new LinkFlyweight();
        socket.dump(w -> LinkCodec.encodeDump(w, false, selector.vfInfo(), master, kind), LinkCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                // as list(selector): a kernel without strict checking, or without the kind's module, sends every link
                if ((master == 0 || v.masterIndex() == master) && (kind == null || v.kindEquals(kind))) action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "links");
    }

    /** The link named {@code name}, if there is one. */
    public Optional<Link> find(String name) throws NetlinkException {
        try {
            return Optional.of(get(name));
        } catch (NoSuchLinkException e) {
            return Optional.empty();
        }
    }

    /** The link with index {@code index}, if there is one. */
    public Optional<Link> find(int index) throws NetlinkException {
        try {
            return Optional.of(get(index));
        } catch (NoSuchLinkException e) {
            return Optional.empty();
        }
    }

    /** The link named {@code name} (RTM_GETLINK by IFLA_IFNAME); {@link NoSuchLinkException} if there is none. */
    public Link get(String name) throws NetlinkException {
        Validate.ifName(name);
        return fetch(0, name, name);
    }

    /** The link with index {@code index}; {@link NoSuchLinkException} if there is none. */
    public Link get(int index) throws NetlinkException {
        Validate.index(index);
        return fetch(index, null, String.valueOf(index));
    }

    /**
     * The index of the link named {@code name}; {@link NoSuchLinkException} if there is none. One
     * RTM_GETLINK whose answer is read for its ifi_index only: every handle resolves names through
     * this, so it does not decode the ~1.5 KB of attributes a link comes with.
     */
    public int index(String name) throws NetlinkException {
        Validate.ifName(name);
        int[] found = {-1};
        socket.get(w -> LinkCodec.encodeGet(w, 0, name), (s, off, len) -> found[0] = LinkCodec.indexOf(s, off, len),
                Target.onLink("get link", "link \"" + name + "\"", name));
        if (found[0] <= 0) throw new NoSuchLinkException(name, null);
        return found[0];
    }

    private Link fetch(int index, String name, String label) throws NetlinkException {
        Link[] found = new Link[1];
        socket.get(w -> LinkCodec.encodeGet(w, index, name), (s, off, len) -> found[0] = LinkCodec.decode(s, off, len),
                Target.onLink("get link", "link \"" + label + "\"", label));
        return found[0];
    }

    /**
     * Creates a link and returns it as the kernel made it (index, MAC, …) in one round trip: the
     * request carries NLM_F_ECHO. Names the spec refers to (parent, master, underlay) are resolved first.
     *
     * @throws io.github.netlink4j.error.AlreadyExistsException       if the name is taken
     * @throws io.github.netlink4j.error.UnsupportedLinkKindException if the kernel lacks the kind
     * @throws NoSuchLinkException                                    if a link the spec names does not exist
     */
    public Link add(LinkSpec spec) throws NetlinkException {
        Map<String, Integer> indexes = resolve(spec);
        Link[] made = new Link[1];
        socket.request(w -> LinkCodec.encodeCreate(w, spec, indexes::get, true),
                (s, off, len) -> keepEcho(s, off, len, spec.name(), made, 0), target(spec));
        Optional<String> alias = spec.options().alias();
        if (alias.isPresent() && !alias.equals((made[0] != null ? made[0] : get(spec.name())).alias())) {
            // the kernel reads IFLA_IFALIAS only when changing a link, never when creating one (rtnl_create_link)
            setAlias(spec.name(), alias.get());
            return get(spec.name());
        }
        return made[0] != null ? made[0] : get(spec.name());
    }

    private static Target target(LinkSpec spec) {
        return new Target("add link", "link \"" + spec.name() + "\"", spec.name(), spec.kind());
    }

    private static void keepEcho(MemorySegment s, long off, int len, String name, Link[] into, int i)
            throws io.github.netlink4j.error.ProtocolException {
        Link l = LinkCodec.decodeEcho(s, off, len);
        if (l != null && l.name().equals(name)) into[i] = l;
    }

    private Map<String, Integer> resolve(LinkSpec spec) throws NetlinkException {
        Map<String, Integer> indexes = new HashMap<>();
        for (String n : LinkCodec.referencedLinks(spec)) indexes.put(n, index(n));
        return indexes;
    }

    /**
     * Creates many links, pipelined (up to 64 requests per sendmsg), each reporting its own success or
     * error, like {@code ip -batch} with {@code -force}. Nothing is asked back (see the verb rule in
     * the package documentation): {@link #list()} afterwards if the records are needed. Names the specs
     * refer to must exist before the call.
     */
    public BulkResult<Void> addAll(List<? extends LinkSpec> specs) throws NetlinkException {
        // each name the specs refer to looked up once (1,000 ports of one bridge: one RTM_GETLINK)
        Map<String, Integer> indexes = new HashMap<>();
        for (LinkSpec s : specs) {
            for (String n : LinkCodec.referencedLinks(s)) if (!indexes.containsKey(n)) indexes.put(n, index(n));
        }
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> LinkCodec.encodeCreate(w, specs.get(i), indexes::get, false), null, i -> target(specs.get(i)));
        // The kernel ignores IFLA_IFALIAS on create: the links made with an alias get it in a second batch,
        // each named by IFLA_IFNAME (ifindex 0), so no index has to be asked for.
        List<Integer> aliased = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) if (errs[i] == null && specs.get(i).options().alias().isPresent()) aliased.add(i);
        if (!aliased.isEmpty()) {
            NetlinkException[] second = socket.batch(aliased.size(), (w, k) -> {
                LinkSpec s = specs.get(aliased.get(k));
                LinkCodec.encodeChange(w, 0, 0, 0, x -> {
                    LinkCodec.name(s.name()).accept(x);
                    LinkCodec.alias(s.options().alias().get()).accept(x);
                });
            }, null, k -> Target.onLink("set alias", "link \"" + specs.get(aliased.get(k)).name() + "\"", specs.get(aliased.get(k)).name()));
            for (int k = 0; k < second.length; k++) if (second[k] != null) errs[aliased.get(k)] = second[k];
        }
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes the link named {@code name} ({@code ip link del}); a veth's peer goes with it. */
    public void delete(String name) throws NetlinkException {
        int index = index(name);
        socket.request(w -> LinkCodec.encodeDelete(w, index), null, Target.onLink("delete link", "link \"" + name + "\"", name));
    }

    /** Deletes the link with index {@code index}. */
    public void delete(int index) throws NetlinkException {
        Validate.index(index);
        String label = String.valueOf(index);
        socket.request(w -> LinkCodec.encodeDelete(w, index), null, Target.onLink("delete link", "link " + label, label));
    }

    /**
     * Deletes many links by name, pipelined; each reports its own success or error. The names are
     * resolved with one dump; a name that is not there fails alone with NoSuchLinkException.
     */
    public BulkResult<Void> deleteAll(List<String> names) throws NetlinkException {
        Map<String, Integer> byName = new HashMap<>();
        for (Link l : list()) byName.put(l.name(), l.index());
        NetlinkException[] errs = new NetlinkException[names.size()];
        List<Integer> sent = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Integer index = byName.get(names.get(i));
            if (index == null) {
                errs[i] = new NoSuchLinkException(names.get(i), null);
            } else {
                indexes.add(index);
                sent.add(i);
            }
        }
        NetlinkException[] kernel = socket.batch(sent.size(), (w, j) -> LinkCodec.encodeDelete(w, indexes.get(j)), null,
                j -> Target.onLink("delete link", "link \"" + names.get(sent.get(j)) + "\"", names.get(sent.get(j))));
        for (int j = 0; j < kernel.length; j++) if (kernel[j] != null) errs[sent.get(j)] = kernel[j];
        return new BulkResult<>(Arrays.asList(new Void[names.size()]), Arrays.asList(errs));
    }

    private void change(String name, int flags, int change, LinkCodec.Change attrs, String what) throws NetlinkException {
        int index = index(name);
        socket.request(w -> LinkCodec.encodeChange(w, index, flags, change, attrs), null, Target.onLink(what, "link \"" + name + "\"", name));
    }

    /**
     * {@code ip link set NAME up mtu N …}: every change in {@code change} in one RTM_NEWLINK. The master
     * is resolved by name first, so an unknown master fails before anything is sent.
     */
    public void set(String name, LinkChange change) throws NetlinkException {
        if (change.isEmpty()) return;
        // IFLA_MASTER: 0 frees the link, a master is resolved by name first
        java.util.OptionalInt m = change.noMaster() ? java.util.OptionalInt.of(0)
                : change.master().isPresent() ? java.util.OptionalInt.of(index(change.master().get())) : java.util.OptionalInt.empty();
        LinkCodec.Change attrs = w -> {
            change.name().ifPresent(n -> LinkCodec.name(n).accept(w));
            change.address().ifPresent(a -> LinkCodec.address(a).accept(w));
            change.broadcast().ifPresent(b -> LinkCodec.broadcast(b).accept(w));
            change.txQueueLength().ifPresent(q -> LinkCodec.txQueueLength(q).accept(w));
            change.mtu().ifPresent(x -> LinkCodec.mtu(x).accept(w));
            if (m.isPresent()) LinkCodec.master(m.getAsInt()).accept(w);
            change.alias().ifPresent(a -> LinkCodec.alias(a).accept(w));
            change.group().ifPresent(g -> LinkCodec.group(g).accept(w));
        };
        int upBit = LinkFlag.UP.bit();
        int flags = change.up().orElse(false) ? upBit : 0;
        int mask = change.up().isPresent() ? upBit : 0;
        for (var e : change.flags().entrySet()) {
            mask |= e.getKey().bit();
            if (e.getValue()) flags |= e.getKey().bit();
        }
        change(name, flags, mask, attrs, "set link");
    }

    /** {@code ip link set NAME up}. */
    public void setUp(String name) throws NetlinkException {
        change(name, LinkFlag.UP.bit(), LinkFlag.UP.bit(), null, "set up");
    }

    /** {@code ip link set NAME down}. */
    public void setDown(String name) throws NetlinkException {
        change(name, 0, LinkFlag.UP.bit(), null, "set down");
    }

    /** {@code ip link set NAME mtu N} (IFLA_MTU); the kernel checks the link's own minimum and maximum. */
    public void setMtu(String name, int mtu) throws NetlinkException {
        Validate.mtu(mtu);
        change(name, 0, 0, LinkCodec.mtu(mtu), "set mtu");
    }

    /** {@code ip link set NAME name NEW} (IFLA_IFNAME). */
    public void rename(String name, String newName) throws NetlinkException {
        Validate.ifName(newName);
        change(name, 0, 0, LinkCodec.name(newName), "rename");
    }

    /** {@code ip link set NAME address MAC} (IFLA_ADDRESS). */
    public void setAddress(String name, MacAddress mac) throws NetlinkException {
        Validate.mac(mac);
        change(name, 0, 0, LinkCodec.address(mac), "set address");
    }

    /** {@code ip link set NAME master BRIDGE} (IFLA_MASTER). */
    public void setMaster(String name, String master) throws NetlinkException {
        int m = index(master);
        change(name, 0, 0, LinkCodec.master(m), "set master");
    }

    /** {@code ip link set NAME nomaster} (IFLA_MASTER 0). */
    public void setNoMaster(String name) throws NetlinkException {
        change(name, 0, 0, LinkCodec.master(0), "set nomaster");
    }

    /** {@code ip link set NAME alias TEXT} (IFLA_IFALIAS); an empty text removes the alias. */
    public void setAlias(String name, String alias) throws NetlinkException {
        Validate.text("alias", alias, 255);
        change(name, 0, 0, LinkCodec.alias(alias), "set alias");
    }

    /** {@code ip link set NAME txqueuelen N} (IFLA_TXQLEN). */
    public void setTxQueueLength(String name, long qlen) throws NetlinkException {
        Validate.u32("txqueuelen", qlen);
        change(name, 0, 0, LinkCodec.txQueueLength(qlen), "set txqueuelen");
    }

    /** {@code ip link set NAME netns NS}: moves the link into the namespace (IFLA_NET_NS_FD). */
    public void moveTo(String name, NamespaceHandle ns) throws NetlinkException {
        int fd = ns.fd();
        change(name, 0, 0, LinkCodec.namespaceFd(fd), "move to namespace");
    }

    /** {@code ip link set NAME netns PID}: moves the link into process {@code pid}'s namespace (IFLA_NET_NS_PID). */
    public void moveToPid(String name, long pid) throws NetlinkException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) throw new IllegalArgumentException("bad pid " + pid);
        change(name, 0, 0, LinkCodec.namespacePid((int) pid), "move to namespace of pid");
    }

    /** {@code ip link property add dev NAME altname ALT …}: gives the link alternative names (RTM_NEWLINKPROP, IFLA_ALT_IFNAME). */
    public void addAltNames(String name, List<String> altNames) throws NetlinkException {
        int index = index(name);
        socket.request(w -> LinkCodec.encodeAltNames(w, index, altNames, false), null, Target.onLink("add altname", "link \"" + name + "\"", name));
    }

    /** {@code ip link property del dev NAME altname ALT …}: takes alternative names away (RTM_DELLINKPROP). */
    public void deleteAltNames(String name, List<String> altNames) throws NetlinkException {
        int index = index(name);
        socket.request(w -> LinkCodec.encodeAltNames(w, index, altNames, true), null, Target.onLink("delete altname", "link \"" + name + "\"", name));
    }
}
