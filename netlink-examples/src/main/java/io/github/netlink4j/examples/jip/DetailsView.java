package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.link.BridgeId;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkDetails;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.VlanProtocol;
import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.RawNumber;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@code ip -d link} adds to a link (ipaddress.c print_linkinfo with show_details, and the
 * print_opt of iplink_bridge.c, iplink_bridge_slave.c, iplink_vxlan.c and iplink_macvlan.c in ip 6.1):
 * text and JSON written together, field by field in ip's order.
 */
final class DetailsView {
    private final StringBuilder text = new StringBuilder();
    private Map<String, Object> json;
    private final Map<Integer, Link> byIndex;

    private DetailsView(Map<Integer, Link> byIndex) {
        this.byIndex = byIndex;
    }

    /** The text that follows the link/ line's addresses (it starts with " promiscuity"); the JSON goes into {@code o}. */
    static String of(Link l, Map<Integer, Link> byIndex, Map<String, Object> o) {
        return of(l, byIndex, o, true);
    }

    /** {@code doLink} false for {@code ip -d addr}, which leaves out the IPv6 address generation mode. */
    static String of(Link l, Map<Integer, Link> byIndex, Map<String, Object> o, boolean doLink) {
        DetailsView v = new DetailsView(byIndex);
        v.json = o;
        v.doLink = doLink;
        v.link(l);
        return v.text.toString();
    }

    private boolean doLink;

    private void link(Link l) {
        LinkDetails d = l.details();
        d.promiscuity().ifPresent(x -> put(" promiscuity " + x + " ", "promiscuity", x));
        d.allmulti().ifPresent(x -> put(" allmulti " + x + " ", "allmulti", x));
        l.minMtu().ifPresent(x -> put("minmtu " + Integer.toUnsignedString(x) + " ", "min_mtu", Integer.toUnsignedLong(x)));
        l.maxMtu().ifPresent(x -> put("maxmtu " + Integer.toUnsignedString(x) + " ", "max_mtu", Integer.toUnsignedLong(x)));
        if (l.kind().isPresent() || l.slaveKind().isPresent()) {
            Map<String, Object> info = Json.object();
            Map<String, Object> outer = json;
            json = info;
            l.kind().ifPresent(k -> {
                put("\n    " + k + " ", "info_kind", k);
                l.data().ifPresent(data -> kindData(k, data));
            });
            l.slaveKind().ifPresent(k -> {
                put("\n    " + k + "_slave ", "info_slave_kind", k);
                if (k.equals("bridge") && l.slaveData().orElse(null) instanceof LinkData.BridgePort p) nested("info_slave_data", () -> port(p));
            });
            json = outer;
            json.put("linkinfo", info);
        }
        if (doLink) d.inet6AddrGenMode().ifPresent(m -> {
            String name = switch (m) {
                case 0 -> "eui64";
                case 1 -> "none";
                case 2 -> "stable_secret";
                case 3 -> "random";
                default -> String.format("%#04x", m);
            };
            put("addrgenmode " + name + " ", "inet6_addr_gen_mode", name);
        });
        ul(d.numTxQueues(), "numtxqueues", "num_tx_queues");
        ul(d.numRxQueues(), "numrxqueues", "num_rx_queues");
        ul(d.gsoMaxSize(), "gso_max_size", "gso_max_size");
        ul(d.gsoMaxSegs(), "gso_max_segs", "gso_max_segs");
        ul(d.tsoMaxSize(), "tso_max_size", "tso_max_size");
        ul(d.tsoMaxSegs(), "tso_max_segs", "tso_max_segs");
        ul(d.groMaxSize(), "gro_max_size", "gro_max_size");
        d.parentBus().ifPresent(b -> put("parentbus " + b + " ", "parentbus", b));
        d.parentDevice().ifPresent(b -> put("parentdev " + b + " ", "parentdev", b));
    }

    /** The kinds whose print_opt ip has; for the others (veth, ifb, …) ip prints the kind alone. */
    private void kindData(String kind, LinkData data) {
        switch (data) {
            case LinkData.Bridge b -> nested("info_data", () -> bridge(b));
            case LinkData.Vxlan x -> nested("info_data", () -> vxlan(x));
            case LinkData.Macvlan m when kind.equals("macvlan") || kind.equals("macvtap") -> nested("info_data", () -> macvlan(m));
            default -> { }
        }
    }

    private void nested(String key, Runnable fill) {
        Map<String, Object> outer = json;
        json = Json.object();
        fill.run();
        outer.put(key, json);
        json = outer;
    }

    private void put(String t, String key, Object value) {
        text.append(t);
        if (key != null) json.put(key, value);
    }

    private void u(OptionalInt v, String t, String key) {
        v.ifPresent(x -> put(t + " " + Integer.toUnsignedString(x) + " ", key, Integer.toUnsignedLong(x)));
    }

    private void ul(OptionalLong v, String t, String key) {
        v.ifPresent(x -> put(t + " " + Long.toUnsignedString(x) + " ", key, x));
    }

    /** A duration as ip prints the kernel's centiseconds (USER_HZ): a bare count. */
    private void centis(Optional<Duration> v, String t, String key) {
        v.ifPresent(d -> put(t + " " + d.toMillis() / 10 + " ", key, d.toMillis() / 10));
    }

    private void hex(OptionalInt v, String t, String key) {
        v.ifPresent(x -> {
            String h = x == 0 ? "0" : "0x" + Integer.toHexString(x);
            put(t + " " + h + " ", key, h);
        });
    }

    private void id(Optional<BridgeId> v, String t, String key) {
        v.ifPresent(x -> put(t + " " + x + " ", key, x.toString()));
    }

    /** ip 6.1 prints IFLA_BR_ROOT_ID's presence with IFLA_BR_BRIDGE_ID's value (iplink_bridge.c); jip does the same. */
    private void rootBug(Optional<BridgeId> root, Optional<BridgeId> bridge, String t, String key) {
        if (root.isPresent()) id(Optional.of(bridge.orElse(root.get())), t, key);
    }

    private void timer(Optional<Duration> v, String t, String key) {
        v.ifPresent(d -> {
            long centis = d.toMillis() / 10;
            String s = (centis / 100) + "." + String.format("%02d", centis % 100);
            text.append(t).append(' ').append(String.format("%4d", centis / 100)).append('.').append(String.format("%02d", centis % 100)).append(' ');
            json.put(key, new RawNumber(s));
        });
    }

    private void mac(Optional<MacAddress> v, String t, String key) {
        v.ifPresent(m -> put(t + " " + m + " ", key, m.toString()));
    }

    private void b01(Optional<Boolean> v, String t, String key) {
        v.ifPresent(b -> put(t + " " + (b ? 1 : 0) + " ", key, b ? 1 : 0));
    }

    private void vlanProtocol(Optional<VlanProtocol> v, String t, String key) {
        v.ifPresent(p -> {
            String name = p == VlanProtocol.IEEE_8021AD ? "802.1ad" : "802.1Q";
            put(t + " " + name + " ", key, name);
        });
    }

    private void onOff(Optional<Boolean> v, String t, String key) {
        v.ifPresent(b -> put(t + " " + (b ? "on" : "off") + " ", key, b));
    }

    private void onOffText(Optional<Boolean> v, String t, String key) {
        v.ifPresent(b -> text.append(t).append(' ').append(b ? "on" : "off").append(' '));
    }

    private static final String[] PORT_STATES = {"disabled", "listening", "learning", "forwarding", "blocking"};

    private void portState(OptionalInt v, String t, String key) {
        v.ifPresent(s -> {
            if (s < PORT_STATES.length) put("state " + PORT_STATES[s] + " ", "state", PORT_STATES[s]);
            else put("state (" + s + ") ", "state_index", s);
        });
    }

    /** group_fwd_mask and its names (stp, lacp, lldp for bits 0, 2 and 14). */
    private void fwdMask(OptionalInt v, String t, String key) {
        v.ifPresent(m -> {
            hex(v, t, key);
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if ((m & (1 << i)) == 0) continue;
                String n = i == 0 ? "stp" : i == 2 ? "lacp" : i == 14 ? "lldp" : "0x" + Integer.toHexString(1 << i);
                if (names.length() > 0) names.append(',');
                names.append(n);
            }
            String str = names.length() == 0 ? "0x0" : names.toString();
            put("group_fwd_mask_str " + str + " ", "group_fwd_mask_str", str);
        });
    }

    private void port(OptionalInt index, String t, String key) {
        index.ifPresent(i -> {
            Link l = byIndex.get(i);
            String name = l != null ? l.name() : "if" + i;
            put(t + " " + name + " ", key, name);
        });
    }

    private void bridge(LinkData.Bridge b) {
        centis(b.forwardDelay(), "forward_delay", "forward_delay");
        centis(b.helloTime(), "hello_time", "hello_time");
        centis(b.maxAge(), "max_age", "max_age");
        centis(b.ageingTime(), "ageing_time", "ageing_time");
        ul(b.stpState(), "stp_state", "stp_state");
        u(b.priority(), "priority", "priority");
        b01(b.vlanFiltering(), "vlan_filtering", "vlan_filtering");
        vlanProtocol(b.vlanProtocol(), "vlan_protocol", "vlan_protocol");
        id(b.bridgeId(), "bridge_id", "bridge_id");
        rootBug(b.rootId(), b.bridgeId(), "designated_root", "root_id");
        u(b.rootPort(), "root_port", "root_port");
        ul(b.rootPathCost(), "root_path_cost", "root_path_cost");
        b01(b.topologyChange(), "topology_change", "topology_change");
        b01(b.topologyChangeDetected(), "topology_change_detected", "topology_change_detected");
        timer(b.helloTimer(), "hello_timer", "hello_timer");
        timer(b.tcnTimer(), "tcn_timer", "tcn_timer");
        timer(b.topologyChangeTimer(), "topology_change_timer", "topology_change_timer");
        timer(b.gcTimer(), "gc_timer", "gc_timer");
        u(b.vlanDefaultPvid(), "vlan_default_pvid", "vlan_default_pvid");
        b01(b.vlanStatsEnabled(), "vlan_stats_enabled", "vlan_stats_enabled");
        b01(b.vlanStatsPerPort(), "vlan_stats_per_port", "vlan_stats_per_port");
        hex(b.groupForwardMask(), "group_fwd_mask", "group_fwd_mask");
        mac(b.groupAddress(), "group_address", "group_addr");
        b01(b.mcastSnooping(), "mcast_snooping", "mcast_snooping");
        b01(b.noLinkLocalLearn(), "no_linklocal_learn", "no_linklocal_learn");
        b01(b.mcastVlanSnooping(), "mcast_vlan_snooping", "mcast_vlan_snooping");
        u(b.mcastRouter(), "mcast_router", "mcast_router");
        b01(b.mcastQueryUseIfaddr(), "mcast_query_use_ifaddr", "mcast_query_use_ifaddr");
        b01(b.mcastQuerier(), "mcast_querier", "mcast_querier");
        ul(b.mcastHashElasticity(), "mcast_hash_elasticity", "mcast_hash_elasticity");
        ul(b.mcastHashMax(), "mcast_hash_max", "mcast_hash_max");
        ul(b.mcastLastMemberCount(), "mcast_last_member_count", "mcast_last_member_cnt");
        ul(b.mcastStartupQueryCount(), "mcast_startup_query_count", "mcast_startup_query_cnt");
        centis(b.mcastLastMemberInterval(), "mcast_last_member_interval", "mcast_last_member_intvl");
        centis(b.mcastMembershipInterval(), "mcast_membership_interval", "mcast_membership_intvl");
        centis(b.mcastQuerierInterval(), "mcast_querier_interval", "mcast_querier_intvl");
        centis(b.mcastQueryInterval(), "mcast_query_interval", "mcast_query_intvl");
        centis(b.mcastQueryResponseInterval(), "mcast_query_response_interval", "mcast_query_response_intvl");
        centis(b.mcastStartupQueryInterval(), "mcast_startup_query_interval", "mcast_startup_query_intvl");
        b01(b.mcastStatsEnabled(), "mcast_stats_enabled", "mcast_stats_enabled");
        u(b.mcastIgmpVersion(), "mcast_igmp_version", "mcast_igmp_version");
        u(b.mcastMldVersion(), "mcast_mld_version", "mcast_mld_version");
        b01(b.nfCallIptables(), "nf_call_iptables", "nf_call_iptables");
        b01(b.nfCallIp6tables(), "nf_call_ip6tables", "nf_call_ip6tables");
        b01(b.nfCallArptables(), "nf_call_arptables", "nf_call_arptables");
    }

    private void port(LinkData.BridgePort p) {
        portState(p.state(), "state", "state");
        u(p.priority(), "priority", "priority");
        ul(p.cost(), "cost", "cost");
        onOff(p.hairpin(), "hairpin", "hairpin");
        onOff(p.guard(), "guard", "guard");
        onOff(p.rootBlock(), "root_block", "root_block");
        onOff(p.fastLeave(), "fastleave", "fastleave");
        onOff(p.learning(), "learning", "learning");
        onOff(p.unicastFlood(), "flood", "flood");
        hex(p.id(), "port_id", "id");
        hex(p.number(), "port_no", "no");
        u(p.designatedPort(), "designated_port", "designated_port");
        u(p.designatedCost(), "designated_cost", "designated_cost");
        id(p.bridgeId(), "designated_bridge", "bridge_id");
        id(p.rootId(), "designated_root", "root_id");
        timer(p.holdTimer(), "hold_timer", "hold_timer");
        timer(p.messageAgeTimer(), "message_age_timer", "message_age_timer");
        timer(p.forwardDelayTimer(), "forward_delay_timer", "forward_delay_timer");
        b01(p.topologyChangeAck(), "topology_change_ack", "topology_change_ack");
        b01(p.configPending(), "config_pending", "config_pending");
        onOff(p.proxyArp(), "proxy_arp", "proxy_arp");
        onOff(p.proxyArpWifi(), "proxy_arp_wifi", "proxy_arp_wifi");
        u(p.multicastRouter(), "mcast_router", "multicast_router");
        onOffText(p.fastLeave(), "mcast_fast_leave", null);
        onOff(p.mcastFlood(), "mcast_flood", "mcast_flood");
        onOff(p.broadcastFlood(), "bcast_flood", "bcast_flood");
        onOff(p.mcastToUnicast(), "mcast_to_unicast", "mcast_to_unicast");
        onOff(p.neighSuppress(), "neigh_suppress", "neigh_suppress");
        fwdMask(p.groupForwardMask(), "group_fwd_mask", "group_fwd_mask");
        onOff(p.vlanTunnel(), "vlan_tunnel", "vlan_tunnel");
        onOff(p.isolated(), "isolated", "isolated");
        onOff(p.locked(), "locked", "locked");
        port(p.backupPortIndex(), "backup_port", "backup_port");
    }

    private void macvlan(LinkData.Macvlan m) {
        if (m.mode().isEmpty()) return;
        String mode = m.mode().get().name().toLowerCase(java.util.Locale.ROOT);
        put("mode " + mode + " ", "mode", mode);
        if ((m.flags() & 1) != 0) put("nopromisc ", "nopromisc", true);
        if ((m.flags() & 2) != 0) put("nodst ", "nodst", true);
        m.broadcastQueueLength().ifPresent(x -> put("bcqueuelen " + Integer.toUnsignedString(x) + " ", "bcqueuelen", Integer.toUnsignedLong(x)));
        m.broadcastQueueUsed().ifPresent(x -> put("usedbcqueuelen " + Integer.toUnsignedString(x) + " ", "usedbcqueuelen", Integer.toUnsignedLong(x)));
    }

    private void vxlan(LinkData.Vxlan x) {
        if (x.external()) put("external ", "external", true);
        if (x.vniFilter()) put("vnifilter", "vnifilter", true);
        put("id " + Integer.toUnsignedString(x.vni()) + " ", "id", Integer.toUnsignedLong(x.vni()));
        x.remote().filter(a -> !a.isAnyLocalAddress()).ifPresent(a -> {
            boolean v6 = !(a instanceof Inet4Address);
            String key = (a.isMulticastAddress() ? "group" : "remote") + (v6 ? "6" : "");
            put((a.isMulticastAddress() ? "group " : "remote ") + Address.format(a) + " ", key, Address.format(a));
        });
        x.local().filter(a -> !a.isAnyLocalAddress()).ifPresent(a ->
                put("local " + Address.format(a) + " ", a instanceof Inet4Address ? "local" : "local6", Address.format(a)));
        x.underlayIndex().ifPresent(i -> {
            if (i != 0) port(OptionalInt.of(i), "dev", "link");
        });
        if (x.sourcePortLow().isPresent()) {
            text.append("srcport ").append(x.sourcePortLow().getAsInt()).append(' ').append(x.sourcePortHigh().orElse(0)).append(' ');
            Map<String, Object> r = Json.object();
            r.put("low", x.sourcePortLow().getAsInt());
            r.put("high", x.sourcePortHigh().orElse(0));
            json.put("port_range", r);
        }
        x.port().ifPresent(p -> put("dstport " + p + " ", "port", p));
        json.put("learning", x.learning());
        if (!x.learning()) text.append("nolearning ");
        if (x.proxy()) put("proxy ", "proxy", true);
        if (x.rsc()) put("rsc ", "rsc", true);
        if (x.l2miss()) put("l2miss ", "l2miss", true);
        if (x.l3miss()) put("l3miss ", "l3miss", true);
        int tos = x.tos().orElse(0);
        if (tos != 0) {
            json.put("tos", "0x" + Integer.toHexString(tos));
            text.append("tos ").append(tos == 1 ? "inherit" : "0x" + Integer.toHexString(tos)).append(' ');
        }
        if (x.ttlInherit()) {
            text.append("ttl inherit ");
        } else if (x.ttl().isPresent()) {
            int ttl = x.ttl().getAsInt();
            json.put("ttl", ttl);
            text.append("ttl ").append(ttl != 0 ? String.valueOf(ttl) : "auto").append(' ');
        }
        x.df().ifPresent(df -> {
            if (df == 0) json.put("df", "unset");
            else if (df == 1) put("df set ", "df", "set");
            else if (df == 2) put("df inherit ", "df", "inherit");
        });
        x.flowLabel().ifPresent(l -> {
            if (l != 0) put("flowlabel 0x" + Integer.toHexString(l) + " ", "label", "0x" + Integer.toHexString(l));
        });
        // the kernel always sends both; its 0 ("never", "no limit") is read as empty
        if (x.ageing().isPresent()) put("ageing " + x.ageing().get().toSeconds() + " ", "ageing", x.ageing().get().toSeconds());
        else put("ageing none ", "ageing", 0L);
        x.limit().ifPresent(m -> put("maxaddr " + m + " ", "limit", m));
        x.udpChecksum().ifPresent(b -> put((b ? "" : "no") + "udpcsum ", "udp_csum", b));
        x.udpZeroChecksum6Tx().ifPresent(b -> put((b ? "" : "no") + "udp6zerocsumtx ", "udp_zero_csum6_tx", b));
        x.udpZeroChecksum6Rx().ifPresent(b -> put((b ? "" : "no") + "udp6zerocsumrx ", "udp_zero_csum6_rx", b));
        if (x.remoteChecksumTx()) put("remcsumtx ", "remcsum_tx", true);
        if (x.remoteChecksumRx()) put("remcsumrx ", "remcsum_rx", true);
        if (x.gbp()) put("gbp ", "gbp", true);
        if (x.gpe()) put("gpe ", "gpe", true);
    }
}
