/**
 * Network topologies as values: a {@link io.github.netlink4j.topology.Topology} of namespaces, links,
 * addresses, routes and rules is built once, applied through a client in dependency order, removed
 * with what it made and nothing else, and compared with a live system.
 *
 * {@snippet :
 * Topology t = Topology.builder()
 *         .veth("veth0", "veth1").address("veth0", "10.200.0.2/24").up("veth0")
 *         .build();
 * try (AppliedTopology applied = t.apply(nl)) {
 *     // veth0 is up with its address here
 * }                                                  // and gone here
 * }
 */
package io.github.netlink4j.topology;
