package io.github.netlink4j.error;

/**
 * The kernel lacks the module that serves a request: a netlink protocol it does not know (socket(2) fails
 * with EPROTONOSUPPORT) or an nfnetlink subsystem not registered (the request is refused with EOPNOTSUPP),
 * e.g. {@code nf_conntrack_netlink} for conntrack. {@link #module()} names it.
 *
 * {@snippet :
 * try {
 *     nl.conntrack().list();
 * } catch (ModuleNotLoadedException e) {
 *     e.module();                                // "nf_conntrack_netlink": modprobe it
 * }
 * }
 */
public final class ModuleNotLoadedException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String module;

    /** {@code module} is the kernel module missing; {@code what} says what needed it; {@code cause} the refusal. */
    public ModuleNotLoadedException(String module, String what, NetlinkException cause) {
        super(what + ": the kernel module " + module + " is not loaded (modprobe " + module + ")", cause.errno(), cause);
        this.module = module;
    }

    /** The kernel module that is missing. */
    public String module() {
        return module;
    }
}
