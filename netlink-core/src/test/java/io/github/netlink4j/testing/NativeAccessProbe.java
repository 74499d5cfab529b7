package io.github.netlink4j.testing;

import io.github.netlink4j.NetlinkClient;

/** Opens a client in the calling namespace and lists its links: run in a JVM that denies native access. */
public final class NativeAccessProbe {
    public static void main(String[] args) throws Exception {
        try (NetlinkClient nl = NetlinkClient.open()) {
            System.out.println(nl.links().list().size() + " links");
        }
    }
}
