package io.github.netlink4j.error;

/**
 * The kernel has the operation but the device does not support it: EOPNOTSUPP, what ethtool prints as
 * "netlink error: Operation not supported" (a veth has no ring parameters, for one). The kernel's
 * refusal is the cause; {@link #operation()} names what was asked.
 *
 * {@snippet :
 * try {
 *     nl.genl().ethtool().rings().get("veth0");
 * } catch (NotSupportedException e) {
 *     e.operation();                             // "ethtool rings-get"
 * }
 * }
 */
public final class NotSupportedException extends KernelException {
    private static final long serialVersionUID = 1L;

    /** {@code kernel} is the EOPNOTSUPP reply; {@code what} names the operation and the device. */
    public NotSupportedException(KernelException kernel, String what) {
        super(kernel, what + ": Operation not supported" + kernel.extAckMessage().map(m -> " (" + m + ")").orElse(""));
    }
}
