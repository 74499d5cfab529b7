package io.github.netlink4j.examples.jip;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.SyscallException;

import java.io.IOException;

/** What ip prints when a namespace cannot be opened or entered: shared by -n, ip netns and ip link's netns. */
final class NetnsErrors {
    private NetnsErrors() {}

    /** netns_switch's setns refused (no CAP_SYS_ADMIN): ip's words and exit status 255; any other failure as it is. */
    static UsageException entering(String name, NetlinkException e) throws IOException {
        SyscallException s = setns(e);
        if (s == null) throw e;
        return new UsageException("setting the network namespace \"" + name + "\" failed: " + s.description(), 255);
    }

    /** The failed setns behind {@code e} (the library reports a refused one as NotPermittedException), or null. */
    static SyscallException setns(NetlinkException e) {
        if (e instanceof SyscallException s && "setns".equals(s.call())) return s;
        if (e.getCause() instanceof SyscallException s && "setns".equals(s.call())) return s;
        return null;
    }

    /** strerror of the system call behind {@code e}, as ip prints it ("File exists"). */
    static String describe(NetlinkException e) {
        if (e instanceof SyscallException s) return s.description();
        if (e.getCause() instanceof SyscallException s) return s.description();
        return Errno.describe(e.errno());
    }
}
