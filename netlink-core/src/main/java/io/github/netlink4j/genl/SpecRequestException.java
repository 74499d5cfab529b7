package io.github.netlink4j.genl;

import java.util.Optional;

/**
 * A request of a spec-driven call that the family's spec refuses before anything reaches the kernel: an
 * operation the spec does not have (or not as a do or a dump), an attribute its set does not have, or a
 * value of the wrong type or out of the attribute's range. An {@link IllegalArgumentException}, as every
 * bad argument is; the family, the operation and the attribute's path are kept for a caller to branch on.
 *
 * {@snippet :
 * try {
 *     nl.genl().spec("ethtool").call("channels-get", Map.of("header", Map.of("dev-nmae", "eth0")));
 * } catch (SpecRequestException e) {
 *     e.operation();                    // "channels-get"
 *     e.attribute();                    // Optional[header.dev-nmae]
 * }
 * }
 */
public final class SpecRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String family;
    private final String operation;
    private final String attribute;

    /**
     * A refusal of {@code operation} of {@code family}, at {@code attribute} (a path of spec names joined by
     * dots, {@code header.dev-name}) or null when the operation itself is refused; {@code reason} says why.
     */
    public SpecRequestException(String family, String operation, String attribute, String reason) {
        super(family + " " + operation + (attribute == null ? "" : ": " + attribute) + ": " + reason);
        this.family = family;
        this.operation = operation;
        this.attribute = attribute;
    }

    /** The family's name ({@code ethtool}). */
    public String family() {
        return family;
    }

    /** The operation as the caller named it ({@code channels-get}). */
    public String operation() {
        return operation;
    }

    /** The path of the attribute refused ({@code header.dev-name}), empty when the operation was. */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }
}
