package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.tc.ClassOptions;
import io.github.netlink4j.tc.Qdisc;
import io.github.netlink4j.tc.QdiscOptions;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.TrafficClass;
import io.github.netlink4j.tc.filter.FilterSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parents a link's filters hang on, as the resync and {@code Filters.list(link)} dump them. */
class FilterParentsTest {
    private static Qdisc qdisc(String handle, String parent, QdiscOptions o) {
        return new Qdisc(3, TcHandle.of(handle), TcHandle.of(parent), o, 1, false, Optional.empty(), OptionalLong.empty(), List.of());
    }

    private static TrafficClass htbClass(String handle) {
        return new TrafficClass(3, TcHandle.of(handle), TcHandle.of("1:"), Optional.empty(), ClassOptions.htb(Rate.of("1mbit")),
                Optional.empty(), List.of());
    }

    @Test
    void eachQdiscWithAHandleThenEachClassAndClsactsTwoHooks() {
        List<Qdisc> qdiscs = List.of(qdisc("1:", "root", QdiscOptions.htb(0)), qdisc("0:", "1:10", new QdiscOptions.Other("pfifo", Optional.empty())),
                qdisc("ffff:", "ffff:fff1", new QdiscOptions.Clsact()));
        assertEquals(List.of(TcHandle.of("1:"), FilterSpec.INGRESS, FilterSpec.EGRESS, TcHandle.of("1:10"), TcHandle.of("1:20")),
                FilterCodec.parents(qdiscs, List.of(htbClass("1:10"), htbClass("1:20"))));
    }

    @Test
    void ingressHasOneHookAndAQdiscWithoutHandleNone() {
        assertEquals(List.of(FilterSpec.INGRESS), FilterCodec.parents(List.of(qdisc("ffff:", "ffff:fff1", new QdiscOptions.Ingress()),
                qdisc("0:", "root", new QdiscOptions.Other("noqueue", Optional.empty()))), List.of()));
        assertEquals(List.of(), FilterCodec.parents(List.of(), List.of()));
    }
}
