package io.github.netlink4j.bench;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
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

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The same netlink round trip, RTM_GETLINK for {@code lo} (send, receive the link, check it; no ACK is
 * asked, as iproute2 and netlink4j ask a get), through netlink4j's FFM socket and through JNR (jnr-ffi, which jnr-unixsocket
 * brings in), side by side in one run. Both sockets live in a throwaway namespace made at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RoundTripBenchmark {
    /** The libc calls, bound by JNR. */
    public interface JnrLibc {
        int socket(int domain, int type, int protocol);

        long sendto(int fd, Pointer buf, long len, int flags, Pointer addr, int addrLen);

        long recv(int fd, Pointer buf, long len, int flags);

        int close(int fd);

        int setsockopt(int fd, int level, int name, Pointer value, int len);
    }

    /** What RequestSocket sets on its sockets, set on the other two as well: the same kernel work for all. */
    private static final int[] OPTIONS = {Netlink.NETLINK_EXT_ACK, Netlink.NETLINK_CAP_ACK, Netlink.NETLINK_GET_STRICT_CHK};

    private String name;
    private NetNamespace ns;
    private RequestSocket ffm;
    private final int[] seen = new int[1];
    private JnrLibc libc;
    private int jnrFd = -1;
    private Pointer jnrRequest;
    private Pointer jnrKernel;
    private Pointer jnrBuffer;
    private int jnrSeq = 1;
    private int requestLength;
    private Runtime jnrRuntime;
    private io.github.netlink4j.internal.sys.MmapArena rawArena;
    private int rawFd = -1;
    private MemorySegment rawErrno;
    private MemorySegment rawRequest;
    private MemorySegment rawBuffer;
    private int rawSeq = 1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        name = "nl4j-bench-rt-" + UUID.randomUUID().toString().substring(0, 8);
        ns = NetNamespace.create(name);
        // JMH skips @TearDown when a benchmark method throws; the fork's exit still deletes the namespace.
        String created = name;
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (NetNamespace.exists(created)) NetNamespace.delete(created);
            } catch (java.io.IOException ignored) {
                // nothing more to do on the way out
            }
        }));
        try {
            open();
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    private void open() throws Exception {
        ffm = SocketFactory.in(ns.fd()).requests();

        libc = LibraryLoader.create(JnrLibc.class).load("c");
        Runtime rt = Runtime.getRuntime(libc);
        jnrRuntime = rt;
        jnrFd = ns.call(() -> libc.socket(16, 3 | 0x80000, 0)); // AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE
        if (jnrFd < 0) throw new IllegalStateException("JNR socket failed");
        Pointer one = Memory.allocateDirect(rt, 4);
        one.putInt(0, 1);
        for (int o : OPTIONS) {
            if (libc.setsockopt(jnrFd, io.github.netlink4j.internal.sys.Sys.SOL_NETLINK, o, one, 4) != 0) throw new IllegalStateException("JNR setsockopt " + o);
        }
        jnrKernel = Memory.allocateDirect(rt, 12);
        jnrKernel.putShort(0, (short) 16);
        // The request bytes come from netlink4j's own encoder (what ffm() sends for get(1): nlmsghdr
        // without NLM_F_ACK, ifinfomsg with index 1, IFLA_EXT_MASK), so all three send the same message.
        MessageWriter w = new MessageWriter(256);
        LinkCodec.encodeGet(w, 1, null);
        byte[] request = w.segment().asSlice(0, w.size()).toArray(ValueLayout.JAVA_BYTE);
        requestLength = request.length;
        if (Nlmsg.s32(w.segment(), 0) != requestLength) throw new IllegalStateException("nlmsg_len " + Nlmsg.s32(w.segment(), 0) + " != " + requestLength);
        jnrRequest = Memory.allocateDirect(rt, requestLength);
        jnrRequest.put(0, request, 0, requestLength);
        jnrBuffer = Memory.allocateDirect(rt, 64 * 1024);

        // The same bytes through our FFM bindings (internal.sys), with nothing of the client around them.
        rawArena = new io.github.netlink4j.internal.sys.MmapArena();
        rawFd = ns.call(() -> {
            try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
                return io.github.netlink4j.internal.sys.Libc.socket(io.github.netlink4j.internal.sys.Libc.newErrnoState(a),
                        io.github.netlink4j.internal.sys.Sys.AF_NETLINK,
                        io.github.netlink4j.internal.sys.Sys.SOCK_RAW | io.github.netlink4j.internal.sys.Sys.SOCK_CLOEXEC, Netlink.NETLINK_ROUTE);
            }
        });
        rawErrno = io.github.netlink4j.internal.sys.Libc.newErrnoState(rawArena);
        MemorySegment on = rawArena.allocate(4, 4);
        on.set(ValueLayout.JAVA_INT, 0, 1);
        for (int o : OPTIONS) io.github.netlink4j.internal.sys.Libc.setsockopt(rawErrno, rawFd, io.github.netlink4j.internal.sys.Sys.SOL_NETLINK, o, on, 4);
        rawRequest = rawArena.allocate(requestLength, 8);
        MemorySegment.copy(request, 0, rawRequest, ValueLayout.JAVA_BYTE, 0, requestLength); // the very bytes JNR sends
        rawBuffer = rawArena.allocate(64 * 1024, 8);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (ffm != null) ffm.close();
        if (jnrFd >= 0) libc.close(jnrFd);
        if (rawFd >= 0) io.github.netlink4j.internal.sys.Libc.close(rawFd);
        if (rawArena != null) rawArena.close();
        ns.close();
        if (NetNamespace.exists(name)) NetNamespace.delete(name);
    }

    // Made once, as the other two paths make their request and buffers once: a handler capturing this
    // object, built per call, was an allocation (16 B) in the measured loop that the others do not make.
    private final RequestSocket.Encoder getLo = w -> LinkCodec.encodeGet(w, 1, null);
    private final Target lo = Target.onLink("get link", "link \"lo\"", "lo");
    private final io.github.netlink4j.internal.wire.ReplyReader.Handler checkLo = (s, off, len) -> {
        if (Nlmsg.type(s, off) == Rtnetlink.RTM_NEWLINK && Nlmsg.s32(s, off + 20) == 1) seen[0]++;
    };

    @Benchmark
    public int ffm() throws Exception {
        seen[0] = 0;
        ffm.get(getLo, checkLo, lo);
        if (seen[0] != 1) throw new IllegalStateException("no RTM_NEWLINK for lo");
        return seen[0];
    }

    /** The jnr() loop call for call through our FFM downcalls (errno captured, as everywhere in netlink4j). */
    @Benchmark
    public int ffmRaw() throws Exception {
        int seq = rawSeq++;
        rawRequest.set(ValueLayout.JAVA_INT_UNALIGNED, 8, seq);
        if (io.github.netlink4j.internal.sys.Libc.sendto(rawErrno, rawFd, rawRequest, requestLength, 0, KERNEL, 12) != requestLength) throw new IllegalStateException("sendto");
        int links = 0;
        while (true) {
            long n = io.github.netlink4j.internal.sys.Libc.recvfromRaw(rawErrno, rawFd, rawBuffer, 64 * 1024, 0, MemorySegment.NULL, MemorySegment.NULL);
            if (n < 16) throw new IllegalStateException("recv " + n);
            int off = 0;
            while (off + 16 <= n) {
                int len = rawBuffer.get(ValueLayout.JAVA_INT_UNALIGNED, off);
                int type = rawBuffer.get(ValueLayout.JAVA_SHORT_UNALIGNED, off + 4) & 0xffff;
                if (len < 16 || off + len > n) throw new IllegalStateException("bad length " + len);
                if (rawBuffer.get(ValueLayout.JAVA_INT_UNALIGNED, off + 8) == seq) {
                    if (type == Netlink.NLMSG_ERROR) throw new IllegalStateException("error " + rawBuffer.get(ValueLayout.JAVA_INT_UNALIGNED, off + 16));
                    if (type == Rtnetlink.RTM_NEWLINK && rawBuffer.get(ValueLayout.JAVA_INT_UNALIGNED, off + 20) == 1) return ++links;
                    throw new IllegalStateException("unexpected message type " + type);
                }
                off += (len + 3) & ~3;
            }
        }
    }

    private static final MemorySegment KERNEL = kernelAddress();

    private static MemorySegment kernelAddress() {
        MemorySegment k = java.lang.foreign.Arena.global().allocate(12, 4);
        k.set(ValueLayout.JAVA_SHORT, 0, (short) 16); // AF_NETLINK, pid 0, groups 0
        return k;
    }

    @Benchmark
    public int jnr() {
        int seq = jnrSeq++;
        jnrRequest.putInt(8, seq);
        if (libc.sendto(jnrFd, jnrRequest, requestLength, 0, jnrKernel, 12) != requestLength) throw new IllegalStateException("sendto");
        int links = 0;
        while (true) {
            long n = libc.recv(jnrFd, jnrBuffer, 64 * 1024, 0);
            if (n < 16) throw new IllegalStateException("recv " + n);
            int off = 0;
            while (off + 16 <= n) {
                int len = jnrBuffer.getInt(off);
                int type = jnrBuffer.getShort(off + 4) & 0xffff;
                if (len < 16 || off + len > n) throw new IllegalStateException("bad length " + len);
                if (jnrBuffer.getInt(off + 8) == seq) {
                    if (type == Netlink.NLMSG_ERROR) throw new IllegalStateException("error " + jnrBuffer.getInt(off + 16));
                    if (type == Rtnetlink.RTM_NEWLINK && jnrBuffer.getInt(off + 20) == 1) return ++links;
                    throw new IllegalStateException("unexpected message type " + type);
                }
                off += (len + 3) & ~3;
            }
        }
    }

    /**
     * The binding's own cost, which the round trip cannot show (the kernel's ~7 us and its fork-to-fork
     * spread hide it): one recv(MSG_DONTWAIT) on the empty socket, which the kernel answers at once with
     * EAGAIN, through our FFM downcall (errno captured) ...
     */
    @Benchmark
    public long ffmEmptyRecv() {
        long n = io.github.netlink4j.internal.sys.Libc.recvfromRaw(rawErrno, rawFd, rawBuffer, 64 * 1024,
                io.github.netlink4j.internal.sys.Sys.MSG_DONTWAIT, MemorySegment.NULL, MemorySegment.NULL);
        if (n != -11) throw new IllegalStateException("expected -EAGAIN, got " + n);
        return n;
    }

    /** ... and through JNR (which saves errno after every call). */
    @Benchmark
    public long jnrEmptyRecv() {
        long n = libc.recv(jnrFd, jnrBuffer, 64 * 1024, io.github.netlink4j.internal.sys.Sys.MSG_DONTWAIT);
        if (n != -1 || jnrRuntime.getLastError() != 11) throw new IllegalStateException("expected -1 (EAGAIN), got " + n);
        return n;
    }
}
