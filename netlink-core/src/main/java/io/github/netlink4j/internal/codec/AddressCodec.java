package io.github.netlink4j.internal.codec;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.route.RouteScope;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.Inet;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** RTM_*ADDR messages (struct ifaddrmsg + IFA_* attributes). */
public final class AddressCodec {
    private AddressCodec() {}

    static final int IFADDRMSG = 8;
    /** The message type of an address in a dump, echo or notification. */
    public static final int NEW = Rtnetlink.RTM_NEWADDR;
    private static final long FOREVER = 0xFFFFFFFFL;

    /** Decodes the RTM_NEWADDR or RTM_DELADDR at {@code off}. */
    public static Address decode(MemorySegment s, long off, int len) throws ProtocolException {
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
        Duration valid = Address.FOREVER, preferred = Address.FOREVER;
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
                    preferred = pref == FOREVER ? Address.FOREVER : Duration.ofSeconds(pref);
                    valid = val == FOREVER ? Address.FOREVER : Duration.ofSeconds(val);
                }
                default -> { }
            }
        }
        InetAddress main = local != null ? local : address;
        if (main == null) throw new ProtocolException("RTM_NEWADDR on index " + index + " has neither IFA_LOCAL nor IFA_ADDRESS");
        Optional<InetAddress> peer = local != null && address != null && !address.equals(local) ? Optional.of(address) : Optional.empty();
        return new Address(Enums.family(family, "RTM_NEWADDR"), index, main, prefix, peer, brd, label, RouteScope.of(scope),
                flags, AddressFlag.fromBits(flags), valid, preferred);
    }

    /** The address in an echo or reply message at {@code off}, or null if the message is not RTM_NEWADDR. */
    public static Address decodeEcho(MemorySegment s, long off, int len) throws ProtocolException {
        return Nlmsg.type(s, off) == Rtnetlink.RTM_NEWADDR ? decode(s, off, len) : null;
    }

    /** RTM_GETADDR dump, filtered in the kernel by family (null: all) and link index (0: all). */
    public static void encodeDump(MessageWriter w, AddressFamily family, int index) {
        int m = w.beginMessage(Rtnetlink.RTM_GETADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.ifaddrmsg(family == null ? 0 : family.value(), 0, 0, 0, index);
        w.endMessage(m);
    }

    /**
     * RTM_NEWADDR (add: CREATE|EXCL, replace: CREATE|REPLACE; with NLM_F_ECHO the kernel sends the
     * address back), attributes in the order iproute2 sends them for {@code ip addr add ADDR [peer P]
     * [broadcast B] [label L] [FLAGS] [valid_lft V preferred_lft P]}: IFA_LOCAL, IFA_ADDRESS (the peer),
     * IFA_BROADCAST, IFA_FLAGS (flags that need more than the header's 8 bits, the header's then 0),
     * IFA_LABEL, IFA_ADDRESS (the local address again, without a peer), IFA_CACHEINFO.
     */
    public static void encodeAdd(MessageWriter w, AddressSpec a, int index, boolean replace, boolean echo) {
        encode(w, Rtnetlink.RTM_NEWADDR, (replace ? REPLACE : ADD) | (echo ? Netlink.NLM_F_ECHO : 0), a, index);
    }

    /** RTM_DELADDR for {@code a} on link {@code index}. */
    public static void encodeDelete(MessageWriter w, AddressSpec a, int index) {
        encode(w, Rtnetlink.RTM_DELADDR, DELETE, a, index);
    }

    private static void encode(MessageWriter w, int type, int nlFlags, AddressSpec a, int index) {
        int m = w.beginMessage(type, nlFlags);
        int flags = a.flags().isEmpty() ? 0 : AddressFlag.toBits(a.flags());
        InetAddress local = a.address();
        boolean v4 = local instanceof Inet4Address;
        boolean loopback = local.isLoopbackAddress();
        int scope = a.scope().isPresent() ? a.scope().get().value() : loopback ? RouteScope.HOST.value() : 0;
        w.ifaddrmsg(v4 ? AddressFamily.INET.value() : AddressFamily.INET6.value(), a.prefixLength(), flags > 0xff ? 0 : flags,
                scope, index);
        w.attrInet(IfAddr.IFA_LOCAL, local);
        if (a.peer().isPresent()) w.attrInet(IfAddr.IFA_ADDRESS, a.peer().get());
        if (a.broadcast().isPresent()) w.attrInet(IfAddr.IFA_BROADCAST, a.broadcast().get());
        if (flags > 0xff) w.attrU32(IfAddr.IFA_FLAGS, flags);
        if (a.label().isPresent()) w.attrString(IfAddr.IFA_LABEL, a.label().get());
        if (a.peer().isEmpty()) w.attrInet(IfAddr.IFA_ADDRESS, local);
        if (!a.validLifetime().equals(Address.FOREVER) || !a.preferredLifetime().equals(Address.FOREVER)) {
            // struct ifa_cacheinfo: ifa_prefered, ifa_valid, cstamp, tstamp (the stamps are ignored on input).
            byte[] b = new byte[16];
            java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder())
                    .putInt((int) a.preferredLifetime().toSeconds()).putInt((int) a.validLifetime().toSeconds());
            w.attrBytes(IfAddr.IFA_CACHEINFO, b);
        }
        w.endMessage(m);
    }

    private static final int ADD = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    private static final int REPLACE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE;
    private static final int DELETE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
}
