package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jip's entry point sits on top: commands, views and helpers get the options and the streams they
 * need and never name {@link Jip}, so no dependency runs back up to it (read from the sources, the
 * comments and string literals left out).
 */
class JipStructureTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/netlink4j/examples/jip");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])'");
    private static final Pattern JIP = Pattern.compile("\\bJip\\b");

    @Test
    void onlyJipNamesJip() throws IOException {
        List<String> callers = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                read++;
                if (f.getFileName().toString().equals("Jip.java")) continue;
                String code = COMMENTS_AND_STRINGS.matcher(Files.readString(f)).replaceAll(" ");
                if (JIP.matcher(code).find()) callers.add(f.getFileName().toString());
            }
        }
        assertTrue(read > 30, "the jip sources were found: " + read);
        assertEquals(List.of(), callers, "classes that name Jip");
    }
}
