package io.github.netlink4j.testing;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;

/**
 * Run where /sys is read-only and cannot be unmounted (a user namespace over a read-only /sys): starts
 * {@code ls /sys/class/net} inside a fresh namespace holding an ifb and prints what it printed.
 */
public final class SysfsProbe {
    public static void main(String[] args) throws Exception {
        try (NetNamespace ns = NetNamespace.createAnonymous(); NetlinkClient nl = NetlinkClient.open(ns)) {
            nl.links().add(LinkSpec.ifb("ifbsys"));
            Process p = ns.start(new ProcessBuilder("ls", "/sys/class/net").redirectErrorStream(true));
            System.out.print(new String(p.getInputStream().readAllBytes()));
            System.out.println("exit " + p.waitFor());
        }
    }
}
