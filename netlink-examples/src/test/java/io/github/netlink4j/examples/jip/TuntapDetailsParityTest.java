package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ip -d tuntap show} lists the processes attached to each device; here a process of its own (a
 * python3 holding two queues of a multi-queue tap) is attached, and jip's standard output must be ip's.
 * Standard error is not compared: ip prints a perror line for every /proc fd it may not read, and how
 * many there are depends on what else runs on the machine at that moment.
 */
class TuntapDetailsParityTest {
    private ThrowawayNamespace t;
    private Process holder;

    @BeforeEach
    void setUp() throws IOException {
        t = ThrowawayNamespace.create("tundetail");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (holder != null) holder.destroyForcibly();
        if (t != null) t.close();
    }

    @Test
    void theAttachedProcessesAreIps() throws Exception {
        Ip.in(t.name(), "tuntap", "add", "dev", "mq0", "mode", "tap", "multi_queue");
        Ip.in(t.name(), "tuntap", "add", "dev", "idle0", "mode", "tun");
        // IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE, TUNSETIFF twice; prints once both are attached, then waits for stdin
        String py = "import fcntl,struct,os,sys\n"
                + "fds=[os.open('/dev/net/tun',os.O_RDWR) for _ in range(2)]\n"
                + "[fcntl.ioctl(f,0x400454ca,struct.pack('16sH',b'mq0',0x0002|0x1000|0x0100)) for f in fds]\n"
                + "print('attached',flush=True)\nsys.stdin.read()\n";
        holder = new ProcessBuilder("ip", "netns", "exec", t.name(), "python3", "-c", py).redirectErrorStream(true).start();
        String first = new String(holder.getInputStream().readNBytes("attached\n".length()));
        assertEquals("attached\n", first, "the holder attached its queues");
        String ip = Ip.in(t.name(), "-d", "tuntap", "show");
        assertTrue(ip.contains("\tAttached to processes:python3(") && ip.indexOf("python3(") != ip.lastIndexOf("python3("), ip);
        JipParityTest.Run jip = JipParityTest.jip("-n", t.name(), "-d", "tuntap", "show");
        assertEquals(ip, jip.out());
        assertEquals(0, jip.exit());
        // ip 6.1's -j puts name and pid straight into the array (not JSON); jip writes an object each, which parses
        String json = JipParityTest.jip("-n", t.name(), "-j", "-d", "tuntap", "show").out();
        Object parsed = io.github.netlink4j.testing.Json.parse(json);
        String pid = ip.substring(ip.indexOf("python3(") + 8, ip.indexOf(')', ip.indexOf("python3(")));
        assertEquals(io.github.netlink4j.testing.Json.parse("[{\"ifname\":\"mq0\",\"flags\":[\"tap\",\"multi_queue\",\"persist\"],\"processes\":"
                + "[{\"name\":\"python3\",\"pid\":" + pid + "},{\"name\":\"python3\",\"pid\":" + pid + "}]},"
                + "{\"ifname\":\"idle0\",\"flags\":[\"tun\",\"persist\"],\"processes\":[]}]"), parsed, json);
        holder.getOutputStream().close();
        assertTrue(holder.waitFor(10, TimeUnit.SECONDS), "the holder ends once its stdin closes");
        assertEquals(Ip.in(t.name(), "-d", "tuntap", "show"), JipParityTest.jip("-n", t.name(), "-d", "tuntap", "show").out());
    }
}
