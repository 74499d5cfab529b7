package io.github.netlink4j.specgen;

/** A spec the generator cannot read: the message names the file and the place in it. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code message} says where and what. */
    public SpecException(String message) {
        super(message);
    }
}
