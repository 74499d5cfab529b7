package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.MirredAction;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.Flower;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.github.netlink4j.internal.codec.tc.TcBytes.VETH0;
import static io.github.netlink4j.internal.codec.tc.TcBytes.assertEncodes;

/** Filter requests against the bytes tc 6.1 sent for the same command (golden/tc/*.hex), kinds this kernel lacks included. */
class FilterCodecTest {
    /** veth1's index in the captures (lo 1, veth1 2, veth0 3). */
    private static final Map<String, Integer> LINKS = Map.of("veth1", 2, "veth0", VETH0);
    private static final TcHandle ONE = TcHandle.of("1:");

    private static void add(String fixture, FilterSpec spec) {
        assertEncodes(fixture, w -> FilterCodec.encodeModify(w, spec, VETH0, LINKS::get, FilterCodec.Mode.ADD, false));
    }

    private static FilterOptions.U32 u32(U32Key... keys) {
        return FilterOptions.u32(U32Selector.of(keys));
    }

    @Test
    void u32MatchesOnAddressesProtocolAndPorts() {
        add("tc/u32-dst", FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")))
                .withClassid(TcHandle.of("1:10"))));
        // tc folds sport and dport, both in word 20, into one key
        add("tc/u32-ports", FilterSpec.of("veth0", ONE, 20, FilterProtocol.IP, u32(U32Key.ipSrc(IpPrefix.of("10.200.1.0/24")), U32Key.ipProtocol(6),
                U32Key.dport(80), U32Key.sport(1024)).withClassid(TcHandle.of("1:20"))));
        add("tc/u32-handle", FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, u32(U32Key.ipProtocol(17)).withClassid(TcHandle.of("1:10")))
                .withHandle(U32Handle.of("800::10").value()));
    }

    @Test
    void u32HashTablesAndLinks() {
        add("tc/u32-divisor", FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP, FilterOptions.u32Table(256)).withHandle(U32Handle.of("2:").value()));
        add("tc/u32-link", FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP, FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/16")))
                .withHashKey(0xff, 16)).withHashTable(U32Handle.of("800::")).withLink(U32Handle.of("2:"))));
        add("tc/u32-bucket", FilterSpec.of("veth0", ONE, 5, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.7/32")))
                .withClassid(TcHandle.of("1:10")).withHashTable(U32Handle.of("2:7:"))));
    }

    @Test
    void u32WithActions() {
        add("tc/u32-gact", FilterSpec.ingress("veth0", 1, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.1/32"))))
                .withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
        add("tc/u32-mirred", FilterSpec.egress("veth0", 2, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.0/24"))))
                .withActions(List.of(ActionSpec.mirred(MirredAction.EGRESS_REDIRECT, "veth1"))));
        add("tc/u32-actions", FilterSpec.ingress("veth0", 3, FilterProtocol.ALL, u32(U32Key.of(0, 0, 0)))
                .withActions(List.of(ActionSpec.gact(ActionControl.PASS), ActionSpec.mirred(MirredAction.INGRESS_MIRROR, "veth1"),
                        ActionSpec.gact(ActionControl.RECLASSIFY))));
        add("tc/filter-chain", FilterSpec.ingress("veth0", 1, FilterProtocol.IP, u32(U32Key.ipDst(IpPrefix.of("10.200.0.1/32"))))
                .withChain(7).withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
    }

    @Test
    void replaceChangeDeleteAndDump() {
        FilterSpec tcp = FilterSpec.of("veth0", ONE, 10, FilterProtocol.IP, u32(U32Key.ipProtocol(6)).withClassid(TcHandle.of("1:20")))
                .withHandle(U32Handle.of("800::10").value());
        assertEncodes("tc/u32-replace", w -> FilterCodec.encodeModify(w, tcp, VETH0, LINKS::get, FilterCodec.Mode.REPLACE, false));
        assertEncodes("tc/u32-change", w -> FilterCodec.encodeModify(w, tcp, VETH0, LINKS::get, FilterCodec.Mode.CHANGE, false));
        assertEncodes("tc/filter-del", w -> FilterCodec.encodeDelete(w, VETH0, ONE, 10, FilterProtocol.IP, U32Handle.of("800::10").value(), "u32",
                OptionalLong.empty()));
        assertEncodes("tc/filter-del-prio", w -> FilterCodec.encodeDelete(w, VETH0, ONE, 10, FilterProtocol.ANY, 0, null, OptionalLong.empty()));
        assertEncodes("tc/filter-dump", w -> FilterCodec.encodeDump(w, VETH0, ONE, OptionalLong.empty()));
        assertEncodes("tc/filter-dump-chain", w -> FilterCodec.encodeDump(w, VETH0, FilterSpec.INGRESS, OptionalLong.of(7)));
    }

    /** tc filter get: NLM_F_ECHO without an ACK, prio and protocol in tcm_info, the chain before the kind. */
    @Test
    void get() {
        assertEncodes("tc/filter-get", w -> FilterCodec.encodeGet(w, VETH0, ONE, 2, FilterProtocol.IP, U32Handle.of("800::800").value(), "u32",
                OptionalLong.empty()));
        assertEncodes("tc/filter-get-chain", w -> FilterCodec.encodeGet(w, VETH0, ONE, 2, FilterProtocol.IP, U32Handle.of("800::800").value(), "u32",
                OptionalLong.of(3)));
    }

    /** Kinds this kernel lacks: the request tc sends is all there is to compare. */
    @Test
    void matchallBasicFw() {
        add("tc/matchall-drop", FilterSpec.ingress("veth0", 1, FilterProtocol.ALL, FilterOptions.matchall())
                .withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
        add("tc/matchall-classid", FilterSpec.of("veth0", ONE, 3, FilterProtocol.ALL, new FilterOptions.Matchall(Optional.of(TcHandle.of("1:10")), 0)));
        add("tc/basic-classid", FilterSpec.of("veth0", ONE, 7, FilterProtocol.IP, new FilterOptions.Basic(Optional.of(TcHandle.of("1:10")))));
        add("tc/fw-classid", FilterSpec.of("veth0", ONE, 8, FilterProtocol.IP, new FilterOptions.Fw(Optional.of(TcHandle.of("1:10")))).withHandle(5));
    }

    /** eBPF programs as tc loads them (fd 6 in tc), by fd and name, with direct action, a classid and actions. */
    @Test
    void bpf() {
        FilterOptions.Bpf prog = FilterOptions.bpf(6, "p.o:[classifier]");
        add("tc/bpf-obj-da", FilterSpec.ingress("veth0", 1, FilterProtocol.ALL, prog.withDirectAction()));
        add("tc/bpf-obj-classid", FilterSpec.ingress("veth0", 1, FilterProtocol.ALL, prog.withClassid(TcHandle.of("1:10")).withDirectAction()));
        add("tc/bpf-obj-action", FilterSpec.ingress("veth0", 1, FilterProtocol.ALL, prog.withClassid(TcHandle.of("1:10")))
                .withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
    }

    @Test
    void flower() {
        add("tc/flower-ip", FilterSpec.ingress("veth0", 4, FilterProtocol.IP, Flower.empty().withIpProto(6).withDstIp(IpPrefix.of("10.200.0.0/24"))
                .withSrcIp(IpPrefix.of("10.200.1.1/32")).withDstPort(80).withSrcPort(1000)).withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
        add("tc/flower-udp-v6", FilterSpec.ingress("veth0", 5, FilterProtocol.IPV6, Flower.empty().withIpProto(17).withDstIp(IpPrefix.of("fd00:200::1/128"))
                .withDstPort(53)).withActions(List.of(ActionSpec.gact(ActionControl.PASS))));
        add("tc/flower-vlan-mac", FilterSpec.ingress("veth0", 6, FilterProtocol.VLAN, Flower.empty().withVlanId(100).withVlanEthType(FilterProtocol.IP)
                .withDstMac(MacAddress.of("02:00:00:00:00:01")).withSrcMac(MacAddress.of("02:00:00:00:00:02")))
                .withActions(List.of(ActionSpec.gact(ActionControl.DROP))));
    }

    /** Standalone actions (tc actions add/delete/ls). */
    @Test
    void standaloneActions() {
        assertEncodes("tc/action-gact", w -> ActionsCodec.encodeAdd(w, List.of(ActionSpec.gact(ActionControl.DROP).withIndex(5)), LINKS::get, false));
        assertEncodes("tc/action-mirred", w -> ActionsCodec.encodeAdd(w, List.of(ActionSpec.mirred(MirredAction.EGRESS_MIRROR, "veth1").withIndex(3)),
                LINKS::get, false));
        assertEncodes("tc/action-skbedit", w -> ActionsCodec.encodeAdd(w, List.of(ActionSpec.of(new io.github.netlink4j.tc.action.ActionOptions.Skbedit(
                Optional.of(TcHandle.of("1:10")), OptionalLong.of(5), java.util.OptionalInt.of(2), ActionControl.PIPE)).withIndex(8)), LINKS::get, false));
        assertEncodes("tc/action-police", w -> ActionsCodec.encodeAdd(w, List.of(ActionSpec.of(new io.github.netlink4j.tc.action.ActionOptions.Police(
                io.github.netlink4j.tc.Rate.of("1mbit"), io.github.netlink4j.tc.Size.of("10k"), ActionControl.DROP, ActionControl.PIPE)).withIndex(7)),
                LINKS::get, false));
        assertEncodes("tc/action-del", w -> ActionsCodec.encodeDelete(w, "mirred", 3));
        assertEncodes("tc/action-dump", w -> ActionsCodec.encodeDump(w, "mirred"));
        assertEncodes("tc/actions-flush", w -> ActionsCodec.encodeFlush(w, "mirred"));
    }
}
