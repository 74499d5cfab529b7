package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.link.LinkFlag;
import io.github.netlink4j.link.LinkView;
import io.github.netlink4j.link.OperState;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.Set;

/** The {@link LinkView} over an RTM_NEWLINK: ifinfomsg and the attributes it offers, read where they lie. */
public final class LinkFlyweight extends DumpView implements LinkView {
    private static final int IFINFOMSG = 16;
    private long nameAt, kindAt, addressAt;
    private int nameLen, kindLen, addressLen, mtu, master;
    private OperState operState;

    /** Points the view at the RTM_NEWLINK at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, IFINFOMSG, "RTM_NEWLINK");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        nameAt = kindAt = addressAt = -1;
        nameLen = kindLen = addressLen = mtu = master = 0;
        operState = OperState.UNKNOWN;
        while (a.next()) {
            switch (a.type()) {
                case IfLink.IFLA_IFNAME -> {
                    nameAt = a.payloadOffset();
                    nameLen = a.payloadLength();
                }
                case IfLink.IFLA_MTU -> mtu = a.u32();
                case IfLink.IFLA_MASTER -> master = a.u32();
                case IfLink.IFLA_OPERSTATE -> {
                    try {
                        operState = OperState.of(a.u8());
                    } catch (IllegalArgumentException e) {
                        throw new ProtocolException("IFLA_OPERSTATE " + a.u8() + " is not one this library knows");
                    }
                }
                case IfLink.IFLA_ADDRESS -> {
                    if (a.payloadLength() > 32) throw new ProtocolException("link-layer address of " + a.payloadLength() + " bytes");
                    addressAt = a.payloadOffset();
                    addressLen = a.payloadLength();
                }
                case IfLink.IFLA_LINKINFO -> {
                    a.nestedAttrs(nest, "IFLA_LINKINFO");
                    while (nest.next()) {
                        if (nest.type() == IfLink.IFLA_INFO_KIND) {
                            kindAt = nest.payloadOffset();
                            kindLen = nest.payloadLength();
                        }
                    }
                }
                default -> { }
            }
        }
        if (nameAt < 0) throw new ProtocolException("RTM_NEWLINK for index " + a.s32At(h + 4) + " has no IFLA_IFNAME");
    }

    @Override
    public int index() {
        check();
        return a.s32At(h + 4);
    }

    @Override
    public String name() {
        check();
        return string(nameAt, nameLen);
    }

    @Override
    public boolean nameEquals(String name) {
        check();
        return stringEquals(nameAt, nameLen, name);
    }

    @Override
    public int rawFlags() {
        check();
        return a.s32At(h + 8);
    }

    @Override
    public boolean has(LinkFlag flag) {
        return (rawFlags() & flag.bit()) != 0;
    }

    @Override
    public Set<LinkFlag> flags() {
        return LinkFlag.fromBits(rawFlags());
    }

    @Override
    public int mtu() {
        check();
        return mtu;
    }

    @Override
    public int masterIndex() {
        check();
        return master;
    }

    @Override
    public Optional<String> kind() {
        check();
        return kindAt < 0 ? Optional.empty() : Optional.of(string(kindAt, kindLen));
    }

    @Override
    public boolean kindEquals(String kind) {
        check();
        return stringEquals(kindAt, kindLen, kind);
    }

    @Override
    public OperState operState() {
        check();
        return operState;
    }

    @Override
    public Optional<MacAddress> address() {
        check();
        return addressLen == 0 ? Optional.empty() : Optional.of(MacAddress.of(bytes(addressAt, addressLen)));
    }

    @Override
    public int copyAddress(byte[] into) {
        check();
        return copy(addressAt, addressLen, into);
    }

    @Override
    public String toString() {
        return "LinkView[" + index() + " " + name() + "]";
    }
}
