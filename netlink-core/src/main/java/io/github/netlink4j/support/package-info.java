/**
 * Helpers the model packages share (validation, ip's text forms, flag sets): below the model, above
 * only {@code common}. Not API: the module does not export it, and nothing here is promised to stay.
 */
package io.github.netlink4j.support;
