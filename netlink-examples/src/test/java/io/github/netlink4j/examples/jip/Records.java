package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.codec.AddressCodec;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.codec.RouteCodec;
import io.github.netlink4j.internal.codec.RuleCodec;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.route.Route;
import io.github.netlink4j.route.RouteSpec;
import io.github.netlink4j.route.Rule;
import io.github.netlink4j.route.RuleSpec;
import io.github.netlink4j.testing.Golden;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Records for the selector tests, made the way the kernel's replies make them: a spec encoded by the
 * library's codec and decoded back (what the kernel echoes), or a captured dump. No record constructor
 * is called, so the tests do not change when the records grow fields.
 */
final class Records {
    private Records() {}

    /** Link names to indexes in the route specs below: veth0 is 3, as in the captured dumps. */
    static final ToIntFunction<String> INDEX = name -> switch (name) {
        case "lo" -> 1;
        case "veth1" -> 2;
        case "veth0" -> 3;
        case "br0" -> 4;
        default -> 9;
    };

    static Route route(RouteSpec spec) {
        MessageWriter w = new MessageWriter(512);
        RouteCodec.encodeAdd(w, spec, INDEX, false, false);
        return decode(w, RouteCodec::decode);
    }

    static Rule rule(RuleSpec spec) {
        MessageWriter w = new MessageWriter(512);
        RuleCodec.encodeAdd(w, spec, false);
        return decode(w, RuleCodec::decode);
    }

    static Address address(AddressSpec spec) {
        MessageWriter w = new MessageWriter(256);
        AddressCodec.encodeAdd(w, spec, INDEX.applyAsInt(spec.link()), false, false);
        return decode(w, AddressCodec::decode);
    }

    /** The links of a captured {@code ip link show} (dump/links or dump/bridge-port), by index. */
    static Map<Integer, Link> links(String fixture) {
        byte[] b = Golden.bytes(fixture);
        MemorySegment s = Golden.segment(fixture);
        Map<Integer, Link> out = new LinkedHashMap<>();
        Messages m = new Messages().reset(s, b.length);
        try {
            while (m.next()) {
                Link l = LinkCodec.decode(s, m.offset(), m.length());
                out.put(l.index(), l);
            }
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** The link named {@code name} in {@code links}. */
    static Link link(Map<Integer, Link> links, String name) {
        return links.values().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private interface Decoder<T> {
        T decode(MemorySegment s, long off, int len) throws ProtocolException;
    }

    private static <T> T decode(MessageWriter w, Decoder<T> d) {
        try {
            return d.decode(w.segment(), 0, w.size());
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
