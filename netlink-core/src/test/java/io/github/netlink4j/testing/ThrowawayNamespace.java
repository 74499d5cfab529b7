package io.github.netlink4j.testing;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;

import java.io.IOException;
import java.util.UUID;

/**
 * A uniquely named namespace made for one test, deleted (with everything in it) on close, also when
 * the test failed. Never touches the root namespace.
 */
public final class ThrowawayNamespace implements AutoCloseable {
    private final String name;
    private final NetNamespace ns;
    private NetlinkClient client;

    private ThrowawayNamespace(String name) throws IOException {
        this.name = name;
        this.ns = NetNamespace.create(name);
    }

    /** Creates {@code nl4j-<prefix>-<random>}. */
    public static ThrowawayNamespace create(String prefix) throws IOException {
        Privileged.require();
        return new ThrowawayNamespace(uniqueName(prefix));
    }

    /** {@code nl4j-<prefix>-<random>}: a name no other test or run uses, for namespaces made some other way. */
    public static String uniqueName(String prefix) {
        return "nl4j-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String name() {
        return name;
    }

    public NetNamespace ns() {
        return ns;
    }

    /** A client inside, closed with the namespace. */
    public NetlinkClient client() throws IOException {
        if (client == null) client = NetlinkClient.open(ns);
        return client;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        if (client != null) client.close();
        try {
            ns.close();
        } catch (IOException e) {
            failure = e;
        }
        try {
            if (NetNamespace.exists(name)) NetNamespace.delete(name);
        } catch (IOException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }
}
