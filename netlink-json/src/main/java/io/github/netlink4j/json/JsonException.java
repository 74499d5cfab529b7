package io.github.netlink4j.json;

/**
 * Input that is not one RFC 8259 JSON text, or one nested deeper than {@link Json#MAX_DEPTH}: what went
 * wrong and the offset (in chars) where reading stopped. Checked, because the input usually comes from
 * outside (a runtime's stdin, a file, another program's output) and a caller must say what it becomes.
 */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The offset in the text where reading stopped. */
    private final int offset;

    JsonException(String what, int offset) {
        super(what + " at offset " + offset);
        this.offset = offset;
    }

    /** The offset, in chars of the text read, where reading stopped. */
    public int offset() {
        return offset;
    }
}
