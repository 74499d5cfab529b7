package io.github.netlink4j.error;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel answered a netlink request with an error ({@code NLMSG_ERROR} with a negative errno).
 *
 * <p>Carries the errno, its symbolic name, the operation that failed, and the extended ACK the kernel
 * attached: its message ({@code NLMSGERR_ATTR_MSG}, what {@code ip} prints after "Error:"), the byte
 * offset into our request it points at ({@code NLMSGERR_ATTR_OFFS}) and that offset resolved to the
 * path of the attribute in our request, such as {@code IFLA_LINKINFO › IFLA_INFO_DATA › IFLA_VXLAN_ID}.
 * Subclasses exist for the cases callers branch on.
 *
 * {@snippet :
 * try {
 *     nl.links().add(LinkSpec.veth("veth0", "veth1"));
 * } catch (KernelException e) {
 *     System.err.println(e.errno() + " " + e.extAckMessage().orElse(""));   // the kernel's extended-ACK text
 * }
 * }
 */
public non-sealed class KernelException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String extAckMessage;
    private final int extAckOffset;
    private final String attributePath;

    /**
     * Creates the exception.
     *
     * @param errno         the positive errno the kernel returned
     * @param operation     what was asked, such as {@code "RTM_NEWLINK"} or {@code "add link veth0"}
     * @param extAckMessage the kernel's extended-ACK text, or null
     * @param extAckOffset  the extended-ACK offset into the request, or -1
     * @param attributePath the attribute that offset points at, or null
     */
    public KernelException(int errno, String operation, String extAckMessage, int extAckOffset, String attributePath) {
        this(errno, operation, extAckMessage, extAckOffset, attributePath, null);
    }

    /** Creates the exception with a message of the caller's instead of the default one. */
    protected KernelException(int errno, String operation, String extAckMessage, int extAckOffset,
                              String attributePath, String message) {
        this(errno, operation, extAckMessage, extAckOffset, attributePath, message, null);
    }

    /** For subclasses that wrap a failure other than a netlink reply ({@code cause}, such as a system call's). */
    protected KernelException(int errno, String operation, String extAckMessage, int extAckOffset,
                              String attributePath, String message, Throwable cause) {
        super(message != null ? message : format(errno, operation, extAckMessage, attributePath), errno, cause);
        this.operation = operation;
        this.extAckMessage = extAckMessage;
        this.extAckOffset = extAckOffset;
        this.attributePath = attributePath;
    }

    /** Copies the kernel details of {@code other} under a more specific type and message. */
    protected KernelException(KernelException other, String message) {
        this(other.errno(), other.operation, other.extAckMessage, other.extAckOffset, other.attributePath, message, other);
    }

    static String format(int errno, String operation, String extAck, String path) {
        StringBuilder sb = new StringBuilder();
        if (operation != null) sb.append(operation).append(": ");
        if (extAck != null && !extAck.isEmpty()) {
            sb.append("Error: ").append(extAck);
            if (!extAck.endsWith(".")) sb.append('.');
            sb.append(" (");
        } else {
            sb.append("RTNETLINK answers: ").append(Errno.describe(errno)).append(" (");
        }
        sb.append(Errno.name(errno));
        if (path != null) sb.append(", at ").append(path);
        return sb.append(')').toString();
    }

    /** What was asked when the kernel refused. */
    public String operation() {
        return operation;
    }

    /** The kernel's extended-ACK message ({@code NLMSGERR_ATTR_MSG}), if it sent one. */
    public Optional<String> extAckMessage() {
        return Optional.ofNullable(extAckMessage);
    }

    /** The extended-ACK offset into the request ({@code NLMSGERR_ATTR_OFFS}), if the kernel sent one. */
    public OptionalInt extAckOffset() {
        return extAckOffset < 0 ? OptionalInt.empty() : OptionalInt.of(extAckOffset);
    }

    /** The attribute of our request the extended-ACK offset points at, named as in the uapi headers. */
    public Optional<String> attributePath() {
        return Optional.ofNullable(attributePath);
    }
}
