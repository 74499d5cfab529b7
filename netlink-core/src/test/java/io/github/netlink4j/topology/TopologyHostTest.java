package io.github.netlink4j.topology;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RuleSpec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The host is said by a method without a namespace, never by a null namespace. */
class TopologyHostTest {
    @Test
    void theHostHasItsOwnMethodsAndNullIsRefused() {
        Topology t = Topology.builder().route(RouteSpec.to("10.200.60.0/24").withLink("ifb0"))
                .rule(RuleSpec.of(AddressFamily.INET).withPriority(100)).up("ifb0").address("ifb0", "10.200.60.1/24").build();
        assertEquals(1, t.routes.size());
        assertEquals(Topology.HOST, t.routes.get(0).namespace());
        assertEquals(Topology.HOST, t.rules.get(0).namespace());
        assertThrows(NullPointerException.class, () -> Topology.builder().route(null, RouteSpec.to("10.200.60.0/24")));
        assertThrows(NullPointerException.class, () -> Topology.builder().up(null, "lo"));
        assertThrows(NullPointerException.class, () -> Topology.builder().address(null, "ifb0", "10.200.60.1/24"));
    }
}
