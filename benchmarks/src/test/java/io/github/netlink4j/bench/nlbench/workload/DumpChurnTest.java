package io.github.netlink4j.bench.nlbench.workload;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.UnsupportedLinkKindException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dump-churn against the kernel: the same dumps, without churn and with it. The kernel flags a dump of 1,000
 * addresses (several datagrams) NLM_F_DUMP_INTR only when the table changed while it was read, so the count
 * must be zero on a quiet table and above zero under another client's changes.
 */
class DumpChurnTest {

    private static String kind(NetlinkClient nl) throws Exception {
        try {
            nl.links().add(LinkSpec.dummy("probe0"));
            nl.links().delete("probe0");
            return "dummy";
        } catch (UnsupportedLinkKindException e) {
            return "ifb";
        }
    }

    @Test
    void aQuietTableIsNeverInterruptedAndAChurnedOneIs() throws Exception {
        try (ThrowawayNamespace t = ThrowawayNamespace.create("nlbsweep-dc")) {
            NetlinkClient nl = t.client();
            DumpChurn w = new DumpChurn();
            Workload.Setup quiet = new Workload.Setup(t.name(), 100, kind(nl), 1);
            w.prepare(nl, quiet);
            Histogram h = new Histogram(3_600_000_000_000L, 3);
            assertTrue(w.run(nl, quiet, h), "each dump is timed");
            assertEquals(100, h.getTotalCount());
            Map<String, Long> q = w.events().orElseThrow();
            assertEquals(Map.of("dumps", 100L, "attempts", 100L, "interrupted", 0L, "failed", 0L), q, "nothing changed, nothing interrupted");

            Workload.Setup busy = new Workload.Setup(t.name(), 200, quiet.kind(), 1);
            long changes;
            try (Churner churn = w.churn(busy)) {
                w.run(nl, busy, h);
                changes = churn.changes();
            }
            Map<String, Long> c = w.events().orElseThrow();
            assertTrue(changes > 0, "the churn changed nothing");
            assertTrue(c.get("interrupted") > 0, "200 dumps under " + changes + " changes, none interrupted: " + c);
            assertEquals(200 - c.get("failed") + c.get("interrupted"), c.get("attempts"), c.toString());
            assertEquals(DumpChurn.ADDRESSES, nl.addresses().list().stream().filter(a -> a.cidr().startsWith("198.18.")).count(),
                    "the churn leaves no address of its own behind");
        }
    }
}
