/**
 * netlink4j's API: rtnetlink links, addresses, routes and neighbours, network namespaces and change
 * events, over a socket spoken through the Foreign Function &amp; Memory API.
 *
 * <p>The seed walkthrough, every step a call (the demo in {@code netlink-examples} runs it for real):
 * {@snippet :
 * try (NetNamespace host = NetNamespace.create("host_ns");
 *      NetNamespace direct = NetNamespace.create("direct_netns");            // ip netns add direct_netns
 *      NetlinkClient nl = NetlinkClient.open(host);
 *      NetlinkClient inside = NetlinkClient.open(direct)) {
 *     nl.links().list();                                                      // ip link
 *     nl.links().add(LinkSpec.veth("veth0", "veth1"));                        // ip link add veth0 type veth peer name veth1
 *     inside.links().setUp("lo");                                             // ip netns exec direct_netns ip link set lo up
 *     Process web = direct.start(new ProcessBuilder("nginx", "-g", "daemon off;")); // ip netns exec direct_netns nginx …
 *     nl.links().moveTo("veth1", direct);                                     // ip link set veth1 netns direct_netns
 *     nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));           // ip a add 10.200.0.2/24 dev veth0
 *     inside.addresses().add(AddressSpec.of("veth1", "10.200.0.3/24"));
 *     nl.links().setUp("veth0");
 *     inside.links().setUp("veth1");
 * }
 * }
 *
 * <p>Errors are checked exceptions from {@link io.github.netlink4j.error}; bad arguments are
 * {@link IllegalArgumentException}s thrown before anything is sent. Events:
 * {@snippet :
 * try (Subscription s = Subscription.open(java.util.EnumSet.of(EventGroup.LINK), null, true)) {
 *     s.next(java.time.Duration.ofSeconds(5)).ifPresent(System.out::println);  // ip monitor link
 * }
 * }
 */
package io.github.netlink4j;
