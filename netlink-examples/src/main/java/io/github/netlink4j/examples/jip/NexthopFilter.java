package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.NexthopObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.netlink4j.examples.jip.Args.is;
import static io.github.netlink4j.examples.jip.Args.next;
import static io.github.netlink4j.examples.jip.Args.usage;

/** The selectors of {@code ip nexthop list|flush} (ipnexthop.c's ipnh_list_flush and its filter in ip 6.1). */
final class NexthopFilter {
    /** The device's index, or null: any. */
    Integer dev;
    /** The protocol's number, or null: any. */
    Integer protocol;
    boolean groups;
    /** {@code id ID}: that one object alone, got or deleted at once; the words after it are not read, as ip reads none. */
    Long id;

    /**
     * {@code [id ID] [dev DEV] [groups] [fdb] [protocol N]}: {@code links} by index name the device, which must
     * exist; {@code help} is what {@code help} prints.
     */
    static NexthopFilter parse(List<String> args, Map<Integer, Link> links, String help) {
        NexthopFilter f = new NexthopFilter();
        while (!args.isEmpty()) {
            String a = args.remove(0);
            if (is(a, "dev")) {
                String name = next(args, "dev");
                for (Link l : links.values()) if (l.name().equals(name)) f.dev = l.index();
                if (f.dev == null) throw ArgError.invalid(name, "Device does not exist\n");
            } else if (is(a, "groups")) {
                f.groups = true;
            } else if (a.equals("id")) {
                f.id = id(next(args, "id"));
                return f;
            } else if (is(a, "protocol")) {
                String p = next(args, "protocol");
                try {
                    f.protocol = Integer.decode(p);
                } catch (NumberFormatException e) {
                    throw ArgError.invalid(p, "invalid protocol value");
                }
            } else if (is(a, "fdb")) {
                // selects nothing here: with ip 6.1 on this kernel the listing is the same with or without it
            } else if (is(a, "master") || is(a, "vrf")) {
                throw ObjectCommand.notImplemented("ip nexthop list " + a);
            } else if (is(a, "help")) {
                throw usage(help);
            } else {
                throw ArgError.invalid(a, "");
            }
        }
        return f;
    }

    /** A nexthop id as ip's get_unsigned reads it: decimal, 0x hex or 0 octal, 32 bits. */
    static long id(String v) {
        try {
            long x = Long.decode(v);
            if (x < 0 || x > 0xFFFFFFFFL) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw ArgError.invalid(v, "invalid id value");
        }
    }

    /** Whether {@code n} is listed; {@code family}: -4/-6, or null for every family. */
    boolean test(NexthopObject n, AddressFamily family) {
        if (family != null && !n.family().equals(Optional.of(family))) return false;
        if (dev != null && n.outputIndex().orElse(0) != dev) return false;
        if (groups && !n.isGroup()) return false;
        return protocol == null || n.protocol().value() == protocol;
    }
}
