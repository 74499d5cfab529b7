package io.github.netlink4j;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.If;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Network interfaces: what {@code ip link} lists, creates, changes and deletes (RTM_*LINK).
 * Links are named by name or index; names are resolved by the library and unknown ones raise
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
    private final NetlinkSocket socket;

    Links(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** Every link, like {@code ip link show} (RTM_GETLINK dump, statistics skipped). */
    public List<Link> list() throws NetlinkException {
        return list(false);
    }

    /** Every link; with {@code stats}, IFLA_STATS64 is included like {@code ip -s link}. */
    public List<Link> list(boolean stats) throws NetlinkException {
        List<Link> out = new ArrayList<>();
        socket.dump(w -> LinkCodec.encodeDump(w, stats), Rtnetlink.RTM_NEWLINK,
                (s, off, len) -> out.add(LinkCodec.decode(s, off, len)),
                out::clear, "links");
        return out;
    }

    /** The link named {@code name}, if there is one. */
    public Optional<Link> find(String name) throws NetlinkException {
        Validate.ifName(name);
        return fetch(0, name);
    }

    /** The link with index {@code index}, if there is one. */
    public Optional<Link> find(int index) throws NetlinkException {
        Validate.index(index);
        return fetch(index, null);
    }

    /** The link named {@code name}; {@link NoSuchLinkException} if there is none. */
    public Link get(String name) throws NetlinkException {
        return find(name).orElseThrow(() -> new NoSuchLinkException(name));
    }

    /** The link with index {@code index}; {@link NoSuchLinkException} if there is none. */
    public Link get(int index) throws NetlinkException {
        return find(index).orElseThrow(() -> new NoSuchLinkException(String.valueOf(index)));
    }

    /** The index of the link named {@code name}. */
    public int index(String name) throws NetlinkException {
        return get(name).index();
    }

    private Optional<Link> fetch(int index, String name) throws NetlinkException {
        Link[] found = new Link[1];
        try {
            socket.get(w -> LinkCodec.encodeGet(w, index, name),
                    (s, off, len) -> found[0] = LinkCodec.decode(s, off, len), "get link");
        } catch (KernelException e) {
            if (e.errno() == Errno.ENODEV) return Optional.empty();
            throw Errors.specific(e, "link", name, null);
        }
        return Optional.ofNullable(found[0]);
    }

    /**
     * Creates a link and returns it as the kernel made it (index, MAC, …), in one round trip: the
     * request carries NLM_F_ECHO. Names in the spec (parent, master) are resolved first.
     *
     * @throws io.github.netlink4j.error.AlreadyExistsException       if the name is taken
     * @throws io.github.netlink4j.error.UnsupportedLinkKindException if the kernel lacks the kind
     * @throws NoSuchLinkException                                    if a parent or master does not exist
     */
    public Link add(LinkSpec spec) throws NetlinkException {
        Link[] made = new Link[1];
        create(spec, (s, off, len) -> keepEcho(s, off, len, spec.name(), made, 0), "add link");
        return made[0] != null ? made[0] : get(spec.name());
    }

    /**
     * Creates a link like {@link #add} but without asking for it back (no NLM_F_ECHO), the way
     * {@code ip link add} does: one request and its ACK, nothing to build in the kernel or to decode
     * here. For callers that do not need the record; the same errors as {@link #add}.
     */
    public void create(LinkSpec spec) throws NetlinkException {
        create(spec, null, "create link");
    }

    /** One RTM_NEWLINK for {@code spec}; with an {@code echo} handler it asks for the link back. */
    private void create(LinkSpec spec, io.github.netlink4j.internal.wire.ReplyReader.Handler echo, String operation)
            throws NetlinkException {
        Resolver r = new Resolver(this, spec);
        try {
            socket.request(w -> LinkCodec.encodeCreate(w, spec, r::index, echo != null), echo, operation);
        } catch (KernelException e) {
            throw Errors.specific(e, "link \"" + spec.name() + "\"", spec.name(), spec.kind());
        }
    }

    private static void keepEcho(java.lang.foreign.MemorySegment s, long off, int len, String name, Link[] into, int i)
            throws io.github.netlink4j.error.ProtocolException {
        if (Nlmsg.type(s, off) != Rtnetlink.RTM_NEWLINK) return;
        Link l = LinkCodec.decode(s, off, len);
        if (l.name().equals(name)) into[i] = l;
    }

    /**
     * Creates many links, pipelined (many requests per sendmsg), each reporting its own success or
     * error, like {@code ip -batch}. Names they refer to must exist before the call. Nothing is
     * echoed back, which makes this the fastest way to create links; {@link #addAllEchoed} also
     * returns them.
     */
    public BulkResult<Void> addAll(List<? extends LinkSpec> specs) throws NetlinkException {
        return bulkCreate(specs, false, null);
    }

    /** Like {@link #addAll}, and returns each created link as the kernel echoed it (NLM_F_ECHO). */
    public BulkResult<Link> addAllEchoed(List<? extends LinkSpec> specs) throws NetlinkException {
        Link[] made = new Link[specs.size()];
        return bulkCreate(specs, true, made);
    }

    private <T> BulkResult<T> bulkCreate(List<? extends LinkSpec> specs, boolean echo, Link[] made) throws NetlinkException {
        List<Resolver> resolvers = new ArrayList<>();
        for (LinkSpec s : specs) resolvers.add(new Resolver(this, s));
        KernelException[] errs = socket.batch(specs.size(),
                (w, i) -> LinkCodec.encodeCreate(w, specs.get(i), resolvers.get(i)::index, echo),
                echo ? (i, s, off, len) -> keepEcho(s, off, len, specs.get(i).name(), made, i) : null, "add link");
        for (int i = 0; i < errs.length; i++) {
            if (errs[i] != null) errs[i] = Errors.specific(errs[i], "link \"" + specs.get(i).name() + "\"", specs.get(i).name(), specs.get(i).kind());
        }
        @SuppressWarnings("unchecked")
        List<T> values = made != null ? (List<T>) Arrays.asList(made) : Arrays.asList((T[]) new Object[specs.size()]);
        return new BulkResult<>(values, Arrays.asList(errs));
    }

    /** Deletes the link named {@code name} ({@code ip link del}); a veth's peer goes with it. */
    public void delete(String name) throws NetlinkException {
        delete(index(name), name);
    }

    /** Deletes the link with index {@code index}. */
    public void delete(int index) throws NetlinkException {
        delete(Validate.index(index), String.valueOf(index));
    }

    private void delete(int index, String label) throws NetlinkException {
        try {
            socket.request(w -> LinkCodec.encodeDelete(w, index), null, "delete link");
        } catch (KernelException e) {
            throw Errors.specific(e, "link", label, null);
        }
    }

    /** Deletes many links by index, pipelined, each reporting its own success or error. */
    public BulkResult<Void> deleteAll(int[] indexes) throws NetlinkException {
        for (int i : indexes) Validate.index(i);
        KernelException[] errs = socket.batch(indexes.length, (w, j) -> LinkCodec.encodeDelete(w, indexes[j]), null, "delete link");
        for (int j = 0; j < errs.length; j++) {
            if (errs[j] != null) errs[j] = Errors.specific(errs[j], "link", String.valueOf(indexes[j]), null);
        }
        return new BulkResult<>(Arrays.asList(new Void[indexes.length]), Arrays.asList(errs));
    }

    /** Deletes many links by name, pipelined; unknown names fail individually. */
    public BulkResult<Void> deleteAll(List<String> names) throws NetlinkException {
        int[] idx = new int[names.size()];
        KernelException[] pre = new KernelException[names.size()];
        for (int i = 0; i < idx.length; i++) {
            Optional<Link> l = find(names.get(i));
            if (l.isPresent()) idx[i] = l.get().index();
            else pre[i] = new NoSuchLinkException(names.get(i));
        }
        List<Integer> send = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) if (pre[i] == null) send.add(i);
        KernelException[] errs = socket.batch(send.size(), (w, j) -> LinkCodec.encodeDelete(w, idx[send.get(j)]), null, "delete link");
        for (int j = 0; j < errs.length; j++) {
            if (errs[j] != null) pre[send.get(j)] = Errors.specific(errs[j], "link", names.get(send.get(j)), null);
        }
        return new BulkResult<>(Arrays.asList(new Void[names.size()]), Arrays.asList(pre));
    }

    private void change(String name, int flags, int change, Consumer<io.github.netlink4j.internal.wire.MessageWriter> attrs, String what)
            throws NetlinkException {
        int index = index(name);
        try {
            socket.request(w -> LinkCodec.encodeChange(w, index, flags, change, attrs), null, what);
        } catch (KernelException e) {
            throw Errors.specific(e, "link", name, null);
        }
    }

    /** {@code ip link set NAME up}. */
    public void setUp(String name) throws NetlinkException {
        change(name, If.IFF_UP, If.IFF_UP, null, "set up");
    }

    /** {@code ip link set NAME down}. */
    public void setDown(String name) throws NetlinkException {
        change(name, 0, If.IFF_UP, null, "set down");
    }

    /** {@code ip link set NAME mtu N}; the kernel checks the link's own minimum and maximum. */
    public void setMtu(String name, int mtu) throws NetlinkException {
        Validate.mtu(mtu);
        change(name, 0, 0, w -> w.attrU32(IfLink.IFLA_MTU, mtu), "set mtu");
    }

    /** {@code ip link set NAME name NEW}. */
    public void rename(String name, String newName) throws NetlinkException {
        Validate.ifName(newName);
        change(name, 0, 0, w -> w.attrString(IfLink.IFLA_IFNAME, newName), "rename");
    }

    /** {@code ip link set NAME address MAC}. */
    public void setAddress(String name, MacAddress mac) throws NetlinkException {
        Validate.mac(mac);
        change(name, 0, 0, w -> w.attrBytes(IfLink.IFLA_ADDRESS, mac.bytes()), "set address");
    }

    /** {@code ip link set NAME master BRIDGE}. */
    public void setMaster(String name, String master) throws NetlinkException {
        int m = index(master);
        change(name, 0, 0, w -> w.attrU32(IfLink.IFLA_MASTER, m), "set master");
    }

    /** {@code ip link set NAME nomaster}. */
    public void setNoMaster(String name) throws NetlinkException {
        change(name, 0, 0, w -> w.attrU32(IfLink.IFLA_MASTER, 0), "set nomaster");
    }

    /** {@code ip link set NAME alias TEXT}; an empty text removes the alias. */
    public void setAlias(String name, String alias) throws NetlinkException {
        if (alias.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 256) throw new IllegalArgumentException("alias longer than 255 bytes");
        change(name, 0, 0, w -> w.attrString(IfLink.IFLA_IFALIAS, alias), "set alias");
    }

    /** {@code ip link set NAME txqueuelen N}. */
    public void setTxQueueLength(String name, int qlen) throws NetlinkException {
        if (qlen < 0) throw new IllegalArgumentException("txqueuelen must be >= 0");
        change(name, 0, 0, w -> w.attrU32(IfLink.IFLA_TXQLEN, qlen), "set txqueuelen");
    }

    /** {@code ip link set NAME netns NS}: moves the link into the namespace (IFLA_NET_NS_FD). */
    public void moveTo(String name, NetNamespace ns) throws NetlinkException {
        int fd = ns.fd();
        change(name, 0, 0, w -> w.attrU32(IfLink.IFLA_NET_NS_FD, fd), "move to namespace");
    }

    /** {@code ip link set NAME netns PID}: moves the link into process {@code pid}'s namespace. */
    public void moveToPid(String name, long pid) throws NetlinkException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) throw new IllegalArgumentException("bad pid " + pid);
        change(name, 0, 0, w -> w.attrU32(IfLink.IFLA_NET_NS_PID, (int) pid), "move to namespace of pid");
    }

    /** Resolves the names a spec refers to before its request is encoded. */
    private static final class Resolver {
        private final java.util.Map<String, Integer> map = new java.util.HashMap<>();

        Resolver(Links links, LinkSpec spec) throws NetlinkException {
            List<String> names = new ArrayList<>();
            spec.options().master().ifPresent(names::add);
            switch (spec) {
                case LinkSpec.Macvlan m -> names.add(m.parent());
                case LinkSpec.Vlan v -> names.add(v.parent());
                case LinkSpec.Ipvlan v -> names.add(v.parent());
                case LinkSpec.Vxlan x -> x.underlay().ifPresent(names::add);
                default -> { }
            }
            for (String n : names) map.put(n, links.index(n));
        }

        int index(String name) {
            Integer i = map.get(name);
            if (i == null) throw new IllegalStateException("unresolved link name " + name);
            return i;
        }
    }
}
