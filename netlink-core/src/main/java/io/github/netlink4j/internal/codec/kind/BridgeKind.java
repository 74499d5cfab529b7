package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

/**
 * bridge: created with no IFLA_INFO_DATA (its settings are changed afterwards through the Bridges
 * handle); decoded in full ({@code IFLA_BR_*}), and so are its ports' IFLA_INFO_SLAVE_DATA
 * ({@code IFLA_BRPORT_*}), whose running timers a subscription leaves out.
 */
final class BridgeKind extends LinkKind<LinkSpec.Bridge> {
    BridgeKind() {
        super("bridge", LinkSpec.Bridge.class, LinkData.Bridge.class);
    }

    @Override
    public AttrTable dataNames() {
        return AttrTable.of(IfLink.class, "IFLA_BR_");
    }

    @Override
    public Class<? extends LinkData> portDataType() {
        return LinkData.BridgePort.class;
    }

    @Override
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        return d == null ? raw(null) : BridgeData.bridge(d);
    }

    @Override
    protected LinkData decodePortData(Attrs d) throws ProtocolException {
        return BridgeData.port(d);
    }

    @Override
    protected LinkData withoutTimers(LinkData data) {
        return BridgeData.withoutTimers(data);
    }
}
