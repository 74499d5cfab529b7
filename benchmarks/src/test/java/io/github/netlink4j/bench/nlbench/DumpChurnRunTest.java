package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.bench.nlbench.peer.Program;
import io.github.netlink4j.json.Json;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nlbench run dump-churn}: every column dumps under the same churn; the columns that can count their
 * interrupted dumps (netlink4j, and the mnl program where libmnl is installed) report a rate above zero, the
 * iproute2 columns report none, and the result file holds it all.
 */
class DumpChurnRunTest {

    @Test
    void theRateOfInterruptedDumpsReachesTheResultFile(@TempDir Path dir) throws Exception {
        Privileged.require();
        boolean mnl = Program.MNL.unavailable().isEmpty(); // CI does not install libmnl: its column is then left out
        Path json = dir.resolve("dc.json");
        List<String> args = new ArrayList<>(List.of("run", "dump-churn", "--count", "150", "--repeat", "2", "--warmup", "0", "--peers",
                mnl ? "ip-batch,mnl" : "ip-batch", "--json", json.toString()));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.status(), c.err());
        String own = Guard.PREFIX + ProcessHandle.current().pid() + "-";
        assertEquals(List.of(), NetNamespace.list().stream().filter(n -> n.startsWith(own)).toList());
        Map<?, ?> doc = (Map<?, ?>) Json.read(Files.readString(json));
        assertEquals(List.of(), SchemaKeys.problems(doc));
        List<Map<?, ?>> cells = ((List<?>) doc.get("cells")).stream().<Map<?, ?>>map(o -> (Map<?, ?>) o).toList();
        assertEquals(mnl ? List.of("netlink4j", "ip-batch", "mnl") : List.of("netlink4j", "ip-batch"), cells.stream().map(x -> x.get("column")).toList());
        for (Map<?, ?> cell : cells) {
            for (Object s : (List<?>) cell.get("samples")) {
                Map<?, ?> counts = (Map<?, ?>) ((Map<?, ?>) s).get("events");
                assertTrue(((Number) counts.get("changes")).longValue() > 0, "every column dumps under churn: " + cell.get("column") + " " + counts);
            }
            if (cell.get("column").equals("ip-batch")) {
                assertNull(cell.get("dump_intr"), "ip retries inside and says nothing");
                continue;
            }
            Map<?, ?> d = (Map<?, ?>) cell.get("dump_intr");
            assertNotNull(d, cell.get("column") + " counts its interrupted dumps");
            assertEquals(150.0, ((Number) d.get("dumps")).doubleValue());
            assertTrue(((Number) d.get("rate")).doubleValue() > 0, cell.get("column") + ": no dump interrupted under churn: " + d);
            assertTrue(((Number) d.get("retries")).doubleValue() > 0, d.toString());
            assertNotNull(cell.get("latency_ns"), "each dump is timed");
        }
        assertTrue(c.out().contains("dump-churn (netlink4j): ") && c.out().contains("dump attempts interrupted (NLM_F_DUMP_INTR)"), c.out());
        assertTrue(c.out().contains("dump-churn (ip-batch): interrupted dumps not observable"), c.out());
    }
}
