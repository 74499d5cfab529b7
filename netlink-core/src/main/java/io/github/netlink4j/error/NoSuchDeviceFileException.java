package io.github.netlink4j.error;

/**
 * A device file the library opens is missing: {@code /dev/net/tun} when the tun driver is not loaded or
 * the container was given no such device (ENOENT, ENODEV or ENXIO from open(2)).
 *
 * {@snippet :
 * try {
 *     nl.tuntap().add(TunTapSpec.tap("tap0"));
 * } catch (NoSuchDeviceFileException e) {        // modprobe tun, or --device /dev/net/tun
 *     e.path();                                  // "/dev/net/tun"
 * }
 * }
 */
public final class NoSuchDeviceFileException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String path;

    /** {@code cause} is open(2)'s failure on {@code path}; {@code hint} says what provides it. */
    public NoSuchDeviceFileException(String path, String hint, SyscallException cause) {
        super(path + " is missing (" + cause.getMessage() + "): " + hint, cause.errno(), cause);
        this.path = path;
    }

    /** The device file, such as {@code /dev/net/tun}. */
    public String path() {
        return path;
    }
}
