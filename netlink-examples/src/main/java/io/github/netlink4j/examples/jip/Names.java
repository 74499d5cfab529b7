package io.github.netlink4j.examples.jip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The name tables ip reads where the library has typed values for nothing: /etc/iproute2/rt_dsfield
 * (TOS/DSCP names) and /etc/protocols (IP protocol names), read once, as ip reads them.
 */
final class Names {
    private Names() {}

    private static Map<Integer, String> dsfield;
    private static Map<Integer, String> protocols;

    private static List<String[]> table(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static synchronized Map<Integer, String> dsfield() {
        if (dsfield == null) {
            dsfield = new HashMap<>();
            for (String[] f : table("/etc/iproute2/rt_dsfield")) {
                try {
                    if (f.length >= 2) dsfield.putIfAbsent(Integer.decode(f[0]), f[1]);
                } catch (NumberFormatException e) {
                    // a line ip skips too
                }
            }
        }
        return dsfield;
    }

    private static synchronized Map<Integer, String> protocols() {
        if (protocols == null) {
            protocols = new HashMap<>();
            for (String[] f : table("/etc/protocols")) {
                try {
                    if (f.length >= 2) protocols.putIfAbsent(Integer.parseInt(f[1]), f[0]);
                } catch (NumberFormatException e) {
                    // not a protocol line
                }
            }
        }
        return protocols;
    }

    /** rtnl_dsfield_n2a: the name, or 0xNN. */
    static String dsfield(int tos) {
        String n = dsfield().get(tos);
        return n != null ? n : String.format("0x%02x", tos);
    }

    /** rtnl_dsfield_a2n: a name, else a hexadecimal number (with or without 0x); -1 if neither. */
    static int dsfield(String text) {
        for (Map.Entry<Integer, String> e : dsfield().entrySet()) if (e.getValue().equals(text)) return e.getKey();
        try {
            int v = Integer.parseInt(text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text, 16);
            return v >= 0 && v <= 255 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** inet_proto_n2a: the name from /etc/protocols, or ipproto-N. */
    static String protocol(int p) {
        String n = protocols().get(p);
        return n != null ? n : "ipproto-" + p;
    }

    /** inet_proto_a2n: a name from /etc/protocols or a number 0..255; -1 if neither. */
    static int protocol(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0 && v <= 255) return v;
        } catch (NumberFormatException e) {
            // a name, below
        }
        for (Map.Entry<Integer, String> e : protocols().entrySet()) if (e.getValue().equals(text)) return e.getKey();
        try {
            int v = Integer.parseInt(text);
            return v >= 0 && v <= 255 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
