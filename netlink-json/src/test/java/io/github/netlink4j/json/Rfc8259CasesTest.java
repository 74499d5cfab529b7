package io.github.netlink4j.json;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader against the table of RFC 8259 cases in rfc8259-cases.txt (its header says the format). */
class Rfc8259CasesTest {
    private static final Pattern CHAR = Pattern.compile("<U\\+([0-9A-F]{4})>");

    record Case(String verdict, String name, String text) {}

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Rfc8259CasesTest.class.getResourceAsStream("/rfc8259-cases.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split(" ", 3);
                cases.add(new Case(f[0], f[1], f.length < 3 ? "" : decode(f[2])));
            }
        }
        return cases;
    }

    /** The text with each <U+XXXX> made the char it names and <SP> a space. */
    static String decode(String text) {
        Matcher m = CHAR.matcher(text.replace("<SP>", " "));
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        return m.appendTail(b).toString();
    }

    @TestFactory
    List<DynamicTest> eachCase() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() > 100, "the table was read: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.verdict() + "_" + c.name(), () -> {
            switch (c.verdict()) {
                case "y", "i+" -> assertDoesNotThrow(() -> Json.read(c.text()), c.name());
                case "n", "i-" -> assertThrows(JsonException.class, () -> Json.read(c.text()), c.name());
                default -> throw new AssertionError("verdict " + c.verdict() + " of " + c.name());
            }
        })).toList();
    }
}
