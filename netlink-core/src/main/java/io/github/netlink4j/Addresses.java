package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.address.AddressView;
import io.github.netlink4j.internal.codec.view.AddressFlyweight;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.support.IpText;
import io.github.netlink4j.link.Link;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.internal.codec.AddressCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.net.InetAddress;
import io.github.netlink4j.error.NotFoundException;

/**
 * Interface addresses: what {@code ip addr} lists, adds, replaces and deletes (RTM_NEWADDR,
 * RTM_DELADDR, RTM_GETADDR). Listing by link or family is filtered by the kernel
 * (NETLINK_GET_STRICT_CHK), so only matching addresses cross the socket.
 *
 * {@snippet :
 * Address a = nl.addresses().add(AddressSpec.of("veth0", "10.200.0.2/24"));  // ip addr add 10.200.0.2/24 dev veth0
 * List<Address> v6 = nl.addresses().list("veth0", AddressFamily.INET6);       // ip -6 addr show dev veth0
 * }
 */
public final class Addresses {
    private final RequestSocket socket;
    private final Links links;

    Addresses(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every address of every family, like {@code ip addr show}. */
    public List<Address> list() throws NetlinkException {
        return dump(null, 0);
    }

    /** The addresses of {@code family} on every link, like {@code ip -4 addr}. */
    public List<Address> list(AddressFamily family) throws NetlinkException {
        return dump(Objects.requireNonNull(family), 0);
    }

    /** The addresses on link {@code name}, like {@code ip addr show dev NAME}. */
    public List<Address> list(String name) throws NetlinkException {
        return dump(null, links.index(name));
    }

    /** The addresses of {@code family} on link {@code name}, like {@code ip -6 addr show dev NAME}. */
    public List<Address> list(String name, AddressFamily family) throws NetlinkException {
        return dump(Objects.requireNonNull(family), links.index(name));
    }

    /**
     * Hands every address to {@code action} as it is read, like {@link #list()} without its records: an
     * {@link AddressView} over the received bytes, reused for the next address, that reads only what is
     * asked of it, so a dump allocates nothing per address. The view is valid only during the call. Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR: a change while it ran), the dump
     * is read again from the start, and {@code action} sees the objects of the new attempt too.
     */
    public void forEach(Consumer<? super AddressView> action) throws NetlinkException {
        forEach(null, 0, action);
    }

    /** {@link #forEach(Consumer)} over the addresses on link {@code name}, which the kernel sends alone. */
    public void forEach(String name, Consumer<? super AddressView> action) throws NetlinkException {
        forEach(null, links.index(name), action);
    }

    private void forEach(AddressFamily family, int index, Consumer<? super AddressView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        AddressFlyweight v = new AddressFlyweight();
        socket.dump(w -> AddressCodec.encodeDump(w, family, index), AddressCodec.NEW, (s, off, len) -> {
            v.open(s, off, len);
            try {
                if (index == 0 || v.index() == index) action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "addresses");
    }

    private List<Address> dump(AddressFamily family, int index) throws NetlinkException {
        List<Address> out = new ArrayList<>();
        socket.dump(w -> AddressCodec.encodeDump(w, family, index), AddressCodec.NEW, (s, off, len) -> {
            Address a = AddressCodec.decode(s, off, len);
            // a kernel without strict checking ignores ifa_index and sends every link's addresses
            if (index == 0 || a.index() == index) out.add(a);
        }, out::clear, "addresses");
        return out;
    }

    /**
     * {@code ip addr add}: adds the address and returns it as the kernel made it (flags, lifetimes),
     * echoed in the same round trip.
     *
     * @throws io.github.netlink4j.error.AlreadyExistsException if the link has the address already
     */
    public Address add(AddressSpec spec) throws NetlinkException {
        return modify(spec, false);
    }

    /**
     * Adds {@code spec} on {@code link}, a record from {@link Links}: its index is used as it is, which
     * saves the name lookup when adding many addresses one by one.
     */
    public Address add(Link link, AddressSpec spec) throws NetlinkException {
        if (!link.name().equals(spec.link())) throw new IllegalArgumentException("spec names " + spec.link() + ", not " + link.name());
        return modify(spec, link.index(), false);
    }

    /** {@code ip addr replace}: adds the address, or updates its settings; returns it as the kernel has it. */
    public Address replace(AddressSpec spec) throws NetlinkException {
        return modify(spec, true);
    }

    private Address modify(AddressSpec spec, boolean replace) throws NetlinkException {
        return modify(spec, links.index(spec.link()), replace);
    }

    private Address modify(AddressSpec spec, int index, boolean replace) throws NetlinkException {
        Address[] made = new Address[1];
        socket.request(w -> AddressCodec.encodeAdd(w, spec, index, replace, true), (s, off, len) -> keepEcho(s, off, len, spec, made, 0),
                target(replace ? "replace address" : "add address", spec));
        if (made[0] != null) return made[0];
        // the dump holds the addresses of this one link
        for (Address a : dump(spec.family(), index)) if (spec.matches(a, i -> spec.link())) return a;
        throw new io.github.netlink4j.error.NotFoundException("address " + describe(spec) + " was added but is gone", null);
    }

    private static void keepEcho(MemorySegment s, long off, int len, AddressSpec spec, Address[] into, int i)
            throws io.github.netlink4j.error.ProtocolException {
        Address a = AddressCodec.decodeEcho(s, off, len);
        if (a != null && a.address().equals(spec.address())) into[i] = a;
    }

    private static String describe(AddressSpec s) {
        return IpText.text(s.address()) + "/" + s.prefixLength();
    }

    private static Target target(String what, AddressSpec s) {
        return Target.onLink(what, "address " + describe(s) + " on " + s.link(), s.link());
    }

    /**
     * The address {@code address} on link {@code link}, if it has it ({@code ip addr show dev LINK to
     * ADDRESS}). Round trips: two (the link's index, then a dump of its addresses).
     */
    public Optional<Address> find(String link, InetAddress address) throws NetlinkException {
        for (Address a : list(link, AddressFamily.of(address))) if (a.address().equals(address)) return Optional.of(a);
        return Optional.empty();
    }

    /** The address {@code address} on link {@code link}; {@link NotFoundException} if it has none. Round trips as {@link #find}. */
    public Address get(String link, InetAddress address) throws NetlinkException {
        return find(link, address).orElseThrow(() -> new NotFoundException("address " + IpText.text(address) + " on " + link + " does not exist", null));
    }

    /** {@code ip addr del}. */
    public void delete(AddressSpec spec) throws NetlinkException {
        int index = links.index(spec.link());
        socket.request(w -> AddressCodec.encodeDelete(w, spec, index), null, target("delete address", spec));
    }

    /** Adds many addresses, pipelined; each reports its own success or error, and nothing is asked back. */
    public BulkResult<Void> addAll(List<AddressSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = resolve(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> AddressCodec.encodeAdd(w, specs.get(i), idx.get(specs.get(i).link()), false, false), null,
                i -> target("add address", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Deletes many addresses, pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<AddressSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = resolve(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> AddressCodec.encodeDelete(w, specs.get(i), idx.get(specs.get(i).link())), null,
                i -> target("delete address", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private Map<String, Integer> resolve(List<AddressSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (AddressSpec s : specs) if (!idx.containsKey(s.link())) idx.put(s.link(), links.index(s.link()));
        return idx;
    }
}
