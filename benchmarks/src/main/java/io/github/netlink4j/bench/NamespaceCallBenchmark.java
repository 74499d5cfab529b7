package io.github.netlink4j.bench;

import io.github.netlink4j.NetNamespace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * What a job inside a namespace costs ({@code ns.call(() -> 1)}: hand-off to a worker, setns in and
 * out with their checks, the stray-thread check), next to the part of it the stray-thread check adds
 * on every call (one unstarted {@code Thread} object for the JVM's thread-id counter; /proc is read
 * only when the counter moved). Needs root (it makes an anonymous namespace). No tuning flags.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class NamespaceCallBenchmark {
    private static final Runnable NOOP = () -> { };
    private NetNamespace ns;

    @Setup
    public void setUp() throws IOException {
        ns = NetNamespace.createAnonymous();
    }

    @TearDown
    public void tearDown() throws IOException {
        ns.close();
    }

    @Benchmark
    public int call() throws IOException {
        return ns.call(() -> 1);
    }

    @Benchmark
    public long strayCheckCounter() {
        return Thread.ofPlatform().unstarted(NOOP).threadId();
    }
}
