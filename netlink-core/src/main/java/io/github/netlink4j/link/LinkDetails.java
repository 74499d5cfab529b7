package io.github.netlink4j.link;

import io.github.netlink4j.common.MacAddress;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@code ip -d link} shows of a link beyond its header (rtnetlink(7) {@code IFLA_*} attributes):
 * reference counts, queue counts, offload limits, the IPv6 address generation mode and the device's
 * parent. Each is empty where the kernel did not send it; the kernel's unsigned 32-bit counts and sizes are
 * {@code long}s.
 *
 * {@snippet :
 * LinkDetails d = nl.links().get("veth0").details();     // ip -d link show veth0
 * System.out.println(d.numTxQueues().orElse(1) + " tx queues, promiscuity " + d.promiscuity().orElse(0));
 * }
 *
 * @param promiscuity       IFLA_PROMISCUITY, how many asked for promiscuous mode
 * @param allmulti          IFLA_ALLMULTI, how many asked for all-multicast mode
 * @param numTxQueues       IFLA_NUM_TX_QUEUES
 * @param numRxQueues       IFLA_NUM_RX_QUEUES
 * @param gsoMaxSize        IFLA_GSO_MAX_SIZE
 * @param gsoMaxSegs        IFLA_GSO_MAX_SEGS
 * @param tsoMaxSize        IFLA_TSO_MAX_SIZE
 * @param tsoMaxSegs        IFLA_TSO_MAX_SEGS
 * @param groMaxSize        IFLA_GRO_MAX_SIZE
 * @param inet6AddrGenMode  IFLA_AF_SPEC › AF_INET6 › IFLA_INET6_ADDR_GEN_MODE (0 eui64, 1 none, 2 stable_secret, 3 random)
 * @param permanentAddress  IFLA_PERM_ADDRESS, the hardware's own address
 * @param parentBus         IFLA_PARENT_DEV_BUS_NAME
 * @param parentDevice      IFLA_PARENT_DEV_NAME
 * @param carrierChanges    IFLA_CARRIER_CHANGES, a counter (left out of {@link Link} equality by subscriptions)
 * @param protoDown         IFLA_PROTO_DOWN
 */
public record LinkDetails(OptionalLong promiscuity, OptionalLong allmulti, OptionalLong numTxQueues, OptionalLong numRxQueues,
                          OptionalLong gsoMaxSize, OptionalLong gsoMaxSegs, OptionalLong tsoMaxSize, OptionalLong tsoMaxSegs,
                          OptionalLong groMaxSize, OptionalInt inet6AddrGenMode, Optional<MacAddress> permanentAddress,
                          Optional<String> parentBus, Optional<String> parentDevice, OptionalLong carrierChanges,
                          Optional<Boolean> protoDown) {
    /** Nothing known. */
    public static final LinkDetails NONE = new LinkDetails(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
            Optional.empty());

    /** The same details without the carrier-change counter. */
    public LinkDetails withoutCounters() {
        return new LinkDetails(promiscuity, allmulti, numTxQueues, numRxQueues, gsoMaxSize, gsoMaxSegs, tsoMaxSize, tsoMaxSegs,
                groMaxSize, inet6AddrGenMode, permanentAddress, parentBus, parentDevice, OptionalLong.empty(), protoDown);
    }
}
