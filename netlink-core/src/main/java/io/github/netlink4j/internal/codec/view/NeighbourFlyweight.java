package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Neighbour;
import io.github.netlink4j.neighbour.NeighbourFlag;
import io.github.netlink4j.neighbour.NeighbourState;
import io.github.netlink4j.neighbour.NeighbourView;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Optional;

/** The {@link NeighbourView} over an RTM_NEWNEIGH: ndmsg and the attributes it offers, read where they lie. */
public final class NeighbourFlyweight extends DumpView implements NeighbourView {
    private static final int NDMSG = 12;
    private long dstAt, lladdrAt;
    private int dstLen, lladdrLen, protocol;
    private AddressFamily family;

    /** Points the view at the RTM_NEWNEIGH at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, NDMSG, "RTM_NEWNEIGH");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        dstAt = lladdrAt = -1;
        dstLen = lladdrLen = 0;
        protocol = -1;
        family = Views.family(a.u8At(h), "RTM_NEWNEIGH");
        while (a.next()) {
            switch (a.type()) {
                // as the record's decoder: an NDA_DST of another length (a bridge's) is no IP address
                case Neighbour.NDA_DST -> {
                    if (a.payloadLength() == 4 || a.payloadLength() == 16) {
                        dstAt = a.payloadOffset();
                        dstLen = a.payloadLength();
                    }
                }
                case Neighbour.NDA_LLADDR -> {
                    if (a.payloadLength() > 32) throw new ProtocolException("link-layer address of " + a.payloadLength() + " bytes (attribute " + a.type() + ")");
                    lladdrAt = a.payloadOffset();
                    lladdrLen = a.payloadLength();
                }
                case Neighbour.NDA_PROTOCOL -> {
                    if (a.payloadLength() >= 1) protocol = a.u8();
                }
                default -> { }
            }
        }
    }

    @Override
    public int index() {
        check();
        return a.s32At(h + 4);
    }

    @Override
    public AddressFamily family() {
        check();
        return family;
    }

    @Override
    public Optional<InetAddress> address() {
        check();
        return dstAt < 0 ? Optional.empty() : Optional.of(IpText.address(bytes(dstAt, dstLen)));
    }

    @Override
    public int copyAddress(byte[] into) {
        check();
        return copy(dstAt, dstLen, into);
    }

    @Override
    public Optional<MacAddress> lladdr() {
        check();
        return lladdrLen == 0 ? Optional.empty() : Optional.of(MacAddress.of(bytes(lladdrAt, lladdrLen)));
    }

    @Override
    public int copyLladdr(byte[] into) {
        check();
        return copy(lladdrAt, lladdrLen, into);
    }

    @Override
    public int rawState() {
        check();
        return a.u16At(h + 8);
    }

    @Override
    public boolean has(NeighbourState state) {
        return (rawState() & state.bit()) != 0;
    }

    @Override
    public int rawFlags() {
        check();
        return a.u8At(h + 10);
    }

    @Override
    public boolean has(NeighbourFlag flag) {
        return (rawFlags() & flag.bit()) != 0;
    }

    @Override
    public Optional<RouteProtocol> protocol() {
        check();
        return protocol < 0 ? Optional.empty() : Views.someProtocol(protocol);
    }

    @Override
    public String toString() {
        return "NeighbourView[" + address().map(IpText::text).orElse(family().text()) + " dev if" + index() + "]";
    }
}
