package io.github.netlink4j.examples.jip;

import io.github.netlink4j.NetlinkClient;

import java.util.List;

/** {@code jip monitor}: placeholder until the events API exists; says so instead of pretending. */
final class MonitorCommand {
    private final Jip jip;

    MonitorCommand(Jip jip, NetlinkClient nl) {
        this.jip = jip;
    }

    int run(List<String> args) {
        jip.err.println("jip monitor needs the events API, which this build does not have yet");
        return 1;
    }
}
