/**
 * Interface addresses ({@code ip address}): records, specs and flags. Reached through
 * {@link io.github.netlink4j.NetlinkClient#addresses()}.
 */
package io.github.netlink4j.address;
