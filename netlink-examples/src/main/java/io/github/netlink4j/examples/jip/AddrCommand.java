package io.github.netlink4j.examples.jip;

import io.github.netlink4j.Address;
import io.github.netlink4j.AddressFamily;
import io.github.netlink4j.AddressFlag;
import io.github.netlink4j.AddressSpec;
import io.github.netlink4j.Link;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.RouteScope;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.netlink4j.examples.jip.Jip.next;
import static io.github.netlink4j.examples.jip.Jip.usage;

/** {@code jip addr ...}. */
final class AddrCommand extends ObjectCommand {
    AddrCommand(Jip jip, NetlinkClient nl) {
        super(jip, nl, "address");
    }


    @Override
    int show(List<String> args) throws IOException {
        String dev = Jip.devArgument(args);
        List<Link> all = nl.links().list();
        Map<Integer, Link> byIndex = LinkCommand.index(all);
        List<Address> addrs = jip.family == null ? nl.addresses().list() : nl.addresses().list(jip.family);
        List<Link> shown = Jip.shown(all, dev);
        List<Object> json = JsonOut.list();
        for (Link l : shown) {
            List<Address> mine = new ArrayList<>();
            for (Address a : addrs) if (a.index() == l.index()) mine.add(a);
            // ip lists IPv4 first, then IPv6, each in the kernel's order.
            List<Address> ordered = new ArrayList<>(mine.stream().filter(a -> a.family() == AddressFamily.INET).toList());
            ordered.addAll(mine.stream().filter(a -> a.family() == AddressFamily.INET6).toList());
            if (jip.family != null && ordered.isEmpty()) continue;
            LinkView v = new LinkView(l, byIndex, LinkCommand.netnsName(nl, l));
            if (jip.json) {
                Map<String, Object> o;
                if (jip.brief) {
                    o = JsonOut.object();
                    o.put("ifname", l.name());
                    o.put("operstate", l.operState().name());
                } else {
                    o = v.json(false);
                }
                List<Object> info = JsonOut.list();
                for (Address a : ordered) {
                    if (jip.brief) {
                        Map<String, Object> b = JsonOut.object();
                        b.put("local", Address.format(a.address()));
                        a.peer().ifPresent(p -> b.put("address", Address.format(p)));
                        b.put("prefixlen", a.prefixLength());
                        info.add(b);
                    } else {
                        info.add(new AddrView(a).json());
                    }
                }
                o.put("addr_info", info);
                json.add(o);
            } else if (jip.brief) {
                StringBuilder sb = new StringBuilder(v.briefHead());
                for (Address a : ordered) sb.append(new AddrView(a).addressPart()).append(' ');
                jip.out.print(sb.append('\n'));
            } else {
                jip.out.print(v.text(false, jip.family));
                for (Address a : ordered) jip.out.print(new AddrView(a).text());
            }
        }
        if (jip.json) jip.out.println(JsonOut.write(json));
        return 0;
    }

    @Override
    int modify(List<String> args, Op op) throws IOException {
        String prefix = null, dev = null, label = null;
        InetAddress peer = null, brd = null;
        RouteScope scope = null;
        List<AddressFlag> flags = new ArrayList<>();
        Long valid = null, preferred = null;
        while (!args.isEmpty()) {
            String a = args.remove(0);
            switch (a) {
                case "dev" -> dev = next(args, "dev");
                case "peer", "remote" -> {
                    String p = next(args, "peer");
                    peer = InetAddress.ofLiteral(p.contains("/") ? p.substring(0, p.indexOf('/')) : p);
                }
                case "broadcast", "brd" -> brd = InetAddress.ofLiteral(next(args, "brd"));
                case "label" -> label = next(args, "label");
                case "scope" -> scope = switch (next(args, "scope")) {
                    case "global" -> RouteScope.UNIVERSE;
                    case "site" -> RouteScope.SITE;
                    case "link" -> RouteScope.LINK;
                    case "host" -> RouteScope.HOST;
                    case "nowhere" -> RouteScope.NOWHERE;
                    default -> throw usage("Error: argument is wrong: invalid scope value.");
                };
                case "nodad" -> flags.add(AddressFlag.NODAD);
                case "noprefixroute" -> flags.add(AddressFlag.NOPREFIXROUTE);
                case "mngtmpaddr" -> flags.add(AddressFlag.MANAGETEMPADDR);
                case "autojoin" -> flags.add(AddressFlag.MCAUTOJOIN);
                case "home" -> flags.add(AddressFlag.HOMEADDRESS);
                case "valid_lft" -> valid = lft(next(args, "valid_lft"));
                case "preferred_lft" -> preferred = lft(next(args, "preferred_lft"));
                case "local" -> prefix = next(args, "local");
                default -> {
                    if (prefix != null) throw usage("Error: either \"local\" is duplicate, or \"" + a + "\" is a garbage.");
                    prefix = a;
                }
            }
        }
        if (dev == null) throw usage("Not enough information: \"dev\" argument is required.");
        if (prefix == null) throw usage("Not enough information: address is required.");
        AddressSpec s = AddressSpec.of(dev, prefix);
        if (peer != null) s = s.withPeer(peer);
        if (brd != null) s = s.withBroadcast(brd);
        if (label != null) s = s.withLabel(label);
        if (scope != null) s = s.withScope(scope);
        for (AddressFlag f : flags) s = s.withFlag(f);
        if (valid != null || preferred != null) {
            long v = valid != null ? valid : 0xFFFFFFFFL;
            s = s.withLifetimes(v, preferred != null ? preferred : v);
        }
        switch (op) {
            case ADD -> nl.addresses().add(s);
            case REPLACE -> nl.addresses().replace(s);
            case DELETE -> nl.addresses().delete(s);
        }
        return 0;
    }

    private static long lft(String v) {
        return v.equals("forever") ? 0xFFFFFFFFL : Long.parseLong(v.endsWith("sec") ? v.substring(0, v.length() - 3) : v);
    }
}
