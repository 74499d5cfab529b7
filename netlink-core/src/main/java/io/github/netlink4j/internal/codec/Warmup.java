package io.github.netlink4j.internal.codec;

import io.github.netlink4j.AddressSpec;
import io.github.netlink4j.LinkSpec;
import io.github.netlink4j.MacAddress;
import io.github.netlink4j.NeighbourSpec;
import io.github.netlink4j.RouteSpec;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Messages;
import io.github.netlink4j.internal.wire.ReplyReader;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.net.InetAddress;

/**
 * Runs each codec once, without I/O, when the first client is created: class loading and the
 * one-time bootstrap of lambdas and pattern switches then happen at open, not in the caller's first
 * request.
 */
public final class Warmup {
    private Warmup() {}

    /** Encodes and decodes one message of each kind. Never fails: warming is only an optimisation. */
    public static void codecs() {
        try {
            MessageWriter w = new MessageWriter(1024);
            LinkCodec.encodeCreate(w, LinkSpec.veth("warm0", "warm1"), n -> 1, true);
            LinkCodec.encodeCreate(w, LinkSpec.of("warm2", "ifb"), n -> 1, true);
            LinkCodec.encodeChange(w, 1, 1, 1, LinkCodec.mtu(1500));
            LinkCodec.encodeDelete(w, 1);
            LinkCodec.encodeGet(w, 1, null);
            LinkCodec.encodeDump(w, false);
            AddressCodec.encodeAdd(w, AddressSpec.of("warm0", "198.18.0.1/32"), 1, false, true);
            RouteCodec.encodeAdd(w, RouteSpec.to("198.18.0.0/24").withGateway(InetAddress.ofLiteral("198.18.0.1")), n -> 1, false, true);
            NeighbourCodec.encodeAdd(w, NeighbourSpec.of("warm0", InetAddress.ofLiteral("198.18.0.2"), MacAddress.parse("02:00:00:00:00:01")),
                    1, false, true);
            Messages m = new Messages().reset(w.segment(), w.size());
            while (m.next()) {
                switch (m.type()) {
                    case Rtnetlink.RTM_NEWLINK -> LinkCodec.decode(w.segment(), m.offset(), m.length());
                    case Rtnetlink.RTM_NEWADDR -> AddressCodec.decode(w.segment(), m.offset(), m.length());
                    case Rtnetlink.RTM_NEWROUTE -> RouteCodec.decode(w.segment(), m.offset(), m.length());
                    case Rtnetlink.RTM_NEWNEIGH -> NeighbourCodec.decode(w.segment(), m.offset(), m.length());
                    default -> { }
                }
            }
            new ReplyReader().expect(0, 0).feed(w.segment(), w.size(), (s, off, len) -> { });
        } catch (Exception | LinkageError e) {
            // Warming is an optimisation only: the real requests report any problem themselves.
        }
    }
}
