package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;

import java.io.IOException;

/** rtnl_talk's words for a refusal of the kernel, shared by the entry point and every command. */
final class KernelText {
    private KernelText() {}

    /**
     * The extended ACK as "Error: …." when the kernel gave one, else "RTNETLINK answers: …"; the
     * exception's own message when no kernel error is behind it.
     */
    static String of(IOException e) {
        KernelException k = kernel(e);
        if (k == null) return e.getMessage() + "\n";
        String m = k.extAckMessage().orElse(null);
        return m != null ? "Error: " + m + (m.endsWith(".") ? "" : ".") + "\n" : "RTNETLINK answers: " + Errno.describe(k.errno()) + "\n";
    }

    /** The kernel's refusal behind {@code e}: the library types some (not found, no parent) and keeps it as the cause. */
    static KernelException kernel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof KernelException k) return k;
        return null;
    }
}
