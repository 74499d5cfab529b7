package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.conntrack.ConntrackStatus;
import io.github.netlink4j.conntrack.ConntrackView;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.uapi.NfConntrack;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;

/**
 * The {@link ConntrackView} over an IPCTNL_MSG_CT_NEW: nfgenmsg and the attributes it offers, read where they
 * lie. Numbers inside CTA_* are big-endian, read byte by byte.
 */
public final class ConntrackFlyweight extends DumpView implements ConntrackView {
    private static final int NFGENMSG = 4;
    private static final int ORIG = 0, REPLY = 1;
    private final Attrs inner = new Attrs();
    // per direction: where the source and destination lie, and their length
    private final long[] srcAt = new long[2], dstAt = new long[2];
    private final int[] srcLen = new int[2], dstLen = new int[2];
    private int protocol, sport, dport, status, zone;
    private long mark, timeout;
    private AddressFamily family;

    /** Whether the message at {@code off} is of a family the view (and the record's decoder) reads: inet or inet6. */
    public static boolean readable(MemorySegment s, long off, int len) {
        if (len < io.github.netlink4j.internal.wire.Nlmsg.HDRLEN + NFGENMSG) return true; // let open report it
        int f = io.github.netlink4j.internal.wire.Nlmsg.u8(s, off + io.github.netlink4j.internal.wire.Nlmsg.HDRLEN);
        return f == AddressFamily.INET.value() || f == AddressFamily.INET6.value();
    }

    /** Points the view at the entry at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, NFGENMSG, "IPCTNL_MSG_CT_NEW");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        srcAt[ORIG] = srcAt[REPLY] = dstAt[ORIG] = dstAt[REPLY] = -1;
        protocol = -1;
        sport = dport = status = zone = 0;
        mark = timeout = 0;
        family = Views.family(a.u8At(h), "IPCTNL_MSG_CT_NEW");
        boolean orig = false, reply = false;
        while (a.next()) {
            switch (a.type()) {
                case NfConntrack.CTA_TUPLE_ORIG -> {
                    tuple(ORIG, "CTA_TUPLE_ORIG");
                    orig = true;
                }
                case NfConntrack.CTA_TUPLE_REPLY -> {
                    tuple(REPLY, "CTA_TUPLE_REPLY");
                    reply = true;
                }
                case NfConntrack.CTA_STATUS -> status = (int) be(a, 4);
                case NfConntrack.CTA_TIMEOUT -> timeout = be(a, 4);
                case NfConntrack.CTA_MARK -> mark = be(a, 4);
                case NfConntrack.CTA_ZONE -> zone = (int) be(a, 2);
                default -> { }
            }
        }
        if (!orig || !reply) throw new ProtocolException("conntrack entry without " + (!orig ? "CTA_TUPLE_ORIG" : "CTA_TUPLE_REPLY"));
    }

    private void tuple(int dir, String context) throws ProtocolException {
        a.nestedAttrs(nest, context);
        int proto = -1;
        while (nest.next()) {
            if (nest.type() == NfConntrack.CTA_TUPLE_IP) {
                nest.nestedAttrs(inner, context);
                while (inner.next()) {
                    switch (inner.type()) {
                        case NfConntrack.CTA_IP_V4_SRC, NfConntrack.CTA_IP_V6_SRC -> {
                            srcAt[dir] = Views.inet(inner);
                            srcLen[dir] = inner.payloadLength();
                        }
                        case NfConntrack.CTA_IP_V4_DST, NfConntrack.CTA_IP_V6_DST -> {
                            dstAt[dir] = Views.inet(inner);
                            dstLen[dir] = inner.payloadLength();
                        }
                        default -> { }
                    }
                }
            } else if (nest.type() == NfConntrack.CTA_TUPLE_PROTO) {
                nest.nestedAttrs(inner, context);
                while (inner.next()) {
                    switch (inner.type()) {
                        case NfConntrack.CTA_PROTO_NUM -> proto = inner.u8();
                        case NfConntrack.CTA_PROTO_SRC_PORT -> {
                            if (dir == ORIG) sport = (int) be(inner, 2);
                        }
                        case NfConntrack.CTA_PROTO_DST_PORT -> {
                            if (dir == ORIG) dport = (int) be(inner, 2);
                        }
                        default -> { }
                    }
                }
            }
        }
        if (srcAt[dir] < 0 || dstAt[dir] < 0 || proto < 0) {
            throw new ProtocolException("conntrack tuple without " + (srcAt[dir] < 0 ? "source" : dstAt[dir] < 0 ? "destination" : "CTA_PROTO_NUM")
                    + " while parsing " + context);
        }
        if (dir == ORIG) protocol = proto;
    }

    /** The big-endian number of {@code bytes} bytes under {@code c}, checked for length as the decoder's reads are. */
    private static long be(Attrs c, int bytes) throws ProtocolException {
        if (c.payloadLength() < bytes) throw new ProtocolException("attribute " + c.type() + " of " + c.payloadLength() + " bytes, need " + bytes);
        long v = 0;
        for (int i = 0; i < bytes; i++) v = v << 8 | c.u8At(c.payloadOffset() + i);
        return v;
    }

    private InetAddress address(long at, int len) {
        return IpText.address(bytes(at, len));
    }

    @Override
    public AddressFamily family() {
        check();
        return family;
    }

    @Override
    public int protocol() {
        check();
        return protocol;
    }

    @Override
    public InetAddress source() {
        check();
        return address(srcAt[ORIG], srcLen[ORIG]);
    }

    @Override
    public int copySource(byte[] into) {
        check();
        return copy(srcAt[ORIG], srcLen[ORIG], into);
    }

    @Override
    public InetAddress destination() {
        check();
        return address(dstAt[ORIG], dstLen[ORIG]);
    }

    @Override
    public int copyDestination(byte[] into) {
        check();
        return copy(dstAt[ORIG], dstLen[ORIG], into);
    }

    @Override
    public int sourcePort() {
        check();
        return sport;
    }

    @Override
    public int destinationPort() {
        check();
        return dport;
    }

    @Override
    public InetAddress replySource() {
        check();
        return address(srcAt[REPLY], srcLen[REPLY]);
    }

    @Override
    public InetAddress replyDestination() {
        check();
        return address(dstAt[REPLY], dstLen[REPLY]);
    }

    @Override
    public int rawStatus() {
        check();
        return status;
    }

    @Override
    public boolean has(ConntrackStatus s) {
        return (rawStatus() & s.bit()) != 0;
    }

    @Override
    public long mark() {
        check();
        return mark;
    }

    @Override
    public int zone() {
        check();
        return zone;
    }

    @Override
    public long timeoutSeconds() {
        check();
        return timeout;
    }

    @Override
    public String toString() {
        return "ConntrackView[" + protocol() + " " + IpText.text(source()) + " > " + IpText.text(destination()) + "]";
    }
}
