package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --batch} and the netlink4j column's {@code --syscalls} together, against the kernel: the system calls
 * per address added fall from a send, an echo and an ack each (one call per operation) to about one
 * receive per ack when 20 go out in one pipelined call, and the result file records the batch.
 */
class BatchRunTest {

    private static Map<?, ?> run(Path dir, String... extra) throws Exception {
        return runWorkload(dir, "w2", extra);
    }

    private static Map<?, ?> runWorkload(Path dir, String workload, String... extra) throws Exception {
        Path json = dir.resolve(workload + "-" + extra.length + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("run", workload, "--count", "20", "--repeat", "1", "--warmup", "0", "--syscalls",
                "--json", json.toString()));
        args.addAll(List.of(extra));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.status(), c.err());
        return (Map<?, ?>) Json.read(Files.readString(json));
    }

    private static double syscallsPerOp(Map<?, ?> doc) {
        Map<?, ?> ours = (Map<?, ?>) ((List<?>) doc.get("cells")).get(0);
        assertEquals("netlink4j", ours.get("column"));
        return ((Number) ours.get("syscalls_per_op")).doubleValue();
    }

    @Test
    void aBatchSharesItsSendsAndTheResultSaysSo(@TempDir Path dir) throws Exception {
        Privileged.require();
        Map<?, ?> oneByOne = run(dir);
        Map<?, ?> batched = run(dir, "--batch", "20");
        assertNull(((Map<?, ?>) oneByOne.get("settings")).get("batch"));
        assertEquals(20, ((Number) ((Map<?, ?>) batched.get("settings")).get("batch")).intValue());
        double single = syscallsPerOp(oneByOne), pipelined = syscallsPerOp(batched);
        assertTrue(single >= 2, "a request alone is sent and answered: " + single);
        // one send for the twenty, then a receive per ack
        assertTrue(pipelined < 1.5, "twenty requests in one call: " + pipelined);
    }

    /** ip -batch's calls come from perf around the batch, less an empty batch's; ip per operation's from perf around its processes, less as many empty ones. */
    @Test
    void ipBatchIsCountedUnderPerf(@TempDir Path dir) throws Exception {
        Privileged.require();
        org.junit.jupiter.api.Assumptions.assumeTrue(io.github.netlink4j.bench.nlbench.peer.Syscalls.unavailable().isEmpty(), "perf is not installed");
        Map<?, ?> doc = run(dir, "--peers", "ip,ip-batch");
        Map<String, Object> byColumn = new java.util.HashMap<>();
        for (Object o : (List<?>) doc.get("cells")) byColumn.put((String) ((Map<?, ?>) o).get("column"), ((Map<?, ?>) o).get("syscalls_per_op"));
        double batch = ((Number) byColumn.get("ip-batch")).doubleValue();
        // each address: ip sends it and reads the ack (a peek for the size, then the read), plus the batch line
        assertTrue(batch >= 2 && batch < 50, "ip -batch per address: " + batch);
        // ip per operation: a process each, less an empty ip process's calls; what is left is the address's own
        // requests (the device's index, the add and its ack, more than a batch line's, fewer than a process's)
        double each = ((Number) byColumn.get("ip")).doubleValue();
        assertTrue(each >= 2 && each < 100, "ip per address, its process start taken out: " + each);
    }

    @Test
    void routesInBatchesLookTheirDeviceUpOnceAndShareTheirSends(@TempDir Path dir) throws Exception {
        Privileged.require();
        double single = syscallsPerOp(runWorkload(dir, "routes")), pipelined = syscallsPerOp(runWorkload(dir, "routes", "--batch", "20"));
        // per route, one by one: the add (the device's lookup, the request, its echo and its ack: 5 calls)
        // and the delete (lookup, request, ack: 4)
        assertTrue(single >= 8, "a route alone is looked up, sent and answered: " + single);
        // in batches: the two acks received per route, one send per twenty, one lookup per call (a lookup
        // per route would be 4 calls more)
        assertTrue(pipelined < 3, "twenty routes in one call: " + pipelined);
    }
}
