package io.github.netlink4j.bench;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.internal.codec.AddressCodec;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Decoding real kernel dumps into records: a 1,000-link dump and a 5,000-address dump, captured at
 * setup from a throwaway namespace filled for the purpose (needs root), then decoded from memory.
 * The state is per thread (each thread captures its own dumps and reuses its own buffers), so {@code -t 2}
 * measures two decoders side by side instead of two threads sharing one mutable buffer. Three forks by
 * default: on this project's machines single forks were seen bimodal (see the history in README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DecodeBenchmark {
    private final Arena arena = Arena.ofShared();
    private MemorySegment linkDump;
    private MemorySegment addressDump;
    private final Messages messages = new Messages();

    @Setup(Level.Trial)
    public void capture() throws Exception {
        String name = "nl4j-bench-decode-" + UUID.randomUUID().toString().substring(0, 8);
        try (NetNamespace ns = NetNamespace.create(name); NetlinkClient nl = NetlinkClient.open(ns)) {
            List<LinkSpec> links = new ArrayList<>();
            for (int i = 0; i < 999; i++) links.add(LinkSpec.ifb("ifb" + i));
            nl.links().addAll(links).orThrow();
            List<AddressSpec> addrs = new ArrayList<>();
            for (int i = 0; i < 5000; i++) addrs.add(AddressSpec.of("ifb" + (i % 999), "198.18." + (i / 250) + "." + (i % 250 + 1) + "/32"));
            nl.addresses().addAll(addrs).orThrow();
            try (RequestSocket s = SocketFactory.in(ns.fd()).requests()) {
                linkDump = capture(s, true);
                addressDump = capture(s, false);
            }
        } finally {
            NetNamespace.delete(name);
        }
        if (count(linkDump, Rtnetlink.RTM_NEWLINK) != 1000) throw new IllegalStateException("expected 1,000 links");
        if (count(addressDump, Rtnetlink.RTM_NEWADDR) != 5000) throw new IllegalStateException("expected 5,000 addresses");
    }

    /** The dump's messages, back to back in one segment as they came from the kernel. */
    private MemorySegment capture(RequestSocket s, boolean links) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        s.dump(w -> {
            if (links) LinkCodec.encodeDump(w, false);
            else AddressCodec.encodeDump(w, null, 0);
        }, -1, (seg, off, len) -> {
            byte[] b = seg.asSlice(off, Nlmsg.align(len)).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            bytes.write(b, 0, b.length);
        }, bytes::reset, "capture");
        byte[] all = bytes.toByteArray();
        MemorySegment seg = arena.allocate(all.length, 8);
        MemorySegment.copy(all, 0, seg, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, all.length);
        return seg;
    }

    private int count(MemorySegment dump, int type) throws Exception {
        int n = 0;
        messages.reset(dump, dump.byteSize());
        while (messages.next()) if (messages.type() == type) n++;
        return n;
    }

    @TearDown(Level.Trial)
    public void done() {
        arena.close();
    }

    private byte[] heap;
    private MemorySegment heapSegment;

    /**
     * What the socket hands the decoders: the received bytes copied into a reused heap array (one
     * bulk copy per datagram; here one for the whole dump, counted in the time).
     */
    private MemorySegment received(MemorySegment dump) {
        if (heap == null || heap.length < dump.byteSize()) {
            heap = new byte[(int) Math.max(linkDump.byteSize(), addressDump.byteSize())];
            heapSegment = MemorySegment.ofArray(heap);
        }
        MemorySegment.copy(dump, 0, heapSegment, 0, dump.byteSize());
        return heapSegment;
    }

    @Benchmark
    public List<Link> decodeLinkDump() throws Exception {
        List<Link> out = new ArrayList<>(1000);
        MemorySegment s = received(linkDump);
        messages.reset(s, linkDump.byteSize());
        while (messages.next()) out.add(LinkCodec.decode(s, messages.offset(), messages.length()));
        return out;
    }

    @Benchmark
    public List<Address> decodeAddressDump() throws Exception {
        List<Address> out = new ArrayList<>(5000);
        MemorySegment s = received(addressDump);
        messages.reset(s, addressDump.byteSize());
        while (messages.next()) out.add(AddressCodec.decode(s, messages.offset(), messages.length()));
        return out;
    }
}
