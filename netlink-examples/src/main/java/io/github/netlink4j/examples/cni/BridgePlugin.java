package io.github.netlink4j.examples.cni;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkChange;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.error.AlreadyExistsException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code netlink4j-bridge}: a CNI plugin (spec 1.0.0) that does what the reference {@code bridge} plugin
 * of containernetworking-plugins does for its common keys, on netlink4j: a bridge in the runtime's
 * namespace (made if missing, reused, brought up), a veth pair whose container end is created directly
 * inside the container's namespace, addresses and routes from the delegated IPAM plugin, the gateway
 * address on the bridge. ADD, DEL, CHECK and VERSION; results and errors as the spec writes them.
 *
 * <p>Safer than the reference where it is sloppy: a failed ADD removes its veth and releases its IPAM
 * allocation; DEL succeeds when the namespace or the interface is already gone; keys it cannot honour
 * ({@code ipMasq}, {@code macspoofchk}; {@code vlan} with {@code isGateway}) are a CNI error naming the key,
 * never silently ignored.
 */
public final class BridgePlugin {
    static final String VERSION = "1.0.0";
    static final List<String> SUPPORTED = List.of("0.3.0", "0.3.1", "0.4.0", "1.0.0");

    private final Map<String, String> env;
    private final PrintStream out;
    /** The runtime's namespace, where the bridge lives: null for this process's own (always, but in {@link Training}). */
    private final NetNamespace hostNs;

    BridgePlugin(Map<String, String> env, PrintStream out) {
        this(env, out, null);
    }

    BridgePlugin(Map<String, String> env, PrintStream out, NetNamespace hostNs) {
        this.env = env;
        this.out = out;
        this.hostNs = hostNs;
    }

    private String need(String var) throws CniError {
        String v = env.get(var);
        if (v == null || v.isEmpty()) throw new CniError(4, "missing environment variable", var + " is required for " + env.get("CNI_COMMAND"));
        return v;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--train")) System.exit(Training.run(System.getenv("CNI_PATH")));
        String stdin = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        int rc = new BridgePlugin(System.getenv(), System.out).run(stdin);
        System.out.flush();
        System.exit(rc);
    }

    /** Runs one command; returns the exit status. */
    int run(String stdin) {
        String version = VERSION;
        try {
            String cmd = env.getOrDefault("CNI_COMMAND", "");
            if (cmd.equals("VERSION")) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("cniVersion", VERSION);
                v.put("supportedVersions", SUPPORTED);
                out.println(Json.write(v));
                return 0;
            }
            Map<String, Object> conf = NetConf.config(stdin);
            version = NetConf.str(conf, "cniVersion", VERSION);
            if (!SUPPORTED.contains(version)) throw new CniError(1, "incompatible CNI version", "plugin supports " + SUPPORTED + ", not " + version);
            return switch (cmd) {
                case "ADD" -> add(conf, stdin);
                case "DEL" -> del(conf, stdin);
                case "CHECK" -> check(conf, stdin);
                default -> throw new CniError(4, "invalid CNI_COMMAND", "\"" + cmd + "\" is not ADD, DEL, CHECK or VERSION");
            };
        } catch (CniError e) {
            error(version, e.code, e.getMessage(), e.details);
        } catch (Exception e) {
            error(version, 999, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        return 1;
    }

    private void error(String version, int code, String msg, String details) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("cniVersion", version);
        o.put("code", (long) code);
        o.put("msg", msg);
        if (details != null) o.put("details", details);
        out.println(Json.write(o));
    }

    private static String randomVethName() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return "veth" + HexFormat.of().formatHex(b);
    }

    @SuppressWarnings("unchecked")
    private int add(Map<String, Object> conf, String stdin) throws Exception {
        NetConf.refuseUnsupported(conf);
        String br = NetConf.bridgeName(conf);
        String ifname = need("CNI_IFNAME");
        String netnsPath = need("CNI_NETNS");
        need("CNI_CONTAINERID");
        Map<String, Object> ipamConf = NetConf.ipamConf(conf);
        int mtu = conf.get("mtu") instanceof Long m ? m.intValue() : 0;
        boolean isGateway = NetConf.bool(conf, "isGateway") || NetConf.bool(conf, "isDefaultGateway");
        NetNamespace container;
        try {
            container = NetNamespace.openPath(Path.of(netnsPath));
        } catch (IOException e) {
            throw new CniError(3, "failed to open the container's network namespace", netnsPath + ": " + e.getMessage());
        }
        try (container; NetlinkClient host = hostNs == null ? NetlinkClient.open() : NetlinkClient.open(hostNs); NetlinkClient inside = NetlinkClient.open(container)) {
            // IPAM first: a refusal there (unknown plugin, bad subnet, pool exhausted) changes nothing here.
            Map<String, Object> ipamResult = Ipam.exec(env, (String) ipamConf.get("type"), "ADD", stdin);
            String hostVeth = null;
            boolean madeBridge = host.links().find(br).isEmpty();
            try {
                int vlan = conf.get("vlan") instanceof Long v ? v.intValue() : 0;
                ensureBridge(host, br, mtu, NetConf.bool(conf, "promiscMode"));
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
                host.links().set(hostVeth, LinkChange.none().withMaster(br).withUp(true));
                host.bridges().setPort(hostVeth, BridgePortSettings.none().withHairpin(NetConf.bool(conf, "hairpinMode")));
                if (vlan != 0) host.bridges().addVlan(hostVeth, vlan, true, true);
                List<Map<String, Object>> ips = (List<Map<String, Object>>) ipamResult.getOrDefault("ips", List.of());
                for (Map<String, Object> ip : ips) inside.addresses().add(withBroadcast(AddressSpec.of(ifname, (String) ip.get("address"))));
                // lo is the loopback plugin's, as with the reference
                inside.links().set(ifname, LinkChange.none().withUp(true).withTxQueueLength(0));
                List<Map<String, Object>> routes = new ArrayList<>((List<Map<String, Object>>) ipamResult.getOrDefault("routes", List.of()));
                if (NetConf.bool(conf, "isDefaultGateway")) {
                    for (Map<String, Object> ip : ips) {
                        if (ip.get("gateway") != null) {
                            boolean v4 = InetAddress.ofLiteral((String) ip.get("gateway")) instanceof Inet4Address;
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("dst", v4 ? "0.0.0.0/0" : "::/0");
                            r.put("gw", ip.get("gateway"));
                            if (routes.stream().noneMatch(x -> x.get("dst").equals(r.get("dst")))) routes.add(r);
                        }
                    }
                }
                for (Map<String, Object> r : routes) {
                    String dst = (String) r.get("dst");
                    String gw = (String) r.get("gw");
                    if (gw == null) gw = gatewayOf(ips, dst);
                    RouteSpec s = dst.equals("0.0.0.0/0") || dst.equals("::/0")
                            ? (gw != null ? RouteSpec.defaultVia(InetAddress.ofLiteral(gw)) : RouteSpec.defaultRoute(dst.contains(":") ? AddressFamily.INET6 : AddressFamily.INET))
                            : (gw != null ? RouteSpec.to(dst).withGateway(InetAddress.ofLiteral(gw)) : RouteSpec.to(dst));
                    inside.routes().add(s.withLink(ifname));
                }
                if (isGateway) {
                    for (Map<String, Object> ip : ips) {
                        if (ip.get("gateway") == null) continue;
                        String prefix = ((String) ip.get("address")).split("/")[1];
                        InetAddress gw = InetAddress.ofLiteral((String) ip.get("gateway"));
                        AddressFamily fam = AddressFamily.of(gw);
                        boolean present = false;
                        for (Address a : host.addresses().list(br)) {
                            if (a.family() != fam || a.scope().equals(io.github.netlink4j.route.RouteScope.LINK)) continue;
                            if (a.address().equals(gw) && a.prefixLength() == Integer.parseInt(prefix)) {
                                present = true;
                            } else if (fam == AddressFamily.INET) {
                                // the reference's rule: one gateway address per family on the bridge, replaced only when asked
                                if (!NetConf.bool(conf, "forceAddress")) {
                                    throw new CniError(999, "bridge has a different address", br + " has " + Address.format(a.address()) + "/"
                                            + a.prefixLength() + ", not " + Address.format(gw) + "/" + prefix + " (set \"forceAddress\" to replace it)");
                                }
                                host.addresses().delete(AddressSpec.of(br, Address.format(a.address()) + "/" + a.prefixLength()));
                            }
                        }
                        if (!present) host.addresses().add(withBroadcast(AddressSpec.of(br, Address.format(gw) + "/" + prefix)));
                    }
                }
                out.println(Json.write(result(conf, host, inside, br, hostVeth, ifname, netnsPath, ipamResult, routes)));
                return 0;
            } catch (Exception e) {
                // Leave nothing behind: the veth (its container end goes with it) and the IPAM allocation.
                if (hostVeth != null) {
                    try {
                        host.links().delete(hostVeth);
                    } catch (Exception ignored) {
                        // already gone
                    }
                }
                // a bridge this ADD made goes too, unless another container joined it meanwhile
                if (madeBridge) {
                    try {
                        int brIndex = host.links().index(br);
                        if (host.links().list().stream().noneMatch(l -> l.masterIndex().orElse(0) == brIndex)) host.links().delete(br);
                    } catch (Exception ignored) {
                        // gone or in use
                    }
                }
                try {
                    Ipam.exec(env, (String) ipamConf.get("type"), "DEL", stdin);
                } catch (Exception release) {
                    e.addSuppressed(release);
                }
                throw e;
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

    private static String gatewayOf(List<Map<String, Object>> ips, String dst) {
        for (Map<String, Object> ip : ips) {
            Object gw = ip.get("gateway");
            if (gw != null && (((String) gw).contains(":") == dst.contains(":"))) return (String) gw;
        }
        return null;
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
        LinkChange c = LinkChange.none().withUp(true);
        if (promisc) c = c.withFlag(LinkFlag.PROMISC, true);
        host.links().set(br, c);
        return host.links().get(br);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(Map<String, Object> conf, NetlinkClient host, NetlinkClient inside, String br, String hostVeth,
                                       String ifname, String netns, Map<String, Object> ipamResult, List<Map<String, Object>> routes)
            throws IOException, CniError {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cniVersion", NetConf.str(conf, "cniVersion", VERSION));
        List<Object> ifs = new ArrayList<>();
        ifs.add(iface(br, host.links().get(br), null));
        ifs.add(iface(hostVeth, host.links().get(hostVeth), null));
        ifs.add(iface(ifname, inside.links().get(ifname), netns));
        r.put("interfaces", ifs);
        List<Object> ips = new ArrayList<>();
        for (Map<String, Object> ip : (List<Map<String, Object>>) ipamResult.getOrDefault("ips", List.of())) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("interface", 2L);
            o.put("address", ip.get("address"));
            if (ip.get("gateway") != null) o.put("gateway", ip.get("gateway"));
            ips.add(o);
        }
        r.put("ips", ips);
        if (!routes.isEmpty()) r.put("routes", routes);
        r.put("dns", ipamResult.getOrDefault("dns", Map.of()));
        return r;
    }

    private static Map<String, Object> iface(String name, Link l, String sandbox) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", name);
        o.put("mac", l.address().map(Object::toString).orElse(""));
        if (sandbox != null) o.put("sandbox", sandbox);
        return o;
    }

    /** DEL: release the IPAM allocation, remove the container's interface (its host end goes with it); idempotent. */
    private int del(Map<String, Object> conf, String stdin) throws Exception {
        String ifname = need("CNI_IFNAME");
        Map<String, Object> ipamConf = NetConf.ipamConf(conf);
        Ipam.exec(env, (String) ipamConf.get("type"), "DEL", stdin);
        String netnsPath = env.get("CNI_NETNS");
        if (netnsPath != null && !netnsPath.isEmpty() && Files.exists(Path.of(netnsPath))) {
            try (NetNamespace container = NetNamespace.openPath(Path.of(netnsPath)); NetlinkClient inside = NetlinkClient.open(container)) {
                if (inside.links().find(ifname).isPresent()) inside.links().delete(ifname);
            } catch (io.github.netlink4j.error.NotFoundException gone) {
                // the interface went meanwhile: what DEL wanted
            } catch (io.github.netlink4j.error.SyscallException notANamespace) {
                // the namespace went meanwhile (its file is no namespace any more): nothing left to remove
            }
        }
        return 0;
    }

    /** CHECK: the container's interface, addresses and routes of prevResult are all there. */
    @SuppressWarnings("unchecked")
    private int check(Map<String, Object> conf, String stdin) throws Exception {
        String ifname = need("CNI_IFNAME");
        String netnsPath = need("CNI_NETNS");
        if (!(conf.get("prevResult") instanceof Map<?, ?> prev)) throw new CniError(7, "invalid network configuration", "CHECK needs prevResult");
        Ipam.exec(env, (String) NetConf.ipamConf(conf).get("type"), "CHECK", stdin);
        try (NetNamespace container = NetNamespace.openPath(Path.of(netnsPath)); NetlinkClient inside = NetlinkClient.open(container)) {
            if (inside.links().find(ifname).isEmpty()) throw new CniError(999, "interface missing", ifname + " is not in " + netnsPath);
            List<Address> addrs = inside.addresses().list(ifname);
            for (Map<String, Object> ip : (List<Map<String, Object>>) ((Map<String, Object>) prev).getOrDefault("ips", List.of())) {
                String[] a = ((String) ip.get("address")).split("/");
                boolean there = addrs.stream().anyMatch(x -> x.address().equals(InetAddress.ofLiteral(a[0])) && x.prefixLength() == Integer.parseInt(a[1]));
                if (!there) throw new CniError(999, "address missing", ip.get("address") + " is not on " + ifname);
            }
            List<Route> routes = new ArrayList<>(inside.routes().list(AddressFamily.INET));
            routes.addAll(inside.routes().list(AddressFamily.INET6));
            for (Map<String, Object> r : (List<Map<String, Object>>) ((Map<String, Object>) prev).getOrDefault("routes", List.of())) {
                String dst = (String) r.get("dst");
                String[] d = dst.split("/");
                int len = Integer.parseInt(d[1]);
                boolean there = routes.stream().anyMatch(x -> x.destinationLength() == len
                        && (len == 0 || x.destination().map(a -> a.equals(InetAddress.ofLiteral(d[0]))).orElse(false)));
                if (!there) throw new CniError(999, "route missing", dst + " is not in " + netnsPath);
            }
        }
        return 0;
    }
}
