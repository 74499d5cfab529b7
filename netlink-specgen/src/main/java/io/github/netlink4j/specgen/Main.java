package io.github.netlink4j.specgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generator's entry point: {@code Main SPECS_DIR OUT_DIR PACKAGE} reads every {@code *.yaml} of
 * SPECS_DIR, in name order, and writes for each family {@code <Family>.java} (constants) and
 * {@code <Family>Spec.java} (descriptor) in PACKAGE under OUT_DIR. A file whose content is unchanged is
 * not rewritten, so an unchanged spec costs the compiler nothing. The output depends on the specs only:
 * no date, no path, no map order.
 */
public final class Main {
    private Main() {}

    /** Runs the generator; a malformed spec fails with a {@link SpecException} naming the place. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) throw new IllegalArgumentException("usage: Main SPECS_DIR OUT_DIR PACKAGE");
        Path specs = Path.of(args[0]), out = Path.of(args[1]);
        Map<String, String> files = generate(specs, args[2]);
        Path dir = out.resolve(args[2].replace('.', '/'));
        Files.createDirectories(dir);
        int written = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.exists(p) && java.util.Arrays.equals(Files.readAllBytes(p), bytes)) continue;
            Files.write(p, bytes);
            written++;
        }
        System.out.println("netlink-specgen: " + files.size() + " files for " + files.size() / 2 + " families in " + dir
                + " (" + written + " written)");
    }

    /** File name → source of every class generated from the specs in {@code specs}, in a fixed order. */
    public static Map<String, String> generate(Path specs, String pkg) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path p : yamlFiles(specs)) {
            String file = p.getFileName().toString();
            Family f;
            try {
                f = SpecReader.read(Files.readString(p, StandardCharsets.UTF_8), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String cls = Names.javaClass(f.name());
            String source = "specs/" + file;
            if (out.put(cls + ".java", ConstantsWriter.write(f, pkg, cls, source)) != null) {
                throw new SpecException(file + ": a second family makes class " + cls);
            }
            out.put(cls + "Spec.java", DescriptorWriter.write(f, pkg, cls + "Spec", source));
        }
        return out;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
