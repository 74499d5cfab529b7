package io.github.netlink4j.testing;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts exceptions made while it records, by class, thread and a method on their stack: a Java Flight
 * Recorder recording of {@code jdk.JavaExceptionThrow}, so that a test can learn that a path inside the
 * library ran without the library keeping a counter for it. Reached by reflection, since the module the
 * tests are compiled into does not read {@code jdk.jfr}.
 */
public final class ExceptionRecorder implements AutoCloseable {
    private final Object recording;
    private Path file;

    private ExceptionRecorder(Object recording) {
        this.recording = recording;
    }

    /** Starts recording every exception made in the JVM, with its stack. */
    public static ExceptionRecorder start() throws ReflectiveOperationException {
        Object r = Class.forName("jdk.jfr.Recording").getConstructor().newInstance();
        Object settings = call(r, "enable", new Class<?>[] {String.class}, "jdk.JavaExceptionThrow");
        call(settings, "withStackTrace", new Class<?>[0]);
        call(r, "start", new Class<?>[0]);
        return new ExceptionRecorder(r);
    }

    /**
     * Stops recording and counts the exceptions of class {@code thrown} made on the thread named
     * {@code thread} with {@code type.method} on their stack.
     */
    public long stopAndCount(Class<?> thrown, String thread, Class<?> type, String method) throws Exception {
        call(recording, "stop", new Class<?>[0]);
        file = Files.createTempFile("nl4j-exceptions", ".jfr");
        call(recording, "dump", new Class<?>[] {Path.class}, file);
        List<?> events = (List<?>) Class.forName("jdk.jfr.consumer.RecordingFile").getMethod("readAllEvents", Path.class).invoke(null, file);
        long n = 0;
        for (Object e : events) {
            Object cls = call(e, "getClass", new Class<?>[] {String.class}, "thrownClass");
            if (cls == null || !thrown.getName().equals(call(cls, "getName", new Class<?>[0]))) continue;
            Object t = call(e, "getThread", new Class<?>[0]);
            if (t == null || !String.valueOf(call(t, "getJavaName", new Class<?>[0])).equals(thread)) continue;
            Object stack = call(e, "getStackTrace", new Class<?>[0]);
            if (stack == null) continue;
            for (Object f : (List<?>) call(stack, "getFrames", new Class<?>[0])) {
                Object m = call(f, "getMethod", new Class<?>[0]);
                Object owner = call(m, "getType", new Class<?>[0]);
                if (method.equals(call(m, "getName", new Class<?>[0])) && type.getName().equals(call(owner, "getName", new Class<?>[0]))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(name, types);
        m.setAccessible(true); // the implementation classes are not public; the methods are, on public types
        return m.invoke(target, args);
    }

    @Override
    public void close() throws Exception {
        call(recording, "close", new Class<?>[0]);
        if (file != null) Files.deleteIfExists(file);
    }
}
