package io.github.netlink4j;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchNamespaceException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.testing.NativeAccessProbe;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One error root: every checked exception the API declares or defines is a NetlinkException (or IOException above it). */
class ErrorRootTest {
    private static final String EXPORTED_PREFIX = "io.github.netlink4j";

    /** Every class of the exported packages, read from the compiled main classes. */
    private static List<Class<?>> apiClasses() throws Exception {
        Path root = Path.of(NetlinkClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String mi = Files.readString(Path.of("src/main/java/module-info.java"));
        List<String> exported = new ArrayList<>();
        mi.lines().map(String::trim).filter(l -> l.startsWith("exports ") && !l.contains(" to ")).forEach(l -> exported.add(l.substring(8, l.length() - 1)));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.endsWith("module-info")) continue;
                String pkg = name.substring(0, name.lastIndexOf('.'));
                if (!exported.contains(pkg)) continue;
                out.add(Class.forName(name, false, ErrorRootTest.class.getClassLoader()));
            }
        }
        assertTrue(out.size() > 80, "read " + out.size() + " API classes");
        return out;
    }

    @Test
    void everyExceptionTheApiDefinesIsANetlinkException() throws Exception {
        for (Class<?> c : apiClasses()) {
            if (Throwable.class.isAssignableFrom(c) && !RuntimeException.class.isAssignableFrom(c) && !Error.class.isAssignableFrom(c)) {
                assertTrue(NetlinkException.class.isAssignableFrom(c), c + " is checked but not a NetlinkException");
            }
        }
    }

    @Test
    void everyCheckedExceptionTheApiDeclaresIsRootedInNetlinkException() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : apiClasses()) {
            // The JUnit kit implements JUnit's callbacks, whose signatures are JUnit's.
            if (!Modifier.isPublic(c.getModifiers()) || c.getPackageName().endsWith(".junit")) continue;
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            members.addAll(List.of(c.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!Modifier.isPublic(m.getModifiers())) continue;
                for (Class<?> x : m.getExceptionTypes()) {
                    boolean ok = RuntimeException.class.isAssignableFrom(x) || Error.class.isAssignableFrom(x)
                            || x == IOException.class || NetlinkException.class.isAssignableFrom(x) || x == InterruptedException.class
                            || (x == Exception.class && m.getName().equals("close")); // AutoCloseable's own
                    if (!ok) offenders.add(c.getSimpleName() + "." + m.getName() + " throws " + x.getName());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void aMissingNamespaceIsNotFoundAndAnExistingOneAlreadyExists() throws Exception {
        Privileged.require();
        String absent = ThrowawayNamespace.uniqueName("absent");
        NoSuchNamespaceException open = assertThrows(NoSuchNamespaceException.class, () -> NetNamespace.open(absent));
        assertInstanceOf(NotFoundException.class, open);
        assertEquals(Errno.ENOENT, open.errno());
        assertEquals(absent, open.name());
        assertTrue(open.getMessage().contains("Cannot open network namespace \"" + absent + "\""), open.getMessage());
        assertThrows(NoSuchNamespaceException.class, () -> NetNamespace.delete(absent));
        assertThrows(NoSuchNamespaceException.class, () -> NetlinkClient.open(absent));
        try (ThrowawayNamespace t = ThrowawayNamespace.create("taken")) {
            AlreadyExistsException taken = assertThrows(AlreadyExistsException.class, () -> NetNamespace.create(t.name()));
            assertEquals(Errno.EEXIST, taken.errno());
            assertTrue(taken.getMessage().contains("namespace \"" + t.name() + "\" already exists"), taken.getMessage());
            assertTrue(NetNamespace.exists(t.name()), "the existing namespace is left as it was");
            try (NetlinkClient nl = NetlinkClient.open(t.name())) {
                assertEquals("lo", nl.links().list().getFirst().name());
            }
        }
    }

    @Test
    void aJvmThatDeniesNativeAccessIsToldWhichFlagToAdd() throws Exception {
        String cp = Path.of(NetlinkClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + ":"
                + Path.of(NativeAccessProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "--illegal-native-access=deny",
                "-cp", cp, NativeAccessProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0, out);
        assertTrue(out.contains("add --enable-native-access=ALL-UNNAMED to the java command"), out);
    }
}
