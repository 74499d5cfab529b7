package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.address.AddressView;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Optional;

/** The {@link AddressView} over an RTM_NEWADDR: ifaddrmsg and the attributes it offers, read where they lie. */
public final class AddressFlyweight extends DumpView implements AddressView {
    private static final int IFADDRMSG = 8;
    private long localAt, addressAt, labelAt;
    private int localLen, addressLen, labelLen;
    private AddressFamily family;

    /** Points the view at the RTM_NEWADDR at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, IFADDRMSG, "RTM_NEWADDR");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        localAt = addressAt = labelAt = -1;
        localLen = addressLen = labelLen = 0;
        family = Views.family(a.u8At(h), "RTM_NEWADDR");
        while (a.next()) {
            switch (a.type()) {
                case IfAddr.IFA_LOCAL -> {
                    localAt = Views.inet(a);
                    localLen = a.payloadLength();
                }
                case IfAddr.IFA_ADDRESS -> {
                    addressAt = Views.inet(a);
                    addressLen = a.payloadLength();
                }
                case IfAddr.IFA_LABEL -> {
                    labelAt = a.payloadOffset();
                    labelLen = a.payloadLength();
                }
                default -> { }
            }
        }
        if (localAt < 0 && addressAt < 0) {
            throw new ProtocolException("RTM_NEWADDR on index " + a.s32At(h + 4) + " has neither IFA_LOCAL nor IFA_ADDRESS");
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
    public int prefixLength() {
        check();
        return a.u8At(h + 1);
    }

    @Override
    public InetAddress address() {
        check();
        return localAt >= 0 ? IpText.address(bytes(localAt, localLen)) : IpText.address(bytes(addressAt, addressLen));
    }

    @Override
    public int copyAddress(byte[] into) {
        check();
        return localAt >= 0 ? copy(localAt, localLen, into) : copy(addressAt, addressLen, into);
    }

    @Override
    public Optional<String> label() {
        check();
        return labelAt < 0 ? Optional.empty() : Optional.of(string(labelAt, labelLen));
    }

    @Override
    public RouteScope scope() {
        check();
        return Views.scope(a.u8At(h + 3));
    }

    @Override
    public String toString() {
        return "AddressView[" + index() + " " + IpText.text(address()) + "/" + prefixLength() + "]";
    }
}
