package io.github.netlink4j.tc.action;

import io.github.netlink4j.support.Validate;

import java.util.Objects;
import java.util.Optional;

/**
 * An action to make, inside a filter ({@code tc filter add … action KIND …}) or on its own
 * ({@code tc actions add action KIND … index N}). A mirred action names its link by name, which the handle
 * resolves to the index the kernel wants.
 *
 * {@snippet :
 * ActionSpec.gact(ActionControl.DROP);                                   // action gact drop
 * ActionSpec.mirred(MirredAction.EGRESS_REDIRECT, "veth1");              // action mirred egress redirect dev veth1
 * ActionSpec.gact(ActionControl.PASS).withIndex(5);                      // action gact pass index 5
 * }
 *
 * @param options    the kind and its settings (a mirred's ifindex is ignored when {@code targetLink} is set)
 * @param index      the action's index (TCA_*_PARMS {@code index}); 0: the kernel picks one
 * @param targetLink the link a mirred action sends to, by name
 */
public record ActionSpec(ActionOptions options, long index, Optional<String> targetLink) {
    /** Checks the parts: the index is a u32, a target link only for mirred, which needs one. */
    public ActionSpec {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(targetLink, "targetLink");
        Validate.u32("index", index);
        targetLink.ifPresent(Validate::ifName);
        if (targetLink.isPresent() && !(options instanceof ActionOptions.Mirred)) {
            throw new IllegalArgumentException("only a mirred action has a target link, not " + options.kind());
        }
        if (options instanceof ActionOptions.Mirred m && m.ifindex() == 0 && targetLink.isEmpty()) {
            throw new IllegalArgumentException("a mirred action needs the link it sends to");
        }
    }

    /** {@code action gact CONTROL}. */
    public static ActionSpec gact(ActionControl control) {
        return new ActionSpec(new ActionOptions.Gact(control), 0, Optional.empty());
    }

    /** {@code action mirred egress|ingress redirect|mirror dev LINK}, with tc's verdict: stolen for a redirect, pipe for a mirror. */
    public static ActionSpec mirred(MirredAction action, String link) {
        return mirred(action, link, action.isRedirect() ? ActionControl.STOLEN : ActionControl.PIPE);
    }

    /** {@code action mirred … dev LINK CONTROL}. */
    public static ActionSpec mirred(MirredAction action, String link, ActionControl control) {
        return new ActionSpec(new ActionOptions.Mirred(action, 0, control), 0, Optional.of(link));
    }

    /** An action of any kind, from its options (a mirred one with the ifindex set). */
    public static ActionSpec of(ActionOptions options) {
        return new ActionSpec(options, 0, Optional.empty());
    }

    /** The same with index {@code index} (tc's {@code index N}). */
    public ActionSpec withIndex(long index) {
        return new ActionSpec(options, index, targetLink);
    }

    /** The kind, TCA_ACT_KIND. */
    public String kind() {
        return options.kind();
    }
}
