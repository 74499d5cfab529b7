/**
 * The netlink wire format as pure code over memory segments: header flyweights, the attribute
 * iterator, the message writer with back-patched nest lengths, and the reply reader (sequence and
 * port checks, multipart, {@code NLMSG_DONE}, {@code NLMSG_ERROR}, dump interruption). No system
 * calls and no {@code Linker}: everything here runs on heap segments in unit tests.
 */
package io.github.netlink4j.internal.wire;
