package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchParentException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.UnsupportedActionKindException;
import io.github.netlink4j.error.UnsupportedFilterKindException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.QdiscSpec;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClassSpec;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.MirredAction;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.Tc;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters and actions in a throwaway namespace with a veth pair, checked against {@code tc -j -s filter
 * show} and {@code tc -j actions ls}: what the library adds tc reports, what tc adds the library reads,
 * traffic classified to htb classes, and the kernel's refusals. This kernel has u32 and mirred only; the
 * other kinds are covered by their request bytes (FilterCodecTest).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FiltersTest {
    private static final TcHandle ONE = TcHandle.of("1:");
    private ThrowawayNamespace t;
    private String ns;
    private NetlinkClient nl;
    private final Map<Integer, String> names = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("filters");
        ns = t.name();
        nl = t.client();
        Ip.in(ns, "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        for (String l : List.of("veth0", "veth1")) nl.links().setUp(l);
        for (var l : nl.links().list()) names.put(l.index(), l.name());
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    private void htbWithClasses() throws IOException {
        nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.htb(0x20)).withHandle(ONE));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", ONE, TcHandle.of("1:10"), ClassOptions.htb(Rate.of("10mbit"))));
        nl.trafficClasses().add(TrafficClassSpec.of("veth0", ONE, TcHandle.of("1:20"), ClassOptions.htb(Rate.of("10mbit"))));
    }

    /** {@code tc -j filter show dev veth0 WHERE…}, the filters with a handle (tc's "fh"), by handle. */
    private Map<String, Map<String, Object>> tcFilters(String... where) throws IOException {
        List<String> a = new ArrayList<>(List.of("-j", "-s", "filter", "show", "dev", "veth0"));
        a.addAll(List.of(where));
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> f : Json.array(Tc.in(ns, a.toArray(String[]::new)))) {
            @SuppressWarnings("unchecked") Map<String, Object> o = (Map<String, Object>) f.get("options");
            if (o != null && o.get("fh") != null) out.put(f.get("pref") + " " + o.get("fh"), f);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(Map<String, Object> f) {
        return (Map<String, Object>) f.get("options");
    }

    private static FilterOptions.U32 u32(U32Key... keys) {
        return FilterOptions.u32(U32Selector.of(keys));
    }

    @Test
    void u32ClassifiesTrafficToHtbClassesAsTcReports() throws Exception {
        htbWithClasses();
        // a peer that is not local, with a fixed neighbour: the datagrams leave through veth0's htb at once
        nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));
        nl.neighbours().add(NeighbourSpec.of("veth0", InetAddress.ofLiteral("10.200.0.1"), MacAddress.of("02:00:00:00:00:01")));
        Filter f = nl.filters().add(FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")), U32Key.ipProtocol(17))
                .withClassid(TcHandle.of("1:10"))));
        assertEquals(U32Handle.of("800::800").value(), f.handle(), "the kernel's first node in the priority's table");
        Map<String, Object> j = tcFilters("parent", "1:").get("10 800::800");
        assertEquals("u32", j.get("kind"));
        assertEquals("ip", j.get("protocol"));
        assertEquals("1:10", options(j).get("flowid"));
        // tc prints keys in network order, without leading zeros: 10.200.0.0/24 is ac80000/ffffff00 at 16
        @SuppressWarnings("unchecked") Map<String, Object> match = (Map<String, Object>) options(j).get("match");
        assertTrue(match != null, "tc prints the first key: " + j);
        Ip.in(ns, "netns", "exec", ns, "socat", "-u", "-b", "500", "OPEN:/dev/zero,readbytes=1500", "UDP-DATAGRAM:10.200.0.1:9");
        long toTen = Tc.classes(ns, "veth0").stream().filter(c -> c.get("handle").equals("1:10")).mapToLong(c -> Long.parseLong(c.get("packets")))
                .sum();
        assertTrue(toTen >= 3, "the three datagrams went to 1:10, which sent " + toTen + " packets");
        assertEquals(f, nl.filters().get("veth0", ONE, 10, FilterProtocol.IP, f.handle()), "get reads what add returned");
        assertEquals(f.withoutStats(), nl.filters().get(f.toSpec(i -> "veth0")).withoutStats(), "one RTM_GETTFILTER, as tc filter get");
        assertEquals(Optional.empty(), nl.filters().find(f.toSpec(i -> "veth0").withHandle(U32Handle.of("800::801").value())),
                "the kernel's ENOENT for a handle it does not have");
        assertThrows(NotFoundException.class, () -> nl.filters().get(f.toSpec(i -> "veth0").withHandle(U32Handle.of("800::801").value())));
        assertThrows(IllegalArgumentException.class, () -> nl.filters().find(FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, u32())));
    }

    @Test
    void whatTcAddsTheLibraryReadsAndHashTablesWithLinks() throws Exception {
        htbWithClasses();
        Tc.in(ns, "filter", "add", "dev", "veth0", "parent", "1:", "protocol", "ip", "prio", "20", "u32", "match", "ip", "src", "10.200.1.0/24",
                "match", "ip", "protocol", "6", "0xff", "match", "ip", "dport", "80", "0xffff", "match", "ip", "sport", "1024", "0xffff", "flowid", "1:20");
        nl.filters().add(FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP, FilterOptions.u32Table(256)).withHandle(U32Handle.table(2).value()));
        nl.filters().add(FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP, FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/16")))
                .withHashKey(0xff, 16)).withLink(U32Handle.table(2))));
        nl.filters().add(FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.7/32"))).withClassid(TcHandle.of("1:10"))
                .withHashTable(U32Handle.of("2:7:"))));
        Map<String, Map<String, Object>> tc = tcFilters("parent", "1:");
        Filter ports = nl.filters().list("veth0", ONE).stream().filter(f -> f.priority() == 20 && f.handle() != 0 && f.options().classid().isPresent())
                .findFirst().orElseThrow();
        assertEquals(List.of(U32Key.ipSrc(IpPrefix.of("10.200.1.0/24")), U32Key.ipProtocol(6), new U32Key(0x0400_0050L, 0xffff_ffffL, 20, 0)),
                ((FilterOptions.U32) ports.options()).selector().orElseThrow().keys(), "tc's keys as the kernel keeps them");
        assertEquals("1:20", options(tc.get("20 " + new U32Handle(ports.handle()))).get("flowid"));
        Map<String, Object> bucket = tc.get("5 2:7:800");
        assertEquals("1:10", options(bucket).get("flowid"), "the filter sits in bucket 7 of table 2: " + tc.keySet());
        assertEquals(256, ((Number) options(tc.get("5 2:")).get("ht_divisor")).intValue());
        Filter linker = nl.filters().list("veth0", ONE).stream().filter(f -> f.options() instanceof FilterOptions.U32 u && u.link().isPresent())
                .findFirst().orElseThrow();
        assertEquals("2:", options(tc.get(linker.priority() + " " + new U32Handle(linker.handle()))).get("link"));
        // every filter tc lists with a handle, the library lists
        assertEquals(tc.keySet(), new java.util.HashSet<>(nl.filters().list("veth0", ONE).stream().filter(f -> f.handle() != 0)
                .map(f -> f.priority() + " " + new U32Handle(f.handle())).toList()));
    }

    @Test
    void clsactU32WithMirredRedirect() throws Exception {
        nl.qdiscs().add(QdiscSpec.clsact("veth0"));
        Filter f = nl.filters().add(FilterSpec.ingress("veth0", 1, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")), U32Key.dport(80)))
                .withActions(List.of(ActionSpec.mirred(MirredAction.EGRESS_REDIRECT, "veth1"))));
        Action a = f.actions().getFirst();
        assertEquals(new ActionOptions.Mirred(MirredAction.EGRESS_REDIRECT, nl.links().index("veth1"), ActionControl.STOLEN), a.options());
        Map<String, Object> j = tcFilters("ingress").get("1 " + new U32Handle(f.handle()));
        @SuppressWarnings("unchecked") Map<String, Object> ta = ((List<Map<String, Object>>) options(j).get("actions")).getFirst();
        assertEquals("mirred", ta.get("kind"));
        assertEquals("redirect", ta.get("mirred_action"));
        assertEquals("egress", ta.get("direction"));
        assertEquals("veth1", ta.get("to_dev"));
        assertEquals(((Number) ta.get("index")).longValue(), a.index());
        Filter egress = nl.filters().add(FilterSpec.egress("veth0", 2, FilterProtocol.ALL, u32(U32Key.of(0, 0, 0)))
                .withActions(List.of(ActionSpec.mirred(MirredAction.INGRESS_MIRROR, "veth1"))));
        assertEquals(List.of(f.withoutStats(), egress.withoutStats()), nl.filters().list("veth0").stream().filter(x -> x.handle() != 0 && x.options()
                instanceof FilterOptions.U32 u && u.selector().isPresent()).map(Filter::withoutStats).toList(), "list(link) walks both clsact hooks");
        // what a record says makes it again: delete it, and add its spec back
        nl.filters().delete(f.toSpec(names::get));
        assertEquals(Optional.empty(), nl.filters().find("veth0", FilterSpec.INGRESS, 1, FilterProtocol.IP, f.handle()));
        assertEquals(Optional.empty(), nl.filters().find(f.toSpec(names::get)), "the priority is gone with its last filter: ENOENT too");
        Filter again = nl.filters().add(f.toSpec(names::get));
        assertEquals(f.options(), again.options());
        assertEquals(f.actions().getFirst().options(), again.actions().getFirst().options());
    }

    @Test
    void replaceChangeAndDelete() throws Exception {
        htbWithClasses();
        long h = U32Handle.of("800::10").value();
        FilterSpec udp = FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, u32(U32Key.ipProtocol(17)).withClassid(TcHandle.of("1:10"))).withHandle(h);
        nl.filters().add(udp);
        Filter replaced = nl.filters().replace(udp.withOptions(u32(U32Key.ipProtocol(6)).withClassid(TcHandle.of("1:20"))));
        assertEquals(Optional.of(TcHandle.of("1:20")), replaced.options().classid());
        assertEquals("1:20", options(tcFilters("parent", "1:").get("10 800::10")).get("flowid"));
        Filter changed = nl.filters().change(udp);
        assertEquals(Optional.of(TcHandle.of("1:10")), changed.options().classid());
        assertThrows(NotFoundException.class, () -> nl.filters().change(udp.withHandle(U32Handle.of("800::20").value())));
        nl.filters().delete(udp);
        assertEquals(Map.of(), tcFilters("parent", "1:"), "the node is gone (the table stays with its priority)");
        nl.filters().add(udp);
        nl.filters().delete("veth0", ONE, 10);
        assertEquals(List.of(), Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth0", "parent", "1:")), "deleting the priority removes it whole");
        assertThrows(NotFoundException.class, () -> nl.filters().delete("veth0", ONE, 10));
    }

    @Test
    void bulkAddAndDelete() throws Exception {
        htbWithClasses();
        List<FilterSpec> specs = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            specs.add(FilterSpec.of("veth0", ONE, 100 + i, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200." + i + ".0/24")))
                    .withClassid(TcHandle.of(i % 2 == 0 ? "1:10" : "1:20"))));
        }
        assertTrue(nl.filters().addAll(specs).allSucceeded());
        assertEquals(40, tcFilters("parent", "1:").values().stream().filter(f -> options(f).get("flowid") != null).count());
        assertTrue(nl.filters().deleteAll(specs).allSucceeded(), "a spec without a handle deletes its priority");
        assertEquals(List.of(), Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth0", "parent", "1:")));
    }

    @Test
    void refusalsAreTypedAndLeaveNothingMade() throws Exception {
        htbWithClasses();
        UnsupportedFilterKindException kind = assertThrows(UnsupportedFilterKindException.class, () -> nl.filters().add(FilterSpec.of("veth0", ONE, 3,
                FilterProtocol.IP, FilterOptions.matchall())));
        assertEquals("matchall", kind.kind());
        assertEquals(Optional.of("TC classifier not found"), kind.extAckMessage());
        NoSuchParentException parent = assertThrows(NoSuchParentException.class, () -> nl.filters().add(FilterSpec.of("veth0", TcHandle.of("7:"), 3,
                FilterProtocol.IP, u32(U32Key.ipProtocol(6)))));
        assertEquals("7:", parent.parent());
        UnsupportedActionKindException act = assertThrows(UnsupportedActionKindException.class, () -> nl.filters().add(FilterSpec.of("veth0", ONE, 4,
                FilterProtocol.IP, u32(U32Key.ipProtocol(6))).withActions(List.of(ActionSpec.gact(ActionControl.DROP)))));
        assertEquals("gact", act.kind());
        assertEquals(List.of(), Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth0", "parent", "1:")),
                "the failed adds left no filter and no priority behind");
        // the kernel points at the attribute it refused, and the error names it: a u32 selector of 4 bytes, sent raw
        byte[] shortSel = {8, 0, 5, 0, 0, 0, 0, 0};
        KernelException bad = assertThrows(KernelException.class, () -> nl.filters().add(FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP,
                new FilterOptions.Other("u32", Optional.of(io.github.netlink4j.common.RawAttribute.of(2, shortSel))))));
        assertEquals(Optional.of("TCA_OPTIONS › TCA_U32_SEL"), bad.attributePath(), bad.getMessage());
        assertEquals(List.of(), Json.array(Tc.in(ns, "-j", "filter", "show", "dev", "veth0", "parent", "1:")));
    }

    @Test
    void standaloneActions() throws Exception {
        Action made = nl.actions().add(ActionSpec.mirred(MirredAction.EGRESS_MIRROR, "veth1").withIndex(3));
        assertEquals(3, made.index());
        assertEquals(new ActionOptions.Mirred(MirredAction.EGRESS_MIRROR, nl.links().index("veth1"), ActionControl.PIPE), made.options());
        Tc.in(ns, "actions", "add", "action", "mirred", "ingress", "redirect", "dev", "veth1", "index", "4");
        List<Action> all = nl.actions().list("mirred");
        assertEquals(List.of(3L, 4L), all.stream().map(Action::index).toList());
        assertEquals(MirredAction.INGRESS_REDIRECT, ((ActionOptions.Mirred) nl.actions().get("mirred", 4).options()).action());
        String tc = Tc.in(ns, "-j", "actions", "ls", "action", "mirred");
        assertTrue(tc.contains("\"index\":3") && tc.contains("\"mirred_action\":\"mirror\""), tc);
        nl.actions().delete("mirred", 3);
        assertEquals(List.of(4L), nl.actions().list("mirred").stream().map(Action::index).toList());
        assertThrows(NotFoundException.class, () -> nl.actions().delete("mirred", 3));
        UnsupportedActionKindException gact = assertThrows(UnsupportedActionKindException.class, () -> nl.actions().add(ActionSpec.gact(ActionControl.DROP)));
        assertEquals("gact", gact.kind());
        // a filter may use the standalone action by kind and index
        nl.qdiscs().add(QdiscSpec.clsact("veth0"));
        Filter f = nl.filters().add(FilterSpec.ingress("veth0", 1, FilterProtocol.ALL, u32(U32Key.of(0, 0, 0)))
                .withActions(List.of(nl.actions().get("mirred", 4).toSpec(names::get))));
        assertEquals(4, f.actions().getFirst().index());
    }

    /** One RTM_DELACTION with NLM_F_ROOT deletes every action of the kind; a kind the kernel lacks is its error. */
    @Test
    void flushDeletesEveryActionOfAKindInOneRequest() throws Exception {
        for (int i = 1; i <= 5; i++) nl.actions().add(ActionSpec.mirred(MirredAction.EGRESS_MIRROR, "veth1").withIndex(10 + i));
        assertTrue(Tc.in(ns, "-j", "actions", "ls", "action", "mirred").startsWith("[{\"total acts\":5}"), "tc sees the five");
        nl.actions().flush("mirred");
        assertEquals(List.of(), nl.actions().list("mirred"));
        assertEquals("[]", Tc.in(ns, "-j", "actions", "ls", "action", "mirred").strip(), "tc agrees: none left");
        KernelException unknown = assertThrows(KernelException.class, () -> nl.actions().flush("frob"));
        assertEquals("Cannot flush unknown TC action", unknown.extAckMessage().orElseThrow());
    }
}
