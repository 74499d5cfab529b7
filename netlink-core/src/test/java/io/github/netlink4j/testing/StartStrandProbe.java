package io.github.netlink4j.testing;

import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.error.StrandedThreadException;

import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM (no process reaper yet): a decoy thread named like the JDK's reapers and waiting
 * as an idle one does makes the library believe a reaper born at home is ready, so it primes none, and
 * the process started inside a namespace then makes the JVM's first reaper there, as another part of
 * a program taking the idle reaper at the wrong moment would. Prints "reported: [...]" if the start
 * failed naming the threads left inside (then "children left: N", the processes of this JVM still
 * there 10 s later), "started" if it did not.
 */
public final class StartStrandProbe {
    public static void main(String[] args) throws Exception {
        Thread decoy = Thread.ofPlatform().name("process reaper").daemon().start(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // ends
            }
        });
        for (int i = 0; i < 5_000 && decoy.getState() != Thread.State.TIMED_WAITING; i++) Thread.sleep(1);
        System.out.println("decoy: " + decoy.getState());
        try (NetNamespace ns = NetNamespace.createAnonymous()) {
            try {
                Process p = ns.start(new ProcessBuilder("sleep", "30"));
                System.out.println("started");
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (StrandedThreadException e) {
                System.out.println("reported: " + e.threads());
                // The start failed, so the process it made must not run on without its caller knowing it.
                long left = ProcessHandle.current().children().count();
                for (int i = 0; i < 1_000 && left > 0; i++) {
                    Thread.sleep(10);
                    left = ProcessHandle.current().children().count();
                }
                System.out.println("children left: " + left);
            }
        }
        decoy.interrupt();
        System.out.flush();
        System.exit(0);
    }
}
