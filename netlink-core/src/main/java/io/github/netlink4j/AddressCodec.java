package io.github.netlink4j;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/** RTM_*ADDR messages (struct ifaddrmsg + IFA_* attributes). */
final class AddressCodec {
    private AddressCodec() {}

    static final int IFADDRMSG = 8;
    private static final long FOREVER = 0xFFFFFFFFL;

    static Address decode(MemorySegment s, long off, int len) throws ProtocolException {
        Attrs a = Attrs.ofMessage(s, off, len, IFADDRMSG, "RTM_NEWADDR", "ifaddrmsg");
        long h = off + Nlmsg.HDRLEN;
        int family = a.u8At(h);
        int prefix = a.u8At(h + 1);
        int flags = a.u8At(h + 2);
        int scope = a.u8At(h + 3);
        int index = a.s32At(h + 4);
        InetAddress local = null, address = null;
        long localAt = -1, addressAt = -1; // payload offsets: for a plain address both hold the same bytes
        int localLen = 0, addressLen = 0;
        Optional<InetAddress> brd = Optional.empty();
        Optional<String> label = Optional.empty();
        OptionalLong valid = OptionalLong.empty(), preferred = OptionalLong.empty();
        while (a.next()) {
            switch (a.type()) {
                case IfAddr.IFA_LOCAL -> {
                    local = address != null && a.payloadEquals(addressAt, addressLen) ? address : Inet.decode(a);
                    localAt = a.payloadOffset();
                    localLen = a.payloadLength();
                }
                case IfAddr.IFA_ADDRESS -> {
                    address = local != null && a.payloadEquals(localAt, localLen) ? local : Inet.decode(a);
                    addressAt = a.payloadOffset();
                    addressLen = a.payloadLength();
                }
                case IfAddr.IFA_BROADCAST -> brd = Optional.of(Inet.decode(a));
                case IfAddr.IFA_LABEL -> label = Optional.of(a.string());
                case IfAddr.IFA_FLAGS -> flags = a.u32();
                case IfAddr.IFA_CACHEINFO -> {
                    if (a.payloadLength() < 16) throw new ProtocolException("IFA_CACHEINFO of " + a.payloadLength() + " bytes, need 16");
                    long pref = Integer.toUnsignedLong(a.s32At(a.payloadOffset()));
                    long val = Integer.toUnsignedLong(a.s32At(a.payloadOffset() + 4));
                    preferred = pref == FOREVER ? OptionalLong.empty() : OptionalLong.of(pref);
                    valid = val == FOREVER ? OptionalLong.empty() : OptionalLong.of(val);
                }
                default -> { }
            }
        }
        InetAddress main = local != null ? local : address;
        if (main == null) throw new ProtocolException("RTM_NEWADDR on index " + index + " has neither IFA_LOCAL nor IFA_ADDRESS");
        Optional<InetAddress> peer = local != null && address != null && !address.equals(local) ? Optional.of(address) : Optional.empty();
        return new Address(family, index, main, prefix, peer, brd, label, RouteScope.of(scope), AddressFlag.of(flags), flags, valid, preferred);
    }

    /** RTM_GETADDR dump, filtered in the kernel by family (0 = all) and link index (0 = all). */
    static void encodeDump(MessageWriter w, int family, int index) {
        int m = w.beginMessage(Rtnetlink.RTM_GETADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ifaddrmsg(family, 0, 0, 0, index);
        w.endMessage(m);
    }

    /**
     * RTM_NEWADDR (add: CREATE|EXCL, replace: CREATE|REPLACE) or RTM_DELADDR, attributes in
     * iproute2's order: IFA_LOCAL, IFA_FLAGS (flags above 8 bits), IFA_LABEL, IFA_ADDRESS,
     * IFA_BROADCAST, IFA_CACHEINFO.
     */
    static void encode(MessageWriter w, int type, int nlFlags, AddressSpec a, int index) {
        // Written without lambdas or iterators: on the hot path this allocates nothing for IPv4.
        int m = w.beginMessage(type, nlFlags);
        int flags = a.flags().isEmpty() ? 0 : AddressFlag.bits(a.flags());
        InetAddress local = a.address();
        boolean v4 = local instanceof Inet4Address;
        // Inet4Address.hashCode() is the address as an int: read once, used for 127/8 (without the array
        // getAddress() copies) and for IFA_LOCAL and IFA_ADDRESS.
        int local4 = v4 ? local.hashCode() : 0;
        boolean loopback = v4 ? local4 >>> 24 == 127 : local.isLoopbackAddress();
        int scope = a.scope().isPresent() ? a.scope().get().value() : loopback ? RouteScope.HOST.value() : 0;
        w.ifaddrmsg(v4 ? Inet.AF_INET : Inet.AF_INET6, a.prefixLength(), flags & 0xff, scope, index);
        if (v4) w.attrInet4(IfAddr.IFA_LOCAL, local4);
        else w.attrInet(IfAddr.IFA_LOCAL, local);
        if (flags > 0xff) w.attrU32(IfAddr.IFA_FLAGS, flags);
        if (a.labelLength >= 0) w.attrShortString(IfAddr.IFA_LABEL, a.labelLo, a.labelHi, a.labelLength); // packed when the spec was made
        if (a.peer().isPresent()) w.attrInet(IfAddr.IFA_ADDRESS, a.peer().get());
        else if (v4) w.attrInet4(IfAddr.IFA_ADDRESS, local4);
        else w.attrInet(IfAddr.IFA_ADDRESS, local);
        if (a.broadcast().isPresent()) w.attrInet(IfAddr.IFA_BROADCAST, a.broadcast().get());
        if (a.validLifetime().isPresent()) {
            // struct ifa_cacheinfo: ifa_prefered, ifa_valid, cstamp, tstamp (the stamps are ignored on input).
            byte[] b = new byte[16];
            java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder())
                    .putInt((int) a.preferredLifetime().getAsLong()).putInt((int) a.validLifetime().getAsLong());
            w.attrBytes(IfAddr.IFA_CACHEINFO, b);
        }
        w.endMessage(m);
    }

    static final int ADD = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    static final int REPLACE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE;
    static final int DELETE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
}
