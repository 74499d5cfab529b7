package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How ip 6.1 prints a named namespace and the id this namespace gave it (ipnetns.c): the line of
 * {@code ip netns list}, and print_nsid's line, which {@code ip netns list-id} and {@code ip monitor nsid}
 * share.
 */
final class NetnsView {
    private final String name;
    private final OptionalInt nsid;

    /** {@code name}: the namespace's under /run/netns, or null when no name is known for the id. */
    NetnsView(String name, OptionalInt nsid) {
        this.name = name;
        this.nsid = nsid;
    }

    /** {@code ip netns list}: the name, and its id when it has one. */
    String text() {
        return name + (nsid.isPresent() ? " (id: " + nsid.getAsInt() + ")" : "") + "\n";
    }

    Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("name", name);
        if (nsid.isPresent()) o.put("id", nsid.getAsInt());
        return o;
    }

    /** print_nsid: the id, then the name when one is known. */
    String nsidText() {
        return "nsid " + nsid.getAsInt() + " " + (name != null ? "(iproute2 netns name: " + name + ")" : "") + "\n";
    }

    Map<String, Object> nsidJson() {
        Map<String, Object> o = Json.object();
        o.put("nsid", nsid.getAsInt());
        if (name != null) o.put("name", name);
        return o;
    }
}
