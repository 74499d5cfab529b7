/**
 * Traffic-control filters (tc-filter(8)): classifiers that pick a class or run actions for the packets
 * they match. {@link io.github.netlink4j.tc.filter.FilterSpec} is what a caller asks for,
 * {@link io.github.netlink4j.tc.filter.Filter} what the kernel reports, and
 * {@link io.github.netlink4j.tc.filter.FilterOptions} the kind's options (u32, matchall, flower, basic, fw;
 * other kinds kept raw).
 *
 * {@snippet :
 * nl.qdiscs().add(QdiscSpec.clsact("veth0"));
 * nl.filters().add(FilterSpec.ingress("veth0", 1, FilterProtocol.IP,
 *         FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of("10.200.0.1/32")))))
 *         .withActions(List.of(ActionSpec.mirred(MirredAction.EGRESS_REDIRECT, "veth1"))));
 * nl.filters().list("veth0", FilterSpec.INGRESS);   // tc filter show dev veth0 ingress
 * }
 */
package io.github.netlink4j.tc.filter;
