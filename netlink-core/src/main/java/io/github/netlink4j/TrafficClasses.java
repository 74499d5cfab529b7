package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.tc.ClassCodec;
import io.github.netlink4j.internal.codec.view.TrafficClassFlyweight;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.TrafficClassView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Traffic classes: what {@code tc class} lists, adds, replaces, changes and deletes (RTM_NEWTCLASS,
 * RTM_DELTCLASS, RTM_GETTCLASS). The kernel lists one link's classes at a time, so {@link #list()} dumps
 * the links and then each link's classes.
 *
 * {@snippet :
 * nl.trafficClasses().add(TrafficClassSpec.of("veth0", TcHandle.of("1:"), TcHandle.of("1:10"), ClassOptions.htb(Rate.of("1mbit"))));
 * TrafficClass c = nl.trafficClasses().get("veth0", TcHandle.of("1:10"));   // tc class show dev veth0 classid 1:10
 * }
 */
public final class TrafficClasses {
    private final RequestSocket socket;
    private final Links links;

    TrafficClasses(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** The classes of every link: one dump of the links, then one dump per link. */
    public List<TrafficClass> list() throws NetlinkException {
        List<TrafficClass> out = new ArrayList<>();
        for (Link l : links.list()) out.addAll(list(l.index()));
        return out;
    }

    /** The classes of {@code link} ({@code tc class show dev LINK}). */
    public List<TrafficClass> list(String link) throws NetlinkException {
        return list(links.index(link));
    }

    private List<TrafficClass> list(int index) throws NetlinkException {
        List<TrafficClass> out = new ArrayList<>();
        socket.dump(w -> ClassCodec.encodeDump(w, index), ClassCodec.NEW, (s, off, len) -> out.add(ClassCodec.decode(s, off, len)), out::clear,
                "classes");
        return out;
    }

    /**
     * Hands every class of every link to {@code action} as it is read, like {@link #list()} without its records:
     * one dump of the links (through their views), then one dump per link, each class a {@link TrafficClassView}
     * over the received bytes, reused for the next. The view is valid only during the call. Should the kernel
     * flag a dump interrupted (NLM_F_DUMP_INTR), that link's dump is read again from the start, and {@code action}
     * sees its classes again.
     */
    public void forEach(Consumer<? super TrafficClassView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        List<Integer> indexes = new ArrayList<>();
        links.forEach(l -> indexes.add(l.index()));
        TrafficClassFlyweight v = new TrafficClassFlyweight();
        for (int index : indexes) forEach(index, v, action);
    }

    /** {@link #forEach(Consumer)} over the classes of {@code link} ({@code tc class show dev LINK}): one dump. */
    public void forEach(String link, Consumer<? super TrafficClassView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        forEach(links.index(link), new TrafficClassFlyweight(), action);
    }

    private void forEach(int index, TrafficClassFlyweight v, Consumer<? super TrafficClassView> action) throws NetlinkException {
        socket.dump(w -> ClassCodec.encodeDump(w, index), ClassCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "classes");
    }

    /** The class {@code classid} of {@code link}, if there is one. */
    public Optional<TrafficClass> find(String link, TcHandle classid) throws NetlinkException {
        int index = links.index(link);
        TrafficClass[] found = new TrafficClass[1];
        try {
            socket.get(w -> ClassCodec.encodeGet(w, index, classid), (s, off, len) -> found[0] = ClassCodec.decodeEcho(s, off, len),
                    Target.onLink("get class", "class " + classid + " of " + link, link));
        } catch (KernelException e) {
            if (TcErrors.isPlainEnoent(e)) return Optional.empty();
            throw e;
        }
        return Optional.ofNullable(found[0]);
    }

    /** The class {@code classid} of {@code link}; {@link NotFoundException} if there is none. */
    public TrafficClass get(String link, TcHandle classid) throws NetlinkException {
        return find(link, classid).orElseThrow(() -> new NotFoundException("class " + classid + " of " + link + " does not exist", null));
    }

    /**
     * {@code tc class add}: adds the class and returns it as the kernel made it (its quantum and bursts as
     * the kernel reports them).
     *
     * @throws io.github.netlink4j.error.NoSuchParentException  its qdisc or parent class does not exist
     * @throws io.github.netlink4j.error.AlreadyExistsException the class exists
     */
    public TrafficClass add(TrafficClassSpec spec) throws NetlinkException {
        return modify(spec, ClassCodec.Mode.ADD);
    }

    /** {@code tc class replace}: adds the class, or changes the one with its id. */
    public TrafficClass replace(TrafficClassSpec spec) throws NetlinkException {
        return modify(spec, ClassCodec.Mode.REPLACE);
    }

    /**
     * {@code tc class change}: sets the options of the class, which must exist.
     *
     * @throws NotFoundException there is no such class
     */
    public TrafficClass change(TrafficClassSpec spec) throws NetlinkException {
        return modify(spec, ClassCodec.Mode.CHANGE);
    }

    private TrafficClass modify(TrafficClassSpec spec, ClassCodec.Mode mode) throws NetlinkException {
        int index = links.index(spec.link());
        TrafficClass[] made = new TrafficClass[1];
        try {
            socket.request(w -> ClassCodec.encodeModify(w, spec, index, mode, true), (s, off, len) -> {
                TrafficClass c = ClassCodec.decodeEcho(s, off, len);
                if (c != null && made[0] == null) made[0] = c;
            }, target(mode.name().toLowerCase(java.util.Locale.ROOT) + " class", spec));
        } catch (NetlinkException e) {
            throw mode == ClassCodec.Mode.CHANGE ? TcErrors.onExisting(e, describe(spec))
                    : TcErrors.onCreate(e, describe(spec), spec.kind(), spec.parent().toString());
        }
        return made[0] != null ? made[0] : get(spec.link(), spec.classid());
    }

    /** {@code tc class del dev LINK classid C}. */
    public void delete(String link, TcHandle classid) throws NetlinkException {
        int index = links.index(link);
        String what = "class " + classid + " of " + link;
        try {
            socket.request(w -> ClassCodec.encodeDelete(w, index, classid), null, Target.onLink("delete class", what, link));
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, what);
        }
    }

    /** Deletes the class {@code spec} names (its link and class id). */
    public void delete(TrafficClassSpec spec) throws NetlinkException {
        delete(spec.link(), spec.classid());
    }

    /**
     * Adds many classes ({@code tc -batch} of {@code class add}), pipelined in order (a class may have a
     * parent added earlier in the same list); each reports its own success or error, and nothing is asked
     * back. Round trips: one per distinct link name, then one per 64 classes.
     */
    public BulkResult<Void> addAll(List<TrafficClassSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> ClassCodec.encodeModify(w, specs.get(i), idx.get(specs.get(i).link()), ClassCodec.Mode.ADD, false), null,
                i -> target("add class", specs.get(i)));
        for (int i = 0; i < errs.length; i++) {
            TrafficClassSpec s = specs.get(i);
            errs[i] = errs[i] == null ? null : TcErrors.onCreate(errs[i], describe(s), s.kind(), s.parent().toString());
        }
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many classes by link and class id, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<TrafficClassSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> ClassCodec.encodeDelete(w, idx.get(specs.get(i).link()), specs.get(i).classid()),
                null, i -> target("delete class", specs.get(i)));
        for (int i = 0; i < errs.length; i++) errs[i] = errs[i] == null ? null : TcErrors.onExisting(errs[i], describe(specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private Map<String, Integer> indexes(List<TrafficClassSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (TrafficClassSpec s : specs) if (!idx.containsKey(s.link())) idx.put(s.link(), links.index(s.link()));
        return idx;
    }

    private static Target target(String operation, TrafficClassSpec spec) {
        return Target.onLink(operation, describe(spec), spec.link());
    }

    /** {@code class htb 1:10 of veth0}. */
    private static String describe(TrafficClassSpec s) {
        return "class " + s.kind() + " " + s.classid() + " of " + s.link();
    }
}
