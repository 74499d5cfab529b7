package io.github.netlink4j.examples.cni;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.bridge.BridgeVlanSpec;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkChange;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.error.AlreadyExistsException;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CNI ADD: the bridge (made if missing), a veth pair from it into the container, the IPAM plugin's
 * addresses and routes, the gateway address on the bridge. In three stages, so that a failure owes
 * exactly what it should: everything the config, the environment or the kernel could refuse is checked
 * before the IPAM plugin runs (a refusal then holds nothing); a failure of the plugin whose outcome is
 * unknown releases; every step after it releases and removes the veth on any failure at all.
 *
 * <p>The bridge is never removed again, as with the reference: a bridge with no port may be the one a
 * concurrent ADD has just found and is about to put its veth on, and nothing short of a lock every user
 * of the bridge takes (the reference and other tools would not) can tell that moment apart. An empty
 * bridge costs nothing and is what the next ADD reuses.
 */
final class AddCommand {
    private final Map<String, String> env;
    /** The runtime's namespace, where the bridge lives: null for this process's own. */
    private final NetNamespace hostNs;

    AddCommand(Map<String, String> env, NetNamespace hostNs) {
        this.env = env;
        this.hostNs = hostNs;
    }

    /** Runs ADD for {@code conf} (the parsed {@code stdin}) and returns the CNI result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> run(Map<String, Object> conf, String stdin) throws Exception {
        // 1: all that can be refused without the IPAM plugin, read once here
        NetConf.refuseUnsupported(conf);
        String br = NetConf.bridgeName(conf);
        String ifname = BridgePlugin.need(env, "CNI_IFNAME");
        NetConf.checkIfName("CNI_IFNAME", ifname, 4, "invalid environment variable");
        String netnsPath = BridgePlugin.need(env, "CNI_NETNS");
        BridgePlugin.need(env, "CNI_CONTAINERID");
        String ipamType = (String) NetConf.ipamConf(conf).get("type");
        Ipam.timeout(env);
        int mtu = NetConf.mtu(conf);
        int vlan = conf.get("vlan") instanceof Long v ? v.intValue() : 0;
        boolean isDefaultGateway = NetConf.bool(conf, "isDefaultGateway");
        boolean isGateway = NetConf.bool(conf, "isGateway") || isDefaultGateway;
        boolean promisc = NetConf.bool(conf, "promiscMode"), hairpin = NetConf.bool(conf, "hairpinMode");
        boolean forceAddress = NetConf.bool(conf, "forceAddress");
        NetNamespace container = BridgePlugin.openContainer(netnsPath);
        try (container; NetlinkClient host = hostNs == null ? NetlinkClient.open() : NetlinkClient.open(hostNs); NetlinkClient inside = NetlinkClient.open(container)) {
            // 2: the allocation
            Map<String, Object> ipamResult;
            try {
                ipamResult = Ipam.exec(env, ipamType, "ADD", stdin);
            } catch (Ipam.NoAllocation refused) {
                throw refused;
            } catch (Throwable unknown) {
                // killed, or an answer we cannot read: it may hold an address for this container
                release(ipamType, stdin, unknown);
                throw unknown;
            }
            // 3: every step from here on releases it on any failure
            String hostVeth = null;
            try {
                ensureBridge(host, br, mtu, promisc);
                if (vlan != 0) host.bridges().setVlanFiltering(br, true);
                // txqueuelen 0 on both ends, as the reference leaves its veths (its netlink library sends the zero)
                LinkOptions o = (mtu > 0 ? LinkOptions.DEFAULTS.withMtu(mtu) : LinkOptions.DEFAULTS).withTxQueueLength(0);
                for (int attempt = 0; hostVeth == null; attempt++) {
                    String name = randomVethName();
                    try {
                        host.links().add(LinkSpec.veth(name, ifname).withPeerNamespace(container).withOptions(o));
                        hostVeth = name;
                    } catch (AlreadyExistsException taken) {
                        if (inside.links().find(ifname).isPresent()) {
                            throw new CniError(999, "container interface exists", ifname + " is already in " + netnsPath);
                        }
                        if (attempt > 8) throw taken;
                    }
                }
                host.links().set(hostVeth, LinkChange.empty().withMaster(br).withUp(true));
                host.bridges().setPort(hostVeth, BridgePortSettings.none().withHairpin(hairpin));
                if (vlan != 0) host.bridges().addVlan(BridgeVlanSpec.of(hostVeth, vlan).withPvid(true).withUntagged(true));
                List<Map<String, Object>> ips = (List<Map<String, Object>>) ipamResult.getOrDefault("ips", List.of());
                for (Map<String, Object> ip : ips) inside.addresses().add(withBroadcast(AddressSpec.of(ifname, (String) ip.get("address"))));
                // lo is the loopback plugin's, as with the reference
                inside.links().set(ifname, LinkChange.empty().withUp(true).withTxQueueLength(0));
                List<Map<String, Object>> routes = routes(ipamResult, ips, isDefaultGateway);
                for (Map<String, Object> r : routes) inside.routes().add(route(r, ips).withLink(ifname));
                if (isGateway) gatewayAddresses(host, br, ips, forceAddress);
                return Results.of(conf, host, inside, br, hostVeth, ifname, netnsPath, ipamResult, routes);
            } catch (Throwable e) {
                // Leave nothing behind: the veth (its container end goes with it) and the IPAM allocation.
                if (hostVeth != null) {
                    try {
                        host.links().delete(hostVeth);
                    } catch (Exception gone) {
                        e.addSuppressed(gone);
                    }
                }
                release(ipamType, stdin, e);
                throw e;
            }
        }
    }

    private void release(String ipamType, String stdin, Throwable failure) {
        try {
            Ipam.exec(env, ipamType, "DEL", stdin);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static String randomVethName() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return "veth" + HexFormat.of().formatHex(b);
    }

    /** The bridge, made if missing (a concurrent ADD may make it first), set up. */
    private static Link ensureBridge(NetlinkClient host, String br, int mtu, boolean promisc) throws IOException, CniError {
        Link l = host.links().find(br).orElse(null);
        if (l == null) {
            try {
                l = host.links().add(LinkSpec.bridge(br).withOptions(mtu > 0 ? LinkOptions.DEFAULTS.withMtu(mtu) : LinkOptions.DEFAULTS));
            } catch (AlreadyExistsException raced) {
                l = host.links().get(br);
            }
        }
        if (!"bridge".equals(l.kind().orElse(""))) throw new CniError(999, "not a bridge", br + " exists and is a " + l.kind().orElse("link without a kind"));
        LinkChange c = LinkChange.empty().withUp(true);
        if (promisc) c = c.withFlag(LinkFlag.PROMISC, true);
        host.links().set(br, c);
        return host.links().get(br);
    }

    /** The IPAM plugin's routes, and with isDefaultGateway a default route via each family's gateway it lacks. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> routes(Map<String, Object> ipamResult, List<Map<String, Object>> ips, boolean isDefaultGateway) {
        List<Map<String, Object>> routes = new ArrayList<>((List<Map<String, Object>>) ipamResult.getOrDefault("routes", List.of()));
        if (!isDefaultGateway) return routes;
        for (Map<String, Object> ip : ips) {
            if (ip.get("gateway") != null) {
                boolean v4 = InetAddress.ofLiteral((String) ip.get("gateway")) instanceof Inet4Address;
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("dst", v4 ? "0.0.0.0/0" : "::/0");
                r.put("gw", ip.get("gateway"));
                if (routes.stream().noneMatch(x -> x.get("dst").equals(r.get("dst")))) routes.add(r);
            }
        }
        return routes;
    }

    private static RouteSpec route(Map<String, Object> r, List<Map<String, Object>> ips) {
        String dst = (String) r.get("dst");
        String gw = (String) r.get("gw");
        if (gw == null) gw = gatewayOf(ips, dst);
        return dst.equals("0.0.0.0/0") || dst.equals("::/0")
                ? (gw != null ? RouteSpec.defaultVia(InetAddress.ofLiteral(gw)) : RouteSpec.defaultRoute(dst.contains(":") ? AddressFamily.INET6 : AddressFamily.INET))
                : (gw != null ? network(dst).withGateway(InetAddress.ofLiteral(gw)) : network(dst));
    }

    /** A route to {@code dst} with its host bits cleared, as the reference's net.ParseCIDR reads an IPAM route. */
    private static RouteSpec network(String dst) {
        return RouteSpec.to(io.github.netlink4j.common.IpPrefix.of(dst).network());
    }

    private static String gatewayOf(List<Map<String, Object>> ips, String dst) {
        for (Map<String, Object> ip : ips) {
            Object gw = ip.get("gateway");
            if (gw != null && (((String) gw).contains(":") == dst.contains(":"))) return (String) gw;
        }
        return null;
    }

    /** Each family's gateway address on the bridge; the reference's rule: one per family, replaced only when forced. */
    private static void gatewayAddresses(NetlinkClient host, String br, List<Map<String, Object>> ips, boolean forceAddress) throws IOException, CniError {
        for (Map<String, Object> ip : ips) {
            if (ip.get("gateway") == null) continue;
            String prefix = ((String) ip.get("address")).split("/")[1];
            InetAddress gw = InetAddress.ofLiteral((String) ip.get("gateway"));
            AddressFamily fam = AddressFamily.of(gw);
            boolean present = false;
            AddressSpec want = AddressSpec.of(br, gw, Integer.parseInt(prefix));
            for (Address a : host.addresses().list(br)) {
                if (a.family() != fam || a.scope().equals(RouteScope.LINK)) continue;
                if (want.matches(a, i -> br)) { // the list holds br's addresses alone
                    present = true;
                } else if (fam == AddressFamily.INET) {
                    if (!forceAddress) {
                        throw new CniError(999, "bridge has a different address", br + " has " + Address.format(a.address()) + "/"
                                + a.prefixLength() + ", not " + Address.format(gw) + "/" + prefix + " (set \"forceAddress\" to replace it)");
                    }
                    host.addresses().delete(AddressSpec.of(br, Address.format(a.address()) + "/" + a.prefixLength()));
                }
            }
            if (present) continue;
            try {
                host.addresses().add(withBroadcast(AddressSpec.of(br, Address.format(gw) + "/" + prefix)));
            } catch (AlreadyExistsException concurrentAdd) {
                // another ADD on this bridge added the same address since the list above, as the reference tolerates EEXIST
            }
        }
    }

    /** An IPv4 address below /31 with its subnet's broadcast address, as the reference adds addresses. */
    static AddressSpec withBroadcast(AddressSpec a) {
        if (!(a.address() instanceof Inet4Address) || a.prefixLength() >= 31) return a;
        byte[] b = a.address().getAddress();
        for (int i = 0; i < 4; i++) {
            int hostBits = Math.max(0, Math.min(8, (i + 1) * 8 - a.prefixLength()));
            b[i] |= (byte) ((1 << hostBits) - 1);
        }
        try {
            return a.withBroadcast(InetAddress.getByAddress(b));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always an address
        }
    }
}
