package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NoSuchOperationException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.netdev.NetdevDevice;
import io.github.netlink4j.genl.netdev.NetdevNapi;
import io.github.netlink4j.genl.netdev.NetdevQueue;
import io.github.netlink4j.internal.codec.genl.NetdevCodec;
import io.github.netlink4j.internal.codec.genl.PagePoolCodec;
import io.github.netlink4j.internal.transport.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * The netdev generic netlink family: devices and their XDP features, their queues and NAPI instances, and the
 * notifications of devices added, deleted and changed. From {@link GenericNetlink#netdev()};
 * devices are named by index, as the family names them.
 *
 * {@snippet :
 * List<NetdevDevice> devices = nl.genl().netdev().list();        // every device of the namespace
 * NetdevDevice lo = nl.genl().netdev().get(1);
 * }
 */
public final class Netdev {
    static final String FAMILY = "netdev";
    private final GenericNetlink genl;

    Netdev(GenericNetlink genl) {
        this.genl = genl;
    }

    /** Every device of the namespace: one dump. */
    public List<NetdevDevice> list() throws NetlinkException {
        GenlFamily f = family();
        List<NetdevDevice> out = new ArrayList<>();
        genl.socket().dump(w -> NetdevCodec.encodeDump(w, f), f.id(), (s, off, len) -> out.add(NetdevCodec.decode(s, off, len)),
                out::clear, "netdev dev-get");
        return List.copyOf(out);
    }

    /** The device with interface index {@code index}; NoSuchLinkException when there is none. */
    public NetdevDevice get(int index) throws NetlinkException {
        if (index <= 0) throw new IllegalArgumentException("interface index " + index + " is not positive");
        GenlFamily f = family();
        List<NetdevDevice> out = new ArrayList<>();
        String link = Integer.toString(index);
        genl.socket().request(w -> NetdevCodec.encodeGet(w, f, index), (s, off, len) -> out.add(NetdevCodec.decode(s, off, len)),
                Target.onLink("netdev dev-get", "device " + index, link));
        if (out.size() != 1) throw new NoSuchLinkException(link, null);
        return out.get(0);
    }

    /** The queues of every running device of the namespace (the kernel lists none of a device that is down): one dump. */
    public List<NetdevQueue> queues() throws NetlinkException {
        return queues(0);
    }

    /** The queues of device {@code index} (none while it is down): one dump. */
    public List<NetdevQueue> queues(int index) throws NetlinkException {
        if (index < 0) throw new IllegalArgumentException("interface index " + index + " is negative");
        GenlFamily f = genl.get(FAMILY);
        GenericNetlink.checkOperation(f, NetdevCodec.QUEUE_GET);
        List<NetdevQueue> out = new ArrayList<>();
        genl.socket().dump(w -> NetdevCodec.encodeQueueDump(w, f, index), f.id(), (s, off, len) -> out.add(NetdevCodec.decodeQueue(s, off, len)),
                out::clear, "netdev queue-get");
        return List.copyOf(out);
    }

    /** The NAPI instances of every running device of the namespace that polls with NAPI: one dump. */
    public List<NetdevNapi> napis() throws NetlinkException {
        return napis(0);
    }

    /** The NAPI instances of device {@code index} (none while it is down or polls without NAPI): one dump. */
    public List<NetdevNapi> napis(int index) throws NetlinkException {
        if (index < 0) throw new IllegalArgumentException("interface index " + index + " is negative");
        GenlFamily f = genl.get(FAMILY);
        GenericNetlink.checkOperation(f, NetdevCodec.NAPI_GET);
        List<NetdevNapi> out = new ArrayList<>();
        genl.socket().dump(w -> NetdevCodec.encodeNapiDump(w, f, index), f.id(), (s, off, len) -> out.add(NetdevCodec.decodeNapi(s, off, len)),
                out::clear, "netdev napi-get");
        return List.copyOf(out);
    }

    /**
     * The device notifications of the namespace from now on (the {@code mgmt} group: devices added, deleted,
     * changed), on a socket of their own; close the listener.
     */
    public NetdevListener subscribe() throws java.io.IOException {
        GenlFamily f = genl.get(FAMILY);
        return new NetdevListener(join(f, NetdevCodec.MGMT), f.id());
    }

    /**
     * The page-pool notifications of the namespace from now on (the {@code page-pool} group: pools added,
     * deleted, changed), on a socket of their own; close the listener. The kernel reports only pools tied to a
     * device (a veth's are not).
     */
    public PagePoolListener subscribePagePools() throws java.io.IOException {
        GenlFamily f = genl.get(FAMILY);
        return new PagePoolListener(join(f, PagePoolCodec.GROUP), f.id());
    }

    /** An event socket of its own in {@code group} of the family; NoSuchOperationException if the kernel has no such group. */
    private io.github.netlink4j.internal.transport.EventSocket join(GenlFamily f, String group) throws java.io.IOException {
        int id = f.multicastGroup(group).map(io.github.netlink4j.genl.GenlMulticastGroup::id)
                .orElseThrow(() -> new NoSuchOperationException(FAMILY, "multicast group " + group));
        io.github.netlink4j.internal.transport.EventSocket events = genl.openEvents(io.github.netlink4j.internal.transport.Bus.GENERIC);
        try {
            events.joinGroup(id);
            return events;
        } catch (java.io.IOException | RuntimeException e) {
            events.close();
            throw e;
        }
    }

    private GenlFamily family() throws NetlinkException {
        GenlFamily f = genl.get(FAMILY);
        GenericNetlink.checkOperation(f, NetdevCodec.DEV_GET);
        return f;
    }

    @Override
    public String toString() {
        return "Netdev[" + genl + "]";
    }
}
