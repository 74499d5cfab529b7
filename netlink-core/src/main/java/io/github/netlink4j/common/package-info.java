/**
 * Values every family shares: address families, MAC addresses, the result of a bulk operation,
 * attributes kept raw, and the handle of a network namespace as requests refer to it.
 */
package io.github.netlink4j.common;
