package io.github.netlink4j.common;


/**
 * An open file descriptor on a network namespace, as the kernel takes one ({@code IFLA_NET_NS_FD},
 * {@code NETNSA_FD}): what a veth's peer is created in, a link is moved to, or an id is asked for.
 * {@link io.github.netlink4j.NetNamespace} is one; a caller holding a namespace descriptor of its own (one a container
 * runtime handed over, say) can pass it as {@code () -> fd}. The descriptor must stay open until the
 * request that uses it has been answered.
 *
 * {@snippet :
 * try (NetNamespace ns = NetNamespace.open("direct_netns")) {    // a NamespaceHandle
 *     nl.links().moveTo("veth1", ns);                            // ip link set veth1 netns direct_netns
 * }
 * }
 */
@FunctionalInterface
public interface NamespaceHandle {
    /** The descriptor. */
    int fd();
}
