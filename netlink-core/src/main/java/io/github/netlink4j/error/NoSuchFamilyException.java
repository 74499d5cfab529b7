package io.github.netlink4j.error;

/**
 * The generic netlink family asked for is not registered in the running kernel (its module is not
 * loaded, or the kernel predates it): nlctrl answered ENOENT.
 *
 * {@snippet :
 * try {
 *     nl.genl().get("wireguard");
 * } catch (NoSuchFamilyException e) {
 *     e.family();                                // "wireguard": modprobe wireguard, or a newer kernel
 * }
 * }
 */
public final class NoSuchFamilyException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String family;

    /** {@code family} is the name asked for; {@code kernel} is nlctrl's refusal, or null. */
    public NoSuchFamilyException(String family, KernelException kernel) {
        super("generic netlink family \"" + family + "\" is not registered in this kernel (module not loaded?)", kernel);
        this.family = family;
    }

    /** The family name asked for. */
    public String family() {
        return family;
    }
}
