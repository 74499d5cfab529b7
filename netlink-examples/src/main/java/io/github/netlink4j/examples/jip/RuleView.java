package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleFlag;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.json.Json;

import java.net.InetAddress;
import java.util.Map;

/** How ip 6.1 prints a rule (iprule.c print_rule): text and JSON written together, in ip's order. */
final class RuleView {
    private final Rule r;
    private final boolean details;
    private final Style style;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> json = Json.object();

    RuleView(Rule r, boolean details, Style style) {
        this.r = r;
        this.details = details;
        this.style = style;
        build();
    }

    String text() {
        return text + "\n";
    }

    Map<String, Object> json() {
        return json;
    }

    private void put(String t, String key, Object v) {
        text.append(t);
        if (key != null) json.put(key, v);
    }

    private static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    private void prefix(String word, String key, String lenKey, java.util.Optional<InetAddress> a, int len, boolean always) {
        if (a.isPresent()) {
            String s = Address.format(a.get());
            text.append(word).append(style.address(r.family(), s));
            json.put(key, s);
            if (len != a.get().getAddress().length * 8) put("/" + len, lenKey, len);
        } else if (len != 0) {
            put(word + "0", key, "0");
            put("/" + len, lenKey, len);
        } else if (always) {
            put(word + "all", key, "all");
        }
    }

    private void build() {
        put(r.priority() + ":\t", "priority", r.priority());
        if (r.isInverted()) put("not ", "not", null);
        prefix("from ", "src", "srclen", r.source(), r.sourceLength(), true);
        prefix(" to ", "dst", "dstlen", r.destination(), r.destinationLength(), false);
        if (r.tos() != 0) put(" tos " + style.dsfield(r.tos()), "tos", style.dsfield(r.tos()));
        if (r.fwmark().isPresent() || r.fwmask().isPresent()) {
            long mark = r.fwmark().orElse(0);
            put(" fwmark " + hex(mark), "fwmark", hex(mark));
            if (r.fwmask().isPresent() && r.fwmask().getAsLong() != 0xFFFFFFFFL) put("/" + hex(r.fwmask().getAsLong()), "fwmask", hex(r.fwmask().getAsLong()));
        }
        r.inputLink().ifPresent(i -> {
            put(" iif " + style.ifname(i), "iif", i);
            if (r.flags().contains(RuleFlag.IIF_DETACHED)) put(" [detached]", "iif_detached", null);
        });
        r.outputLink().ifPresent(o -> {
            put(" oif " + style.ifname(o), "oif", o);
            if (r.flags().contains(RuleFlag.OIF_DETACHED)) put(" [detached]", "oif_detached", null);
        });
        if (r.l3mdev()) put(" lookup [l3mdev-table]", "l3mdev", null);
        r.uidRange().ifPresent(u -> {
            put(" uidrange " + u.start(), "uid_start", u.start());
            put("-" + u.end(), "uid_end", u.end());
        });
        r.ipProtocol().ifPresent(p -> put(" ipproto " + style.ipProtocol(p), "ipproto", style.ipProtocol(p)));
        r.sourcePorts().ifPresent(p -> ports("sport", p));
        r.destinationPorts().ifPresent(p -> ports("dport", p));
        r.tunnelId().ifPresent(t -> put(" tun_id " + Long.toUnsignedString(t), "tun_id", t));
        if (!r.table().equals(RouteTable.UNSPEC)) {
            put(" lookup " + style.table(r.table()), "table", style.table(r.table()));
            r.suppressPrefixLength().ifPresent(pl -> put(" suppress_prefixlength " + pl, "suppress_prefixlen", pl));
            r.suppressIfGroup().ifPresent(g -> {
                String name = style.group(g);
                put(" suppress_ifgroup " + name, "suppress_ifgroup", name);
            });
        }
        r.realms().ifPresent(f -> {
            int from = (int) (f >>> 16), to = (int) (f & 0xFFFF);
            if (from != 0) put(" realms " + from + "/", "flow_from", Integer.toString(from));
            else text.append(" realms ");
            put(Integer.toString(to), "flow_to", Integer.toString(to));
        });
        int action = r.actionValue();
        if (action == 10) {
            put(" masquerade", "masquerade", null);
        } else if (action == 2) {
            if (r.gotoPriority().isPresent()) put(" goto " + r.gotoPriority().getAsLong(), "goto", r.gotoPriority().getAsLong());
            else put(" goto none", "goto", "none");
            if (r.flags().contains(RuleFlag.UNRESOLVED)) put(" [unresolved]", "unresolved", null);
        } else if (action == 3) {
            put(" nop", "nop", null);
        } else if (action != 1) {
            String name = style.routeType(action);
            put(" " + name, "action", name);
        }
        r.protocol().ifPresent(p -> {
            if ((p.value() != 0 && !p.equals(RouteProtocol.KERNEL)) || details) put(" proto " + style.protocol(p), "protocol", style.protocol(p));
        });
    }

    private void ports(String word, io.github.netlink4j.route.RuleRange p) {
        if (p.start() == p.end()) {
            put(" " + word + " " + p.start(), word, p.start());
        } else {
            put(" " + word + " " + p.start(), word + "_start", p.start());
            put("-" + p.end(), word + "_end", p.end());
        }
    }
}
