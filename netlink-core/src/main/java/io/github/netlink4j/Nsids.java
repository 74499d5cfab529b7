package io.github.netlink4j;

import io.github.netlink4j.common.NamespaceHandle;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.codec.NsidCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Namespace ids (RTM_GETNSID, RTM_NEWNSID): the numbers by which the client's namespace refers to
 * other namespaces, e.g. in a veth's {@code IFLA_LINK_NETNSID} ({@code link-netnsid 0} in ip).
 *
 * {@snippet :
 * try (NetNamespace ns = NetNamespace.open("direct_netns")) {
 *     int id = nl.nsids().assign(ns);                        // ip netns set direct_netns auto
 *     nl.nsids().named().forEach((name, nsid) -> …);         // ip netns list
 * }
 * }
 */
public final class Nsids {
    private final RequestSocket socket;

    Nsids(RequestSocket socket) {
        this.socket = socket;
    }

    /** The id this namespace has for {@code ns}, if one is assigned. */
    public OptionalInt find(NamespaceHandle ns) throws NetlinkException {
        int fd = ns.fd();
        int[] id = {-1};
        socket.get(w -> NsidCodec.encodeGet(w, fd), (s, off, len) -> id[0] = NsidCodec.decode(s, off, len),
                Target.of("get nsid", "the id of " + ns));
        return id[0] < 0 ? OptionalInt.empty() : OptionalInt.of(id[0]);
    }

    /** The id this namespace has for {@code ns}; {@link NotFoundException} if none is assigned. */
    public int get(NamespaceHandle ns) throws NetlinkException {
        OptionalInt id = find(ns);
        if (id.isEmpty()) throw new NotFoundException(ns + " has no id in this namespace", null);
        return id.getAsInt();
    }

    /**
     * Assigns id {@code id} to {@code ns} ({@code ip netns set NAME ID}).
     *
     * @throws AlreadyExistsException if {@code ns} has an id, or the id is taken
     */
    public void set(NamespaceHandle ns, int id) throws NetlinkException {
        if (id < 0) throw new IllegalArgumentException("nsid must be >= 0, not " + id);
        int fd = ns.fd();
        socket.request(w -> NsidCodec.encodeSet(w, fd, id), null, Target.of("set nsid", "nsid " + id));
    }

    /** The id of {@code ns}, having the kernel assign one first if it has none ({@code ip netns set NAME auto}). */
    public int assign(NamespaceHandle ns) throws NetlinkException {
        OptionalInt id = find(ns);
        if (id.isPresent()) return id.getAsInt();
        int fd = ns.fd();
        try {
            socket.request(w -> NsidCodec.encodeSet(w, fd, -1), null, Target.of("set nsid", "an id for " + ns));
        } catch (AlreadyExistsException raced) {
            // another process assigned one meanwhile: read it below
        }
        return get(ns);
    }

    /** Every id this namespace has assigned to another namespace ({@code ip netns list-id}). */
    public List<Integer> list() throws NetlinkException {
        List<Integer> out = new ArrayList<>();
        socket.dump(NsidCodec::encodeDump, NsidCodec.NEW, (s, off, len) -> {
            int id = NsidCodec.decode(s, off, len);
            if (id >= 0) out.add(id);
        }, out::clear, "nsids");
        return out;
    }

    /**
     * The named namespaces ({@link NetNamespace#list()}) with the id this namespace has for each, empty
     * where none is assigned: what {@code ip netns list} prints as {@code NAME (id: N)}. A name whose
     * namespace went away meanwhile, or that is not a namespace, is listed without an id.
     */
    public LinkedHashMap<String, OptionalInt> named() throws IOException {
        LinkedHashMap<String, OptionalInt> out = new LinkedHashMap<>();
        for (String n : NetNamespace.list()) {
            try (NetNamespace ns = NetNamespace.open(n)) {
                out.put(n, find(ns));
            } catch (NetlinkException e) { // gone meanwhile, a stale file, or not a namespace: listed as ip lists it
                out.put(n, OptionalInt.empty());
            }
        }
        return out;
    }

    /**
     * The name of the named namespace this namespace knows as {@code nsid}, the way ip resolves a
     * veth's {@code link-netnsid} to {@code link-netns NAME}.
     */
    public Optional<String> nameOf(int nsid) throws IOException {
        for (var e : named().entrySet()) {
            if (e.getValue().isPresent() && e.getValue().getAsInt() == nsid) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }
}
