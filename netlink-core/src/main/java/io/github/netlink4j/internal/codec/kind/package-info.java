/**
 * One descriptor per link kind ({@code LinkKind}), listed in {@code LinkKinds}: the kind's name, the
 * encoder and decoder of its IFLA_INFO_DATA and the names of those attributes for extended-ACK paths.
 * Adding a link kind is its spec and data records, its descriptor and one line in the list
 * (ARCHITECTURE.md).
 */
package io.github.netlink4j.internal.codec.kind;
