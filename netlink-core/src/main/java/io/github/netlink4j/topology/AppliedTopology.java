package io.github.netlink4j.topology;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Topology} made on a live system: the namespaces and clients it opened, and a record of
 * what it made. {@link #close()} removes exactly that (host links and addresses it added, host links
 * it brought up put down again, routes and rules it added, the namespaces it created with everything
 * in them) and closes the handles; it is safe to call twice. What was made is known by identity, not
 * by name: a link by the ifindex it was made with, a named namespace by the inode it was created
 * with. Something deleted and re-created under the same name behind the topology's back is someone
 * else's and is left as it is.
 *
 * {@snippet :
 * try (AppliedTopology t = topology.apply(nl)) {
 *     NetlinkClient inside = t.client("direct_netns");
 *     inside.links().list();
 * }                                              // what it made is gone
 * }
 */
public final class AppliedTopology implements AutoCloseable {
    private final Applier made;

    AppliedTopology(Applier made) {
        this.made = made;
    }

    /** The namespace the topology made under {@code key} (a named one's name). */
    public NetNamespace namespace(String key) {
        NetNamespace ns = made.namespaces.get(key);
        if (ns == null) throw new IllegalArgumentException("the topology has no namespace " + key);
        return ns;
    }

    /** A client in the namespace {@code key} (null: the host's), open until {@link #close()}. */
    public NetlinkClient client(String key) {
        return key == null ? made.host : Objects.requireNonNull(made.clients.get(key), () -> "no namespace " + key);
    }

    /** The namespaces by key. */
    public Map<String, NetNamespace> namespaces() {
        return Map.copyOf(made.namespaces);
    }

    /** The steps the topology took, in order, as its exception would name them. */
    public java.util.List<String> steps() {
        return java.util.List.copyOf(made.done);
    }

    /**
     * What was made and where: {@code AppliedTopology[2 namespaces (direct_netns, peer), …, 9 steps made,
     * host NetlinkClient[…]]}, and {@code removed} once {@link #close()} ran.
     */
    @Override
    public String toString() {
        return "AppliedTopology[" + made.topology().summary() + ", " + made.done.size() + " steps made, host " + made.host
                + (made.undone() ? ", removed" : "") + "]";
    }

    @Override
    public void close() throws IOException {
        made.undo();
    }
}
