package io.github.netlink4j;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.ModuleNotLoadedException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.SyscallException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refusals of a kernel without conntrack, typed without needing such a kernel: nfnetlink answers a subsystem
 * it lacks (nf_conntrack_netlink not loaded) with EOPNOTSUPP, and socket(2) a protocol it lacks (no nfnetlink) with
 * EPROTONOSUPPORT. This machine has both modules loaded and its tests may not unload them.
 */
class ConntrackErrorsTest {
    @Test
    void eopnotsuppIsTheMissingConntrackModuleByName() {
        KernelException k = new KernelException(Errno.EOPNOTSUPP, "conntrack -L", null, -1, null);
        NetlinkException e = Conntrack.unavailable(k, "conntrack -L");
        ModuleNotLoadedException m = assertInstanceOf(ModuleNotLoadedException.class, e);
        assertEquals("nf_conntrack_netlink", m.module());
        assertTrue(m.getMessage().contains("nf_conntrack_netlink is not loaded"), m.getMessage());
        assertInstanceOf(NotFoundException.class, m);
        assertEquals(Errno.EOPNOTSUPP, m.errno());
        assertSame(k, m.getCause());
    }

    @Test
    void otherRefusalsStayWhatTheKernelSaid() {
        KernelException k = new KernelException(Errno.EINVAL, "conntrack -D", "bad", -1, null);
        assertSame(k, Conntrack.unavailable(k, "conntrack -D"));
    }

    @Test
    void aKernelWithoutNfnetlinkNamesIt() {
        NetlinkException e = Conntrack.opening(new SyscallException("socket", Errno.EPROTONOSUPPORT));
        assertEquals("nfnetlink", assertInstanceOf(ModuleNotLoadedException.class, e).module());
        SyscallException other = new SyscallException("socket", Errno.EMFILE);
        assertSame(other, Conntrack.opening(other));
    }
}
