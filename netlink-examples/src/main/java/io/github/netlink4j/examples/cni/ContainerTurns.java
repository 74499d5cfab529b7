package io.github.netlink4j.examples.cni;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One call at a time per container interface (CNI_CONTAINERID and CNI_IFNAME) in the daemon. A runtime
 * that gives up on an ADD kills its plugin process, and a plugin process that dies stops; here it kills
 * the launcher, and the ADD goes on in the daemon. The DEL the runtime sends next must not run beside
 * it (it would find nothing yet, and the ADD would then leave its veth and address behind): it waits its
 * turn and undoes what the ADD made. The calls of different containers never wait for each other.
 */
final class ContainerTurns {
    private static final class Turn {
        final Semaphore one = new Semaphore(1, true);
        int users;
    }

    private final Map<String, Turn> turns = new HashMap<>();

    /** A turn held; closing it gives it to the next call of the same container. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits (at most {@code max}) for the turn of {@code container}'s {@code ifname}; null if it did not come. */
    Held take(String container, String ifname, Duration max) throws InterruptedException {
        String key = container + "\0" + ifname;
        Turn t;
        synchronized (turns) {
            t = turns.computeIfAbsent(key, k -> new Turn());
            t.users++;
        }
        boolean got = false;
        try {
            got = t.one.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (!got) leave(key, t);
        }
        if (!got) return null;
        return () -> {
            t.one.release();
            leave(key, t);
        };
    }

    private void leave(String key, Turn t) {
        synchronized (turns) {
            if (--t.users == 0) turns.remove(key);
        }
    }
}
