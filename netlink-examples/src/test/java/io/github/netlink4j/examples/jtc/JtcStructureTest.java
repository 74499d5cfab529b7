package io.github.netlink4j.examples.jtc;

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
 * jtc's entry point sits on top, as jip's does: commands, views and parsers get {@link JtcOptions} and
 * never name {@link Jtc}, and the parsers never name the commands above them (read from the sources,
 * comments and string literals left out).
 */
class JtcStructureTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/netlink4j/examples/jtc");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])'");
    private static final Pattern JTC = Pattern.compile("\\bJtc\\b");
    private static final Pattern COMMAND = Pattern.compile("\\b(Qdisc|Class|Filter|Action)Command\\b");

    @Test
    void onlyJtcNamesJtcAndNoParserNamesACommand() throws IOException {
        List<String> wrong = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                read++;
                String name = f.getFileName().toString();
                String code = COMMENTS_AND_STRINGS.matcher(Files.readString(f)).replaceAll(" ");
                if (!name.equals("Jtc.java") && JTC.matcher(code).find()) wrong.add(name + " names Jtc");
                if (name.endsWith("Args.java") && COMMAND.matcher(code).find()) wrong.add(name + " names a command");
            }
        }
        assertTrue(read > 15, "the jtc sources were found: " + read);
        assertEquals(List.of(), wrong);
    }
}
