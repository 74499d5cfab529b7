/**
 * One descriptor per link kind ({@code LinkKind}), found by {@code LinkKinds} through its class name
 * (kind {@code vlan}: {@code VlanKind}): the kind's name, the encoder and decoder of its IFLA_INFO_DATA
 * and the names of those attributes for extended-ACK paths. Adding a link kind is its spec and data
 * records and its descriptor (ARCHITECTURE.md).
 */
package io.github.netlink4j.internal.codec.kind;
