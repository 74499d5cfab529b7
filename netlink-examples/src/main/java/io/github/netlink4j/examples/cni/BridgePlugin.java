package io.github.netlink4j.examples.cni;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code netlink4j-bridge}: a CNI plugin (spec 1.1.0) that does what the reference {@code bridge} plugin
 * of containernetworking-plugins does for its common keys, on netlink4j: a bridge in the runtime's
 * namespace (made if missing, reused, brought up, its MAC pinned), a veth pair whose container end is
 * created directly inside the container's namespace, addresses and routes from the delegated IPAM plugin
 * (none without "ipam": a network of layer 2 only), the gateway address on the bridge and forwarding on.
 * The config is read once into a {@link NetConf}, the CNI_* variables into {@link RuntimeArgs}. ADD, DEL,
 * CHECK, STATUS ({@link StatusCommand}), GC ({@link GcCommand}) and VERSION; results and errors as the spec
 * writes them.
 *
 * <p>Safer than the reference where it is sloppy: a failed ADD removes its veth and releases its IPAM
 * allocation (the bridge stays, as the reference leaves it: see {@link AddCommand}); DEL succeeds when the
 * namespace or the interface is already gone; keys it cannot honour ({@code ipMasq}, {@code macspoofchk};
 * {@code vlan} with {@code isGateway}) are a CNI error naming the key, never silently ignored. Whatever
 * goes wrong, stdout carries one CNI error and the exit status is non-zero.
 */
public final class BridgePlugin {
    /** The version of the spec this plugin speaks: its VERSION answer's, and its errors' when the config names none. */
    static final String VERSION = "1.1.0";
    /** The config versions it takes, oldest first. The launcher answers VERSION with a copy of this list. */
    static final List<String> SUPPORTED = List.of("0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");

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

    /**
     * Made before anything can fail: what stdout gets when even writing an error fails (an
     * OutOfMemoryError while reading a huge config, say), so the runtime still reads a CNI error.
     */
    private static final byte[] LAST_WORDS = ("{\"cniVersion\":\"" + VERSION + "\",\"code\":999,\"msg\":\"internal error\"}\n")
            .getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) {
        int rc;
        try {
            if (args.length == 1 && args[0].equals("--train")) System.exit(Training.run(System.getenv("CNI_PATH")));
            if (args.length >= 1 && args[0].equals("--daemon")) System.exit(CniDaemon.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            BridgePlugin plugin = new BridgePlugin(System.getenv(), System.out);
            String stdin;
            try {
                stdin = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                plugin.error(VERSION, 5, "failed to read the network configuration from stdin", e.getMessage());
                stdin = null;
            }
            rc = stdin == null ? 1 : plugin.run(stdin);
        } catch (Throwable t) {
            rc = lastResort(System.out, t);
        }
        System.out.flush();
        System.exit(rc);
    }

    /** Whatever escaped: a CNI error naming it if that can still be written, {@link #LAST_WORDS} if not; exit status 1. */
    static int lastResort(PrintStream out, Throwable t) {
        try {
            out.println("{\"cniVersion\":\"" + VERSION + "\",\"code\":999,\"msg\":\"internal error\",\"details\":" + Json.write(t.toString()) + "}");
        } catch (Throwable again) {
            out.write(LAST_WORDS, 0, LAST_WORDS.length);
        }
        out.flush();
        return 1;
    }

    /** Runs one command; returns the exit status. */
    int run(String stdin) {
        String version = VERSION;
        try {
            String cmd = env.getOrDefault("CNI_COMMAND", "");
            if (cmd.equals("VERSION")) {
                out.println(versionAnswer());
                return 0;
            }
            Map<String, Object> json = NetConf.json(stdin);
            version = NetConf.cniVersion(json);
            if (!SUPPORTED.contains(version)) throw new CniError(1, "incompatible CNI version", "plugin supports " + SUPPORTED + ", not " + version);
            NetConf conf = NetConf.of(json);
            return switch (cmd) {
                case "ADD" -> {
                    RuntimeArgs args = RuntimeArgs.forAdd(env);
                    yield add(conf, args, ipamConfig(conf, json, stdin));
                }
                case "DEL" -> del(conf, RuntimeArgs.forDel(env), ipamConfig(conf, json, stdin));
                case "CHECK" -> check(conf, RuntimeArgs.forCheck(env), ipamConfig(conf, json, stdin));
                case "STATUS" -> {
                    since110(cmd, version);
                    StatusCommand.run(env, conf, stdin);
                    yield 0;
                }
                case "GC" -> {
                    since110(cmd, version);
                    GcCommand.run(env, conf, json, stdin);
                    yield 0;
                }
                default -> throw new CniError(4, "invalid CNI_COMMAND", "\"" + cmd + "\" is not ADD, DEL, CHECK, STATUS, GC or VERSION");
            };
        } catch (CniError e) {
            error(version, e.code, e.getMessage(), e.details);
        } catch (Exception e) {
            error(version, 999, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (Error e) {
            // A StackOverflowError's stack is unwound and an OutOfMemoryError's garbage gone by here: there is room to say what happened.
            error(version, 999, "internal error", e.toString());
        }
        return 1;
    }

    /**
     * The VERSION answer, as the spec's reference library writes it: the version this plugin speaks and all
     * it takes, whatever the input. The launcher prints the same bytes without starting a JVM
     * (CniVersionTest holds the two equal).
     */
    static String versionAnswer() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cniVersion", VERSION);
        v.put("supportedVersions", SUPPORTED);
        return Json.write(v);
    }

    /** STATUS and GC came with 1.1.0: a config of an older version cannot ask for them (as the reference library answers). */
    private static void since110(String cmd, String version) throws CniError {
        if (SUPPORTED.indexOf(version) < SUPPORTED.indexOf("1.1.0")) {
            throw new CniError(1, "incompatible CNI version", "config version " + version + " does not allow " + cmd + ", which needs 1.1.0");
        }
    }

    /** The config the IPAM plugin gets: a 1.1.0 one asks the plugin which versions it reads ({@link Ipam#configFor}). */
    private String ipamConfig(NetConf conf, Map<String, Object> json, String stdin) throws Exception {
        if (conf.ipamType().isEmpty() || !conf.cniVersion().equals("1.1.0")) return stdin;
        return Ipam.configFor(Ipam.versions(env, conf.ipamType().get()), json, stdin);
    }

    private void error(String version, int code, String msg, String details) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("cniVersion", version);
        o.put("code", (long) code);
        o.put("msg", msg);
        if (details != null) o.put("details", details);
        out.println(Json.write(o));
    }

    private int add(NetConf conf, RuntimeArgs args, String stdin) throws Exception {
        out.println(Json.write(new AddCommand(hostNs).run(conf, args, stdin).json()));
        return 0;
    }

    /** The container's namespace from CNI_NETNS; anything else there (no file, a FIFO, a device) is the spec's "container unknown" (3). */
    static NetNamespace openContainer(String netnsPath) throws CniError {
        try {
            return NetNamespace.openPath(Path.of(netnsPath));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new CniError(3, "failed to open the container's network namespace", netnsPath + ": " + e.getMessage());
        }
    }

    /** DEL: release the IPAM allocation, remove the container's interface (its host end goes with it); idempotent. */
    private int del(NetConf conf, RuntimeArgs args, String stdin) throws Exception {
        if (conf.ipamType().isPresent()) Ipam.exec(env, conf.ipamType().get(), "DEL", stdin);
        String netnsPath = args.netns();
        if (!netnsPath.isEmpty() && Files.exists(Path.of(netnsPath))) {
            try (NetNamespace container = NetNamespace.openPath(Path.of(netnsPath)); NetlinkClient inside = NetlinkClient.open(container)) {
                if (inside.links().find(args.ifname()).isPresent()) inside.links().delete(args.ifname());
            } catch (io.github.netlink4j.error.NotFoundException gone) {
                // the interface went meanwhile: what DEL wanted
            } catch (io.github.netlink4j.error.SyscallException notANamespace) {
                // No namespace there (any more): its file went stale, or it never was one (a FIFO, a device
                // node, any other file; refused without being opened). No interface of ours can be in it.
            }
        }
        return 0;
    }

    /** CHECK: the container's interface, addresses and routes of prevResult are all there. */
    private int check(NetConf conf, RuntimeArgs args, String stdin) throws Exception {
        String ifname = args.ifname();
        IpamResult prev = conf.prevResult().orElseThrow(() -> new CniError(7, "invalid network configuration", "CHECK needs prevResult"));
        if (conf.ipamType().isPresent()) Ipam.exec(env, conf.ipamType().get(), "CHECK", stdin);
        try (NetNamespace container = openContainer(args.netns()); NetlinkClient inside = NetlinkClient.open(container)) {
            if (inside.links().find(ifname).isEmpty()) throw new CniError(999, "interface missing", ifname + " is not in " + args.netns());
            List<Address> addrs = inside.addresses().list(ifname);
            for (IpamResult.IpConfig ip : prev.ips()) {
                boolean there = addrs.stream().anyMatch(x -> x.address().equals(ip.address().address()) && x.prefixLength() == ip.address().length());
                if (!there) throw new CniError(999, "address missing", ip.address() + " is not on " + ifname);
            }
            List<Route> routes = new ArrayList<>(inside.routes().list(AddressFamily.INET));
            routes.addAll(inside.routes().list(AddressFamily.INET6));
            for (IpamResult.RouteEntry r : prev.routes()) {
                int len = r.dst().length();
                boolean there = routes.stream().anyMatch(x -> x.destinationLength() == len
                        && (len == 0 || x.destination().map(a -> a.equals(r.dst().address())).orElse(false)));
                if (!there) throw new CniError(999, "route missing", r.dst() + " is not in " + args.netns());
            }
        }
        return 0;
    }
}
