package io.github.netlink4j.generic;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlMulticastGroup;
import io.github.netlink4j.genl.SpecMessage;
import io.github.netlink4j.genl.SpecOperation;
import io.github.netlink4j.genl.SpecRequestException;
import io.github.netlink4j.internal.codec.genl.SpecCodec;
import io.github.netlink4j.internal.transport.Bus;
import io.github.netlink4j.internal.transport.EventSocket;
import io.github.netlink4j.internal.transport.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generic netlink family driven by its spec alone, as the kernel's YNL client drives one: any operation
 * by its spec name, its request and its replies as trees of values keyed by the spec's attribute names
 * (the shape JSON gives: maps, lists, strings, numbers, booleans; enums and flags by name, binaries as
 * bytes, or hex on the way in). Where a typed family exists ({@link Ethtool}, {@link Netdev}) it says more;
 * this reaches every attribute the spec has. From {@link GenericNetlink#spec(String)}.
 *
 * {@snippet :
 * SpecFamily ethtool = nl.genl().spec("ethtool");
 * List<SpecMessage> r = ethtool.call("channels-get", Map.of("header", Map.of("dev-name", "veth0")));
 * r.get(0).attributes().get("rx-count");                          // 1L
 * for (SpecMessage dev : nl.genl().spec("netdev").dump("dev-get", Map.of()))
 *     System.out.println(dev.attributes().get("xdp-features"));   // [basic, redirect, ...]
 * }
 *
 * <p>A request the spec refuses (an unknown operation or attribute, a value of the wrong type) is a
 * {@link SpecRequestException} before anything is sent; a family the kernel lacks a
 * {@link io.github.netlink4j.error.NoSuchFamilyException}; an operation it lacks a
 * {@link io.github.netlink4j.error.NoSuchOperationException}; the kernel's own refusals a
 * {@link io.github.netlink4j.error.KernelException} whose path names the spec's attributes.
 */
public final class SpecFamily {
    private final GenericNetlink genl;
    private final SpecCodec codec;

    SpecFamily(GenericNetlink genl, SpecCodec codec) {
        this.genl = genl;
        this.codec = codec;
    }

    /** The family's name ({@code ethtool}). */
    public String name() {
        return codec.family();
    }

    /** Every operation of the spec, in its order (the running kernel may lack some: see {@link GenlFamily#operations()}). */
    public List<SpecOperation> operations() {
        return codec.operations();
    }

    /** The spec's multicast groups, by name (a spec may leave out groups the kernel has: {@link GenlFamily#multicastGroups()}). */
    public List<String> groups() {
        return codec.groups();
    }

    /** Sends {@code operation} as a do with {@code request} as its attributes; returns the replies (one for a get, none for most sets). */
    public List<SpecMessage> call(String operation, Map<String, ?> request) throws NetlinkException {
        GenlFamily f = family(codec.check(operation, false, request));
        List<SpecMessage> out = new ArrayList<>();
        genl.socket().request(w -> codec.encode(w, f.id(), f.version(), operation, false, request),
                (s, off, len) -> out.add(codec.decode(s, off, len)), Target.of(name() + " " + operation, name()));
        return out;
    }

    /** Dumps {@code operation} with {@code request} as its attributes (a filter, such as a device's header); returns every reply. */
    public List<SpecMessage> dump(String operation, Map<String, ?> request) throws NetlinkException {
        GenlFamily f = family(codec.check(operation, true, request));
        List<SpecMessage> out = new ArrayList<>();
        genl.socket().dump(w -> codec.encode(w, f.id(), f.version(), operation, true, request), f.id(),
                (s, off, len) -> out.add(codec.decodeDumpReply(operation, s, off, len)), out::clear, name() + " " + operation);
        return out;
    }

    /**
     * The attribute of a request that the kernel refused with {@code error}, in the spec's names joined by dots
     * ({@code header.dev-name}, as YNL's {@code bad-attr} names it, and as {@link SpecRequestException#attribute()}
     * names a refusal of the spec): the request of {@code operation} with {@code request}, a dump if
     * {@code dump}, as {@link #call} or {@link #dump} sent it. Empty when the kernel pointed at no attribute (no
     * extended-ACK offset, or one outside the attributes). Nothing is sent.
     */
    public java.util.Optional<String> attributePath(String operation, boolean dump, Map<String, ?> request,
                                                    io.github.netlink4j.error.KernelException error) {
        if (error.extAckOffset().isEmpty()) return java.util.Optional.empty();
        return codec.specPath(operation, dump, request, error.extAckOffset().getAsInt());
    }

    /**
     * Joins the multicast {@code groups} ({@code monitor} of ethtool, {@code mgmt} of netdev) on an event
     * socket of its own; the listener it returns hands over what the kernel notifies. Close it. The groups
     * are the running kernel's (nlctrl's), which a spec may not list.
     */
    public SpecListener subscribe(String... groups) throws IOException {
        if (groups.length == 0) throw new IllegalArgumentException("subscribe to at least one group of " + name());
        GenlFamily f = genl.get(name());
        List<Integer> ids = new ArrayList<>();
        for (String g : groups) {
            ids.add(f.multicastGroup(g).map(GenlMulticastGroup::id).orElseThrow(() -> new SpecRequestException(name(), "subscribe", null,
                    "this kernel's family has no multicast group " + g + " (it has "
                            + String.join(", ", f.multicastGroups().stream().map(GenlMulticastGroup::name).toList()) + ")")));
        }
        EventSocket events = genl.openEvents(Bus.GENERIC);
        try {
            for (int id : ids) events.joinGroup(id);
            return new SpecListener(events, f.id(), codec);
        } catch (IOException | RuntimeException e) {
            events.close();
            throw e;
        }
    }

    private GenlFamily family(int command) throws NetlinkException {
        GenlFamily f = genl.get(name());
        GenericNetlink.checkOperation(f, command);
        return f;
    }

    @Override
    public String toString() {
        return "SpecFamily[" + name() + "]";
    }
}
