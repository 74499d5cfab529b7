package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.tuntap.TunTapDevice;
import io.github.netlink4j.tuntap.TunTapMode;
import io.github.netlink4j.tuntap.TunTapSpec;
import io.github.netlink4j.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * {@code jip tuntap ...}: persistent TUN/TAP devices as ip 6.1 makes, removes and prints them
 * (iptuntap.c), through the library's {@code nl.tuntap()}. Errors read as ip's perror lines.
 */
final class TuntapCommand extends ObjectCommand {
    private final NetlinkClient nl;
    /** linux/if_tun.h. */
    private static final int IFF_ONE_QUEUE = 0x2000;

    TuntapCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        super(opt, stdout, stderr, "tuntap");
        this.nl = nl;
    }

    static final String HELP = """
            Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
                   [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
                   [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]

            Where: USER  := { STRING | NUMBER }
                   GROUP := { STRING | NUMBER }""";

    @Override
    String[] verbs() {
        return new String[] {"add", "delete", "show", "lst", "list", "help"};
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    int command(String verb, List<String> args) throws IOException {
        return switch (verb) {
            case "add" -> add(args);
            case "delete" -> delete(args);
            default -> show();
        };
    }

    /** What the arguments ask for, as iptuntap.c's parse_args reads them. */
    private record Parsed(String name, TunTapMode mode, TunTapSpec spec) {}

    private static Parsed parse(List<String> args, boolean ids) {
        String name = null;
        TunTapMode mode = null;
        Long user = null, group = null;
        boolean pi = false, oneQueue = false, vnet = false, mq = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (is(a, "mode")) {
                String m = next(args, ++i);
                TunTapMode asked = is(m, "tun") ? TunTapMode.TUN : is(m, "tap") ? TunTapMode.TAP : null;
                if (asked == null) throw usage("Unknown tunnel mode \"" + m + "\"");
                if (mode != null && mode != asked) throw usage("You managed to ask for more than one tunnel mode.");
                mode = asked;
            } else if (ids && is(a, "user")) {
                user = id(next(args, ++i), "user");
            } else if (ids && is(a, "group")) {
                group = id(next(args, ++i), "group");
            } else if (is(a, "pi")) {
                pi = true;
            } else if (is(a, "one_queue")) {
                oneQueue = true;
            } else if (is(a, "vnet_hdr")) {
                vnet = true;
            } else if (is(a, "multi_queue")) {
                mq = true;
            } else if (is(a, "dev")) {
                name = ifname(next(args, ++i), "dev");
            } else {
                String word = a;
                if (is(a, "name")) word = next(args, ++i);
                else if (is(a, "help")) throw usage(HELP);
                if (name != null) throw usage("Error: either \"name\" is duplicate, or \"" + word + "\" is a garbage.");
                name = ifname(word, "name");
            }
        }
        if (mode == null) throw new UsageException("You failed to specify a tunnel mode", 1);
        // without a name ip sends an empty one, and the kernel numbers tun%d or tap%d
        String asked = name != null ? name : mode == TunTapMode.TUN ? "tun%d" : "tap%d";
        TunTapSpec spec = mode == TunTapMode.TUN ? TunTapSpec.tun(asked) : TunTapSpec.tap(asked);
        if (user != null) spec = spec.withOwner(user);
        if (group != null) spec = spec.withGroup(group);
        if (pi) spec = spec.withPacketInfo();
        if (oneQueue) spec = spec.withOneQueue();
        if (vnet) spec = spec.withVnetHeader();
        if (mq) spec = spec.withMultiQueue();
        return new Parsed(name, mode, spec);
    }

    private static String next(List<String> args, int i) {
        if (i >= args.size()) throw usage("Command line is not complete. Try option \"help\"");
        return args.get(i);
    }

    private static String ifname(String s, String what) {
        if (s.isEmpty() || s.length() > 15 || s.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            throw ArgError.invalid(s, "\"" + what + "\" not a valid ifname");
        }
        return s;
    }

    /** A number, or a name looked up in /etc/passwd or /etc/group as getpwnam/getgrnam would. */
    private static long id(String s, String what) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) return Long.parseLong(s);
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of(what.equals("user") ? "/etc/passwd" : "/etc/group"))) {
            Optional<Long> found = lines.map(l -> l.split(":")).filter(f -> f.length > 2 && f[0].equals(s))
                    .map(f -> Long.parseLong(f[2])).findFirst();
            if (found.isPresent()) return found.get();
        } catch (IOException | RuntimeException e) {
            // no such file or a malformed line: the name is not found, as getpwnam says
        }
        throw usage("invalid " + what + " \"" + s + "\"");
    }

    private int add(List<String> args) throws IOException {
        Parsed p = parse(args, true);
        try {
            nl.tuntap().add(p.spec());
            return 0;
        } catch (AlreadyExistsException e) {
            stderr.println("ioctl(TUNSETIFF): Device or resource busy");
            return 1;
        } catch (SyscallException e) {
            stderr.println(e.call() + ": " + e.description());
            return 1;
        }
    }

    private int delete(List<String> args) throws IOException {
        Parsed p = parse(args, false);
        // ip's TUNSETIFF with no name makes a new tun%d/tap%d, which goes again when ip closes it: exit 0
        if (p.name() == null) return 0;
        Optional<TunTapDevice> d = nl.tuntap().find(p.name());
        // ip's TUNSETIFF makes a missing device and its close removes it again: nothing to do, exit 0
        if (d.isEmpty() && nl.links().find(p.name()).isEmpty()) return 0;
        if (d.isEmpty() || d.get().mode() != p.mode()) {
            stderr.println("ioctl(TUNSETIFF): Invalid argument");
            return 1;
        }
        try {
            nl.tuntap().delete(p.name());
            return 0;
        } catch (SyscallException e) {
            stderr.println(e.call() + ": " + e.description());
            return 1;
        }
    }

    private int show() throws IOException {
        List<Object> json = Json.list();
        StringBuilder text = new StringBuilder();
        // IFF_ONE_QUEUE is only in the kernel's own flags, which ip reads from sysfs
        List<TunTapDevice> devices = nl.tuntap().list();
        Map<String, Integer> kernel = nl.tuntap().kernelFlags(devices);
        for (TunTapDevice d : devices) {
            List<Object> flags = Json.list();
            flags.add(d.mode().toString());
            if (d.packetInfo()) flags.add("pi");
            if ((kernel.getOrDefault(d.name(), 0) & IFF_ONE_QUEUE) != 0) flags.add("one_queue");
            if (d.multiQueue()) flags.add("multi_queue");
            if (d.vnetHeader()) flags.add("vnet_hdr");
            if (d.persistent()) flags.add("persist");
            // IFF_NOFILTER is IFF_NO_PI's bit: ip prints "filter" whenever it prints "pi"
            if (d.packetInfo()) flags.add("filter");
            text.append(d.name()).append(':');
            for (Object f : flags) text.append(' ').append(f);
            d.owner().ifPresent(u -> text.append(" user ").append(u));
            d.group().ifPresent(g -> text.append(" group ").append(g));
            Map<String, Object> o = Json.object();
            o.put("ifname", d.name());
            o.put("flags", flags);
            d.owner().ifPresent(u -> o.put("user", u));
            d.group().ifPresent(g -> o.put("group", g));
            if (opt.details() > 0) {
                List<TunProcesses.Attached> attached = TunProcesses.of(d.name());
                text.append("\n\tAttached to processes:");
                List<Object> processes = Json.list();
                for (TunProcesses.Attached a : attached) {
                    text.append(a.name()).append('(').append(a.pid()).append(')');
                    // ip 6.1 prints name and pid straight inside the array, which is not JSON; an object
                    // each keeps the output parseable (the one place jip's -j differs from ip's on purpose)
                    Map<String, Object> p = Json.object();
                    p.put("name", a.name());
                    p.put("pid", a.pid());
                    processes.add(p);
                }
                o.put("processes", processes);
            }
            text.append('\n');
            json.add(o);
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        else stdout.print(text);
        return 0;
    }
}
