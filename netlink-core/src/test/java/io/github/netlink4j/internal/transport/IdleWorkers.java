package io.github.netlink4j.internal.transport;

/** Reaches into {@link NetnsThreads}' pool from the tests: ends the idle workers now instead of after their idle timeout. */
public final class IdleWorkers {
    private IdleWorkers() {}

    /** Retires every idle worker the way the pool's protocol allows: IDLE to RETIRED, then an interrupt ends its wait. */
    public static void retire() {
        for (NetnsThreads.Worker w; (w = NetnsThreads.IDLE.pollFirst()) != null; ) {
            if (w.state.compareAndSet(NetnsThreads.Worker.IDLE, NetnsThreads.Worker.RETIRED)) w.interrupt();
        }
    }
}
