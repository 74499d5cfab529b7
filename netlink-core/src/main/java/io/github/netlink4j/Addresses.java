package io.github.netlink4j;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.transport.NetlinkSocket;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interface addresses: what {@code ip addr} lists, adds, replaces and deletes (RTM_*ADDR). Listing by
 * link or family is filtered by the kernel (NETLINK_GET_STRICT_CHK), so only matching addresses cross
 * the socket.
 */
public final class Addresses {
    private final NetlinkSocket socket;
    private final Links links;

    Addresses(NetlinkSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every address of every family, like {@code ip addr show}. */
    public List<Address> list() throws NetlinkException {
        return dump(0, 0);
    }

    /** The addresses of {@code family} (4 or 6) on every link, like {@code ip -4 addr}. */
    public List<Address> list(int ipVersion) throws NetlinkException {
        return dump(family(ipVersion), 0);
    }

    /** The addresses on link {@code name}, like {@code ip addr show dev NAME}. */
    public List<Address> list(String name) throws NetlinkException {
        return dump(0, links.index(name));
    }

    /** The addresses of IP version 4 or 6 (0 for both) on link {@code name}. */
    public List<Address> list(String name, int ipVersion) throws NetlinkException {
        return dump(ipVersion == 0 ? 0 : family(ipVersion), links.index(name));
    }

    private static int family(int ipVersion) {
        return switch (ipVersion) {
            case 4 -> Inet.AF_INET;
            case 6 -> Inet.AF_INET6;
            default -> throw new IllegalArgumentException("IP version must be 4 or 6, not " + ipVersion);
        };
    }

    private List<Address> dump(int family, int index) throws NetlinkException {
        List<Address> out = new ArrayList<>();
        socket.dump(w -> AddressCodec.encodeDump(w, family, index), Rtnetlink.RTM_NEWADDR,
                (s, off, len) -> out.add(AddressCodec.decode(s, off, len)),
                out::clear, "addresses");
        return out;
    }

    /** {@code ip addr add}: fails with AlreadyExistsException if the address is there. */
    public void add(AddressSpec spec) throws NetlinkException {
        modify(Rtnetlink.RTM_NEWADDR, AddressCodec.ADD, spec, "add address");
    }

    /**
     * Adds {@code spec} on {@code link} (a record from {@link Links}), skipping the name lookup: the
     * link's index is used as it is, which saves a round trip when adding many addresses.
     */
    public void add(Link link, AddressSpec spec) throws NetlinkException {
        if (!link.name().equals(spec.link())) throw new IllegalArgumentException("spec names " + spec.link() + ", not " + link.name());
        try {
            socket.request(w -> AddressCodec.encode(w, Rtnetlink.RTM_NEWADDR, AddressCodec.ADD, spec, link.index()), null, "add address");
        } catch (KernelException e) {
            throw Errors.specific(e, "address " + Inet.text(spec.address()) + "/" + spec.prefixLength(), spec.link(), null);
        }
    }

    /** {@code ip addr replace}: adds, or updates an existing address's settings. */
    public void replace(AddressSpec spec) throws NetlinkException {
        modify(Rtnetlink.RTM_NEWADDR, AddressCodec.REPLACE, spec, "replace address");
    }

    /** {@code ip addr del}. */
    public void delete(AddressSpec spec) throws NetlinkException {
        modify(Rtnetlink.RTM_DELADDR, AddressCodec.DELETE, spec, "delete address");
    }

    private void modify(int type, int flags, AddressSpec spec, String what) throws NetlinkException {
        int index = links.index(spec.link());
        try {
            socket.request(w -> AddressCodec.encode(w, type, flags, spec, index), null, what);
        } catch (KernelException e) {
            throw Errors.specific(e, "address " + Inet.text(spec.address()) + "/" + spec.prefixLength(), spec.link(), null);
        }
    }

    /** Adds many addresses, pipelined, each reporting its own success or error. */
    public BulkResult<Void> addAll(List<AddressSpec> specs) throws NetlinkException {
        return bulk(Rtnetlink.RTM_NEWADDR, AddressCodec.ADD, specs, "add address");
    }

    /** Deletes many addresses, pipelined. */
    public BulkResult<Void> deleteAll(List<AddressSpec> specs) throws NetlinkException {
        return bulk(Rtnetlink.RTM_DELADDR, AddressCodec.DELETE, specs, "delete address");
    }

    private BulkResult<Void> bulk(int type, int flags, List<AddressSpec> specs, String what) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (AddressSpec s : specs) if (!idx.containsKey(s.link())) idx.put(s.link(), links.index(s.link()));
        KernelException[] errs = socket.batch(specs.size(),
                (w, i) -> AddressCodec.encode(w, type, flags, specs.get(i), idx.get(specs.get(i).link())), null, what);
        for (int i = 0; i < errs.length; i++) {
            AddressSpec s = specs.get(i);
            if (errs[i] != null) errs[i] = Errors.specific(errs[i], "address " + Inet.text(s.address()) + "/" + s.prefixLength(), s.link(), null);
        }
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }
}
