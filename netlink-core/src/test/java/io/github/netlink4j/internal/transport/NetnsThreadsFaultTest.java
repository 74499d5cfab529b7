package io.github.netlink4j.internal.transport;

import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;
import io.github.netlink4j.testing.Privileged;
import io.github.netlink4j.testing.Workers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A worker whose own setup fails (not the job): the caller hears of it, whatever was thrown. */
class NetnsThreadsFaultTest {
    @Test
    void anErrorInWorkerSetupReachesTheCallerInsteadOfHangingIt() throws Exception {
        Privileged.require();
        Workers.quiesce(); // no idle worker: the next call must make one
        OutOfMemoryError oom = new OutOfMemoryError("unable to create native thread: possibly out of memory");
        int self = Libc.open("/proc/self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        NetnsThreads.setupFault = () -> oom;
        try {
            OutOfMemoryError e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(OutOfMemoryError.class, () -> NetnsThreads.call(self, () -> 1)));
            assertSame(oom, e);
        } finally {
            NetnsThreads.setupFault = null;
        }
        try {
            assertEquals(2, NetnsThreads.call(self, () -> 2), "the next worker is fine");
        } finally {
            Libc.close(self);
        }
    }
}
