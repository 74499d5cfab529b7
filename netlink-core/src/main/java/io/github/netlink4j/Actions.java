package io.github.netlink4j;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.tc.ActionsCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standalone actions: what {@code tc actions} lists, adds, replaces and deletes (RTM_NEWACTION,
 * RTM_DELACTION, RTM_GETACTION dumps). The kernel keeps them per kind, by index; filters may share one by
 * naming its kind and index. A mirred action's link is resolved to its index first (one RTM_GETLINK).
 *
 * {@snippet :
 * Action a = nl.actions().add(ActionSpec.mirred(MirredAction.EGRESS_MIRROR, "veth1").withIndex(3)); // tc actions add action mirred egress mirror dev veth1 index 3
 * nl.actions().list("mirred");                                                                       // tc actions ls action mirred
 * nl.actions().delete("mirred", 3);                                                                  // tc actions delete action mirred index 3
 * }
 */
public final class Actions {
    private final RequestSocket socket;
    private final Links links;

    Actions(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** The actions of kind {@code kind} ({@code tc actions ls action KIND}); the kernel lists one kind at a time. */
    public List<Action> list(String kind) throws NetlinkException {
        List<Action> out = new ArrayList<>();
        socket.dump(w -> ActionsCodec.encodeDump(w, kind), ActionsCodec.DUMPED,
                (s, off, len) -> out.addAll(ActionsCodec.decode(s, off, len)), out::clear, "actions");
        return out;
    }

    /** The action {@code kind} with index {@code index}, if there is one. From a dump of the kind. */
    public Optional<Action> find(String kind, long index) throws NetlinkException {
        return list(kind).stream().filter(a -> a.index() == index).findFirst();
    }

    /** The action {@code kind} {@code index}; {@link NotFoundException} if there is none. */
    public Action get(String kind, long index) throws NetlinkException {
        return find(kind, index).orElseThrow(() -> new NotFoundException("action " + kind + " index " + index + " does not exist", null));
    }

    /**
     * {@code tc actions add}: adds the action and returns it as the kernel made it (with the index it picked
     * if the spec set none).
     *
     * @throws io.github.netlink4j.error.UnsupportedActionKindException the kernel has no such action
     * @throws io.github.netlink4j.error.AlreadyExistsException         an action of the kind has the index
     */
    public Action add(ActionSpec spec) throws NetlinkException {
        return modify(spec, false);
    }

    /** {@code tc actions replace}: adds the action, or changes the one of its kind with its index. */
    public Action replace(ActionSpec spec) throws NetlinkException {
        return modify(spec, true);
    }

    private Action modify(ActionSpec spec, boolean replace) throws NetlinkException {
        Map<String, Integer> targets = targets(List.of(spec));
        Action[] made = new Action[1];
        try {
            socket.request(w -> ActionsCodec.encodeAdd(w, List.of(spec), targets::get, replace), null, Target.of(replace ? "replace action" : "add action",
                    describe(spec)));
        } catch (NetlinkException e) {
            throw TcErrors.onFilterCreate(e, describe(spec), spec.kind(), spec.kind(), null);
        }
        // The kernel echoes a new action to the asker only with its whole dump of the kind: list it.
        List<Action> all = list(spec.kind());
        if (spec.index() != 0) made[0] = all.stream().filter(a -> a.index() == spec.index()).findFirst().orElse(null);
        else if (!all.isEmpty()) made[0] = all.stream().max((a, b) -> Long.compare(a.index(), b.index())).orElseThrow();
        if (made[0] == null) throw new NotFoundException("the kernel did not report the " + describe(spec) + " it made", null);
        return made[0];
    }

    /**
     * {@code tc actions flush action KIND}: deletes every action of {@code kind} in one RTM_DELACTION
     * (NLM_F_ROOT), as the kernel's flush walks them.
     */
    public void flush(String kind) throws NetlinkException {
        socket.request(w -> ActionsCodec.encodeFlush(w, kind), null, Target.of("flush actions", "actions " + kind));
    }

    /** {@code tc actions delete action KIND index N}. */
    public void delete(String kind, long index) throws NetlinkException {
        String what = "action " + kind + " index " + index;
        try {
            socket.request(w -> ActionsCodec.encodeDelete(w, kind, index), null, Target.of("delete action", what));
        } catch (NetlinkException e) {
            throw TcErrors.onExisting(e, what);
        }
    }

    /** Adds many actions, pipelined in order; each reports its own success or error. */
    public BulkResult<Void> addAll(List<ActionSpec> specs) throws NetlinkException {
        Map<String, Integer> targets = targets(specs);
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> ActionsCodec.encodeAdd(w, List.of(specs.get(i)), targets::get, false), null,
                i -> Target.of("add action", describe(specs.get(i))));
        for (int i = 0; i < errs.length; i++) {
            errs[i] = errs[i] == null ? null : TcErrors.onFilterCreate(errs[i], describe(specs.get(i)), specs.get(i).kind(), specs.get(i).kind(), null);
        }
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many actions by kind and index, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<ActionSpec> specs) throws NetlinkException {
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> ActionsCodec.encodeDelete(w, specs.get(i).kind(), specs.get(i).index()), null,
                i -> Target.of("delete action", describe(specs.get(i))));
        for (int i = 0; i < errs.length; i++) errs[i] = errs[i] == null ? null : TcErrors.onExisting(errs[i], describe(specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private Map<String, Integer> targets(List<ActionSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (ActionSpec a : specs) if (a.targetLink().isPresent() && !idx.containsKey(a.targetLink().get())) idx.put(a.targetLink().get(), links.index(a.targetLink().get()));
        return idx;
    }

    /** {@code action gact index 5}. */
    private static String describe(ActionSpec s) {
        return "action " + s.kind() + (s.index() != 0 ? " index " + s.index() : "");
    }
}
