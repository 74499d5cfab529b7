package io.github.netlink4j.examples.jynl;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.ProtocolException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line jynl prints for a kernel's refusal, as tools/net/ynl's NlError.__str__ builds it: "Netlink error: ",
 * the extended ACK's message and ": ", os.strerror of the errno, then the rest of the extended ACK as a Python
 * dict, the offset replaced by the attribute's path in the spec's names when it names one.
 */
class YnlErrorTest {
    @Test
    void messageErrnoAndTheAttributeByItsSpecName() {
        KernelException e = new KernelException(Errno.EINVAL, "ethtool channels-set", "requested channel count exceeds maximum", 36, "ETHTOOL_A_CHANNELS_RX_COUNT");
        assertEquals("Netlink error: requested channel count exceeds maximum: Invalid argument {'bad-attr': '.rx-count'}",
                YnlError.text(e, Optional.of("rx-count")));
        assertEquals("Netlink error: requested channel count exceeds maximum: Invalid argument {'bad-attr-offs': 36}",
                YnlError.text(e, Optional.empty()), "an offset the spec cannot name is printed as YNL prints it");
    }

    @Test
    void withoutAnExtendedAckTheErrnoAlone() {
        assertEquals("Netlink error: Operation not supported", YnlError.text(new KernelException(Errno.EOPNOTSUPP, "x", null, -1, null), Optional.empty()));
        assertEquals("Netlink error: No such device {'bad-attr-offs': 24}",
                YnlError.text(new KernelException(Errno.ENODEV, "x", null, 24, null), Optional.empty()), "an offset without a message");
        assertEquals("Netlink error: denied: Operation not permitted",
                YnlError.text(new KernelException(Errno.EPERM, "x", "denied", -1, null), Optional.empty()));
    }

    @Test
    void theKernelErrorIsFoundUnderATypedOne() {
        KernelException k = new KernelException(Errno.ENODEV, "ethtool channels-get", "no device matches name", 24, null);
        NoSuchLinkException typed = new NoSuchLinkException("nl4jnosuch", k);
        assertSame(k, YnlError.kernel(k).orElseThrow());
        KernelException found = YnlError.kernel(typed).orElseThrow();
        assertEquals(Errno.ENODEV, found.errno());
        assertEquals(Optional.of("no device matches name"), found.extAckMessage());
        assertTrue(YnlError.kernel(new ProtocolException("truncated")).isEmpty());
        assertTrue(YnlError.kernel(new RuntimeException(new IllegalStateException())).isEmpty());
    }

    @Test
    void stringsAreQuotedAsPythonsRepr() {
        assertEquals("'.header.dev-name'", YnlError.pyString(".header.dev-name"));
        assertEquals("\"it's\"", YnlError.pyString("it's"));
        assertEquals("'both \\' and \"'", YnlError.pyString("both ' and \""));
        assertEquals("'back\\\\slash'", YnlError.pyString("back\\slash"));
    }
}
