/**
 * Helpers the model packages share (validation, ip's text forms, flag sets); below the model, importing nothing of netlink4j.
 */
package io.github.netlink4j.internal.util;
