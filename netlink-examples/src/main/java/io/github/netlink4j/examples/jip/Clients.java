package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NoSuchNamespaceException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.SyscallException;

import java.io.IOException;

/** Opens the netlink client a command works through, in the namespace the options name. */
final class Clients {
    private Clients() {}

    /** A client in {@code options}' namespace (-n NAME, or the training run's), else in this process's. */
    static NetlinkClient open(JipOptions options) throws IOException {
        if (options.namespace() != null) return NetlinkClient.open(options.namespace());
        String netns = options.netns();
        if (netns == null) return NetlinkClient.open();
        NetNamespace ns;
        try {
            ns = NetNamespace.open(netns);
        } catch (SyscallException | NoSuchNamespaceException e) {
            throw new UsageException("Cannot open network namespace \"" + netns + "\": " + NetnsErrors.describe(e), 255);
        }
        try (ns) {
            return NetlinkClient.open(ns);
        } catch (NotPermittedException e) {
            throw NetnsErrors.entering(netns, e);
        }
    }
}
