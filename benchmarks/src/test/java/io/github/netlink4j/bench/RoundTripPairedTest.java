package io.github.netlink4j.bench;

import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paired round trip runs all three paths, prints a plausible median for each, and cleans up. */
class RoundTripPairedTest {
    private static final Pattern MEDIAN = Pattern.compile("^(ffm \\(client\\)|ffmRaw \\(binding\\)|jnr)\\s+median\\s+([0-9.]+) ns", Pattern.MULTILINE);

    @Test
    void everyPathMeasuredAndNoNamespaceLeft() throws Exception {
        Privileged.require();
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            RoundTripPaired.main(new String[]{"--blocks", "4", "--per", "50"});
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        Matcher m = MEDIAN.matcher(text);
        int paths = 0;
        while (m.find()) {
            // Speed belongs to the benchmark's own runs; here only that each path produced a figure.
            assertTrue(Double.parseDouble(m.group(2)) > 0, m.group(1) + " measured nothing");
            paths++;
        }
        assertEquals(3, paths, text);
        assertEquals(2, text.lines().filter(l -> l.startsWith("jnr - ")).count(), text);
        try (Stream<Path> left = Files.list(Path.of("/run/netns"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("nl4j-bench-rt-")), "round-trip namespace left behind");
        }
    }

    @Test
    void refusesUnboundedRuns() {
        assertThrows(IllegalArgumentException.class, () -> RoundTripPaired.main(new String[]{"--blocks", "0"}));
        assertThrows(IllegalArgumentException.class, () -> RoundTripPaired.main(new String[]{"--per", "2000000"}));
    }
}
