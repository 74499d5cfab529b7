package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.address.AddressView;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSelector;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.link.LinkView;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSelector;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.route.RouteView;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming dumps against {@code list()} in one namespace: what the views say equals the records, field by field. */
class StreamingDumpsTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("stream");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        nl.links().add(LinkSpec.veth("vethb0", "vethb1"));
        nl.links().add(LinkSpec.bridge("br0"));
        nl.links().add(LinkSpec.ifb("ifb0"));
        nl.links().setMaster("veth1", "br0");
        for (String l : List.of("veth0", "veth1", "vethb0", "vethb1", "br0", "lo")) nl.links().setUp(l);
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:a"));
        nl.addresses().add(AddressSpec.of("vethb0", "10.200.3.2/24"));
        nl.addresses().add(AddressSpec.of("veth0", "fd00:200::2/64").withFlag(AddressFlag.NODAD));
        // a peer: IFA_ADDRESS is the peer's, IFA_LOCAL ours
        nl.addresses().add(AddressSpec.of("ifb0", "10.200.1.1/32").withPeer(InetAddress.ofLiteral("10.200.1.2")));
        nl.routes().add(RouteSpec.to("10.200.12.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1")).withTable(RouteTable.of(100)).withMetric(7));
        nl.routes().add(RouteSpec.to("10.200.17.0/24").withNexthops(List.of(NexthopSpec.via(InetAddress.ofLiteral("10.200.0.1"), "veth0"),
                NexthopSpec.via(InetAddress.ofLiteral("10.200.3.1"), "vethb0"))));
        nl.routes().add(RouteSpec.to("10.200.9.0/24").withType(RouteType.BLACKHOLE));
    }

    /**
     * Waits (at most 5 s) until two dumps 200 ms apart agree: links coming up change their operational state
     * (a veth's carrier follows its peer) and add IPv6 link-local addresses and routes for a while, and the comparisons need a namespace that holds still.
     */
    private void settle() throws Exception {
        Object last = null;
        for (int i = 0; i < 25; i++) {
            Object now = List.of(nl.routes().list(), nl.addresses().list(),
                    nl.links().list().stream().map(l -> l.rawFlags() + " " + l.operState()).toList());
            if (now.equals(last)) return;
            last = now;
            Thread.sleep(200);
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private static String link(int index, String name, int flags, int mtu, int master, Object kind, Object oper, Object mac) {
        return index + " " + name + " " + flags + " " + mtu + " " + master + " " + kind + " " + oper + " " + mac;
    }

    @Test
    void linksStreamAsListed() throws Exception {
        settle();
        List<String> records = new ArrayList<>();
        for (Link l : nl.links().list()) {
            records.add(link(l.index(), l.name(), l.rawFlags(), l.mtu(), l.masterIndex().orElse(0), l.kind(), l.operState(), l.address()));
        }
        List<String> views = new ArrayList<>();
        nl.links().forEach(v -> views.add(link(v.index(), v.name(), v.rawFlags(), v.mtu(), v.masterIndex(), v.kind(), v.operState(), v.address())));
        assertEquals(records.stream().sorted().toList(), views.stream().sorted().toList());
        assertEquals(7, views.size());

        List<String> ports = new ArrayList<>();
        nl.links().forEach(LinkSelector.empty().withMaster("br0"), v -> ports.add(v.name()));
        assertEquals(List.of("veth1"), ports);
        List<String> veths = new ArrayList<>();
        nl.links().forEach(LinkSelector.empty().withKind("veth"), v -> veths.add(v.name()));
        assertEquals(List.of("veth0", "veth1", "vethb0", "vethb1"), veths.stream().sorted().toList());
    }

    @Test
    void addressesStreamAsListed() throws Exception {
        settle();
        List<String> records = new ArrayList<>();
        for (Address a : nl.addresses().list()) {
            records.add(a.index() + " " + a.family() + " " + a.address() + "/" + a.prefixLength() + " " + a.label() + " " + a.scope());
        }
        List<String> views = new ArrayList<>();
        nl.addresses().forEach((AddressView v) -> views.add(v.index() + " " + v.family() + " " + v.address() + "/" + v.prefixLength()
                + " " + v.label() + " " + v.scope()));
        assertEquals(records.stream().sorted().toList(), views.stream().sorted().toList());
        assertTrue(views.size() >= 5, views::toString); // lo's two, three of ours, link-local ones of the up links

        List<String> onVeth0 = new ArrayList<>();
        nl.addresses().forEach("veth0", v -> onVeth0.add(v.address().getHostAddress()));
        assertTrue(onVeth0.containsAll(List.of("10.200.0.2", "fd00:200:0:0:0:0:0:2")), onVeth0::toString);
        int veth0 = nl.links().index("veth0");
        assertEquals(nl.addresses().list("veth0").size(), onVeth0.size());
        nl.addresses().forEach("veth0", v -> assertEquals(veth0, v.index()));
    }

    @Test
    void routesStreamAsListed() throws Exception {
        settle();
        List<String> records = new ArrayList<>();
        for (Route r : nl.routes().list()) {
            records.add(r.table() + " " + r.family() + " " + r.destination() + "/" + r.destinationLength() + " " + r.gateway() + " "
                    + r.outputIndex().orElse(0) + " " + r.metric().orElse(0) + " " + r.protocol() + " " + r.type());
        }
        List<String> views = new ArrayList<>();
        nl.routes().forEach((RouteView v) -> views.add(v.table() + " " + v.family() + " " + v.destination() + "/" + v.destinationLength() + " "
                + v.gateway() + " " + v.outputIndex() + " " + v.metric() + " " + v.protocol() + " " + v.type()));
        assertEquals(records.stream().sorted().toList(), views.stream().sorted().toList());

        List<String> table100 = new ArrayList<>();
        nl.routes().forEach(AddressFamily.INET, RouteSelector.of(RouteTable.of(100)), v -> table100.add(v.destination().get().getHostAddress()
                + " " + v.metric()));
        assertEquals(List.of("10.200.12.0 7"), table100);
        List<String> none = new ArrayList<>();
        nl.routes().forEach(AddressFamily.INET, RouteSelector.of(RouteTable.of(4242)), v -> none.add(v.toString()));
        assertEquals(List.of(), none);
    }

    /** What {@code ip -n NS -j ARGS} prints, for the kernel's own word on what a dump holds. */
    private List<String> ipJson(String key, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns.name(), "-j"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        List<String> values = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\"?([^\",}]*)").matcher(out);
        while (m.find()) values.add(m.group(1));
        return values.stream().sorted().toList();
    }

    @Test
    void neighboursRulesAndNexthopsStreamAsListedAndAsIpShowsThem() throws Exception {
        nl.neighbours().add(io.github.netlink4j.neighbour.NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.7"),
                io.github.netlink4j.common.MacAddress.of("02:00:00:00:00:07")));
        nl.neighbours().add(io.github.netlink4j.neighbour.NeighbourSpec.of("veth0", InetAddress.ofLiteral("fd00:200::7"),
                io.github.netlink4j.common.MacAddress.of("02:00:00:00:00:17")));
        nl.rules().add(io.github.netlink4j.route.RuleSpec.of(AddressFamily.INET).withSource("10.200.0.0/24").withPriority(100)
                .withLookup(RouteTable.of(100)));
        nl.nexthops().add(io.github.netlink4j.route.NexthopObjectSpec.via(1, InetAddress.ofLiteral("10.200.0.1"), "veth0"));
        nl.nexthops().add(io.github.netlink4j.route.NexthopObjectSpec.via(3, InetAddress.ofLiteral("10.200.0.3"), "veth0"));
        nl.nexthops().add(io.github.netlink4j.route.NexthopObjectSpec.group(10, List.of(new io.github.netlink4j.route.NexthopObject.Member(1, 2),
                new io.github.netlink4j.route.NexthopObject.Member(3, 1))));

        List<String> records = new ArrayList<>();
        for (var n : nl.neighbours().list("veth0")) if (!n.address().get().isMulticastAddress()) records.add(n.address().get().getHostAddress() + " " + n.lladdr() + " " + n.rawState());
        List<String> views = new ArrayList<>();
        nl.neighbours().forEach("veth0", v -> { if (!v.address().get().isMulticastAddress()) views.add(v.address().get().getHostAddress() + " " + v.lladdr() + " " + v.rawState()); });
        assertEquals(records.stream().sorted().toList(), views.stream().sorted().toList());
        // the multicast entries come and go as the links join their groups: the unicast ones hold still
        List<String> dsts = new ArrayList<>();
        nl.neighbours().forEach(v -> v.address().filter(a -> !a.isMulticastAddress()).ifPresent(a -> dsts.add(io.github.netlink4j.support.IpText.text(a))));
        assertEquals(ipJson("dst", "neigh", "show", "nud", "all").stream().filter(a -> !InetAddress.ofLiteral(a).isMulticastAddress()).toList(),
                dsts.stream().sorted().toList());
        assertEquals(List.of("10.200.0.7", "fd00:200::7"), dsts.stream().sorted().toList());

        List<String> rules = new ArrayList<>();
        for (var r : nl.rules().list()) rules.add(r.family() + " " + r.priority() + " " + r.source() + " " + r.table());
        List<String> ruleViews = new ArrayList<>();
        nl.rules().forEach(v -> ruleViews.add(v.family() + " " + v.priority() + " " + v.source() + " " + v.table()));
        assertEquals(rules, ruleViews); // the kernel's order, both families
        List<String> v4 = new ArrayList<>();
        nl.rules().forEach(AddressFamily.INET, v -> v4.add(String.valueOf(v.priority())));
        assertEquals(ipJson("priority", "-4", "rule", "show"), v4.stream().sorted().toList());

        List<String> nexthops = new ArrayList<>();
        for (var n : nl.nexthops().list()) nexthops.add(n.id() + " " + n.gateway() + " " + n.outputIndex().orElse(0) + " " + n.group().size());
        List<String> nexthopViews = new ArrayList<>();
        nl.nexthops().forEach(v -> nexthopViews.add(v.id() + " " + v.gateway() + " " + v.outputIndex() + " " + v.groupSize()));
        assertEquals(nexthops, nexthopViews);
        assertEquals(ipJson("id", "nexthop", "show").stream().distinct().toList(), // a group names its members by "id" too
                nexthopViews.stream().map(x -> x.split(" ")[0]).sorted().toList());
        assertThrows(IllegalArgumentException.class, () -> nl.rules().forEach(AddressFamily.BRIDGE, v -> { }));
    }

    @Test
    void aViewKeptAfterItsCallbackThrows() throws Exception {
        LinkView[] kept = new LinkView[1];
        nl.links().forEach(v -> kept[0] = v);
        assertThrows(IllegalStateException.class, kept[0]::index);
        RouteView[] route = new RouteView[1];
        nl.routes().forEach(v -> route[0] = v);
        assertThrows(IllegalStateException.class, route[0]::destination);
        AddressView[] address = new AddressView[1];
        nl.addresses().forEach(v -> address[0] = v);
        assertThrows(IllegalStateException.class, address[0]::address);
    }

    @Test
    void anActionThatThrowsEndsTheDumpAndLeavesTheSocketReady() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> nl.links().forEach(v -> {
            throw new IllegalArgumentException("stop");
        }));
        assertEquals(7, nl.links().list().size());
    }
}
