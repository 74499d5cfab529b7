package io.github.netlink4j.generic;

import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.mptcp.EndpointFlag;
import io.github.netlink4j.genl.mptcp.MptcpEndpoint;
import io.github.netlink4j.genl.mptcp.MptcpEndpointSpec;
import io.github.netlink4j.genl.mptcp.MptcpLimits;
import io.github.netlink4j.internal.codec.genl.MptcpCodec;
import io.github.netlink4j.internal.transport.Target;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The in-kernel MPTCP path manager of one namespace (generic netlink family {@code mptcp_pm}): its
 * endpoints and limits, as {@code ip mptcp} reads and changes them. From {@link GenericNetlink#mptcp()}.
 *
 * {@snippet :
 * Mptcp mptcp = nl.genl().mptcp();
 * MptcpEndpoint e = mptcp.add(MptcpEndpointSpec.of("10.200.0.2").withFlags(EndpointFlag.SIGNAL));
 * mptcp.setFlags(e.id(), Set.of(EndpointFlag.BACKUP));   // ip mptcp endpoint change id 1 backup
 * mptcp.delete(e.id());
 * }
 *
 * <p>Round trips: {@code list}, {@code find}, {@code get}, {@code delete}, {@code flush}, {@code limits},
 * {@code setLimits} and {@code setFlags} one each; {@code add} two (the family does not echo what it made,
 * so the endpoint is read back), three when the spec names a device. The first call also resolves the
 * family through nlctrl ({@link io.github.netlink4j.error.NoSuchFamilyException} naming {@code mptcp_pm} when the kernel has no
 * MPTCP).
 */
public final class Mptcp {
    static final String FAMILY = "mptcp_pm";
    private final GenericNetlink genl;

    Mptcp(GenericNetlink genl) {
        this.genl = genl;
    }

    /** Every endpoint: one dump. */
    public List<MptcpEndpoint> list() throws NetlinkException {
        GenlFamily f = family(MptcpCodec.GET_ADDR);
        List<MptcpEndpoint> out = new ArrayList<>();
        genl.socket().dump(w -> MptcpCodec.encodeDump(w, f), f.id(), (s, off, len) -> out.add(MptcpCodec.decodeEndpoint(s, off, len)),
                out::clear, "mptcp endpoints");
        return List.copyOf(out);
    }

    /** Endpoint {@code id}, or empty when there is none. */
    public Optional<MptcpEndpoint> find(int id) throws NetlinkException {
        try {
            return Optional.of(get(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Endpoint {@code id}; {@link NotFoundException} (the kernel's refusal its cause) when there is none. */
    public MptcpEndpoint get(int id) throws NetlinkException {
        checkId(id);
        GenlFamily f = family(MptcpCodec.GET_ADDR);
        List<MptcpEndpoint> out = new ArrayList<>();
        try {
            genl.socket().get(w -> MptcpCodec.encodeGet(w, f, id), (s, off, len) -> out.add(MptcpCodec.decodeEndpoint(s, off, len)),
                    Target.of("get mptcp endpoint", "mptcp endpoint id " + id));
        } catch (KernelException e) {
            if (missing(e)) throw new NotFoundException("mptcp endpoint id " + id + " does not exist", e);
            throw e;
        }
        if (out.isEmpty()) throw new NotFoundException("mptcp endpoint id " + id + " does not exist", null);
        return out.get(0);
    }

    /**
     * Adds the endpoint {@code spec} describes and returns it as the kernel has it (with the id it gave
     * when the spec names none).
     *
     * @throws io.github.netlink4j.error.AlreadyExistsException an endpoint with that address or id exists
     * @throws io.github.netlink4j.error.NoSuchLinkException    the spec's device does not exist
     */
    public MptcpEndpoint add(MptcpEndpointSpec spec) throws NetlinkException {
        int ifindex = spec.device().isPresent() ? genl.links().index(spec.device().get()) : 0;
        GenlFamily f = family(MptcpCodec.ADD_ADDR);
        genl.socket().request(w -> MptcpCodec.encodeAdd(w, f, spec, ifindex), null,
                Target.of("add mptcp endpoint", "mptcp endpoint " + describe(spec)));
        if (spec.id().isPresent()) return get(spec.id().getAsInt());
        for (MptcpEndpoint e : list()) {
            if (e.address().equals(spec.address()) && e.port().equals(spec.port())) return e;
        }
        throw new NotFoundException("mptcp endpoint " + describe(spec) + " was added but is gone", null);
    }

    /**
     * Deletes endpoint {@code id}; the kernel also closes the subflows that used it.
     *
     * @throws NotFoundException there is no such endpoint
     */
    public void delete(int id) throws NetlinkException {
        checkId(id);
        GenlFamily f = family(MptcpCodec.DEL_ADDR);
        try {
            genl.socket().request(w -> MptcpCodec.encodeDelete(w, f, id), null, Target.of("delete mptcp endpoint", "mptcp endpoint id " + id));
        } catch (KernelException e) {
            if (missing(e)) throw new NotFoundException("mptcp endpoint id " + id + " does not exist", e);
            throw e;
        }
    }

    /** Deletes every endpoint ({@code ip mptcp endpoint flush}). */
    public void flush() throws NetlinkException {
        GenlFamily f = family(MptcpCodec.FLUSH_ADDRS);
        genl.socket().request(w -> MptcpCodec.encodeFlush(w, f), null, Target.of("flush mptcp endpoints", "mptcp endpoints"));
    }

    /**
     * Sets the changeable flags of endpoint {@code id} — {@link EndpointFlag#BACKUP} and
     * {@link EndpointFlag#FULLMESH} — to those in {@code flags} ({@code ip mptcp endpoint change}).
     *
     * @throws IllegalArgumentException {@code flags} holds another flag
     * @throws NotFoundException        there is no such endpoint
     */
    public void setFlags(int id, Set<EndpointFlag> flags) throws NetlinkException {
        checkId(id);
        Set<EndpointFlag> other = EnumSet.allOf(EndpointFlag.class);
        other.removeAll(EnumSet.of(EndpointFlag.BACKUP, EndpointFlag.FULLMESH));
        other.retainAll(flags);
        if (!other.isEmpty()) throw new IllegalArgumentException("only backup and fullmesh can be changed, not " + other);
        GenlFamily f = family(MptcpCodec.SET_FLAGS);
        int bits = EndpointFlag.bits(flags);
        try {
            genl.socket().request(w -> MptcpCodec.encodeSetFlags(w, f, id, bits), null,
                    Target.of("change mptcp endpoint", "mptcp endpoint id " + id));
        } catch (KernelException e) {
            if (missing(e)) throw new NotFoundException("mptcp endpoint id " + id + " does not exist", e);
            throw e;
        }
    }

    /** The limits ({@code ip mptcp limits show}). */
    public MptcpLimits limits() throws NetlinkException {
        GenlFamily f = family(MptcpCodec.GET_LIMITS);
        List<MptcpLimits> out = new ArrayList<>();
        genl.socket().get(w -> MptcpCodec.encodeGetLimits(w, f), (s, off, len) -> out.add(MptcpCodec.decodeLimits(s, off, len)),
                Target.of("get mptcp limits", "mptcp limits"));
        if (out.size() != 1) throw new io.github.netlink4j.error.ProtocolException("MPTCP_PM_CMD_GET_LIMITS answered " + out.size() + " replies");
        return out.get(0);
    }

    /** Sets both limits; the kernel refuses more than 8 of either (EINVAL, with its extended-ACK text). */
    public void setLimits(MptcpLimits limits) throws NetlinkException {
        setLimits(limits.subflows(), limits.addAddrAccepted());
    }

    /** Sets the number of extra subflows a connection may open, leaving add_addr_accepted as it is. */
    public void setSubflows(int subflows) throws NetlinkException {
        if (subflows < 0) throw new IllegalArgumentException("subflows " + subflows + " is negative");
        setLimits(subflows, -1);
    }

    /** Sets how many addresses announced by a peer a connection accepts, leaving subflows as it is. */
    public void setAddAddrAccepted(int accepted) throws NetlinkException {
        if (accepted < 0) throw new IllegalArgumentException("add_addr_accepted " + accepted + " is negative");
        setLimits(-1, accepted);
    }

    private void setLimits(long subflows, long accepted) throws NetlinkException {
        GenlFamily f = family(MptcpCodec.SET_LIMITS);
        genl.socket().request(w -> MptcpCodec.encodeSetLimits(w, f, subflows, accepted), null, Target.of("set mptcp limits", "mptcp limits"));
    }

    /** The kernel's answer for an id it does not know: EINVAL with "address not found" (it has no ENOENT here). */
    private static boolean missing(KernelException e) {
        return e.extAckMessage().map(m -> m.contains("not found")).orElse(false);
    }

    private static void checkId(int id) {
        if (id < 1 || id > 255) throw new IllegalArgumentException("an MPTCP endpoint id is 1 to 255, not " + id);
    }

    private static String describe(MptcpEndpointSpec spec) {
        return io.github.netlink4j.support.IpText.text(spec.address()) + spec.id().stream().mapToObj(i -> " id " + i).findFirst().orElse("");
    }

    /**
     * The path manager's events from now on ({@code ip mptcp monitor}: the {@code mptcp_pm_events} group), on a
     * socket of their own; close the listener.
     */
    public MptcpListener subscribe() throws java.io.IOException {
        GenlFamily f = genl.get(FAMILY);
        int group = f.multicastGroup(io.github.netlink4j.internal.codec.genl.MptcpEvents.GROUP).map(io.github.netlink4j.genl.GenlMulticastGroup::id)
                .orElseThrow(() -> new io.github.netlink4j.error.NoSuchOperationException(FAMILY, "multicast group " + io.github.netlink4j.internal.codec.genl.MptcpEvents.GROUP));
        io.github.netlink4j.internal.transport.EventSocket events = genl.openEvents(io.github.netlink4j.internal.transport.Bus.GENERIC);
        try {
            events.joinGroup(group);
            return new MptcpListener(events, f.id());
        } catch (java.io.IOException | RuntimeException e) {
            events.close();
            throw e;
        }
    }

    private GenlFamily family(int command) throws NetlinkException {
        GenlFamily f = genl.get(FAMILY);
        GenericNetlink.checkOperation(f, command);
        return f;
    }

    @Override
    public String toString() {
        return "Mptcp[" + genl + "]";
    }
}
