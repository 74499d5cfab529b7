package io.github.netlink4j.examples.jip;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ip netns exec} gets for free by exec'ing its command, and jip, which cannot exec, does by
 * hand: a SIGINT, SIGTERM, SIGHUP or SIGQUIT sent to jip is passed on to the child, and jip keeps
 * waiting so that it exits with the child's status.
 *
 * <p>A signal the terminal generates (Ctrl-C, Ctrl-\) goes to the whole foreground process group, in
 * which the child already is; jip passes such a signal on only when it is not in the terminal's
 * foreground group, so the child never gets it twice.
 */
final class ChildSignals implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle KILL = handle("kill", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle GETPGRP = handle("getpgrp", FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle TCGETPGRP = handle("tcgetpgrp", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final String[] FORWARDED = {"INT", "TERM", "HUP", "QUIT"};

    private final List<Runnable> restore = new ArrayList<>();
    private Process child;
    private final List<sun.misc.Signal> pending = new ArrayList<>();

    @SuppressWarnings("restricted") // kill(2), getpgrp(2), tcgetpgrp(3): plain ints in and out
    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd);
    }

    private ChildSignals() {
        for (String name : FORWARDED) {
            sun.misc.Signal sig = new sun.misc.Signal(name);
            try {
                sun.misc.SignalHandler old = sun.misc.Signal.handle(sig, this::received);
                restore.add(() -> sun.misc.Signal.handle(sig, old));
            } catch (IllegalArgumentException inUse) {
                // the JVM keeps this one (SIGQUIT with thread dumps enabled): left as it is
            }
        }
    }

    /**
     * Starts catching the listed signals, before the child is started: one that arrives before
     * {@link #attach} is held and passed on then (the child may already be running and printing).
     */
    static ChildSignals install() {
        return new ChildSignals();
    }

    /** From now on signals go to {@code p}; any held one is passed on at once. */
    synchronized void attach(Process p) {
        child = p;
        for (sun.misc.Signal s : pending) forward(p, s);
        pending.clear();
    }

    private synchronized void received(sun.misc.Signal s) {
        if (child == null) pending.add(s);
        else forward(child, s);
    }

    private static void forward(Process child, sun.misc.Signal s) {
        boolean fromTerminal = (s.getName().equals("INT") || s.getName().equals("QUIT")) && inForeground();
        if (fromTerminal || !child.isAlive()) return;
        try {
            int rc = (int) KILL.invokeExact((int) child.pid(), s.getNumber());
            if (rc != 0) child.destroy();
        } catch (Throwable t) {
            child.destroy();
        }
    }

    /** Whether jip is in the foreground process group of the terminal on stdin. */
    private static boolean inForeground() {
        try {
            int fg = (int) TCGETPGRP.invokeExact(0);
            return fg > 0 && fg == (int) GETPGRP.invokeExact();
        } catch (Throwable t) {
            return false;
        }
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
