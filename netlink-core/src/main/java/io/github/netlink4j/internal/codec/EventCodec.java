package io.github.netlink4j.internal.codec;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Messages;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** The notifications in one multicast datagram, decoded into the API's records by the families of {@link Families}. */
public final class EventCodec {
    private EventCodec() {}

    /**
     * One notification: the object its family decoded ({@code Link}, {@code Address}, …, an
     * {@code Integer} nsid), and whether it announced a deletion.
     *
     * @param family  the family that decoded it
     * @param value   the decoded object
     * @param deleted whether it was an RTM_DEL* message
     */
    public record Decoded(FamilyDescriptor<?> family, Object value, boolean deleted) {}

    /**
     * Decodes every notification in {@code [0, len)} of {@code s}. Message types of no family, and
     * those a family skips (neighbour entries of other address families, nsid messages without an id),
     * are left out, as ip monitor leaves out what it does not print.
     */
    public static List<Decoded> decode(MemorySegment s, int len) throws ProtocolException {
        List<Decoded> out = new ArrayList<>();
        Messages m = new Messages().reset(s, len);
        while (m.next()) {
            int type = m.type();
            FamilyDescriptor<?> f = Families.notifiedBy(type);
            if (f == null) continue;
            Object v = f.decode(s, m.offset(), m.length());
            if (v != null) out.add(new Decoded(f, v, type == f.delType()));
        }
        return out;
    }
}
