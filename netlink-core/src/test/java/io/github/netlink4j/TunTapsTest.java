package io.github.netlink4j;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.NoSuchDeviceFileException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import io.github.netlink4j.tuntap.TunTapDevice;
import io.github.netlink4j.tuntap.TunTapMode;
import io.github.netlink4j.tuntap.TunTapSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TUN/TAP devices made, listed, removed and used for packets in a throwaway namespace, checked with {@code ip}. */
class TunTapsTest {
    private ThrowawayNamespace t;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("tuntap");
        nl = t.client();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (t != null) t.close();
    }

    @Test
    void addsListsAndDeletesPersistentDevicesInTheNamespace() throws Exception {
        TunTapDevice tap = nl.tuntap().add(TunTapSpec.tap("tap0").withOwner(1000).withGroup(100).withMultiQueue().withVnetHeader());
        nl.tuntap().add(TunTapSpec.tun("tun0").withPacketInfo());
        assertEquals(new TunTapDevice(tap.index(), "tap0", TunTapMode.TAP, false, true, true, true, OptionalLong.of(1000),
                OptionalLong.of(100), OptionalInt.of(0), OptionalInt.of(0), 1500), tap);
        assertEquals("tap0: tap multi_queue vnet_hdr persist user 1000 group 100\ntun0: tun pi persist filter\n",
                Ip.in(t.name(), "tuntap", "show"));
        List<TunTapDevice> all = nl.tuntap().list();
        assertEquals(List.of("tap0", "tun0"), all.stream().map(TunTapDevice::name).toList());
        TunTapDevice tun = all.get(1);
        assertTrue(tun.packetInfo() && !tun.multiQueue() && tun.persistent() && tun.owner().isEmpty() && tun.mode() == TunTapMode.TUN, tun.toString());
        assertTrue(TunTapSpec.tun("tun0").matches(tun));
        assertEquals(TunTapSpec.tun("tun0").withPacketInfo(), tun.toSpec());

        nl.tuntap().delete("tap0");
        assertEquals("tun0: tun pi persist filter\n", Ip.in(t.name(), "tuntap", "show"));
        assertTrue(nl.tuntap().find("tap0").isEmpty());
        assertThrows(NoSuchLinkException.class, () -> nl.tuntap().delete("tap0"));
    }

    @Test
    void aNameTemplateIsNumberedByTheKernelAndTheDeviceReturnedCarriesItsName() throws Exception {
        nl.tuntap().add(TunTapSpec.tap("tap0"));
        TunTapDevice first = nl.tuntap().add(TunTapSpec.tap("tap%d"));
        TunTapDevice second = nl.tuntap().add(TunTapSpec.tun("q%dx").withOwner(1000));
        assertEquals("tap1", first.name());
        assertEquals("q0x", second.name());
        assertEquals(OptionalLong.of(1000), second.owner());
        assertEquals("tap0: tap persist\ntap1: tap persist\nq0x: tun persist user 1000\n", Ip.in(t.name(), "tuntap", "show"));
        assertThrows(IllegalArgumentException.class, () -> TunTapSpec.tap("tap%s"));
        assertThrows(IllegalArgumentException.class, () -> TunTapSpec.tap("t%d%d"));
    }

    /** The kernel's own flags, one_queue included, from a sysfs of the namespace (the machine's /sys shows another). */
    @Test
    void kernelFlagsAreWhatIpTuntapShowReads() throws Exception {
        nl.tuntap().add(TunTapSpec.tun("oq0").withOneQueue());
        nl.tuntap().add(TunTapSpec.tap("tap0").withPacketInfo().withMultiQueue());
        java.util.Map<String, Integer> f = nl.tuntap().kernelFlags();
        assertEquals(java.util.Set.of("oq0", "tap0"), f.keySet());
        // IFF_TUN 0x1, IFF_NO_PI 0x1000, IFF_ONE_QUEUE 0x2000, IFF_PERSIST 0x800; IFF_TAP 0x2, IFF_MULTI_QUEUE 0x100
        assertEquals(0x1 | 0x1000 | 0x2000 | 0x800, f.get("oq0") & 0x3fff, Integer.toHexString(f.get("oq0")));
        assertEquals(0x2 | 0x100 | 0x800, f.get("tap0") & 0x3fff, Integer.toHexString(f.get("tap0")));
        assertTrue(Ip.in(t.name(), "tuntap", "show").contains("oq0: tun one_queue persist\n"));
        // the devices a caller already listed: those alone are read, with no dump of their own
        List<TunTapDevice> listed = nl.tuntap().list();
        List<TunTapDevice> one = listed.stream().filter(d -> d.name().equals("tap0")).toList();
        assertEquals(f.get("tap0"), nl.tuntap().kernelFlags(one).get("tap0"));
        assertEquals(java.util.Set.of("tap0"), nl.tuntap().kernelFlags(one).keySet(), "only the devices given, though oq0 is there");
        nl.tuntap().delete("oq0");
        assertEquals(java.util.Set.of("tap0"), nl.tuntap().kernelFlags(listed).keySet(), "a device gone meanwhile is left out");
        assertEquals(java.util.Map.of(), nl.tuntap().kernelFlags(List.of()));
    }

    @Test
    void aNameTakenByAnyLinkIsAlreadyExistsAndTheOtherIsLeftAlone() throws Exception {
        nl.tuntap().add(TunTapSpec.tap("tap0"));
        AlreadyExistsException e = assertThrows(AlreadyExistsException.class, () -> nl.tuntap().add(TunTapSpec.tap("tap0")));
        assertTrue(e.getMessage().contains("tap0"), e.getMessage());
        nl.links().add(LinkSpec.bridge("br0"));
        assertThrows(AlreadyExistsException.class, () -> nl.tuntap().add(TunTapSpec.tun("br0")));
        assertEquals("bridge", nl.links().get("br0").kind().orElseThrow());
        assertEquals("tap0: tap persist\n", Ip.in(t.name(), "tuntap", "show"));
    }

    @Test
    void aMissingCloneDeviceIsNamed() throws Exception {
        TunTaps none = new TunTaps(SocketFactory.in(t.ns().fd()), nl.links(), "/nonexistent/net/tun");
        NoSuchDeviceFileException e = assertThrows(NoSuchDeviceFileException.class, () -> none.add(TunTapSpec.tap("tap0")));
        assertEquals("/nonexistent/net/tun", e.path());
        assertEquals("", Ip.in(t.name(), "tuntap", "show"));
    }

    @Test
    void aRefusalForLackOfPrivilegeNamesTheCapability() {
        var e = TunTaps.map(new SyscallException("ioctl(TUNSETIFF)", 1, "tap0"), "tap0", "add");
        assertTrue(e instanceof NotPermittedException && e.getMessage().contains("CAP_NET_ADMIN"), e.getMessage());
        assertTrue(TunTaps.map(new SyscallException("ioctl(TUNSETIFF)", 16, "tap0"), "tap0", "add") instanceof AlreadyExistsException);
        var open = TunTaps.map(new SyscallException("open", 13, "/dev/net/tun"), "tap0", "add");
        assertTrue(open instanceof NotPermittedException && open.getMessage().contains("may not open /dev/net/tun"), open.getMessage());
    }

    /** Two taps in a bridge: a frame written to one tap's queue comes out of the other's. */
    @Test
    void aFrameWrittenOnOneTapIsReadOnTheOtherThroughABridge() throws Exception {
        nl.tuntap().add(TunTapSpec.tap("tap0"));
        nl.tuntap().add(TunTapSpec.tap("tap1"));
        nl.links().add(LinkSpec.bridge("br0"));
        for (String n : List.of("tap0", "tap1")) {
            nl.links().setMaster(n, "br0");
            nl.links().setUp(n);
        }
        nl.links().setUp("br0");
        try (TunQueue q0 = nl.tuntap().open("tap0"); TunQueue q1 = nl.tuntap().open("tap1")) {
            byte[] frame = frame(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 200);
            // a tap has carrier once a queue is open, and the bridge takes the port in when linkwatch says so
            nl.waits().linkUp("tap0", Duration.ofSeconds(5));
            nl.waits().linkUp("tap1", Duration.ofSeconds(5));
            assertArrayEquals(frame, sendUntilSeen(q0, q1, frame, Duration.ofSeconds(10)));
        }
        assertEquals("tap0: tap persist\ntap1: tap persist\n", Ip.in(t.name(), "tuntap", "show"));
    }

    @Test
    void aPacketOverTheMtuIsRefusedNotCut() throws Exception {
        nl.tuntap().add(TunTapSpec.tap("tap0"));
        nl.links().setUp("tap0");
        try (TunQueue q = nl.tuntap().open("tap0")) {
            assertEquals(1500 + 18, q.maxPacketSize());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.write(ByteBuffer.allocate(1500 + 18 + 1)));
            assertTrue(e.getMessage().contains("MTU 1500"), e.getMessage());
            ByteBuffer ok = ByteBuffer.wrap(frame(new byte[]{2, 0, 0, 0, 0, 9}, 1500 + 18 - 14));
            assertEquals(1518, q.write(ok));
            assertEquals(0, ok.remaining());
        }
    }

    @Test
    void aFailedMultiQueueOpenClosesTheQueuesItOpened() throws Exception {
        nl.tuntap().add(TunTapSpec.tap("tap0"));
        SyscallException e = assertThrows(SyscallException.class, () -> nl.tuntap().open("tap0", 2));
        assertTrue(e.getMessage().contains("not multi-queue"), e.getMessage());
        try (TunQueue q = nl.tuntap().open("tap0")) {
            assertTrue(q.isOpen());
        }
        nl.tuntap().add(TunTapSpec.tap("mq0").withMultiQueue());
        List<TunQueue> qs = nl.tuntap().open("mq0", 3);
        assertEquals(OptionalInt.of(3), nl.tuntap().get("mq0").queues());
        for (TunQueue q : qs) q.close();
        assertEquals(OptionalInt.of(0), nl.tuntap().get("mq0").queues());
    }

    @Test
    void nonBlockingReadsReturnZeroAndCloseEndsAWaitingRead() throws Exception {
        nl.tuntap().add(TunTapSpec.tun("tun0"));
        TunQueue q = nl.tuntap().open("tun0");
        ByteBuffer b = ByteBuffer.allocate(q.maxPacketSize());
        assertEquals(0, q.configureBlocking(false).read(b));
        assertEquals(0, q.configureBlocking(true).read(b, Duration.ofMillis(50)));
        CompletableFuture<Throwable> reader = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                q.read(b);
                reader.complete(null);
            } catch (Throwable x) {
                reader.complete(x);
            }
        });
        Thread.sleep(100);
        q.close();
        Throwable ended = reader.get(5, TimeUnit.SECONDS);
        assertTrue(ended instanceof java.nio.channels.AsynchronousCloseException, String.valueOf(ended));
        assertFalse(q.isOpen());
    }

    /**
     * More virtual threads blocked in reads than there are carriers: another virtual thread still runs at
     * once, because a waiting read parks rather than pinning its carrier in a system call.
     */
    @Test
    void blockedReadsOnVirtualThreadsLeaveTheCarriersFree() throws Exception {
        int readers = Runtime.getRuntime().availableProcessors() * 2 + 2;
        nl.tuntap().add(TunTapSpec.tun("mq0").withMultiQueue());
        List<TunQueue> qs = nl.tuntap().open("mq0", readers);
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> blocked = new ArrayList<>();
            for (TunQueue q : qs) blocked.add(vt.submit(() -> q.read(ByteBuffer.allocate(q.maxPacketSize()), Duration.ofSeconds(4))));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            assertEquals("ran", vt.submit(() -> "ran").get(2, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "a virtual thread waited for a carrier");
            for (Future<Integer> f : blocked) assertEquals(0, f.get(10, TimeUnit.SECONDS));
        } finally {
            for (TunQueue q : qs) q.close();
        }
    }

    private static byte[] frame(byte[] dst, int payload) {
        byte[] f = new byte[14 + payload];
        System.arraycopy(dst, 0, f, 0, 6);
        byte[] src = {2, 0, 0, 0, 0, 1};
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xb5; // local experimental ethertype: nothing in the namespace answers it
        for (int i = 14; i < f.length; i++) f[i] = (byte) i;
        return f;
    }

    /**
     * Writes {@code want} on {@code from} and reads {@code to} until it comes (the bridge's own IPv6 chatter
     * may come first), again every 200 ms while the bridge may still be taking the port in; bounded by time.
     */
    private static byte[] sendUntilSeen(TunQueue from, TunQueue to, byte[] want, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        ByteBuffer b = ByteBuffer.allocate(to.maxPacketSize());
        while (System.nanoTime() < end) {
            assertEquals(want.length, from.write(ByteBuffer.wrap(want)));
            long round = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < round) {
                b.clear();
                int n = to.read(b, Duration.ofNanos(Math.max(1, round - System.nanoTime())));
                if (n == 0) break;
                byte[] got = Arrays.copyOf(b.array(), n);
                if (Arrays.equals(got, want)) return got;
            }
        }
        throw new AssertionError("the frame did not come out of the other tap within " + timeout);
    }
}
