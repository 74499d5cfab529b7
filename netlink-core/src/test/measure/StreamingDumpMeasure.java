import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a measurement run by hand (as root), which no test asserts on. In a throwaway namespace,
 * 1,000 links (500 veth pairs) and 5,000 addresses (10 on each of 500 links) are dumped ROUNDS times
 * (default 100) through forEach reading a few fields and through list(), after as many warm-up rounds;
 * prints rounds/s and the bytes the dumping thread allocated per object
 * (com.sun.management.ThreadMXBean#getThreadAllocatedBytes).
 *
 * <p>A source-file program outside the test source set (the tests are compiled into the library's module,
 * which reads no java.management), run after {@code mvn -pl netlink-core test-compile} with
 * <pre>java --enable-native-access=ALL-UNNAMED -cp netlink-core/target/classes:netlink-core/target/test-classes:DEPS \
 *      netlink-core/src/test/measure/StreamingDumpMeasure.java [ROUNDS]</pre>
 * DEPS being {@code mvn -pl netlink-core dependency:build-classpath -Dmdep.includeScope=test}'s output.
 */
public final class StreamingDumpMeasure {
    private StreamingDumpMeasure() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("measure")) {
            NetlinkClient nl = ns.client();
            List<LinkSpec> links = new ArrayList<>();
            for (int i = 0; i < 500; i++) links.add(LinkSpec.veth("a" + i, "b" + i));
            nl.links().addAll(links).orThrow();
            List<AddressSpec> addrs = new ArrayList<>();
            for (int i = 0; i < 500; i++) for (int j = 0; j < 10; j++) addrs.add(AddressSpec.of("a" + i, "10.200." + (i % 250) + "." + (j + 1 + 10 * (i / 250)) + "/32"));
            nl.addresses().addAll(addrs).orThrow();
            long[] sink = new long[1];
            byte[] buf = new byte[16];
            Runnable stream = () -> {
                try {
                    nl.links().forEach(v -> sink[0] += v.index() + v.mtu() + v.rawFlags() + (v.nameEquals("a7") ? 1 : 0));
                    nl.addresses().forEach(v -> sink[0] += v.index() + v.prefixLength() + v.copyAddress(buf));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Runnable records = () -> {
                try {
                    sink[0] += nl.links().list().size() + nl.addresses().list().size();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            int objects = nl.links().list().size() + nl.addresses().list().size();
            System.out.printf("objects per round: %d%n", objects);
            for (var c : List.of(java.util.Map.entry("forEach (views)", stream), java.util.Map.entry("list() (records)", records))) {
                for (int i = 0; i < rounds; i++) c.getValue().run();
                long t = Thread.currentThread().threadId();
                long b0 = mx.getThreadAllocatedBytes(t), n0 = System.nanoTime();
                for (int i = 0; i < rounds; i++) c.getValue().run();
                long b1 = mx.getThreadAllocatedBytes(t), n1 = System.nanoTime();
                System.out.printf("%-17s %d rounds: %.1f rounds/s, %.1f bytes allocated per object (%d per round)%n", c.getKey(), rounds,
                        rounds / ((n1 - n0) / 1e9), (double) (b1 - b0) / rounds / objects, (b1 - b0) / rounds);
            }
            System.out.println("(sink " + sink[0] + ")");
        }
    }
}
