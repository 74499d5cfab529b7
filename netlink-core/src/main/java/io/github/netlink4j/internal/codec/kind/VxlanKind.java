package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * VXLAN ({@code IFLA_VXLAN_*}): written as iproute2's link_vxlan.c writes {@code ip link add … type vxlan
 * id N [local A] [remote|group A] [dev D] [dstport P]}, decoded as far as {@code ip -d link} prints it.
 * The underlay device is named inside the data (IFLA_VXLAN_LINK), not by IFLA_LINK.
 */
final class VxlanKind extends LinkKind<LinkSpec.Vxlan> {
    VxlanKind() {
        super("vxlan", LinkSpec.Vxlan.class, LinkData.Vxlan.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(IfLink.class, "IFLA_VXLAN_");
    }

    @Override
    protected List<String> dataLinks(LinkSpec.Vxlan x) {
        return x.underlay().map(List::of).orElse(List.of());
    }

    @Override
    protected void encodeData(MessageWriter w, LinkSpec.Vxlan x, ToIntFunction<String> resolve) {
        int data = w.beginNest(IfLink.IFLA_INFO_DATA);
        if (x.underlay().isPresent()) w.attrU32(IfLink.IFLA_VXLAN_LINK, resolve.applyAsInt(x.underlay().get()));
        w.attrU32(IfLink.IFLA_VXLAN_ID, x.vni());
        if (x.local().isPresent()) {
            InetAddress l = x.local().get();
            w.attrInet(l instanceof Inet6Address ? IfLink.IFLA_VXLAN_LOCAL6 : IfLink.IFLA_VXLAN_LOCAL, l);
        }
        if (x.remote().isPresent()) {
            InetAddress r = x.remote().get();
            w.attrInet(r instanceof Inet6Address ? IfLink.IFLA_VXLAN_GROUP6 : IfLink.IFLA_VXLAN_GROUP, r);
        }
        w.attrU8(IfLink.IFLA_VXLAN_LEARNING, 1);
        if (x.port().isPresent()) w.attrU16Be(IfLink.IFLA_VXLAN_PORT, x.port().getAsInt());
        w.endNest(data);
    }

    @Override
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        if (d == null) return raw(null);
        int vni = 0;
        boolean learning = false, external = false, vniFilter = false, proxy = false, rsc = false, l2miss = false, l3miss = false;
        boolean ttlInherit = false, remTx = false, remRx = false, gbp = false, gpe = false;
        OptionalInt port = OptionalInt.empty(), under = OptionalInt.empty(), ttl = OptionalInt.empty(), low = OptionalInt.empty();
        OptionalInt high = OptionalInt.empty(), tos = OptionalInt.empty(), df = OptionalInt.empty(), label = OptionalInt.empty();
        java.util.Optional<java.time.Duration> ageing = java.util.Optional.empty();
        java.util.OptionalLong limit = java.util.OptionalLong.empty();
        Optional<Boolean> csum = Optional.empty(), csum6Tx = Optional.empty(), csum6Rx = Optional.empty();
        Optional<InetAddress> group = Optional.empty(), local = Optional.empty();
        while (d.next()) {
            switch (d.type()) {
                case IfLink.IFLA_VXLAN_ID -> vni = d.u32();
                case IfLink.IFLA_VXLAN_PORT -> port = OptionalInt.of(d.u16be());
                case IfLink.IFLA_VXLAN_GROUP, IfLink.IFLA_VXLAN_GROUP6 -> group = Optional.of(Inet.decode(d));
                case IfLink.IFLA_VXLAN_LOCAL, IfLink.IFLA_VXLAN_LOCAL6 -> local = Optional.of(Inet.decode(d));
                case IfLink.IFLA_VXLAN_LINK -> under = OptionalInt.of(d.u32());
                case IfLink.IFLA_VXLAN_TTL -> ttl = OptionalInt.of(d.u8());
                case IfLink.IFLA_VXLAN_LEARNING -> learning = d.u8() != 0;
                case IfLink.IFLA_VXLAN_TOS -> tos = OptionalInt.of(d.u8());
                case IfLink.IFLA_VXLAN_AGEING -> { // 0 is the kernel's "never" and "no limit": read as empty (ARCHITECTURE.md, Vocabulary)
                    int v = d.u32();
                    ageing = v == 0 ? java.util.Optional.empty() : java.util.Optional.of(java.time.Duration.ofSeconds(Integer.toUnsignedLong(v)));
                }
                case IfLink.IFLA_VXLAN_LIMIT -> {
                    int v = d.u32();
                    limit = v == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Integer.toUnsignedLong(v));
                }
                case IfLink.IFLA_VXLAN_PORT_RANGE -> { // struct ifla_vxlan_port_range { __be16 low, high; }
                    byte[] r = d.bytes();
                    if (r.length >= 4) {
                        low = OptionalInt.of((r[0] & 0xFF) << 8 | (r[1] & 0xFF));
                        high = OptionalInt.of((r[2] & 0xFF) << 8 | (r[3] & 0xFF));
                    }
                }
                case IfLink.IFLA_VXLAN_PROXY -> proxy = d.u8() != 0;
                case IfLink.IFLA_VXLAN_RSC -> rsc = d.u8() != 0;
                case IfLink.IFLA_VXLAN_L2MISS -> l2miss = d.u8() != 0;
                case IfLink.IFLA_VXLAN_L3MISS -> l3miss = d.u8() != 0;
                case IfLink.IFLA_VXLAN_UDP_CSUM -> csum = Optional.of(d.u8() != 0);
                case IfLink.IFLA_VXLAN_UDP_ZERO_CSUM6_TX -> csum6Tx = Optional.of(d.u8() != 0);
                case IfLink.IFLA_VXLAN_UDP_ZERO_CSUM6_RX -> csum6Rx = Optional.of(d.u8() != 0);
                case IfLink.IFLA_VXLAN_REMCSUM_TX -> remTx = d.u8() != 0;
                case IfLink.IFLA_VXLAN_REMCSUM_RX -> remRx = d.u8() != 0;
                case IfLink.IFLA_VXLAN_GBP -> gbp = true; // a flag attribute
                case IfLink.IFLA_VXLAN_GPE -> gpe = true;
                case IfLink.IFLA_VXLAN_COLLECT_METADATA -> external = d.u8() != 0;
                case IfLink.IFLA_VXLAN_LABEL -> { // __be32
                    byte[] l = d.bytes();
                    if (l.length >= 4) label = OptionalInt.of((l[0] & 0xFF) << 24 | (l[1] & 0xFF) << 16 | (l[2] & 0xFF) << 8 | (l[3] & 0xFF));
                }
                case IfLink.IFLA_VXLAN_TTL_INHERIT -> ttlInherit = d.payloadLength() == 0 || d.u8() != 0;
                case IfLink.IFLA_VXLAN_DF -> df = OptionalInt.of(d.u8());
                case IfLink.IFLA_VXLAN_VNIFILTER -> vniFilter = d.u8() != 0;
                default -> { }
            }
        }
        return new LinkData.Vxlan(vni, port, group, local, under, ttl, learning, external, vniFilter, low, high, proxy, rsc, l2miss,
                l3miss, tos, ttlInherit, df, label, ageing, limit, csum, csum6Tx, csum6Rx, remTx, remRx, gbp, gpe);
    }
}
