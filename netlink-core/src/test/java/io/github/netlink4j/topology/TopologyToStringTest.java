package io.github.netlink4j.topology;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A topology and an applied one say what they are: counts of what they make, and where. */
class TopologyToStringTest {
    @Test
    void aTopologyCountsWhatItMakes() {
        Topology t = Topology.builder()
                .namespace("nl4j-left").anonymousNamespace("right")
                .veth("veth0", "veth1").in("nl4j-left")
                .veth("veth2", "veth3").in("right")
                .address("veth0", "10.200.0.2/24").address("veth2", "10.200.1.2/24").address("nl4j-left", "veth1", "10.200.0.3/24")
                .up("veth0").up("veth2").up("nl4j-left", "veth1").up("right", "lo")
                .route("nl4j-left", RouteSpec.to("10.200.9.0/24").withLink("veth1"))
                .build();
        assertEquals("Topology[2 namespaces (nl4j-left, right), 2 links, 3 addresses, 4 links up, 1 route, 0 rules]", t.toString());
        assertEquals("Topology[0 namespaces, 1 link, 1 address, 1 link up, 0 routes, 0 rules]",
                Topology.builder().veth("veth0", "veth1").address("veth0", "10.200.0.2/24").up("veth0").build().toString());
    }

    @Test
    void anAppliedTopologySaysWhatItMadeWhereAndWhenItIsGone() throws Exception {
        try (ThrowawayNamespace host = ThrowawayNamespace.create("topo-str")) {
            NetlinkClient nl = host.client();
            String inside = ThrowawayNamespace.uniqueName("topo-str-in");
            try {
                AppliedTopology applied = Topology.builder()
                        .namespace(inside)
                        .veth("veth0", "veth1").in(inside)
                        .address("veth0", "10.200.0.2/24").up("veth0")
                        .build().apply(nl);
                String made = "1 namespace (" + inside + "), 1 link, 1 address, 1 link up, 0 routes, 0 rules, 4 steps made, host "
                        + "NetlinkClient[namespace " + host.name() + ", port " + Integer.toUnsignedString(nl.portId()) + "]";
                assertEquals("AppliedTopology[" + made + "]", applied.toString());
                applied.close();
                assertEquals("AppliedTopology[" + made + ", removed]", applied.toString());
            } finally {
                if (NetNamespace.exists(inside)) NetNamespace.delete(inside);
            }
        }
    }
}
