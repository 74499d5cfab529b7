package io.github.netlink4j.error;

import java.util.Objects;

/**
 * A warning the kernel attached to a request it carried out: an ACK with error 0 and an extended-ACK
 * message ({@code NLMSGERR_ATTR_MSG}), what tc and ip print as {@code Warning: …} (htb's "quantum of class
 * 10010 is big. Consider r2q change."). The request succeeded; the warning says how it may not be what was meant.
 *
 * @param operation what was asked ({@code "add class"})
 * @param object    what it was asked of, as the error of the same request would name it
 * @param message   the kernel's text, as it sent it
 */
public record KernelWarning(String operation, String object, String message) {
    /** Checks for null. */
    public KernelWarning {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
    }

    /** {@code Warning: MESSAGE.}, as iproute2 prints it (a full stop added when the kernel left it out). */
    @Override
    public String toString() {
        return "Warning: " + message + (message.endsWith(".") ? "" : ".");
    }
}
