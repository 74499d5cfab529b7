package io.github.netlink4j.error;

/**
 * Netlink data was truncated or malformed: a length below its minimum, past its container, or a
 * message that does not fit its type. The one exception the decoders let out, whatever the input.
 *
 * {@snippet :
 * try {
 *     nl.links().list();
 * } catch (ProtocolException e) {                // the kernel's answer could not be read: a bug to report
 * }
 * }
 */
public final class ProtocolException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** A malformed-data error with a message saying where, such as "while parsing IFLA_LINKINFO". */
    public ProtocolException(String message) {
        super(message, 0, null);
    }
}
