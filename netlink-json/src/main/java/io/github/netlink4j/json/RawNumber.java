package io.github.netlink4j.json;

/**
 * A number written exactly as given, as iproute2 writes its timers with a format ({@code 0.00}, {@code 1e-05}).
 * The text must be an RFC 8259 number, so that what is written is JSON whatever a format or a locale made.
 *
 * @param text the number's JSON text
 */
public record RawNumber(String text) {
    /** Refuses a text that is not a JSON number, e.g. {@code 1,5}, {@code inf} or {@code .5}. */
    public RawNumber {
        if (!JsonReader.isNumber(text)) throw new IllegalArgumentException("not a JSON number: \"" + text + "\"");
    }

    @Override
    public String toString() {
        return text;
    }
}
