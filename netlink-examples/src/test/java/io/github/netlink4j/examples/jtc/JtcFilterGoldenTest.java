package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.internal.codec.tc.ActionsCodec;
import io.github.netlink4j.internal.codec.tc.FilterCodec;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * jtc's reading of {@code tc filter} and {@code tc actions} lines held to the bytes tc 6.1 sent for the
 * same lines (golden/tc/*.hex, captured by scripts/capture-golden.py from scripts/golden-set.txt): the
 * line parsed as jtc parses it, encoded by the library's codec. Kinds this kernel lacks (flower, matchall,
 * basic, fw, gact, police, skbedit) are checked here only; no root needed.
 */
class JtcFilterGoldenTest {
    /** The captures' links: lo 1, veth1 2, veth0 3. */
    private static final Map<String, Integer> LINKS = Map.of("veth1", 2, "veth0", 3);

    /** Fixture and the tc line it was captured from (golden-set.txt, the words after {@code tc}). */
    private static final String[][] FILTERS = {
        {"tc/u32-dst", "filter add dev veth0 parent 1: protocol ip prio 10 u32 match ip dst 10.200.0.0/24 classid 1:10"},
        {"tc/u32-ports", "filter add dev veth0 parent 1: protocol ip prio 20 u32 match ip src 10.200.1.0/24 match ip protocol 6 0xff match ip dport 80 0xffff match ip sport 1024 0xffff flowid 1:20"},
        {"tc/u32-handle", "filter add dev veth0 parent 1: protocol ip prio 10 handle 800::10 u32 match ip protocol 17 0xff classid 1:10"},
        {"tc/u32-divisor", "filter add dev veth0 parent 1: protocol ip prio 5 handle 2: u32 divisor 256"},
        {"tc/u32-link", "filter add dev veth0 parent 1: protocol ip prio 5 u32 ht 800:: match ip dst 10.200.0.0/16 hashkey mask 0x000000ff at 16 link 2:"},
        {"tc/u32-bucket", "filter add dev veth0 parent 1: protocol ip prio 5 u32 ht 2:7: match ip dst 10.200.0.7/32 classid 1:10"},
        {"tc/u32-gact", "filter add dev veth0 ingress protocol ip prio 1 u32 match ip dst 10.200.0.1/32 action gact drop"},
        {"tc/u32-mirred", "filter add dev veth0 egress protocol ip prio 2 u32 match ip dst 10.200.0.0/24 action mirred egress redirect dev veth1"},
        {"tc/u32-actions", "filter add dev veth0 ingress protocol all prio 3 u32 match u32 0 0 action gact pass action mirred ingress mirror dev veth1 action gact reclassify"},
        {"tc/u32-replace", "filter replace dev veth0 parent 1: protocol ip prio 10 handle 800::10 u32 match ip protocol 6 0xff classid 1:20"},
        {"tc/u32-change", "filter change dev veth0 parent 1: protocol ip prio 10 handle 800::10 u32 match ip protocol 6 0xff classid 1:20"},
        {"tc/filter-chain", "filter add dev veth0 ingress protocol ip prio 1 chain 7 u32 match ip dst 10.200.0.1/32 action gact drop"},
        {"tc/matchall-drop", "filter add dev veth0 ingress prio 1 matchall action gact drop"},
        {"tc/matchall-classid", "filter add dev veth0 parent 1: protocol all prio 3 matchall classid 1:10"},
        {"tc/basic-classid", "filter add dev veth0 parent 1: protocol ip prio 7 basic classid 1:10"},
        {"tc/fw-classid", "filter add dev veth0 parent 1: protocol ip prio 8 handle 5 fw classid 1:10"},
        {"tc/filter-del", "filter del dev veth0 parent 1: protocol ip prio 10 handle 800::10 u32"},
        {"tc/flower-ip", "filter add dev veth0 ingress protocol ip prio 4 flower ip_proto tcp dst_ip 10.200.0.0/24 src_ip 10.200.1.1 dst_port 80 src_port 1000 action gact drop"},
        {"tc/flower-udp-v6", "filter add dev veth0 ingress protocol ipv6 prio 5 flower ip_proto udp dst_ip fd00:200::1 dst_port 53 action gact pass"},
        {"tc/pedit-munge-ip-dst", "filter add dev veth0 ingress prio 2 matchall action pedit ex munge ip dst set 10.200.0.9"},
        {"tc/flower-vlan-mac", "filter add dev veth0 ingress protocol 802.1q prio 6 flower vlan_id 100 vlan_ethtype ipv4 dst_mac 02:00:00:00:00:01 src_mac 02:00:00:00:00:02 action gact drop"},
    };

    private static final String[][] ACTIONS = {
        {"tc/action-gact", "actions add action gact drop index 5"},
        {"tc/action-mirred", "actions add action mirred egress mirror dev veth1 index 3"},
        {"tc/action-police", "actions add action police rate 1mbit burst 10k conform-exceed drop/pipe index 7"},
        {"tc/action-skbedit", "actions add action skbedit priority 1:10 mark 5 queue_mapping 2 index 8"},
        {"tc/action-pedit-munge-ip-src", "actions add action pedit munge ip src set 10.200.0.7 index 3"},
        {"tc/action-pedit-ex-ip-ttl-add", "actions add action pedit ex munge ip ttl add 255 pipe index 4"},
        {"tc/action-pedit-ex-tcp-dport", "actions add action pedit ex munge tcp dport set 8080 index 5"},
        {"tc/action-pedit-ex-eth-dst", "actions add action pedit ex munge eth dst set 02:00:00:00:00:09 index 6"},
        {"tc/action-pedit-offset-u16", "actions add action pedit munge offset 12 u16 set 0x1234 index 7"},
        {"tc/action-pedit-ex-two-keys", "actions add action pedit ex munge ip dst set 10.200.0.9 munge ip src set 10.200.0.1 continue index 8"},
        {"tc/action-pedit-ex-eth-src", "actions add action pedit ex munge eth src set 02:00:00:00:00:0a index 9"},
        {"tc/action-pedit-ex-ip-tos", "actions add action pedit ex munge ip tos set 0x10 index 10"},
    };

    /** What {@code w} holds (the test-jar's Written takes the writer as the class path loads it, not as the module does). */
    private static byte[] bytes(MessageWriter w) {
        return w.segment().asSlice(0, w.size()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    @Test
    void filterLinesMakeTheBytesTcSent() {
        List<String> failures = new ArrayList<>();
        for (String[] c : FILTERS) {
            List<String> w = Arrays.asList(c[1].split(" "));
            String verb = w.get(1);
            FilterArgs f = FilterArgs.parse(w.subList(2, w.size()), verb.equals("add") || verb.equals("replace"));
            FilterSpec spec = f.spec();
            assertNotNull(spec, c[1]);
            MessageWriter out = new MessageWriter(64);
            switch (verb) {
                case "add" -> FilterCodec.encodeModify(out, spec, LINKS.get(spec.link()), LINKS::get, FilterCodec.Mode.ADD, false);
                case "replace" -> FilterCodec.encodeModify(out, spec, LINKS.get(spec.link()), LINKS::get, FilterCodec.Mode.REPLACE, false);
                case "change" -> FilterCodec.encodeModify(out, spec, LINKS.get(spec.link()), LINKS::get, FilterCodec.Mode.CHANGE, false);
                default -> FilterCodec.encodeDelete(out, spec, LINKS.get(spec.link()));
            }
            String want = Golden.dump(Golden.bytes(c[0])), got = Golden.dump(bytes(out));
            if (!want.equals(got)) failures.add(c[1] + "\n tc:  " + want + "\n jtc: " + got);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void actionLinesMakeTheBytesTcSent() {
        for (String[] c : ACTIONS) {
            List<String> w = Arrays.asList(c[1].split(" "));
            List<ActionSpec> specs = ActionArgs.parse(new Args(w.subList(2, w.size())));
            MessageWriter out = new MessageWriter(64);
            ActionsCodec.encodeAdd(out, specs, LINKS::get, false);
            assertEquals(Golden.dump(Golden.bytes(c[0])), Golden.dump(bytes(out)), c[1]);
        }
    }
}
