package io.github.netlink4j.tc.filter;

import io.github.netlink4j.support.Validate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionSpec;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * A filter to add, replace, change or delete (RTM_NEWTFILTER, RTM_DELTFILTER), what {@code tc filter add
 * dev LINK (parent P | ingress | egress) [protocol PROTO] [prio N] [handle H] [chain C] KIND OPTIONS
 * [action …]} takes.
 *
 * {@snippet :
 * nl.filters().add(FilterSpec.of("veth0", TcHandle.of("1:"), 10, FilterProtocol.IP,
 *         FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")))).withClassid(TcHandle.of("1:10"))));
 * // tc filter add dev veth0 parent 1: protocol ip prio 10 u32 match ip dst 10.200.0.0/24 classid 1:10
 * nl.filters().add(FilterSpec.ingress("veth0", 1, FilterProtocol.IP, FilterOptions.u32(U32Selector.of(U32Key.dport(80))))
 *         .withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
 * }
 *
 * @param link     the link, by name
 * @param parent   the qdisc or class the filter hangs on ({@code 1:}), or {@link #INGRESS}/{@link #EGRESS} of clsact
 * @param priority tc's {@code prio} (1 to 65535); 0: the kernel picks one (an add only)
 * @param protocol the EtherType it applies to
 * @param handle   the filter's handle, whose meaning is the kind's (a {@link U32Handle}'s value, fw's mark); empty: the kernel picks
 * @param chain    TCA_CHAIN, the filter chain (tc's default 0, not sent)
 * @param options  the kind and its options
 * @param actions  the actions run on a match, in order (the kind's TCA_*_ACT)
 */
public record FilterSpec(String link, TcHandle parent, int priority, FilterProtocol protocol, OptionalLong handle, OptionalLong chain,
                         FilterOptions options, List<ActionSpec> actions) {
    /** {@code ingress}: the clsact (or ingress) qdisc's ingress hook, {@code ffff:fff2}. */
    public static final TcHandle INGRESS = TcHandle.of(0xfffffff2);
    /** {@code egress}: the clsact qdisc's egress hook, {@code ffff:fff3}. */
    public static final TcHandle EGRESS = TcHandle.of(0xfffffff3);

    /** Checks the parts. */
    public FilterSpec {
        Validate.ifName(link);
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        Validate.u32("handle", handle);
        Validate.u32("chain", chain);
        if (priority < 0 || priority > 0xffff) throw new IllegalArgumentException("prio " + priority + " is out of range (0 to 65535)");
        if (parent.equals(TcHandle.UNSPEC)) throw new IllegalArgumentException("a filter needs a parent: a qdisc, a class, ingress or egress");
        actions = List.copyOf(actions);
        if (actions.size() > 32) throw new IllegalArgumentException(actions.size() + " actions, more than the kernel's 32 (TCA_ACT_MAX_PRIO)");
        if (options instanceof FilterOptions.Other && !actions.isEmpty()) {
            throw new IllegalArgumentException("a filter of kind " + options.kind() + " keeps its actions in its raw options");
        }
    }

    /** {@code tc filter add dev LINK parent PARENT protocol PROTO prio PRIO KIND …}. */
    public static FilterSpec of(String link, TcHandle parent, int priority, FilterProtocol protocol, FilterOptions options) {
        return new FilterSpec(link, parent, priority, protocol, OptionalLong.empty(), OptionalLong.empty(), options, List.of());
    }

    /** {@code tc filter add dev LINK ingress …} (under clsact or ingress). */
    public static FilterSpec ingress(String link, int priority, FilterProtocol protocol, FilterOptions options) {
        return of(link, INGRESS, priority, protocol, options);
    }

    /** {@code tc filter add dev LINK egress …} (under clsact). */
    public static FilterSpec egress(String link, int priority, FilterProtocol protocol, FilterOptions options) {
        return of(link, EGRESS, priority, protocol, options);
    }

    /** The same with handle {@code handle} ({@code handle 800::10} is {@code U32Handle.of("800::10").value()}). */
    public FilterSpec withHandle(long handle) {
        return new FilterSpec(link, parent, priority, protocol, OptionalLong.of(handle), chain, options, actions);
    }

    /** The same in chain {@code chain}. */
    public FilterSpec withChain(long chain) {
        return new FilterSpec(link, parent, priority, protocol, handle, OptionalLong.of(chain), options, actions);
    }

    /** The same with {@code actions}. */
    public FilterSpec withActions(List<ActionSpec> actions) {
        return new FilterSpec(link, parent, priority, protocol, handle, chain, options, actions);
    }

    /** The same with {@code options}. */
    public FilterSpec withOptions(FilterOptions options) {
        return new FilterSpec(link, parent, priority, protocol, handle, chain, options, actions);
    }

    /** The kind, TCA_KIND. */
    public String kind() {
        return options.kind();
    }

    /**
     * Whether {@code f} is the filter this spec names: on its link, at its parent, of its kind, and with
     * its priority, protocol, handle and chain where the spec sets them (priority 0 and protocol 0: any).
     */
    public boolean matches(Filter f, IntFunction<String> linkNames) {
        return link.equals(linkNames.apply(f.index())) && parent.equals(f.parent()) && kind().equals(f.kind())
                && (priority == 0 || priority == f.priority()) && (protocol.value() == 0 || protocol.equals(f.protocol()))
                && (handle.isEmpty() || handle.getAsLong() == f.handle()) && chain.orElse(0) == f.chain();
    }
}
