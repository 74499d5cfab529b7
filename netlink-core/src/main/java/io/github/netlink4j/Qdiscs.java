package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.tc.QdiscCodec;
import io.github.netlink4j.internal.codec.view.QdiscFlyweight;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.QdiscView;
import io.github.netlink4j.tc.TcHandle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Qdiscs: what {@code tc qdisc} lists, adds, replaces, changes and deletes (RTM_NEWQDISC, RTM_DELQDISC,
 * RTM_GETQDISC dumps). A link is named by its name; the kernel wants its index, so each request but
 * {@link #list()} asks for it first (one RTM_GETLINK).
 *
 * {@snippet :
 * nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"))));
 * Qdisc q = nl.qdiscs().list("veth0").getFirst();     // tc qdisc show dev veth0
 * nl.qdiscs().delete("veth0", TcHandle.ROOT);          // tc qdisc del dev veth0 root
 * }
 */
public final class Qdiscs {
    private final RequestSocket socket;
    private final Links links;

    Qdiscs(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every qdisc of every link ({@code tc qdisc show}), in the kernel's order: by link, each root first. */
    public List<Qdisc> list() throws NetlinkException {
        List<Qdisc> out = new ArrayList<>();
        socket.dump(QdiscCodec::encodeDump, QdiscCodec.NEW, (s, off, len) -> out.add(QdiscCodec.decode(s, off, len)), out::clear, "qdiscs");
        return out;
    }

    /** The qdiscs of {@code link} ({@code tc qdisc show dev LINK}); the kernel dumps every link's, this keeps the one's. */
    public List<Qdisc> list(String link) throws NetlinkException {
        int index = links.index(link);
        return list().stream().filter(q -> q.index() == index).toList();
    }

    /**
     * Hands every qdisc of every link to {@code action} as it is read, like {@link #list()} without its records: a
     * {@link QdiscView} over the received bytes, reused for the next qdisc, that reads only what is asked of it
     * (the counters of {@code tc -s qdisc show} among them), so a dump allocates nothing per qdisc. The view is
     * valid only during the call. Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR), the dump is
     * read again from the start, and {@code action} sees the qdiscs of the new attempt too.
     */
    public void forEach(Consumer<? super QdiscView> action) throws NetlinkException {
        forEach(0, action);
    }

    /** {@link #forEach(Consumer)} over the qdiscs of {@code link}: the kernel dumps every link's, this hands over the one's. */
    public void forEach(String link, Consumer<? super QdiscView> action) throws NetlinkException {
        forEach(links.index(link), action);
    }

    private void forEach(int index, Consumer<? super QdiscView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        QdiscFlyweight v = new QdiscFlyweight();
        socket.dump(QdiscCodec::encodeDump, QdiscCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                if (index == 0 || v.index() == index) action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "qdiscs");
    }

    /**
     * The qdisc {@code handle} ({@code 1:}, {@code ffff:}) of {@code link}, if there is one. From a dump:
     * the kernel answers RTM_GETQDISC with the parent the request named (0), not the qdisc's own.
     */
    public Optional<Qdisc> find(String link, TcHandle handle) throws NetlinkException {
        int index = links.index(link);
        return list().stream().filter(q -> q.index() == index && q.handle().equals(handle)).findFirst();
    }

    /** The qdisc {@code handle} of {@code link}; {@link NotFoundException} if there is none. */
    public Qdisc get(String link, TcHandle handle) throws NetlinkException {
        return find(link, handle).orElseThrow(() -> new NotFoundException("qdisc " + handle + " of " + link + " does not exist", null));
    }

    /**
     * {@code tc qdisc add}: adds the qdisc and returns it as the kernel made it (with the handle it picked
     * if the spec set none). At the root of a link, a qdisc without a handle takes the place of the one
     * there, as tc's does; with a handle in use it is refused.
     *
     * @throws io.github.netlink4j.error.UnsupportedQdiscKindException the kernel has no such kind
     * @throws io.github.netlink4j.error.NoSuchParentException          the parent qdisc or class does not exist
     * @throws io.github.netlink4j.error.AlreadyExistsException         the place or the handle is taken
     */
    public Qdisc add(QdiscSpec spec) throws NetlinkException {
        return modify(spec, QdiscCodec.Mode.ADD);
    }

    /** {@code tc qdisc replace}: adds the qdisc, or puts it in the place of the one at its parent. */
    public Qdisc replace(QdiscSpec spec) throws NetlinkException {
        return modify(spec, QdiscCodec.Mode.REPLACE);
    }

    /**
     * {@code tc qdisc change}: sets the options of the qdisc at the spec's parent (and handle, if set),
     * which must exist; returns it as the kernel now reports it.
     *
     * @throws NotFoundException there is no such qdisc
     */
    public Qdisc change(QdiscSpec spec) throws NetlinkException {
        return modify(spec, QdiscCodec.Mode.CHANGE);
    }

    private Qdisc modify(QdiscSpec spec, QdiscCodec.Mode mode) throws NetlinkException {
        int index = links.index(spec.link());
        Qdisc[] made = new Qdisc[1];
        try {
            socket.request(w -> QdiscCodec.encodeModify(w, spec, index, mode, true), (s, off, len) -> {
                // The echo holds the qdisc made, after the RTM_DELQDISC of the one it replaced if any.
                Qdisc q = QdiscCodec.decodeEcho(s, off, len);
                if (q != null && made[0] == null) made[0] = q;
            }, target(mode.name().toLowerCase(java.util.Locale.ROOT) + " qdisc", spec));
        } catch (NetlinkException e) {
            throw mode == QdiscCodec.Mode.CHANGE ? TcErrors.onExisting(e, describe(spec)) : TcErrors.onCreate(e, describe(spec), spec.kind(),
                    spec.parent().toString());
        }
        if (made[0] != null) return made[0];
        // No echo (a kernel that does not send one): the qdisc the spec names.
        Map<Integer, String> names = Map.of(index, spec.link());
        return list(spec.link()).stream().filter(q -> spec.matches(q, names::get)).findFirst()
                .orElseThrow(() -> new NotFoundException("the kernel did not report the " + describe(spec) + " it made", null));
    }

    /** {@code tc qdisc del dev LINK root} (or {@code parent P}, {@code ingress}): deletes the qdisc at {@code parent}. */
    public void delete(String link, TcHandle parent) throws NetlinkException {
        int index = links.index(link);
        String what = "qdisc at " + parent + " of " + link;
        try {
            socket.request(w -> QdiscCodec.encodeDelete(w, index, parent, 0, null), null, Target.onLink("delete qdisc", what, link));
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, what);
        }
    }

    /**
     * Deletes the qdisc {@code spec} names: at its parent, with its kind and (if set) its handle, which the
     * kernel checks ({@code tc qdisc del dev LINK parent P handle H KIND}).
     */
    public void delete(QdiscSpec spec) throws NetlinkException {
        int index = links.index(spec.link());
        try {
            socket.request(w -> QdiscCodec.encodeDelete(w, index, spec.parent(), handle(spec), spec.kind()), null, target("delete qdisc", spec));
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, describe(spec));
        }
    }

    /** The spec's handle as the kernel takes it, 0 for none. */
    private static int handle(QdiscSpec spec) {
        return spec.handle().map(TcHandle::value).orElse(0);
    }

    /**
     * Adds many qdiscs ({@code tc -batch} of {@code qdisc add}), pipelined in order; each reports its own
     * success or error, and nothing is asked back. Round trips: one per distinct link name (its index), then
     * one per 64 qdiscs.
     */
    public BulkResult<Void> addAll(List<QdiscSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> QdiscCodec.encodeModify(w, specs.get(i), idx.get(specs.get(i).link()), QdiscCodec.Mode.ADD, false), null,
                i -> target("add qdisc", specs.get(i)));
        for (int i = 0; i < errs.length; i++) {
            QdiscSpec s = specs.get(i);
            errs[i] = errs[i] == null ? null : TcErrors.onCreate(errs[i], describe(s), s.kind(), s.parent().toString());
        }
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many qdiscs, each as {@link #delete(QdiscSpec)} does, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<QdiscSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> QdiscCodec.encodeDelete(w, idx.get(specs.get(i).link()), specs.get(i).parent(),
                handle(specs.get(i)), specs.get(i).kind()), null,
                i -> target("delete qdisc", specs.get(i)));
        for (int i = 0; i < errs.length; i++) errs[i] = errs[i] == null ? null : TcErrors.onExisting(errs[i], describe(specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private Map<String, Integer> indexes(List<QdiscSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (QdiscSpec s : specs) if (!idx.containsKey(s.link())) idx.put(s.link(), links.index(s.link()));
        return idx;
    }

    private static Target target(String operation, QdiscSpec spec) {
        return Target.onLink(operation, describe(spec), spec.link());
    }

    /** {@code qdisc htb 1: at root of veth0}. */
    private static String describe(QdiscSpec s) {
        return "qdisc " + s.kind() + s.handle().map(h -> " " + h).orElse("") + " at " + s.parent() + " of " + s.link();
    }
}
