package io.github.netlink4j;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link NetNamespace#openPath} on paths a caller does not control (a CNI runtime's CNI_NETNS): what is
 * no namespace is refused at once, and nothing is opened for reading before it is known to be one.
 */
class NamespaceFileTest {
    private Path dir;

    @AfterEach
    void tearDown() throws IOException {
        if (dir == null) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private Path dir() throws IOException {
        if (dir == null) dir = Files.createTempDirectory("nl4j-nsfile");
        return dir;
    }

    private static void sh(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
    }

    /**
     * openPath in a thread of its own, given 5 s: a FIFO opened for reading would wait for a writer
     * forever, so if it is still waiting the test opens the writing end itself to free the thread.
     */
    private static Throwable refusal(Path path, Path fifoToFree) throws Exception {
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                NetNamespace.openPath(path).close();
                got.set(new AssertionError(path + " opened as a namespace"));
            } catch (Throwable e) {
                got.set(e);
            }
        });
        t.join(5_000);
        if (t.isAlive()) {
            if (fifoToFree != null) Files.newOutputStream(fifoToFree, StandardOpenOption.WRITE).close();
            t.join(5_000);
            fail("openPath(" + path + ") still blocked after 5 s: it opened the file before checking it");
        }
        return got.get();
    }

    @Test
    void aFifoADeviceAFileAndLinksToThemAreRefusedAtOnce() throws Exception {
        Privileged.require();
        Path fifo = dir().resolve("fifo"), dev = dir().resolve("null"), file = dir().resolve("file"), toFifo = dir().resolve("to-fifo");
        sh("mkfifo", fifo.toString());
        sh("mknod", dev.toString(), "c", "1", "3");
        Files.writeString(file, "not a namespace");
        Files.createSymbolicLink(toFifo, fifo);
        for (Path p : new Path[] {fifo, dev, file, toFifo}) {
            Throwable e = refusal(p, fifo);
            SyscallException s = assertInstanceOf(SyscallException.class, e, p + ": " + e);
            assertEquals("EINVAL", s.errnoName(), p.toString());
            assertTrue(s.getMessage().contains("not a namespace file"), s.getMessage());
        }
    }

    @Test
    void namespacesStillOpenByTheirFilesAndThroughLinks() throws Exception {
        try (ThrowawayNamespace n = ThrowawayNamespace.create("nsfile")) {
            Path link = dir().resolve("link");
            Files.createSymbolicLink(link, NetNamespace.RUN_DIR.resolve(n.name()));
            for (Path p : new Path[] {NetNamespace.RUN_DIR.resolve(n.name()), link, Path.of("/proc/self/ns/net")}) {
                try (NetNamespace ns = NetNamespace.openPath(p)) {
                    assertTrue(ns.id().startsWith("net:["), p + ": " + ns.id());
                    if (!p.startsWith("/proc")) assertEquals(n.ns().id(), ns.id(), p.toString());
                }
            }
            try (NetNamespace byName = NetNamespace.open(n.name())) {
                assertEquals(n.ns().id(), byName.id());
            }
        }
    }
}
