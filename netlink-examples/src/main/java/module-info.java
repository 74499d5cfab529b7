/** Examples on netlink4j's public API: the {@code jip} command line and the seed walkthrough demo. */
module io.github.netlink4j.examples {
    requires io.github.netlink4j;
    requires io.github.netlink4j.json; // jip's and jtc's -j output, the CNI plugin's configs and results
    requires jdk.net; // ExtendedSocketOptions.SO_PEERCRED: who is calling the CNI daemon
    requires jdk.unsupported; // sun.misc.Signal: jip netns exec passes signals on to its child
}
