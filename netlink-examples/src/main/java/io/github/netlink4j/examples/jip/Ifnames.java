package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Interface names on the command line, refused where and how ip 6.1 refuses them. ip checks a name
 * itself only in some places (check_ifname for {@code name NEW}, check_altifname for a device), and
 * otherwise lets the lookup or the kernel answer: a name no link can have is "Cannot find device" when
 * ip looks it up, and the kernel's error when ip sends it as a new link's name. The library refuses such
 * names before sending anything, so jip says here what ip would have said.
 */
final class Ifnames {
    private Ifnames() {}

    /** IFNAMSIZ less the NUL: the kernel's policy for IFLA_IFNAME. */
    private static final int MAX_BYTES = 15;

    /** C's isspace in the "C" locale, which ip's checks and the kernel's dev_valid_name use. */
    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** check_altifname: not empty, no '/' and no blank (any length: it may be an alternative name). */
    static boolean altValid(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) if (name.charAt(i) == '/' || isCSpace(name.charAt(i))) return false;
        return true;
    }

    /** check_ifname: check_altifname and shorter than IFNAMSIZ. */
    static boolean ipValid(String name) {
        return altValid(name) && bytes(name) <= MAX_BYTES;
    }

    /** What the kernel takes as a link's name: ip's rules and dev_valid_name's (no ':', not "." or ".."). */
    static boolean kernelValid(String name) {
        return ipValid(name) && name.indexOf(':') < 0 && !name.equals(".") && !name.equals("..");
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** ip's invarg for a name its own check refuses: {@code Error: argument "N" is wrong: "what" not a valid ifname}, 255. */
    private static UsageException invalid(String what, String name) {
        return ArgError.invalid(name, "\"" + what + "\" not a valid ifname");
    }

    /**
     * A device ip looks up by name ({@code dev D}, {@code link D}): one no link can have is "Cannot find
     * device", exit status 1, as ip's lookup ends.
     */
    static String lookup(String name) {
        if (!kernelValid(name)) throw new UsageException("Cannot find device \"" + name + "\"", 1);
        return name;
    }

    /** A device ip looks up that must exist now: the library is not asked to send anything for it. */
    static String existing(NetlinkClient nl, String name) throws IOException {
        if (nl.links().find(lookup(name)).isEmpty()) throw new UsageException("Cannot find device \"" + name + "\"", 1);
        return name;
    }

    /** {@code ip link set|del DEV}: check_altifname first (exit 255), then the lookup. */
    static String device(String name) {
        if (!altValid(name)) throw invalid("dev", name);
        return lookup(name);
    }

    /** {@code name NEW} (link add, link set, veth peer): check_ifname (exit 255), then what the kernel says. */
    static String newName(String name) {
        if (!ipValid(name)) throw invalid("name", name);
        return sent(name);
    }

    /** A new link's name given without {@code name} (link add NAME, dev NAME, peer NAME): check_altifname, then the kernel. */
    static String newDevice(String name) {
        if (!altValid(name)) throw invalid("dev", name);
        return sent(name);
    }

    /**
     * A name ip sends as IFLA_IFNAME as it is: too long fails the kernel's attribute policy (with its
     * extended ACK), and dev_valid_name's other refusals are a bare EINVAL; both exit with status 2.
     */
    private static String sent(String name) {
        if (bytes(name) > MAX_BYTES) throw new UsageException("Error: Attribute failed policy validation.", 2);
        if (!kernelValid(name)) throw new UsageException("RTNETLINK answers: Invalid argument", 2);
        return name;
    }
}
