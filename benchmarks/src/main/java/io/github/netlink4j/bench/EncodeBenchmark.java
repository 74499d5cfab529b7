package io.github.netlink4j.bench;

import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.internal.codec.AddressCodec;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.codec.RouteCodec;
import io.github.netlink4j.internal.wire.MessageWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * The encoding hot path: one request written into a reused buffer (the writer's Java array), next to
 * its floor, copying the same already-encoded bytes into the same buffer; and the encode followed by
 * the copy into native memory that the socket makes before {@code sendto}. Run with {@code -prof gc}
 * for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class EncodeBenchmark {
    private MessageWriter writer;
    private AddressSpec address;
    private LinkSpec veth;
    private RouteSpec route;
    private final ToIntFunction<String> resolve = name -> 7;
    private MemorySegment addressBytes;
    private MemorySegment vethBytes;
    private MemorySegment routeBytes;
    private final MemorySegment tx = Arena.ofAuto().allocate(4096, 8);
    // Fields, so that the JIT cannot fold the strings as constants.
    private String name0 = "veth0";
    private String name1 = "veth1";
    private String label = "veth0:web";
    private InetAddress addressLiteral = InetAddress.ofLiteral("10.200.0.2");

    @Setup
    public void setUp() {
        writer = new MessageWriter(4096);
        address = AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web");
        veth = LinkSpec.veth("veth0", "veth1");
        route = RouteSpec.to("10.200.9.0/24").withGateway(InetAddress.ofLiteral("10.200.0.1"));
        addressBytes = copyOf(encodeAddress());
        vethBytes = copyOf(encodeVeth());
        routeBytes = copyOf(encodeRoute());
    }

    private MemorySegment copyOf(int size) {
        MemorySegment s = Arena.ofAuto().allocate(size, 8);
        MemorySegment.copy(writer.segment(), 0, s, 0, size);
        return s;
    }

    /** RTM_NEWADDR, IPv4 /24 with a label: {@code ip addr add 10.200.0.2/24 dev veth0 label veth0:web}. */
    @Benchmark
    public int encodeAddress() {
        AddressCodec.encodeAdd(writer.reset(), address, 7, false, true);
        return writer.size();
    }

    /** RTM_NEWLINK for a veth pair, the peer nested in IFLA_LINKINFO › IFLA_INFO_DATA › VETH_INFO_PEER. */
    @Benchmark
    public int encodeVeth() {
        LinkCodec.encodeCreate(writer.reset(), veth, resolve, true);
        return writer.size();
    }

    /** RTM_NEWROUTE with a gateway: {@code ip route add 10.200.9.0/24 via 10.200.0.1}. */
    @Benchmark
    public int encodeRoute() {
        RouteCodec.encodeAdd(writer.reset(), route, resolve, false, true);
        return writer.size();
    }

    /**
     * What a send costs before the system call: the encode plus the socket's copy of the request from
     * the writer's array into its native buffer ({@link MessageWriter#copyTo}).
     */
    @Benchmark
    public int encodeAddressToNative() {
        int n = encodeAddress();
        writer.copyTo(tx);
        return n;
    }

    @Benchmark
    public int encodeVethToNative() {
        int n = encodeVeth();
        writer.copyTo(tx);
        return n;
    }

    @Benchmark
    public int encodeRouteToNative() {
        int n = encodeRoute();
        writer.copyTo(tx);
        return n;
    }

    /**
     * The spec made from the caller's strings and then encoded: what a request costs before the copy
     * to native memory when nothing is reused (names checked and encoded in the spec, then copied).
     */
    @Benchmark
    public int specAndEncodeAddress() {
        AddressSpec a = AddressSpec.of("veth0", addressLiteral, 24).withLabel(label);
        AddressCodec.encodeAdd(writer.reset(), a, 7, false, true);
        return writer.size();
    }

    @Benchmark
    public int specAndEncodeVeth() {
        LinkCodec.encodeCreate(writer.reset(), LinkSpec.veth(name0, name1), resolve, true);
        return writer.size();
    }

    @Benchmark
    public int floorAddress() {
        MemorySegment.copy(addressBytes, 0, writer.segment(), 0, addressBytes.byteSize());
        return writer.segment().get(ValueLayout.JAVA_BYTE, 0);
    }

    @Benchmark
    public int floorVeth() {
        MemorySegment.copy(vethBytes, 0, writer.segment(), 0, vethBytes.byteSize());
        return writer.segment().get(ValueLayout.JAVA_BYTE, 0);
    }

    @Benchmark
    public int floorRoute() {
        MemorySegment.copy(routeBytes, 0, writer.segment(), 0, routeBytes.byteSize());
        return writer.segment().get(ValueLayout.JAVA_BYTE, 0);
    }
}
