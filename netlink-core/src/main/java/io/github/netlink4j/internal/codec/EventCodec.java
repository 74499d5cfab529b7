package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** The notifications in one multicast datagram, decoded into the API's records. */
public final class EventCodec {
    private EventCodec() {}

    /**
     * One notification: a {@code Link}, {@code Address}, {@code Route}, {@code Neighbour}, {@code Netconf} or an
     * {@code Integer} nsid, and whether it announced a deletion.
     *
     * @param value   the decoded object
     * @param deleted whether it was an RTM_DEL* message
     */
    public record Decoded(Object value, boolean deleted) {}

    /**
     * Decodes every notification in {@code [0, len)} of {@code s}. Message types the library does not
     * decode, neighbour entries of other families and nsid messages without an id are skipped, as ip
     * monitor skips what it does not print.
     */
    public static List<Decoded> decode(MemorySegment s, int len) throws ProtocolException {
        List<Decoded> out = new ArrayList<>();
        Messages m = new Messages().reset(s, len);
        while (m.next()) {
            long off = m.offset();
            int l = m.length();
            switch (m.type()) {
                case Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK ->
                        out.add(new Decoded(LinkCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELLINK));
                case Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR ->
                        out.add(new Decoded(AddressCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELADDR));
                case Rtnetlink.RTM_NEWROUTE, Rtnetlink.RTM_DELROUTE ->
                        out.add(new Decoded(RouteCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELROUTE));
                case Rtnetlink.RTM_NEWNEIGH, Rtnetlink.RTM_DELNEIGH -> {
                    if (NeighbourCodec.knownFamily(s, off, l)) {
                        out.add(new Decoded(NeighbourCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELNEIGH));
                    }
                }
                case Rtnetlink.RTM_NEWNETCONF, Rtnetlink.RTM_DELNETCONF -> {
                    if (NetconfCodec.knownFamily(s, off, l)) {
                        out.add(new Decoded(NetconfCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELNETCONF));
                    }
                }
                case Rtnetlink.RTM_NEWRULE, Rtnetlink.RTM_DELRULE ->
                        out.add(new Decoded(RuleCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELRULE));
                case Rtnetlink.RTM_NEWNEXTHOP, Rtnetlink.RTM_DELNEXTHOP ->
                        out.add(new Decoded(NexthopCodec.decode(s, off, l), m.type() == Rtnetlink.RTM_DELNEXTHOP));
                case Rtnetlink.RTM_NEWNSID, Rtnetlink.RTM_DELNSID -> {
                    int id = NsidCodec.decode(s, off, l);
                    if (id >= 0) out.add(new Decoded(id, m.type() == Rtnetlink.RTM_DELNSID));
                }
                default -> { }
            }
        }
        return out;
    }
}
