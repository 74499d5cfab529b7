package io.github.netlink4j.topology;

/**
 * Something a {@link Topology} has that a live system lacks.
 *
 * {@snippet :
 * for (Difference d : topology.diff(nl, applied)) System.out.println(d);   // host: missing address 10.200.0.2/24 on veth0
 * }
 *
 * @param namespace the namespace key, or "host"
 * @param kind      what kind of object: namespace, link, address, up, route, rule, qdisc or class
 * @param expected  the object as the topology describes it
 */
public record Difference(String namespace, String kind, String expected) {
    @Override
    public String toString() {
        return namespace + ": missing " + kind + " " + expected;
    }
}
