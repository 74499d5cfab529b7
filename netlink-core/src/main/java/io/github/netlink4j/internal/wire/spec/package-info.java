/**
 * Netlink families as the kernel's YAML specs describe them: {@link io.github.netlink4j.internal.wire.spec.FamilySpec}
 * and its attribute sets, operations and enums, built by the descriptors netlink-specgen generates into
 * {@code io.github.netlink4j.internal.wire.spec.gen} at build time; and what the library does with them, pure
 * functions over bytes like the rest of the wire layer: naming the attribute an extended-ACK offset points at
 * ({@link io.github.netlink4j.internal.wire.spec.SpecPaths}), decoding a message into a typed tree
 * ({@link io.github.netlink4j.internal.wire.spec.SpecTree}) and that tree into values keyed by name
 * ({@link io.github.netlink4j.internal.wire.spec.SpecValues}), and writing such values as attributes
 * ({@link io.github.netlink4j.internal.wire.spec.SpecEncoder}): the spec-driven calls of jynl.
 */
package io.github.netlink4j.internal.wire.spec;
