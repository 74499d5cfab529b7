package io.github.netlink4j.examples.jynl;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;

import java.util.Optional;

/**
 * A kernel's refusal as the kernel's YNL client prints it (tools/net/ynl, {@code NlError}): {@code Netlink
 * error: }, the extended-ACK message and {@code ": "} if the kernel sent one, the errno's text, then what else
 * the extended ACK said as a Python dict: {@code {'bad-attr': '.header.dev-name'}} when the offset names an
 * attribute of the request by the spec, {@code {'bad-attr-offs': 36}} when it names none. Not rtnetlink's
 * "RTNETLINK answers", which is ip's.
 */
final class YnlError {
    private YnlError() {}

    /** The kernel's error behind {@code e}: itself, or the cause a typed exception (no such device) wraps. */
    static Optional<KernelException> kernel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KernelException k) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** The line YNL prints for {@code e}, whose offset names {@code path} (spec names joined by dots) if present. */
    static String text(KernelException e, Optional<String> path) {
        StringBuilder sb = new StringBuilder("Netlink error: ");
        e.extAckMessage().ifPresent(m -> sb.append(m).append(": "));
        sb.append(Errno.describe(e.errno()));
        if (path.isPresent()) {
            sb.append(" {'bad-attr': ").append(pyString("." + path.get())).append('}');
        } else if (e.extAckOffset().isPresent()) {
            sb.append(" {'bad-attr-offs': ").append(e.extAckOffset().getAsInt()).append('}');
        }
        return sb.toString();
    }

    /** A string as Python's repr writes it: single quotes unless it holds one and no double quote. */
    static String pyString(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append(q).toString();
    }
}
