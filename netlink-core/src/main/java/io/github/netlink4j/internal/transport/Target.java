package io.github.netlink4j.internal.transport;

/**
 * What a request is about, for its error: the operation ({@code "add link"}), the object
 * ({@code "link \"veth0\""}), the link name an ENODEV refers to, and the link kind an EOPNOTSUPP
 * refers to (either may be null).
 *
 * @param operation what was asked
 * @param object    the object, as ip would name it
 * @param link      the link the request names, or null
 * @param kind      the link kind being created, or null
 */
public record Target(String operation, String object, String link, String kind) {
    /** A request about {@code object} naming no link. */
    public static Target of(String operation, String object) {
        return new Target(operation, object, null, null);
    }

    /** A request about {@code object} on link {@code link}. */
    public static Target onLink(String operation, String object, String link) {
        return new Target(operation, object, link, null);
    }
}
