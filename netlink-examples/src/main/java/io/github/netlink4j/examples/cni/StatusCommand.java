package io.github.netlink4j.examples.cni;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * STATUS (CNI 1.1.0): whether this plugin could serve an ADD now. It needs the kernel, which it has, and
 * its IPAM plugin: found in CNI_PATH and answering. An IPAM plugin that speaks 1.1.0 is asked for its own
 * STATUS, as the spec requires, and its error is the answer; an older one (Debian's host-local) knows no
 * STATUS, and its VERSION answer is the most it can say. Nothing goes to stdout on success.
 */
final class StatusCommand {
    private StatusCommand() {}

    /** The spec's "plugin not available (cannot service ADD requests)". */
    static final int NOT_AVAILABLE = 50;

    static void run(Map<String, String> env, NetConf conf, String stdin) throws CniError, InterruptedException {
        if (conf.ipamType().isEmpty()) return;
        String type = conf.ipamType().get();
        List<String> versions;
        try {
            versions = Ipam.versions(env, type);
        } catch (CniError e) {
            throw new CniError(NOT_AVAILABLE, "plugin not available",
                    "IPAM plugin " + type + ": " + e.getMessage() + (e.details == null ? "" : ": " + e.details));
        } catch (IOException e) {
            throw new CniError(NOT_AVAILABLE, "plugin not available", "IPAM plugin " + type + ": " + e.getMessage());
        }
        if (versions.contains("1.1.0")) {
            try {
                Ipam.exec(env, type, "STATUS", stdin);
            } catch (IOException e) {
                throw new CniError(NOT_AVAILABLE, "plugin not available", "IPAM plugin " + type + " STATUS: " + e.getMessage());
            }
        }
    }
}
