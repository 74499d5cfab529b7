/**
 * One codec per message family: encodes the public specs into requests through their accessors and
 * decodes replies and notifications into the public records. Between the model and the wire format;
 * no sockets, no system calls.
 */
package io.github.netlink4j.internal.codec;
