package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.Netconf;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.usage;

/**
 * {@code jip netconf [show|list] [dev NAME]}: the kernel's per-link IP configuration as ip 6.1 prints it
 * (ipnetconf.c): IPv4 then IPv6 unless -4/-6 says one, each link's and the namespace's "all" and
 * "default", in the kernel's order. A family without netconf (-0, -M, -B) prints nothing, as ip's dump of
 * it returns nothing.
 */
final class NetconfCommand {
    static final String HELP = "Usage: ip netconf show [ dev STRING ]";

    private final JipOptions opt;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final NetlinkClient nl;

    NetconfCommand(JipOptions opt, PrintStream stdout, PrintStream stderr, NetlinkClient nl) {
        this.opt = opt;
        this.stdout = stdout;
        this.stderr = stderr;
        this.nl = nl;
    }

    int run(List<String> args) throws IOException {
        if (!args.isEmpty()) {
            String word = args.remove(0);
            if (is(word, "help")) throw usage(HELP);
            if (!is(word, "show") && !is(word, "list")) {
                throw usage("Command \"" + word + "\" is unknown, try \"ip netconf help\".");
            }
        }
        String dev = null;
        while (!args.isEmpty()) {
            String w = args.remove(0);
            if (w.equals("dev")) {
                if (args.isEmpty()) throw usage("Command line is not complete. Try option \"help\"");
                dev = args.remove(0);
            } else if (is(w, "help")) {
                throw usage(HELP);
            }
            // ip's show loop skips any other word
        }
        Map<Integer, String> names = new HashMap<>();
        int devIndex = 0;
        for (Link l : nl.links().list()) names.put(l.index(), l.name());
        if (dev != null) {
            String d = dev;
            devIndex = names.entrySet().stream().filter(e -> e.getValue().equals(d)).mapToInt(Map.Entry::getKey).findFirst().orElse(0);
            if (devIndex == 0) {
                stderr.println("Device \"" + dev + "\" does not exist.");
                return 1;
            }
        }
        List<AddressFamily> families = new ArrayList<>();
        int pf = opt.preferredFamily();
        if (pf == 0 || pf == AddressFamily.INET.value()) families.add(AddressFamily.INET);
        if (pf == 0 || pf == AddressFamily.INET6.value()) families.add(AddressFamily.INET6);
        List<Object> json = Json.list();
        StringBuilder text = new StringBuilder();
        for (AddressFamily f : families) {
            for (Netconf c : nl.links().netconf(f)) {
                if (devIndex != 0 && c.index() != devIndex) continue;
                String special = NetconfView.name(c.index());
                NetconfView v = new NetconfView(c, special != null ? special : names.getOrDefault(c.index(), "if" + c.index()), opt.style());
                if (opt.json()) json.add(v.json());
                else text.append(v.text());
            }
        }
        if (opt.json()) stdout.println(Json.write(json, opt.pretty()));
        else stdout.print(text);
        return 0;
    }
}
