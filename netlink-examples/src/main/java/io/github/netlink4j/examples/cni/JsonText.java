package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.jip.JsonOut;

/**
 * JSON text for the module's commands outside the CNI plugin (jynl): reading with the plugin's strict
 * reader ({@link Json}), writing with jip's writer ({@link JsonOut}). One door, so that the day the
 * project reads and writes JSON with one library, this file is the one its callers' switch touches.
 * It lives here because the reader is package-private to the plugin.
 */
public final class JsonText {
    private JsonText() {}

    /** Input that is not JSON: what went wrong and where. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /**
     * One JSON value: maps (in the text's order), lists, strings, {@code Long} for integers that fit, else
     * {@code Double}, booleans and null.
     */
    public static Object parse(String text) throws SyntaxException {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new SyntaxException(e.getMessage());
        }
    }

    /** {@code v} (maps, lists, strings, numbers, booleans, null) as JSON, compact or laid out as ip -p does. */
    public static String write(Object v, boolean pretty) {
        return JsonOut.write(v, pretty);
    }
}
