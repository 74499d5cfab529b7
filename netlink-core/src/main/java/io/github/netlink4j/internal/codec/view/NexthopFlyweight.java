package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.Nexthop;
import io.github.netlink4j.route.NexthopFlag;
import io.github.netlink4j.route.NexthopGroupType;
import io.github.netlink4j.route.NexthopView;
import io.github.netlink4j.route.RouteProtocol;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/** The {@link NexthopView} over an RTM_NEWNEXTHOP: nhmsg and the attributes it offers, read where they lie. */
public final class NexthopFlyweight extends DumpView implements NexthopView {
    private static final int NHMSG = 8;
    private static final Optional<AddressFamily> INET = Optional.of(AddressFamily.INET), INET6 = Optional.of(AddressFamily.INET6);
    private static final Optional<NexthopGroupType> MPATH = Optional.of(NexthopGroupType.MPATH),
            RESILIENT = Optional.of(NexthopGroupType.RESILIENT);
    private long id, gatewayAt, groupAt;
    private int gatewayLen, groupSize, oif, groupType;
    private boolean blackhole, fdb;
    private Optional<AddressFamily> family;

    /** Points the view at the RTM_NEWNEXTHOP at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, NHMSG, "RTM_NEWNEXTHOP");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        id = 0;
        gatewayAt = groupAt = -1;
        gatewayLen = groupSize = oif = 0;
        groupType = -1;
        blackhole = fdb = false;
        int f = a.u8At(h);
        family = f == 0 ? Optional.empty() : f == 2 ? INET : f == 10 ? INET6 : Optional.of(Views.family(f, "RTM_NEWNEXTHOP"));
        while (a.next()) {
            switch (a.type()) {
                case Nexthop.NHA_ID -> id = Integer.toUnsignedLong(a.u32());
                case Nexthop.NHA_GATEWAY -> {
                    gatewayAt = Views.inet(a);
                    gatewayLen = a.payloadLength();
                }
                case Nexthop.NHA_OIF -> oif = a.u32();
                case Nexthop.NHA_BLACKHOLE -> blackhole = true;
                case Nexthop.NHA_FDB -> fdb = true;
                case Nexthop.NHA_GROUP -> {
                    // struct nexthop_grp { u32 id; u8 weight; u8 resvd1; u16 resvd2; }, weight stored minus one
                    if (a.payloadLength() % 8 != 0) throw new ProtocolException("NHA_GROUP of " + a.payloadLength() + " bytes, not whole members");
                    groupAt = a.payloadOffset();
                    groupSize = a.payloadLength() / 8;
                }
                case Nexthop.NHA_GROUP_TYPE -> groupType = a.u16();
                default -> { }
            }
        }
    }

    @Override
    public long id() {
        check();
        return id;
    }

    @Override
    public Optional<AddressFamily> family() {
        check();
        return family;
    }

    @Override
    public RouteScope scope() {
        check();
        return Views.scope(a.u8At(h + 1));
    }

    @Override
    public RouteProtocol protocol() {
        check();
        return Views.protocol(a.u8At(h + 2));
    }

    @Override
    public int rawFlags() {
        check();
        return a.s32At(h + 4);
    }

    @Override
    public boolean has(NexthopFlag flag) {
        return (rawFlags() & flag.bit()) != 0;
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
    public boolean blackhole() {
        check();
        return blackhole;
    }

    @Override
    public boolean fdb() {
        check();
        return fdb;
    }

    @Override
    public boolean isGroup() {
        check();
        return groupSize > 0;
    }

    @Override
    public int groupSize() {
        check();
        return groupSize;
    }

    @Override
    public long memberId(int i) {
        check();
        return Integer.toUnsignedLong(a.s32At(groupAt + 8L * Objects.checkIndex(i, groupSize)));
    }

    @Override
    public int memberWeight(int i) {
        check();
        return a.u8At(groupAt + 8L * Objects.checkIndex(i, groupSize) + 4) + 1;
    }

    @Override
    public Optional<NexthopGroupType> groupType() {
        check();
        return groupType < 0 ? Optional.empty() : groupType == 1 ? RESILIENT : MPATH;
    }

    @Override
    public String toString() {
        return "NexthopView[id " + id() + "]";
    }
}
