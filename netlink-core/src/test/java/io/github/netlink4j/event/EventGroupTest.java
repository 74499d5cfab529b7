package io.github.netlink4j.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each group is the RTNLGRP_* number of linux/rtnetlink.h's enum rtnetlink_groups (counted from
 * RTNLGRP_NONE = 0): a wrong number joins another group and the subscription hears the wrong changes.
 */
class EventGroupTest {
    @ParameterizedTest
    @CsvSource({
            "LINK, 1", "NEIGHBOUR, 3", "IPV4_ADDRESS, 5", "IPV4_ROUTE, 7", "IPV4_RULE, 8", "IPV6_ADDRESS, 9",
            "IPV6_ROUTE, 11", "IPV6_RULE, 19", "IPV4_NETCONF, 24", "IPV6_NETCONF, 25", "NSID, 28", "NEXTHOP, 32"})
    void groupIsTheUapiNumber(EventGroup g, int rtnlgrp) {
        assertEquals(rtnlgrp, g.group());
    }
}
