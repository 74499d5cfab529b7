package io.github.netlink4j.examples.cni;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.bridge.BridgeVlanSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkChange;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteSpec;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CNI ADD as one sequence of steps and one {@link Undo} list: everything the config or the environment
 * could refuse is checked before the first step (a refusal holds nothing); each step that makes
 * something registers how to take it back, and any failure takes back all that was made, the last first.
 *
 * <p>The bridge and its gateway address are never taken back, as with the reference: a bridge with no
 * port may be the one a concurrent ADD has just found and is about to put its veth on, and nothing short
 * of a lock every user of the bridge takes (the reference and other tools would not) can tell that moment
 * apart. An empty bridge costs nothing and is what the next ADD reuses.
 */
final class AddCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The runtime's namespace, where the bridge lives: null for this process's own. */
    private final NetNamespace hostNs;

    AddCommand(NetNamespace hostNs) {
        this.hostNs = hostNs;
    }

    /** Runs ADD for {@code conf} ({@code stdin}, which the IPAM plugin gets as it is) and returns the result. */
    AddResult run(NetConf conf, RuntimeArgs args, String stdin) throws Exception {
        conf.refuseForAdd();
        NetNamespace container = BridgePlugin.openContainer(args.netns());
        try (container; NetlinkClient host = hostNs == null ? NetlinkClient.open() : NetlinkClient.open(hostNs);
             NetlinkClient inside = NetlinkClient.open(container)) {
            Undo undo = new Undo();
            try {
                IpamResult ip = allocate(conf, args, stdin, undo).forBridge(conf.isGateway(), conf.isDefaultGateway());
                Optional<MacAddress> bridgeMac = ensureBridge(host, conf);
                String hostVeth = addVeth(host, inside, container, conf, args, undo);
                joinBridge(host, conf, hostVeth);
                configureContainer(inside, conf, args.ifname(), ip);
                if (bridgeMac.isPresent()) host.links().set(conf.bridge(), LinkChange.empty().withAddress(bridgeMac.get()));
                if (conf.isGateway()) gateway(host, conf, ip);
                return new AddResult(conf.cniVersion(), List.of(AddResult.Interface.of(host.links().get(conf.bridge()), Optional.empty()),
                        AddResult.Interface.of(host.links().get(hostVeth), Optional.empty()),
                        AddResult.Interface.of(inside.links().get(args.ifname()), Optional.of(args.netns()))), ip);
            } catch (Throwable e) {
                undo.run(e);
                throw e;
            }
        }
    }

    /**
     * The IPAM plugin's addresses; none for a network of layer 2 only. A refusal holds nothing; any other
     * failure (killed, an answer we cannot read) may hold an address for this container, and registers
     * its release as a success does.
     */
    private static IpamResult allocate(NetConf conf, RuntimeArgs args, String stdin, Undo undo) throws Exception {
        if (conf.ipamType().isEmpty()) return IpamResult.NONE;
        String type = conf.ipamType().get();
        Map<String, Object> answer;
        boolean holdsNothing = false;
        try {
            answer = Ipam.exec(args.env(), type, "ADD", stdin);
        } catch (Ipam.NoAllocation refused) {
            // and a release could free what an earlier ADD of this container holds
            holdsNothing = true;
            throw refused;
        } finally {
            if (!holdsNothing) undo.push(() -> Ipam.exec(args.env(), type, "DEL", stdin));
        }
        return IpamResult.of(answer, "IPAM plugin " + type);
    }

    /**
     * The bridge, made if missing (a concurrent ADD may make it first), set up; returns the MAC to pin it
     * to once our port is on it. A bridge whose MAC was never set (the kernel's NET_ADDR_RANDOM) takes its
     * lowest port's, changes as ports come and go (the others then hold a stale gateway MAC) and shows
     * 00:00:00:00:00:00 with none; one that was set keeps it. The reference sets it with isGateway, after
     * the container's interface is up, to the MAC it found here; so does this plugin, and also on every
     * bridge it makes (to the kernel's random MAC from the creation's echo, so a port that a concurrent ADD
     * attached meanwhile cannot lend its own). Set earlier (at creation, or before the bridge is up), the
     * kernel leaves the bridge's operstate UNKNOWN or its IPv6 routes after its port's: not the reference's.
     */
    private static Optional<MacAddress> ensureBridge(NetlinkClient host, NetConf conf) throws IOException, CniError {
        String br = conf.bridge();
        Link l = host.links().find(br).orElse(null);
        boolean made = false;
        if (l == null) {
            try {
                l = host.links().add(LinkSpec.bridge(br).withOptions(conf.mtu() > 0 ? LinkOptions.DEFAULTS.withMtu(conf.mtu()) : LinkOptions.DEFAULTS));
                made = true;
            } catch (AlreadyExistsException raced) {
                l = host.links().get(br);
            }
        }
        if (!LinkSpec.bridge(br).matches(l)) throw new CniError(999, "not a bridge", br + " exists and is a " + l.kind().orElse("link without a kind"));
        LinkChange c = LinkChange.empty().withUp(true);
        if (conf.promiscMode()) c = c.withFlag(LinkFlag.PROMISC, true);
        host.links().set(br, c);
        if (conf.vlan() != 0) host.bridges().setVlanFiltering(br, true);
        if (!made && !conf.isGateway()) return Optional.empty();
        // An empty bridge whose MAC was never set has none (all zero), which cannot be set: a new one.
        return Optional.of(l.address().filter(m -> !Arrays.equals(m.bytes(), new byte[m.length()])).orElseGet(AddCommand::randomMac));
    }

    /** A random unicast, locally administered MAC, as the kernel picks one (eth_random_addr). */
    private static MacAddress randomMac() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        b[0] = (byte) (b[0] & 0xfe | 0x02);
        return MacAddress.of(b);
    }

    /**
     * The veth pair, its container end made inside the container; both ends with the config's MTU (the
     * container's is set in {@link #configureContainer}) and txqueuelen 0, as the reference leaves them.
     */
    private static String addVeth(NetlinkClient host, NetlinkClient inside, NetNamespace container, NetConf conf, RuntimeArgs args, Undo undo)
            throws IOException, CniError {
        LinkOptions o = (conf.mtu() > 0 ? LinkOptions.DEFAULTS.withMtu(conf.mtu()) : LinkOptions.DEFAULTS).withTxQueueLength(0);
        for (int attempt = 0; ; attempt++) {
            String name = randomVethName();
            try {
                host.links().add(LinkSpec.veth(name, args.ifname()).withPeerNamespace(container).withOptions(o));
                // the container end goes with it
                undo.push(() -> host.links().delete(name));
                return name;
            } catch (AlreadyExistsException taken) {
                if (inside.links().find(args.ifname()).isPresent()) {
                    throw new CniError(999, "container interface exists", args.ifname() + " is already in " + args.netns());
                }
                if (attempt > 8) throw taken;
            }
        }
    }

    private static String randomVethName() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return "veth" + HexFormat.of().formatHex(b);
    }

    private static void joinBridge(NetlinkClient host, NetConf conf, String hostVeth) throws IOException {
        host.links().set(hostVeth, LinkChange.empty().withMaster(conf.bridge()).withUp(true));
        host.bridges().setPort(hostVeth, BridgePortSettings.empty().withHairpin(conf.hairpinMode()));
        if (conf.vlan() != 0) host.bridges().addVlan(BridgeVlanSpec.of(hostVeth, conf.vlan()).withPvid(true).withUntagged(true));
    }

    /**
     * The container's interface: its addresses, up with the config's MTU, its routes. A route whose
     * destination is already there (a default route of another network on another interface) is added
     * beside it, as the reference adds routes (RTM_NEWROUTE with NLM_F_CREATE alone, {@code ip route
     * prepend}): IPv4 puts it first, IPv6 makes it a further next hop.
     */
    private static void configureContainer(NetlinkClient inside, NetConf conf, String ifname, IpamResult ip) throws IOException {
        for (IpamResult.IpConfig c : ip.ips()) inside.addresses().add(withBroadcast(AddressSpec.of(ifname, c.address().toString())));
        // lo is the loopback plugin's, as with the reference
        LinkChange up = LinkChange.empty().withUp(true).withTxQueueLength(0);
        inside.links().set(ifname, conf.mtu() > 0 ? up.withMtu(conf.mtu()) : up);
        for (IpamResult.RouteEntry r : ip.routes()) {
            Optional<InetAddress> gw = r.gw().or(() -> ip.gatewayOf(r.dst().family()));
            RouteSpec s = r.isDefault()
                    ? gw.map(RouteSpec::defaultVia).orElseGet(() -> RouteSpec.defaultRoute(r.dst().family()))
                    : gw.map(RouteSpec.to(r.dst())::withGateway).orElseGet(() -> RouteSpec.to(r.dst()));
            inside.routes().prepend(s.withLink(ifname));
        }
    }

    /** isGateway: each family's gateway address on the bridge, and forwarding on for each family that has one. */
    private void gateway(NetlinkClient host, NetConf conf, IpamResult ip) throws IOException, CniError {
        Set<AddressFamily> families = EnumSet.noneOf(AddressFamily.class);
        for (IpamResult.IpConfig c : ip.ips()) {
            if (c.gateway().isEmpty()) continue;
            gatewayAddress(host, conf, c.gateway().get(), c.address().length());
            families.add(c.family());
        }
        for (AddressFamily f : families) enableForwarding(f);
    }

    /**
     * One gateway address on the bridge; the reference's rule: one IPv4 address, replaced only when
     * forced. Race-free with concurrent ADDs on the bridge: one that adds the same address between our
     * look and our add leaves the EEXIST of an address that is there, as wanted; one that forces the old
     * one away first leaves the EADDRNOTAVAIL of an address that is gone, as wanted.
     */
    private static void gatewayAddress(NetlinkClient host, NetConf conf, InetAddress gw, int prefix) throws IOException, CniError {
        String br = conf.bridge();
        AddressFamily fam = AddressFamily.of(gw);
        for (Address a : host.addresses().list(br)) {
            if (a.family() != fam || a.scope().equals(RouteScope.LINK)) continue;
            if (a.address().equals(gw) && a.prefixLength() == prefix) return;
            if (fam != AddressFamily.INET) continue;
            if (!conf.forceAddress()) {
                throw new CniError(999, "bridge has a different address", br + " has " + Address.format(a.address()) + "/"
                        + a.prefixLength() + ", not " + Address.format(gw) + "/" + prefix + " (set \"forceAddress\" to replace it)");
            }
            try {
                host.addresses().delete(AddressSpec.of(br, Address.format(a.address()) + "/" + a.prefixLength()));
            } catch (KernelException e) {
                // EADDRNOTAVAIL: another forcing ADD took it away since the list above
                if (e.errno() != Errno.EADDRNOTAVAIL) throw e;
            }
        }
        try {
            host.addresses().add(withBroadcast(AddressSpec.of(br, Address.format(gw) + "/" + prefix)));
        } catch (AlreadyExistsException concurrentAdd) {
            // another ADD on this bridge added the same address since the list above, as the reference tolerates EEXIST
        }
    }

    /**
     * Forwarding on in the runtime's namespace (net.ipv4.ip_forward, net.ipv6.conf.all.forwarding), as
     * the reference turns it on for a gateway: else a container reaches nothing beyond the host, nor a
     * host port through a DNAT (portmap). /proc/sys/net is the namespace of the thread that opens it:
     * a runtime's host namespace is this thread's; any other is entered on a thread of its own.
     */
    private void enableForwarding(AddressFamily family) throws IOException {
        Path p = Path.of(family == AddressFamily.INET ? "/proc/sys/net/ipv4/ip_forward" : "/proc/sys/net/ipv6/conf/all/forwarding");
        if (hostNs == null) {
            writeOne(p);
        } else {
            hostNs.call(() -> {
                writeOne(p);
                return null;
            });
        }
    }

    private static void writeOne(Path p) throws IOException {
        if (!Files.readString(p).strip().equals("1")) Files.writeString(p, "1");
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
