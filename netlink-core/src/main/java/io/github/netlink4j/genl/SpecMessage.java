package io.github.netlink4j.genl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a family decoded by its spec: the operation it answers or notifies ({@code channels-get},
 * {@code dev-add-ntf}) and its attributes as a tree of values keyed by the spec's names (nests are maps,
 * repeated attributes lists, enums and flags by name, binaries {@code byte[]}; see
 * {@link io.github.netlink4j.generic.SpecFamily}).
 *
 * @param operation  the spec's name of the operation whose reply or notification command it carries, or
 *                   {@code command N} for a command the spec does not know
 * @param attributes the attributes, in the order the kernel sent them
 */
public record SpecMessage(String operation, Map<String, Object> attributes) {
    /** Copies the top level of the tree (a decoded tree is not shared with anyone else). */
    public SpecMessage {
        Objects.requireNonNull(operation);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
