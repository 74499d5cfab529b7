package io.github.netlink4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dependencies point down only: the wire codec never touches native code or the layers above it. */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/netlink4j");

    private static List<String> offenders(Path dir, String... forbidden) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    for (String f : forbidden) if (src.contains(f)) return true;
                    return false;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test
    void wireIsPure() throws IOException {
        assertTrue(Files.isDirectory(MAIN.resolve("internal/wire")), "run from the module directory");
        assertEquals(List.of(), offenders(MAIN.resolve("internal/wire"), "Linker", "SymbolLookup", "internal.sys",
                "internal.transport", "import io.github.netlink4j.NetlinkClient", "downcallHandle"));
    }

    @Test
    void sysKnowsNothingAbove() throws IOException {
        assertEquals(List.of(), offenders(MAIN.resolve("internal/sys"), "internal.wire", "internal.transport"));
    }

    @Test
    void transportDoesNotUseTheApi() throws IOException {
        assertEquals(List.of(), offenders(MAIN.resolve("internal/transport"), "import io.github.netlink4j.Link",
                "import io.github.netlink4j.NetNamespace", "import io.github.netlink4j.NetlinkClient"));
    }

    /** The API package's own files (not its sub-packages). */
    private static List<String> apiOffenders(String... forbidden) throws IOException {
        try (Stream<Path> files = Files.list(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    for (String f : forbidden) if (src.contains(f)) return true;
                    return false;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test
    void theApiPackageHoldsNoCodecAndNeverSpeaksWire() throws IOException {
        assertEquals(List.of(), apiOffenders("io.github.netlink4j.internal.wire"));
        try (Stream<Path> files = Files.list(MAIN)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Codec.java")).toList());
        }
    }

    @Test
    void codecsUseNeitherTransportNorNativeCode() throws IOException {
        assertEquals(List.of(), offenders(MAIN.resolve("internal/codec"), "internal.transport", "internal.sys", "Linker",
                "downcallHandle", "import io.github.netlink4j.NetlinkClient", "import io.github.netlink4j.Links;"));
    }

    @Test
    void transportKnowsNoRecordOrCodec() throws IOException {
        assertEquals(List.of(), offenders(MAIN.resolve("internal/transport"), "internal.codec"));
        try (Stream<Path> files = Files.list(MAIN.resolve("internal/transport"))) {
            for (Path p : files.toList()) {
                for (String line : Files.readAllLines(p)) {
                    assertTrue(!line.matches("import io\\.github\\.netlink4j\\.[A-Z].*"), p + " imports the API: " + line);
                }
            }
        }
    }

    @Test
    void onlyApiPackagesAreExported() throws IOException {
        String mi = Files.readString(Path.of("src/main/java/module-info.java"));
        assertTrue(mi.contains("exports io.github.netlink4j;"));
        assertTrue(!mi.contains("exports io.github.netlink4j.internal"), mi);
    }
}
