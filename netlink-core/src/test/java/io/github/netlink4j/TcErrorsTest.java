package io.github.netlink4j;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchParentException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.UnsupportedQdiscKindException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Traffic control's ENOENTs, by what the request was doing, with the kernel's words and attribute path kept. */
class TcErrorsTest {
    private static KernelException enoent(String extAck) {
        return new KernelException(Errno.ENOENT, "add qdisc", extAck, extAck == null ? -1 : 48, extAck == null ? null : "TCA_KIND");
    }

    @Test
    void anUnknownKindWhenMaking() {
        NetlinkException e = TcErrors.onCreate(enoent("Specified qdisc kind is unknown"), "qdisc netem at root of veth0", "netem", "root");
        UnsupportedQdiscKindException u = assertInstanceOf(UnsupportedQdiscKindException.class, e);
        assertEquals("netem", u.kind());
        assertEquals(Optional.of("Specified qdisc kind is unknown"), u.extAckMessage());
        assertEquals(Optional.of("TCA_KIND"), u.attributePath(), "the kernel's details are kept");
        assertEquals(Errno.ENOENT, u.errno());
    }

    @Test
    void aMissingParentWhenMaking() {
        for (String said : new String[] {"Failed to find specified qdisc", "Specified class not found", null}) {
            NetlinkException e = TcErrors.onCreate(enoent(said), "qdisc pfifo at 7:3 of veth0", "pfifo", "7:3");
            NoSuchParentException p = assertInstanceOf(NoSuchParentException.class, e, String.valueOf(said));
            assertEquals("7:3", p.parent());
            assertEquals(Optional.ofNullable(said), p.kernelError().orElseThrow().extAckMessage());
        }
    }

    @Test
    void theObjectMissingWhenChangingOrDeleting() {
        NotFoundException e = assertInstanceOf(NotFoundException.class, TcErrors.onExisting(enoent("Specified qdisc not found"), "qdisc at root of veth0"));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals(NotFoundException.class, e.getClass());
    }

    @Test
    void filterRefusalsByWhatTheKernelSaid() {
        KernelException cls = new KernelException(Errno.ENOENT, "add filter", "TC classifier not found", 36, "TCA_KIND");
        io.github.netlink4j.error.UnsupportedFilterKindException k = assertInstanceOf(io.github.netlink4j.error.UnsupportedFilterKindException.class,
                TcErrors.onFilterCreate(cls, "filter matchall under 1: of veth0", "matchall", "", "1:"));
        assertEquals("matchall", k.kind());
        assertEquals(Optional.of("TCA_KIND"), k.attributePath());
        KernelException act = new KernelException(Errno.ENOENT, "add filter", "Failed to load TC action module.", -1, null);
        assertEquals("gact/mirred", assertInstanceOf(io.github.netlink4j.error.UnsupportedActionKindException.class,
                TcErrors.onFilterCreate(act, "f", "u32", "gact/mirred", "1:")).kind());
        KernelException parent = new KernelException(Errno.EINVAL, "add filter", "Parent Qdisc doesn't exists.", -1, null);
        assertEquals("7:", assertInstanceOf(NoSuchParentException.class, TcErrors.onFilterCreate(parent, "f", "u32", "", "7:")).parent());
        KernelException inval = new KernelException(Errno.EINVAL, "add filter", "Invalid selector size", -1, null);
        assertSame(inval, TcErrors.onFilterCreate(inval, "f", "u32", "", "1:"), "other EINVALs stay as the kernel said them");
        KernelException enoent = new KernelException(Errno.ENOENT, "add action", null, -1, null);
        assertSame(enoent, TcErrors.onFilterCreate(enoent, "action gact", "gact", "gact", null), "a standalone action has no parent");
    }

    @Test
    void otherErrorsAndTypedOnesPassUntouched() {
        KernelException inval = new KernelException(Errno.EINVAL, "add qdisc", "Invalid qdisc name", -1, null);
        assertSame(inval, TcErrors.onCreate(inval, "x", "htb", "root"));
        assertSame(inval, TcErrors.onExisting(inval, "x"));
        AlreadyExistsException exists = new AlreadyExistsException("qdisc", new KernelException(Errno.ENOENT, "add", null, -1, null));
        assertSame(exists, TcErrors.onCreate(exists, "x", "htb", "root"), "an error KernelErrors has typed already stays as it is");
    }
}
