package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.genl.netdev.NetdevQueue;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The netdev family's queues of a veth pair in a throwaway namespace, against the queues /sys lists for each device. */
class NetdevQueuesTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("netdevq");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    /** The queues /sys/class/net/DEV/queues lists in the namespace ({@code rx-0}, {@code tx-0}, …), sorted. */
    private List<String> sysQueues(String dev) throws IOException {
        Ip.Result r = Ip.run("netns", "exec", ns.name(), "ls", "/sys/class/net/" + dev + "/queues");
        assertEquals(0, r.exit(), r.err());
        return Arrays.stream(r.out().trim().split("\\s+")).sorted().toList();
    }

    private static List<String> names(List<NetdevQueue> qs) {
        return qs.stream().map(q -> q.type().name().toLowerCase(java.util.Locale.ROOT) + "-" + q.id()).sorted().toList();
    }

    @Test
    void theQueuesOfRunningDevicesAreTheOnesSysLists() throws Exception {
        int veth0 = nl.links().index("veth0"), veth1 = nl.links().index("veth1");
        assertEquals(List.of(), nl.genl().netdev().queues(veth0), "a device that is down has no queues listed");
        nl.links().setUp("veth0");
        nl.links().setUp("veth1");
        List<NetdevQueue> q0 = nl.genl().netdev().queues(veth0);
        assertEquals(sysQueues("veth0"), names(q0));
        assertEquals(List.of(veth0), q0.stream().map(NetdevQueue::index).distinct().toList());
        List<NetdevQueue> all = nl.genl().netdev().queues();
        assertEquals(q0, all.stream().filter(q -> q.index() == veth0).toList(), "the dump of all holds the dump of one");
        assertEquals(sysQueues("veth1"), names(all.stream().filter(q -> q.index() == veth1).toList()));
        assertThrows(IllegalArgumentException.class, () -> nl.genl().netdev().queues(-1));
    }
}
