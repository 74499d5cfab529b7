package io.github.netlink4j;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NetlinkClient#dumpInterruptions()} against the kernel: an IPv4 address dump that spans several
 * datagrams is flagged NLM_F_DUMP_INTR when another socket adds or deletes an address between two of them
 * (the kernel compares the table's generation per datagram), and the count says how often that happened.
 */
class DumpInterruptionCountTest {
    /** Enough addresses that one dump takes several datagrams: a change can fall between them. */
    private static final int ADDRESSES = 1500;
    private static final int DUMPS = 200;

    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("dintr");
        nl = ns.client();
        nl.links().add(LinkSpec.ifb("d0"));
        nl.links().setUp("d0");
        List<AddressSpec> specs = new ArrayList<>();
        for (int i = 0; i < ADDRESSES; i++) specs.add(AddressSpec.of("d0", "10.200." + (i / 250) + "." + (i % 250 + 1) + "/32"));
        nl.addresses().addAll(specs).orThrow();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (ns != null) ns.close();
    }

    private int dumpAll() throws Exception {
        int seen = 0;
        for (int i = 0; i < DUMPS; i++) {
            try {
                seen = nl.addresses().list().size();
            } catch (io.github.netlink4j.error.DumpInterruptedException e) {
                // every attempt interrupted: counted all the same
            }
        }
        return seen;
    }

    @Test
    void aQuietTableIsNeverInterrupted() throws Exception {
        long before = nl.dumpInterruptions();
        assertTrue(dumpAll() >= ADDRESSES);
        assertEquals(0, nl.dumpInterruptions() - before);
    }

    @Test
    void changesFromAnotherSocketInterruptDumpsAndAreCounted() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long changes;
        long[] made = {0};
        Thread churn;
        try (NetlinkClient other = NetlinkClient.open(ns.ns())) {
            churn = Thread.ofPlatform().name("dintr-churn").start(() -> {
                try {
                    for (int i = 0; i < 200_000 && !stop.get(); i++) { // bounded: the dumps end it long before
                        AddressSpec a = AddressSpec.of("d0", "10.200.100." + (i % 200 + 1) + "/32");
                        other.addresses().add(a);
                        other.addresses().delete(a);
                        made[0] += 2;
                    }
                } catch (Exception e) {
                    failure.set(e);
                }
            });
            long before = nl.dumpInterruptions();
            try {
                dumpAll();
            } finally {
                stop.set(true);
                churn.join(Duration.ofSeconds(30));
            }
            assertNull(failure.get());
            changes = made[0];
            long interrupted = nl.dumpInterruptions() - before;
            assertTrue(changes > 0, "the churn made no change");
            assertTrue(interrupted > 0, DUMPS + " dumps under " + changes + " changes, none flagged interrupted");
        }
    }
}
