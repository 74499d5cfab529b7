/**
 * Netlink families as the kernel's YAML specs describe them: {@link io.github.netlink4j.internal.wire.spec.FamilySpec}
 * and its attribute sets, operations and enums, built by the descriptors netlink-specgen generates into
 * {@code io.github.netlink4j.internal.wire.spec.gen} at build time; and what the library does with them, pure
 * functions over bytes like the rest of the wire layer: naming the attribute an extended-ACK offset points at
 * ({@link io.github.netlink4j.internal.wire.spec.SpecPaths}) and decoding a message into a typed tree
 * ({@link io.github.netlink4j.internal.wire.spec.SpecTree}).
 */
package io.github.netlink4j.internal.wire.spec;
