package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The states of {@code parity/everyday.txt} that hold what jip 2 added late (neighbour protocols,
 * {@code -o} with {@code -j}, alternative names, a link's broadcast address, address labels), run alone: the same check
 * as {@link ParitySuiteTest}, in seconds rather than minutes, for the mutants that break them.
 */
class Jip2ParityTest {
    @Test
    void neighbourProtocol() throws IOException {
        ParitySuiteTest.check("neighbour-protocol"::equals);
    }

    @Test
    void onelineJson() throws IOException {
        ParitySuiteTest.check("oneline-json"::equals);
    }

    @Test
    void linkBroadcast() throws IOException {
        ParitySuiteTest.check("link-broadcast"::equals);
    }

    @Test
    void altnames() throws IOException {
        ParitySuiteTest.check("altnames"::equals);
    }

    @Test
    void addressLabel() throws IOException {
        ParitySuiteTest.check("address-label"::equals);
    }

    @Test
    void ruleFamiliesWithoutRules() throws IOException {
        ParitySuiteTest.check("rule-families"::equals);
    }

    @Test
    void netconf() throws IOException {
        ParitySuiteTest.check("netconf"::equals);
    }

    @Test
    void routeGetOneline() throws IOException {
        ParitySuiteTest.check("route-get-oneline"::equals);
    }

    @Test
    void tuntapWithoutANameAndWithDetails() throws IOException {
        ParitySuiteTest.check("tuntap-unnamed"::equals);
    }

    @Test
    void tuntapOneQueue() throws IOException {
        ParitySuiteTest.check("tuntap-one-queue"::equals);
    }
}
