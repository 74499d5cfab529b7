package io.github.netlink4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The javadoc rules that doclint does not check, read from the sources: every package says what it
 * holds in a package-info.java, and every public type's comment opens with a summary sentence (the
 * first sentence is what the package summary and the index show, so a comment that opens with a
 * snippet shows an empty line there).
 */
class DocumentationTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** The comment right before the first top-level public type declaration (annotations allowed between). */
    private static final Pattern TYPE_DOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+(\\w+)", Pattern.DOTALL);
    private static final Pattern PACKAGE_DOC = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*package\\s", Pattern.DOTALL);

    /** The comment's text without the leading asterisks, trimmed. */
    private static String text(String comment) {
        return comment.replaceAll("(?m)^\\s*\\*( |$)", "").trim();
    }

    /** Null when {@code text} opens with a sentence, else what is wrong. */
    static String summaryProblem(String text) {
        if (text.isEmpty()) return "is empty";
        if (text.startsWith("{@snippet") || text.startsWith("<") || text.startsWith("@") || text.startsWith("*")) {
            return "opens with " + text.substring(0, Math.min(20, text.length())).replace('\n', ' ') + " instead of a summary sentence";
        }
        return null;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everyPackageHasADescription() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> dirs = javaFiles().stream().map(Path::getParent).distinct().filter(d -> !d.equals(SOURCES)).toList();
        assertTrue(dirs.size() > 10, "saw packages " + dirs);
        for (Path dir : dirs) {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(SOURCES.relativize(dir) + ": no package-info.java");
                continue;
            }
            Matcher m = PACKAGE_DOC.matcher(Files.readString(info));
            String why = m.find() ? summaryProblem(text(m.group(1))) : "has no javadoc";
            if (why != null) problems.add(SOURCES.relativize(info) + " " + why);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPublicTypeOpensWithASummarySentence() throws IOException {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Path f : javaFiles()) {
            String name = f.getFileName().toString();
            if (name.equals("package-info.java") || name.equals("module-info.java")) continue;
            String src = Files.readString(f);
            if (!Pattern.compile("(?m)^public\\s").matcher(src).find()) continue; // package-private top-level type
            Matcher m = TYPE_DOC.matcher(src);
            if (!m.find() || !m.group(2).equals(name.substring(0, name.length() - 5))) {
                problems.add(SOURCES.relativize(f) + ": the public type has no javadoc right before it");
                continue;
            }
            seen++;
            String why = summaryProblem(text(m.group(1)));
            if (why != null) problems.add(SOURCES.relativize(f) + ": javadoc " + why);
        }
        assertTrue(seen > 100, "checked " + seen + " public types");
        assertEquals(List.of(), problems);
    }
}
