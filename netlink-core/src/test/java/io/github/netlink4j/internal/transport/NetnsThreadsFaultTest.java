package io.github.netlink4j.internal.transport;

import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.testing.Privileged;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A worker whose own setup fails (not the job): the caller hears of it, whatever was thrown. The
 * worker is given a setup that throws an Error, as a thread that cannot get memory for its first
 * system call would, and its first job as the pool hands one to a new worker.
 */
class NetnsThreadsFaultTest {
    @Test
    void anErrorInWorkerSetupReachesTheCallerInsteadOfHangingIt() throws Exception {
        Privileged.require();
        OutOfMemoryError oom = new OutOfMemoryError("unable to create native thread: possibly out of memory");
        int self = Libc.open("/proc/self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        try {
            NetnsThreads.Job<Integer> job = new NetnsThreads.Job<>(self, NetnsThreads.netnsOf(self), () -> 1);
            NetnsThreads.Worker w = new NetnsThreads.Worker(() -> {
                throw oom;
            });
            w.state.set(NetnsThreads.Worker.BUSY);
            w.jobs.add(job);
            w.start();
            ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(10, TimeUnit.SECONDS),
                    "the job fails at once rather than waiting for a worker that will never run it");
            assertSame(oom, e.getCause());
            w.join(5_000);
            assertFalse(w.isAlive(), "the worker ended");
            assertFalse(NetnsThreads.IDLE.contains(w), "and never joined the pool");
            assertEquals(2, NetnsThreads.call(self, () -> 2), "the pool's next worker is fine");
        } finally {
            Libc.close(self);
        }
    }
}
