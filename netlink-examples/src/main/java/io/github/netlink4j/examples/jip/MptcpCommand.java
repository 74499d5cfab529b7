package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.generic.Mptcp;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.genl.mptcp.EndpointFlag;
import io.github.netlink4j.genl.mptcp.MptcpEndpoint;
import io.github.netlink4j.genl.mptcp.MptcpEndpointSpec;
import io.github.netlink4j.genl.mptcp.MptcpLimits;
import io.github.netlink4j.link.Link;

import java.io.IOException;
import java.io.PrintStream;
import io.github.netlink4j.generic.MptcpListener;
import io.github.netlink4j.genl.mptcp.MptcpEvent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * {@code jip mptcp endpoint …} and {@code jip mptcp limits …}: the MPTCP path manager as ip 6.1 reads and
 * prints it (ipmptcp.c), and {@code jip mptcp monitor} as ip 6.1 prints the path manager's events
 * ({@link MptcpEventView}). Deleting the id-0 address and changing an endpoint named by its address are not
 * done.
 */
final class MptcpCommand {
    static final String HELP = """
            Usage:\tip mptcp endpoint add ADDRESS [ dev NAME ] [ id ID ]
            \t\t\t\t      [ port NR ] [ FLAG-LIST ]
            \tip mptcp endpoint delete id ID [ ADDRESS ]
            \tip mptcp endpoint change [ id ID ] [ ADDRESS ] [ port NR ] CHANGE-OPT
            \tip mptcp endpoint show [ id ID ]
            \tip mptcp endpoint flush
            \tip mptcp limits set [ subflows NR ] [ add_addr_accepted NR ]
            \tip mptcp limits show
            \tip mptcp monitor
            FLAG-LIST := [ FLAG-LIST ] FLAG
            FLAG  := [ signal | subflow | backup | fullmesh ]
            CHANGE-OPT := [ backup | nobackup | fullmesh | nofullmesh ]""";

    /** The flags ip 6.1 knows, in the order it prints them ({@code implicit} it prints as raw bits). */
    private static final List<EndpointFlag> PRINTED = List.of(EndpointFlag.SIGNAL, EndpointFlag.SUBFLOW, EndpointFlag.BACKUP, EndpointFlag.FULLMESH);

    private final JipOptions opt;
    private final PrintStream stdout;
    private final NetlinkClient nl;

    MptcpCommand(JipOptions opt, PrintStream stdout, NetlinkClient nl) {
        this.opt = opt;
        this.stdout = stdout;
        this.nl = nl;
    }

    int run(List<String> args) throws IOException {
        if (args.isEmpty() || is(args.get(0), "help")) throw usage(HELP);
        Mptcp mptcp = nl.genl().mptcp();
        String object = args.remove(0);
        try {
            if (is(object, "endpoint")) {
                if (args.isEmpty()) return show(mptcp, args);
                String verb = args.remove(0);
                if (is(verb, "add")) return add(mptcp, args);
                if (is(verb, "change")) return change(mptcp, args);
                if (is(verb, "delete")) return delete(mptcp, args);
                if (is(verb, "show")) return show(mptcp, args);
                if (is(verb, "flush")) {
                    mptcp.flush();
                    return 0;
                }
                throw unknown(verb);
            }
            if (is(object, "limits")) {
                if (args.isEmpty()) return limits(mptcp);
                String verb = args.remove(0);
                if (is(verb, "set")) return setLimits(mptcp, args);
                if (is(verb, "show")) return limits(mptcp);
                // ip goes on to try the word as "monitor": "limits monitor" monitors
                if (is(verb, "monitor")) {
                    if (!args.isEmpty()) throw unknown(args.get(0));
                    return monitor(mptcp);
                }
                throw unknown(verb);
            }
            if (is(object, "monitor")) {
                if (!args.isEmpty()) throw unknown(args.get(0));
                return monitor(mptcp);
            }
            throw unknown(object);
        } catch (NotFoundException e) {
            // the kernel's refusal ("address not found"), printed as ip prints any refusal
            if (e.kernelError().isPresent()) throw e.kernelError().get();
            throw e;
        }
    }

    /**
     * ip mptcp monitor: every event of the path manager, a line each as ip prints it (after the timestamp of
     * {@code -t} or {@code -ts}), until the thread is interrupted.
     */
    private int monitor(Mptcp mptcp) throws IOException {
        try (MptcpListener events = mptcp.subscribe()) {
            // ip listens until it is killed; jip until its thread is interrupted (or a receive fails)
            for (long round = 0; round < Long.MAX_VALUE && !Thread.currentThread().isInterrupted(); round++) {
                // ip's mptcp_monitor_msg prints the timestamp (-t, -ts) ahead of every event, unknown ones too
                for (MptcpEvent e : events.poll(java.time.Duration.ofMillis(200), 1000)) {
                    stdout.println(Timestamps.now(opt.timestamp()) + MptcpEventView.line(e));
                }
                stdout.flush();
            }
        }
        return 0;
    }

    private static UsageException unknown(String word) {
        return usage("Command \"" + word + "\" is unknown, try \"ip mptcp help\".");
    }

    /** What mptcp_parse_opt reads: flags, id, dev, port and an address, in any order. */
    private final class Opts {
        int flags;
        boolean idSet;
        int id;
        String dev;
        int ifindex;
        int port;
        InetAddress address;

        Opts(List<String> args, boolean adding, boolean setting, boolean deleting) throws IOException {
            while (!args.isEmpty()) {
                String a = args.remove(0);
                Optional<Integer> flag = flag(a);
                if (flag.isPresent()) {
                    flags |= flag.get();
                    if (adding && (flags & EndpointFlag.SIGNAL.bit()) != 0 && (flags & EndpointFlag.FULLMESH.bit()) != 0) {
                        throw invarg(a, "flags mustn't have both signal and fullmesh");
                    }
                    if (setting && (flags & ~(EndpointFlag.BACKUP.bit() | EndpointFlag.FULLMESH.bit())) != 0) {
                        throw invarg(a, "invalid flags, backup and fullmesh only");
                    }
                } else if (is(a, "id")) {
                    String v = Args.next(args, "id");
                    id = (int) unsigned(v, 0xFF, "invalid ID\n");
                    idSet = true;
                } else if (is(a, "dev")) {
                    dev = Args.next(args, "dev");
                    if (!Ifnames.ipValid(dev)) throw invarg(dev, "invalid interface name\n");
                    ifindex = nl.links().find(dev).map(Link::index).orElse(0);
                    if (ifindex == 0) throw invarg(dev, "device does not exist\n");
                } else if (is(a, "port")) {
                    port = (int) unsigned(Args.next(args, "port"), 0xFFFF, "expected port");
                } else {
                    try {
                        address = InetAddress.ofLiteral(a);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("Error: any valid address is expected rather than \"" + a + "\".", 1);
                    }
                }
            }
            if (address == null && adding) throw missarg("ADDRESS");
            if (!idSet && deleting) throw missarg("ID");
            if (idSet && deleting) {
                if (id != 0 && address != null) throw invarg("ADDRESS", "invalid for non-zero id address\n");
                if (id == 0 && address == null) throw invarg("ID", "address is needed for deleting id 0 address\n");
            }
            if (adding && port != 0 && (flags & EndpointFlag.SIGNAL.bit()) == 0) throw invarg("port", "flags must have signal when using port");
            if (setting && idSet && port != 0) throw invarg("port", "port can't be used with id");
        }
    }

    /** ip's flag words; nobackup and nofullmesh are words with no bits. */
    private static Optional<Integer> flag(String word) {
        return switch (word) {
            case "signal", "subflow", "backup", "fullmesh" -> Optional.of(EndpointFlag.ofWord(word).bit());
            case "nobackup", "nofullmesh" -> Optional.of(0);
            default -> Optional.empty();
        };
    }

    /** iproute2's get_u8/get_u16: strtoul in any base, the whole word, at most {@code max}. */
    private static long unsigned(String v, long max, String what) {
        try {
            String s = v;
            int radix = 10;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                s = s.substring(2);
                radix = 16;
            } else if (s.length() > 1 && s.startsWith("0")) {
                s = s.substring(1);
                radix = 8;
            }
            if (s.isEmpty() || s.startsWith("+") || s.startsWith("-")) throw new NumberFormatException();
            long x = Long.parseLong(s, radix);
            if (x > max) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw invarg(v, what);
        }
    }

    private static UsageException invarg(String arg, String what) {
        return ArgError.invalid(arg, what);
    }

    private static UsageException missarg(String key) {
        return usage("Error: argument \"" + key + "\" is required");
    }

    private int add(Mptcp mptcp, List<String> args) throws IOException {
        Opts o = new Opts(args, true, false, false);
        Set<EndpointFlag> flags = EnumSet.noneOf(EndpointFlag.class);
        flags.addAll(EndpointFlag.of(o.flags));
        MptcpEndpointSpec spec = new MptcpEndpointSpec(o.address, o.idSet && o.id != 0 ? OptionalInt.of(o.id) : OptionalInt.empty(),
                o.port != 0 ? OptionalInt.of(o.port) : OptionalInt.empty(), flags, Optional.ofNullable(o.dev));
        mptcp.add(spec);
        return 0;
    }

    private int change(Mptcp mptcp, List<String> args) throws IOException {
        Opts o = new Opts(args, false, true, false);
        if (!o.idSet || o.address != null) throw ObjectCommand.notImplemented("ip mptcp endpoint change without an id");
        mptcp.setFlags(o.id, EndpointFlag.of(o.flags));
        return 0;
    }

    private int delete(Mptcp mptcp, List<String> args) throws IOException {
        Opts o = new Opts(args, false, false, true);
        if (o.id == 0) throw ObjectCommand.notImplemented("ip mptcp endpoint delete id 0");
        mptcp.delete(o.id);
        return 0;
    }

    private int show(Mptcp mptcp, List<String> args) throws IOException {
        List<MptcpEndpoint> shown;
        if (args.isEmpty()) {
            shown = mptcp.list();
        } else {
            Opts o = new Opts(args, false, false, false);
            if (!o.idSet) throw ObjectCommand.notImplemented("ip mptcp endpoint show without an id");
            shown = List.of(mptcp.get(o.id));
        }
        Map<Integer, Link> links = LinkCommand.index(nl.links().list());
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (MptcpEndpoint e : shown) {
            Map<String, Object> j = Json.object();
            String address = io.github.netlink4j.address.Address.format(e.address());
            text.append(address).append(' ');
            j.put("address", address);
            if (e.port().isPresent()) {
                text.append("port ").append(e.port().getAsInt()).append(' ');
                j.put("port", e.port().getAsInt());
            }
            text.append("id ").append(e.id()).append(' ');
            j.put("id", e.id());
            int rest = e.rawFlags();
            for (EndpointFlag f : PRINTED) {
                if ((rest & f.bit()) != 0) {
                    text.append(f.word()).append(' ');
                    j.put(f.word(), true);
                }
                rest &= ~f.bit();
            }
            if (rest != 0) {
                String hex = String.format("%02x", rest);
                text.append("rawflags ").append(hex).append(' ');
                j.put("rawflags", hex);
            }
            if (e.ifindex().isPresent()) {
                int i = e.ifindex().getAsInt();
                Link l = links.get(i);
                String name = l != null ? l.name() : "if" + i;
                text.append("dev ").append(name).append(' ');
                j.put("dev", name);
            }
            text.append('\n');
            json.add(j);
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        else stdout.print(text);
        return 0;
    }

    private int limits(Mptcp mptcp) throws IOException {
        MptcpLimits l = mptcp.limits();
        // ip prints the limits as text also under -j: it opens no JSON object for them
        stdout.print("add_addr_accepted " + l.addAddrAccepted() + " subflows " + l.subflows() + " \n");
        return 0;
    }

    private int setLimits(Mptcp mptcp, List<String> args) throws IOException {
        Long subflows = null, accepted = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (is(a, "subflows")) {
                subflows = u32(Args.next(args, "subflows"), "invalid subflows\n");
            } else if (is(a, "add_addr_accepted")) {
                accepted = u32(Args.next(args, "add_addr_accepted"), "invalid add_addr_accepted\n");
            } else {
                throw invarg(a, "unknown limit");
            }
        }
        if (subflows != null && accepted != null) mptcp.setLimits(new MptcpLimits(clamp(subflows), clamp(accepted)));
        else if (subflows != null) mptcp.setSubflows(clamp(subflows));
        else if (accepted != null) mptcp.setAddAddrAccepted(clamp(accepted));
        return 0;
    }

    private static long u32(String v, String what) {
        return unsigned(v, 0xFFFF_FFFFL, what);
    }

    /** A u32 above int's range asks the same of the kernel as int's most: more than its maximum of 8. */
    private static int clamp(long v) {
        return (int) Math.min(v, Integer.MAX_VALUE);
    }
}
