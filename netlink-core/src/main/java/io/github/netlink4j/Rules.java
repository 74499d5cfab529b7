package io.github.netlink4j;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.route.RuleView;
import io.github.netlink4j.internal.codec.view.RuleFlyweight;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.RuleCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Policy routing rules: what {@code ip rule} lists, adds and deletes (RTM_NEWRULE, RTM_DELRULE,
 * RTM_GETRULE), for IPv4 and IPv6.
 *
 * {@snippet :
 * Rule r = nl.rules().add(RuleSpec.of(AddressFamily.INET).withSource("10.200.0.0/24").withPriority(100).withLookup(RouteTable.of(100)));
 * List<Rule> v4 = nl.rules().list(AddressFamily.INET);       // ip rule
 * nl.rules().delete(AddressFamily.INET, 100);                 // ip rule del priority 100
 * }
 */
public final class Rules {
    private final RequestSocket socket;

    Rules(RequestSocket socket) {
        this.socket = socket;
    }

    /** Every IPv4 and IPv6 rule, in the kernel's order (by priority). */
    public List<Rule> list() throws NetlinkException {
        List<Rule> out = new ArrayList<>(list(AddressFamily.INET));
        out.addAll(list(AddressFamily.INET6));
        return out;
    }

    /** The rules of {@code family} (the kernel dumps one family's rule set), like {@code ip -4 rule}. */
    public List<Rule> list(AddressFamily family) throws NetlinkException {
        Objects.requireNonNull(family, "family");
        if (family != AddressFamily.INET && family != AddressFamily.INET6) throw new IllegalArgumentException("rules are INET or INET6, not " + family);
        List<Rule> out = new ArrayList<>();
        socket.dump(w -> RuleCodec.encodeDump(w, family), RuleCodec.NEW, (s, off, len) -> out.add(RuleCodec.decode(s, off, len)),
                out::clear, "rules");
        return out;
    }

    /**
     * Hands every IPv4 and IPv6 rule to {@code action} as it is read, like {@link #list()} without its
     * records: a {@link RuleView} over the received bytes, reused for the next rule, that reads only what is
     * asked of it. The view is valid only during the call. Should the kernel flag the dump interrupted
     * (NLM_F_DUMP_INTR), the dump is read again from the start, and {@code action} sees the rules of the new
     * attempt too.
     */
    public void forEach(Consumer<? super RuleView> action) throws NetlinkException {
        forEach(AddressFamily.INET, action);
        forEach(AddressFamily.INET6, action);
    }

    /** {@link #forEach(Consumer)} over the rules of {@code family} (INET or INET6). */
    public void forEach(AddressFamily family, Consumer<? super RuleView> action) throws NetlinkException {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action);
        if (family != AddressFamily.INET && family != AddressFamily.INET6) throw new IllegalArgumentException("rules are INET or INET6, not " + family);
        RuleFlyweight v = new RuleFlyweight();
        socket.dump(w -> RuleCodec.encodeDump(w, family), RuleCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "rules");
    }

    /** {@code ip rule add}: adds the rule and returns it as the kernel made it (echoed in the same round trip). */
    public Rule add(RuleSpec spec) throws NetlinkException {
        Rule[] made = new Rule[1];
        socket.request(w -> RuleCodec.encodeAdd(w, spec, true), (s, off, len) -> {
            Rule r = RuleCodec.decodeEcho(s, off, len);
            if (r != null && made[0] == null) made[0] = r;
        }, target("add rule", spec));
        if (made[0] != null) return made[0];
        for (Rule r : list(spec.family())) if (spec.matches(r)) return r;
        throw new NotFoundException("rule " + describe(spec) + " was added but is gone", null);
    }

    /**
     * The first rule (in priority order) that {@code spec} matches ({@link RuleSpec#matches}): the rule
     * {@link #delete(RuleSpec)} would delete. One round trip (a dump of the spec's family).
     */
    public Optional<Rule> find(RuleSpec spec) throws NetlinkException {
        for (Rule r : list(spec.family())) if (spec.matches(r)) return Optional.of(r);
        return Optional.empty();
    }

    /** The rule {@code spec} matches; {@link NotFoundException} if none does. One round trip. */
    public Rule get(RuleSpec spec) throws NetlinkException {
        return find(spec).orElseThrow(() -> new NotFoundException("no rule matches " + spec, null));
    }

    /** {@code ip rule del SELECTORS}: deletes the first rule that matches everything the spec sets. */
    public void delete(RuleSpec spec) throws NetlinkException {
        socket.request(w -> RuleCodec.encodeDelete(w, spec), null, target("delete rule", spec));
    }

    /** {@code ip rule del priority N}: deletes the first rule of {@code family} with that priority. */
    public void delete(AddressFamily family, long priority) throws NetlinkException {
        delete(RuleSpec.of(family).withPriority(priority));
    }

    /** Adds many rules, pipelined; each reports its own success or error, and nothing is asked back. */
    public BulkResult<Void> addAll(List<RuleSpec> specs) throws NetlinkException {
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> RuleCodec.encodeAdd(w, specs.get(i), false), null,
                i -> target("add rule", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many rules, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<RuleSpec> specs) throws NetlinkException {
        NetlinkException[] errs = socket.batch(specs.size(), (w, i) -> RuleCodec.encodeDelete(w, specs.get(i)), null,
                i -> target("delete rule", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private static String describe(RuleSpec s) {
        return (s.priority().isPresent() ? s.priority().getAsLong() + ": " : "")
                + s.source().map(a -> "from " + IpText.text(a) + "/" + s.sourceLength()).orElse("from all");
    }

    private static Target target(String what, RuleSpec s) {
        return Target.of(what, "rule " + describe(s));
    }
}
