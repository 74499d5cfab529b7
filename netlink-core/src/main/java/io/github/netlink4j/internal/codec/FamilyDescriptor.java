package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.event.EventGroup;
import io.github.netlink4j.event.NetlinkEvent;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.MessageWriter;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything the library needs to know about one rtnetlink object family (links, addresses, routes, …)
 * besides its codec's request encoders, in one place: its message types; the layout of its requests, so
 * that an extended-ACK offset can be named; how a dump entry or notification decodes; what a
 * subscription keeps of an object and the key it knows it by; the event it becomes; and the multicast
 * groups that announce it, each with the dumps that list it again when notifications were lost.
 * {@link Families} lists every descriptor; the subscription, {@link EventCodec} and the attribute names
 * are driven from that list, so a family missing from it is missing everywhere at once.
 *
 * @param <R> the record of one object ({@code Link}, {@code Route}, …; {@code Integer} for an nsid)
 */
public final class FamilyDescriptor<R> {
    /** Decodes the message at {@code off}; null for one the library skips (a neighbour of an unknown family). */
    @FunctionalInterface
    public interface Decoder<R> {
        /** The object in the message at {@code off}, or null to skip it. */
        R decode(MemorySegment s, long off, int len) throws ProtocolException;
    }

    /** Makes the event announcing an object, as {@code NetlinkEvent.LinkEvent::new} does. */
    @FunctionalInterface
    public interface EventFactory<R> {
        /** The event for {@code value}. */
        NetlinkEvent event(NetlinkEvent.Action action, R value, boolean resync);
    }

    /** Writes a request (a dump). */
    @FunctionalInterface
    public interface Request {
        /** Writes the request into {@code w}. */
        void write(MessageWriter w);
    }

    /**
     * What a subscription to {@code group} dumps to list the family's objects again: one dump, or a walk of
     * dumps that first asks the kernel what to dump.
     *
     * @param group the multicast group
     * @param dump  the dump request, one address family's where the group is one address family's; null for a walk
     * @param walk  for a family the kernel dumps piecewise (per link, per parent of a link), how; null for the rest
     */
    public record Resync(EventGroup group, Request dump, Walk walk) {
        /** A resync by one dump. */
        public Resync(EventGroup group, Request dump) {
            this(group, dump, null);
        }
    }

    /** Takes one dump for a {@link Walk}: its objects, decoded by {@code decoder}, in the kernel's order. */
    @FunctionalInterface
    public interface Dumper {
        /** The objects of messages of type {@code type} the dump {@code request} lists; {@code what} names it in errors. */
        <T> List<T> dump(Request request, int type, Decoder<T> decoder, String what) throws NetlinkException;
    }

    /**
     * The dumps of a family the kernel lists piecewise, found by dumping what it is listed by: the links for
     * classes (RTM_GETTCLASS lists the classes of the ifindex it names, nothing without one), the qdiscs and
     * classes of each link for filters (RTM_GETTFILTER lists one parent of one link).
     */
    @FunctionalInterface
    public interface Walk {
        /** The family's dumps, asked of the kernel through {@code dumper}. */
        List<Request> dumps(Dumper dumper) throws NetlinkException;
    }

    /**
     * A walk over the links: the resync lists the links first, then dumps each.
     *
     * @param links    the dump of the links
     * @param linkType the message type of a link in it
     * @param index    the link index in one of its messages
     * @param dump     the family's dump of the link of an index
     */
    public record PerLink(Request links, int linkType, Decoder<Integer> index, IntFunction<Request> dump) implements Walk {
        @Override
        public List<Request> dumps(Dumper dumper) throws NetlinkException {
            List<Request> out = new ArrayList<>();
            for (int i : dumper.dump(links, linkType, index, "links")) out.add(dump.apply(i));
            return out;
        }
    }

    private final Class<R> type;
    private final String name;
    private final int newType, delType, getType;
    private final int[] requestTypes;
    private final int header;
    private final Supplier<AttrTable> names;
    private final Decoder<R> decoder;
    private final UnaryOperator<R> state;
    private final Function<R, Object> key;
    private final Class<? extends NetlinkEvent> eventType;
    private final EventFactory<R> events;
    private final List<Resync> resyncs;
    private final Function<R, Predicate<R>> cascade;

    private FamilyDescriptor(Builder<R> b) {
        type = b.type;
        name = b.name;
        newType = b.newType;
        delType = b.delType;
        getType = b.getType;
        requestTypes = b.requestTypes;
        header = b.header;
        names = b.names;
        decoder = b.decoder;
        state = b.state;
        key = b.key;
        eventType = b.eventType;
        events = b.events;
        resyncs = List.copyOf(b.resyncs);
        cascade = b.cascade;
    }

    /** Starts the descriptor of the family whose objects are {@code type}s; {@code name} says what a dump lists ("links"). */
    public static <R> Builder<R> of(Class<R> type, String name) {
        return new Builder<>(type, name);
    }

    /** The record of one object. */
    public Class<R> type() {
        return type;
    }

    /** What a dump of the family lists, as errors say it ("dump links"). */
    public String name() {
        return name;
    }

    /** RTM_NEW*: an object in a dump, an echo or a notification. */
    public int newType() {
        return newType;
    }

    /** RTM_DEL*: a deletion. */
    public int delType() {
        return delType;
    }

    /** RTM_GET*: a dump or get request. */
    public int getType() {
        return getType;
    }

    /** Every request type of the family (new, del, get and any others, such as RTM_SETLINK), all laid out alike. */
    public int[] requestTypes() {
        return requestTypes.clone();
    }

    /** The family header's length after the nlmsghdr (16 for ifinfomsg, …). */
    public int header() {
        return header;
    }

    /** The names of the family's attributes, built from the uapi constants (on each call: only the naming of an error asks). */
    public AttrTable names() {
        return names.get();
    }

    /** The object in the message at {@code off}, or null for one the library skips. */
    public R decode(MemorySegment s, long off, int len) throws ProtocolException {
        return decoder.decode(s, off, len);
    }

    /** What a subscription keeps of {@code value}: without counters and timers, so that equal means unchanged. */
    public Object state(Object value) {
        return state.apply(type.cast(value));
    }

    /** The key a subscription knows {@code value} by: two notifications of one object have equal keys. */
    public Object key(Object value) {
        return key.apply(type.cast(value));
    }

    /** The type of {@link #event}'s events. */
    public Class<? extends NetlinkEvent> eventType() {
        return eventType;
    }

    /** The event announcing {@code value}. */
    public NetlinkEvent event(NetlinkEvent.Action action, Object value, boolean resync) {
        return events.event(action, type.cast(value), resync);
    }

    /** The groups that announce the family, each with the dump that lists it again, in the order a resync dumps them. */
    public List<Resync> resyncs() {
        return resyncs;
    }

    /**
     * What else the deletion of {@code deleted} removes without a notification of its own, as a test of the
     * family's other objects (a u32 or flower priority's head takes every filter of the priority with it);
     * null when it removes nothing else.
     */
    public Predicate<Object> cascade(Object deleted) {
        if (cascade == null) return null;
        Predicate<R> p = cascade.apply(type.cast(deleted));
        return p == null ? null : v -> type.isInstance(v) && p.test(type.cast(v));
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a descriptor; {@link #build} refuses one with a part missing. */
    public static final class Builder<R> {
        private final Class<R> type;
        private final String name;
        private int newType = -1, delType = -1, getType = -1;
        private int[] requestTypes;
        private int header = -1;
        private Supplier<AttrTable> names;
        private Decoder<R> decoder;
        private UnaryOperator<R> state = UnaryOperator.identity();
        private Function<R, Object> key;
        private Class<? extends NetlinkEvent> eventType;
        private EventFactory<R> events;
        private final List<Resync> resyncs = new ArrayList<>();
        private Function<R, Predicate<R>> cascade;

        private Builder(Class<R> type, String name) {
            this.type = Objects.requireNonNull(type);
            this.name = Objects.requireNonNull(name);
        }

        /** RTM_NEW*, RTM_DEL*, RTM_GET* and any other request types laid out alike (RTM_SETLINK). */
        public Builder<R> messages(int newType, int delType, int getType, int... others) {
            this.newType = newType;
            this.delType = delType;
            this.getType = getType;
            int[] all = new int[3 + others.length];
            all[0] = newType;
            all[1] = delType;
            all[2] = getType;
            System.arraycopy(others, 0, all, 3, others.length);
            this.requestTypes = all;
            return this;
        }

        /** The family header's length, and the names of the attributes after it (asked only when an error is named). */
        public Builder<R> layout(int header, Supplier<AttrTable> names) {
            this.header = header;
            this.names = Objects.requireNonNull(names);
            return this;
        }

        /** How a dump entry or notification decodes. */
        public Builder<R> decoder(Decoder<R> decoder) {
            this.decoder = Objects.requireNonNull(decoder);
            return this;
        }

        /** What a subscription keeps of an object, if not the object itself. */
        public Builder<R> state(UnaryOperator<R> state) {
            this.state = Objects.requireNonNull(state);
            return this;
        }

        /** The key an object is known by. */
        public Builder<R> key(Function<R, Object> key) {
            this.key = Objects.requireNonNull(key);
            return this;
        }

        /** The events announcing an object. */
        public <E extends NetlinkEvent> Builder<R> events(Class<E> eventType, EventFactory<R> events) {
            this.eventType = Objects.requireNonNull(eventType);
            this.events = Objects.requireNonNull(events);
            return this;
        }

        /** A group announcing the family, and the dump that lists what it announces. */
        public Builder<R> resync(EventGroup group, Request dump) {
            resyncs.add(new Resync(Objects.requireNonNull(group), Objects.requireNonNull(dump)));
            return this;
        }

        /** A group announcing the family, whose objects the kernel dumps piecewise ({@link PerLink}, or a walk of its own). */
        public Builder<R> resyncWalk(EventGroup group, Walk walk) {
            resyncs.add(new Resync(Objects.requireNonNull(group), null, Objects.requireNonNull(walk)));
            return this;
        }

        /** What else a deletion removes: for a deleted object, the test of the others it takes with it, or null for none. */
        public Builder<R> cascade(Function<R, Predicate<R>> cascade) {
            this.cascade = Objects.requireNonNull(cascade);
            return this;
        }

        /** The descriptor. */
        public FamilyDescriptor<R> build() {
            if (requestTypes == null || names == null || decoder == null || key == null || events == null || resyncs.isEmpty()) {
                throw new IllegalStateException("family " + name + " lacks its messages, layout, decoder, key, events or resync");
            }
            return new FamilyDescriptor<>(this);
        }
    }
}
