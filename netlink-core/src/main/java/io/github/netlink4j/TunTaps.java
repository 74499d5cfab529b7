package io.github.netlink4j;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchDeviceFileException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.codec.TunCodec;
import io.github.netlink4j.internal.transport.SocketFactory;
import io.github.netlink4j.internal.transport.TunFd;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.tuntap.TunTapDevice;
import io.github.netlink4j.tuntap.TunTapSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TUN/TAP devices of the client's namespace ({@code ip tuntap}): persistent devices made and removed
 * through {@code /dev/net/tun} (opened inside the namespace, so the device is born there), listed from
 * the kernel's link dump (kind {@code tun}), and their queues opened as channels ({@link TunQueue}).
 *
 * <p>Round trips: {@code list} one dump; {@code add} an open and two to four ioctls; {@code delete} and
 * {@code open} one RTM_GETLINK (the device's flags, which an attach must repeat) and then the ioctls.
 */
public final class TunTaps {
    private final SocketFactory sockets;
    private final Links links;
    private final String cloneDevice;

    TunTaps(SocketFactory sockets, Links links, String cloneDevice) {
        this.sockets = sockets;
        this.links = links;
        this.cloneDevice = cloneDevice;
    }

    /** Every TUN/TAP device, like {@code ip tuntap show}. */
    public List<TunTapDevice> list() throws NetlinkException {
        List<TunTapDevice> out = new ArrayList<>();
        for (Link l : links.list()) TunCodec.decode(l).ifPresent(out::add);
        return out;
    }

    /** The TUN/TAP device {@code name}, if there is one (a link of another kind is not one). */
    public Optional<TunTapDevice> find(String name) throws NetlinkException {
        Optional<Link> l = links.find(name);
        return l.isEmpty() ? Optional.empty() : TunCodec.decode(l.get());
    }

    /**
     * Each TUN/TAP device's flags as the kernel keeps them (sysfs {@code tun_flags}: IFF_TUN/IFF_TAP,
     * IFF_NO_PI, IFF_ONE_QUEUE, IFF_MULTI_QUEUE, IFF_VNET_HDR, IFF_PERSIST, IFF_NOFILTER), by device name,
     * which is what {@code ip tuntap show} prints; the link dump behind {@link #list()} has all of them but
     * IFF_ONE_QUEUE. Read from a sysfs of the client's namespace mounted nowhere (the machine's /sys may show
     * another namespace), which needs CAP_SYS_ADMIN: without it, or on a kernel without the new mount API
     * (before 5.2), the map is empty. One link dump lists the devices first: a caller that has them already
     * passes them to {@link #kernelFlags(List)}.
     */
    public Map<String, Integer> kernelFlags() throws NetlinkException {
        return kernelFlags(list());
    }

    /**
     * The kernel's flags of {@code devices} (as {@link #kernelFlags()}), for a caller that has listed them: no
     * dump, only the sysfs reads. A device gone meanwhile is left out of the map.
     */
    public Map<String, Integer> kernelFlags(List<TunTapDevice> devices) {
        List<String> names = devices.stream().map(TunTapDevice::name).toList();
        Map<String, String> texts;
        try {
            texts = sockets.readSysfs(names.stream().map(n -> "class/net/" + n + "/tun_flags").toList());
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Integer> flags = new LinkedHashMap<>();
        for (String n : names) {
            String v = texts.get("class/net/" + n + "/tun_flags");
            try {
                if (v != null) flags.put(n, Integer.decode(v.strip()));
            } catch (NumberFormatException e) {
                // a kernel that words it otherwise: ip skips such a device too
            }
        }
        return Collections.unmodifiableMap(flags);
    }

    /** The TUN/TAP device {@code name}; {@link NoSuchLinkException} if there is none of that name and kind. */
    public TunTapDevice get(String name) throws NetlinkException {
        return find(name).orElseThrow(() -> new NoSuchLinkException(name, null));
    }

    /**
     * Creates the persistent device {@code spec} describes, like {@code ip tuntap add}, and returns it.
     * A name template ({@code TunTapSpec.tap("tap%d")}, what {@code ip tuntap add mode tap} without a
     * name asks for) gets the lowest free number from the kernel; the device returned carries it.
     *
     * @throws AlreadyExistsException    if a link of that name exists (of any kind)
     * @throws NoSuchDeviceFileException if there is no {@code /dev/net/tun}
     * @throws NotPermittedException     without CAP_NET_ADMIN
     */
    public TunTapDevice add(TunTapSpec spec) throws IOException {
        String name;
        // Until TUNSETPERSIST the device lives only as long as this fd: any failure before it leaves nothing.
        try (TunFd q = attach(spec.name(), TunCodec.createFlags(spec), "add")) {
            name = q.name();
            try {
                if (spec.owner().isPresent()) q.setOwner(spec.owner().getAsLong());
                if (spec.group().isPresent()) q.setGroup(spec.group().getAsLong());
                q.setPersist(true);
            } catch (SyscallException e) {
                throw map(e, name, "add");
            }
        }
        return get(name);
    }

    /**
     * Removes the persistent device {@code name}, like {@code ip tuntap del}: attaches to it and clears
     * its persistence, so it goes when that queue closes.
     *
     * @throws NoSuchLinkException if there is no TUN/TAP device of that name
     */
    public void delete(String name) throws IOException {
        TunTapDevice d = get(name);
        try (TunFd q = attach(name, TunCodec.attachFlags(d), "delete")) {
            q.setPersist(false);
        } catch (SyscallException e) {
            throw map(e, name, "delete");
        }
    }

    /** Opens one queue of device {@code name} (blocking; see {@link TunQueue#configureBlocking}). */
    public TunQueue open(String name) throws IOException {
        return open(name, 1).getFirst();
    }

    /**
     * Opens {@code count} queues of device {@code name} (more than one needs a multi-queue device: the
     * kernel refuses a second queue of another with EBUSY). If one fails, those already opened are closed
     * before the error is thrown.
     */
    public List<TunQueue> open(String name, int count) throws IOException {
        if (count < 1 || count > 256) throw new IllegalArgumentException("a device has 1 to 256 queues, not " + count);
        TunTapDevice d = get(name);
        List<TunQueue> opened = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) opened.add(new TunQueue(attach(name, TunCodec.attachFlags(d), "open"), d));
            return List.copyOf(opened);
        } catch (IOException | RuntimeException e) {
            for (TunQueue q : opened) {
                try {
                    q.close();
                } catch (IOException c) {
                    e.addSuppressed(c);
                }
            }
            throw e;
        }
    }

    private TunFd attach(String name, int flags, String verb) throws IOException {
        try {
            return TunFd.open(sockets, cloneDevice, name, flags);
        } catch (SyscallException e) {
            throw map(e, name, verb);
        }
    }

    /** The typed error for {@code e}, a failed open of the clone device or a TUN ioctl while {@code verb}ing {@code name}. */
    static NetlinkException map(SyscallException e, String name, String verb) {
        String what = "tuntap " + verb + " " + name;
        if (e.call().equals("open") && (e.errno() == Errno.ENOENT || e.errno() == Errno.ENODEV || e.errno() == Errno.ENXIO)) {
            return new NoSuchDeviceFileException(e.path(), "load the tun module (modprobe tun) or give the container the device", e);
        }
        if (e.call().equals("open") && e.errno() == Errno.EACCES) {
            // The clone device's mode refused this user before any capability was asked (0600 on some systems).
            return new NotPermittedException(what + ": " + e.getMessage() + ": this user may not open " + e.path()
                    + " (see its mode and owner); creating a device needs CAP_NET_ADMIN as well", e);
        }
        if (e.errno() == Errno.EPERM || e.errno() == Errno.EACCES) {
            return new NotPermittedException(what + ": " + e.getMessage() + ": the process lacks CAP_NET_ADMIN (or is not the device's owner or group)", e);
        }
        if (e.errno() == Errno.EBUSY && verb.equals("add")) return new AlreadyExistsException("device \"" + name + "\"", e);
        if (e.errno() == Errno.EBUSY) return e.withHint(name + " has a queue open already and is not multi-queue");
        return e;
    }
}
