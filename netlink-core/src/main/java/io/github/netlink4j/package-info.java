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
 * <h2>One verb rule</h2>
 * Every handle of a {@link io.github.netlink4j.NetlinkClient} ({@link io.github.netlink4j.Links},
 * {@link io.github.netlink4j.Addresses}, {@link io.github.netlink4j.Routes},
 * {@link io.github.netlink4j.Neighbours}, {@link io.github.netlink4j.Rules}, {@link io.github.netlink4j.Nexthops},
 * {@link io.github.netlink4j.Nsids}, {@link io.github.netlink4j.Qdiscs}, {@link io.github.netlink4j.TrafficClasses},
 * {@link io.github.netlink4j.Filters}, {@link io.github.netlink4j.Actions}, {@link io.github.netlink4j.Conntrack},
 * {@link io.github.netlink4j.generic.GenericNetlink}, and the generic netlink
 * families' {@link io.github.netlink4j.generic.EthtoolSettings}, {@link io.github.netlink4j.generic.EthtoolLinkModes},
 * {@link io.github.netlink4j.generic.EthtoolFeatures},
 * {@link io.github.netlink4j.generic.EthtoolChannels}, {@link io.github.netlink4j.generic.EthtoolStandardStats},
 * {@link io.github.netlink4j.generic.EthtoolDriverStats}, {@link io.github.netlink4j.generic.Netdev}) names its operations
 * so (VerbRuleTest checks every handle by reflection, and lists each verb a handle lacks with the reason):
 * <ul>
 *   <li>{@code list(…)} returns every object, or those a filter selects, as immutable records (a dump);</li>
 *   <li>{@code find(key)} returns an {@code Optional} (an {@code OptionalInt} for a number), empty when
 *       there is no such object;</li>
 *   <li>{@code get(key)} returns the object or throws a
 *       {@link io.github.netlink4j.error.NotFoundException} (for links
 *       {@link io.github.netlink4j.error.NoSuchLinkException});</li>
 *   <li>{@code add(spec)} and {@code replace(spec)} return the record the kernel made, in one round
 *       trip (NLM_F_ECHO); {@code delete(…)} returns nothing;</li>
 *   <li>{@code addAll}/{@code deleteAll} pipeline many requests (up to 64 per {@code sendmsg}) and
 *       return a {@link io.github.netlink4j.common.BulkResult} with each request's own success or error; they
 *       ask nothing back, because an echo costs the kernel a message and the caller a decode per item,
 *       and bulk is the fast path: {@code list(…)} afterwards when the records are needed;</li>
 *   <li>{@code setX(name, value)} changes one property of an existing object; {@code change(spec)} (qdiscs,
 *       classes, routes) sets the settings of one that must exist and returns it as the kernel reports it.</li>
 * </ul>
 * A route lookup ({@code ip route get}) is {@code routes().lookup(query)}, not a {@code get}.
 *
 * <p>Round trips, as they really are: an operation that names a link by name first asks the kernel for
 * its index (one RTM_GETLINK) unless the kernel takes the name itself (links do; addresses, routes with
 * a device, neighbours and nexthops do not). So {@code links().add} is one round trip,
 * {@code addresses().add} two, {@code neighbours().add} three (the kernel does not echo a neighbour: one
 * get afterwards); {@code find}/{@code get} of a route, rule or address is one dump (two with the index);
 * {@code addAll}/{@code deleteAll} one index lookup per distinct link name, then one round trip per 64
 * requests.
 * A kernel refusal is mapped the same way by every handle: EEXIST is
 * {@link io.github.netlink4j.error.AlreadyExistsException}, ENODEV on a named link
 * {@link io.github.netlink4j.error.NoSuchLinkException}, EPERM or EACCES
 * {@link io.github.netlink4j.error.NotPermittedException}; other errnos are a
 * {@link io.github.netlink4j.error.KernelException} with the kernel's extended-ACK text. Bad
 * arguments are {@link IllegalArgumentException}s thrown before anything is sent.
 *
 * <h2>One vocabulary</h2>
 * Requests ({@code LinkSpec}, {@code AddressSpec}, {@code RouteSpec}, {@code NeighbourSpec}) are
 * records validated when made, separate from the records the kernel's answers become ({@code Link},
 * {@code Address}, {@code Route}, {@code Neighbour}); factories take the object's name first. An address
 * family is always an {@link io.github.netlink4j.common.AddressFamily}. Closed sets the kernel defines once
 * (operational state, route type, link, bond, macvlan and ipvlan modes, VLAN protocol) are enums whose
 * {@code value()} is the kernel number and whose {@code of(int)} returns the constant or throws
 * IllegalArgumentException for a number no constant has. Open sets, whose numbers users and daemons
 * choose (route tables, protocols, scopes), are small value types with the well-known values as
 * constants, an {@code of} that takes any number in range, a {@code parse} of ip's names, and a
 * {@code toString} that prints as ip does. Flags are sets of enums ({@code fromBits}/{@code toBits}).
 *
 * <p>Events come from the client too:
 * {@snippet :
 * try (Subscription s = nl.subscribe(java.util.EnumSet.of(EventGroup.LINK))) {
 *     s.next(java.time.Duration.ofSeconds(5)).ifPresent(System.out::println);  // ip monitor link
 * }
 * }
 */
package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.neighbour.Neighbour;
import io.github.netlink4j.neighbour.NeighbourSpec;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;
