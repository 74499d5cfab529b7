package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.route.RouteView;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Optional;

/** The {@link RouteView} over an RTM_NEWROUTE: rtmsg and the attributes it offers, read where they lie. */
public final class RouteFlyweight extends DumpView implements RouteView {
    private static final int RTMSG = 12;
    private long dstAt, gatewayAt, table, metric;
    private int dstLen, gatewayLen, oif;
    private AddressFamily family;
    private RouteType type;
    // tables above 255 are records made on demand: the last one is kept, since a dump is mostly of one table
    private RouteTable lastTable = RouteTable.MAIN;

    /** Points the view at the RTM_NEWROUTE at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, RTMSG, "RTM_NEWROUTE");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        dstAt = gatewayAt = -1;
        dstLen = gatewayLen = oif = 0;
        metric = 0;
        family = Views.family(a.u8At(h), "RTM_NEWROUTE");
        try {
            type = RouteType.of(a.u8At(h + 7));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("rtm_type " + a.u8At(h + 7) + " is not one this library knows");
        }
        table = a.u8At(h + 4);
        while (a.next()) {
            switch (a.type()) {
                case Rtnetlink.RTA_DST -> {
                    dstAt = Views.inet(a);
                    dstLen = a.payloadLength();
                }
                case Rtnetlink.RTA_GATEWAY -> {
                    gatewayAt = Views.inet(a);
                    gatewayLen = a.payloadLength();
                }
                case Rtnetlink.RTA_OIF -> oif = a.u32();
                case Rtnetlink.RTA_PRIORITY -> metric = Integer.toUnsignedLong(a.u32());
                case Rtnetlink.RTA_TABLE -> table = Integer.toUnsignedLong(a.u32());
                default -> { }
            }
        }
    }

    @Override
    public RouteTable table() {
        check();
        if (lastTable.value() != table) lastTable = RouteTable.of(table);
        return lastTable;
    }

    @Override
    public AddressFamily family() {
        check();
        return family;
    }

    @Override
    public Optional<InetAddress> destination() {
        check();
        return dstAt < 0 ? Optional.empty() : Optional.of(IpText.address(bytes(dstAt, dstLen)));
    }

    @Override
    public int copyDestination(byte[] into) {
        check();
        return copy(dstAt, dstLen, into);
    }

    @Override
    public int destinationLength() {
        check();
        return a.u8At(h + 1);
    }

    @Override
    public Optional<InetAddress> gateway() {
        check();
        return gatewayAt < 0 ? Optional.empty() : Optional.of(IpText.address(bytes(gatewayAt, gatewayLen)));
    }

    @Override
    public int copyGateway(byte[] into) {
        check();
        return copy(gatewayAt, gatewayLen, into);
    }

    @Override
    public int outputIndex() {
        check();
        return oif;
    }

    @Override
    public long metric() {
        check();
        return metric;
    }

    @Override
    public RouteProtocol protocol() {
        check();
        return Views.protocol(a.u8At(h + 5));
    }

    @Override
    public RouteType type() {
        check();
        return type;
    }

    @Override
    public RouteScope scope() {
        check();
        return Views.scope(a.u8At(h + 6));
    }

    @Override
    public String toString() {
        return "RouteView[" + destination().map(IpText::text).orElse("default") + "/" + destinationLength() + " table " + table() + "]";
    }
}
