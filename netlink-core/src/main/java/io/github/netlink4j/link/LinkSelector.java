package io.github.netlink4j.link;

import io.github.netlink4j.support.Validate;

import java.util.Optional;

/**
 * Which links a dump asks for, and what it asks of each, like {@code ip link show master M type K}: the
 * kernel applies the master and the kind itself (IFLA_MASTER and IFLA_LINKINFO › IFLA_INFO_KIND in the
 * RTM_GETLINK dump request, see {@code rtnl_dump_ifinfo}), so the links of one bridge cost one message
 * each and the others none. VF information (IFLA_VFINFO_LIST, which on SR-IOV hosts is large and slow
 * to gather) is asked for only with {@link #withVfInfo()}; it is kept raw in {@link Link#unknown()}.
 *
 * {@snippet :
 * List<Link> ports = nl.links().list(LinkSelector.empty().withMaster("br0"));   // ip link show master br0
 * List<Link> veths = nl.links().list(LinkSelector.empty().withKind("veth"));    // ip link show type veth
 * }
 *
 * @param master IFLA_MASTER, by name: the links enslaved to this one
 * @param kind   IFLA_INFO_KIND, such as {@code "veth"} or {@code "bridge"}
 * @param vfInfo RTEXT_FILTER_VF in IFLA_EXT_MASK
 */
public record LinkSelector(Optional<String> master, Optional<String> kind, boolean vfInfo) {
    /** Checks the master's name and that the kind is not blank. */
    public LinkSelector {
        master.ifPresent(Validate::ifName);
        if (kind.isPresent() && kind.get().isBlank()) throw new IllegalArgumentException("link kind is blank");
    }

    /** Every link, without VF information: {@code ip link show}. */
    public static LinkSelector empty() {
        return new LinkSelector(Optional.empty(), Optional.empty(), false);
    }

    /** The same selection of the links whose master is {@code name} only ({@code master NAME}). */
    public LinkSelector withMaster(String name) {
        return new LinkSelector(Optional.of(name), kind, vfInfo);
    }

    /** The same selection of the links of {@code kind} only ({@code type KIND}). */
    public LinkSelector withKind(String kind) {
        return new LinkSelector(master, Optional.of(kind), vfInfo);
    }

    /** The same selection, each link with its VF information (RTEXT_FILTER_VF). */
    public LinkSelector withVfInfo() {
        return new LinkSelector(master, kind, true);
    }

    /**
     * Whether {@code l} is one of the selected links, {@code masterIndex} being the index {@link #master}
     * names (ignored without a master): the kernel's own test, for kernels that ignore the request's
     * selectors, and for a kind whose module is not loaded, which the kernel cannot select by.
     */
    public boolean matches(Link l, int masterIndex) {
        if (master.isPresent() && (l.masterIndex().isEmpty() || l.masterIndex().getAsInt() != masterIndex)) return false;
        return kind.isEmpty() || kind.equals(l.kind());
    }
}
