package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.FibRules;
import io.github.netlink4j.route.RouteTable;
import io.github.netlink4j.route.RuleFlag;
import io.github.netlink4j.route.RuleView;
import io.github.netlink4j.support.IpText;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.Optional;

/** The {@link RuleView} over an RTM_NEWRULE: fib_rule_hdr and the attributes it offers, read where they lie. */
public final class RuleFlyweight extends DumpView implements RuleView {
    private static final int FIB_RULE_HDR = 12;
    private long srcAt, dstAt, iifAt, oifAt, priority, fwmark, table, gotoPriority;
    private int srcLen, dstLen, iifLen, oifLen;
    private AddressFamily family;
    // as RouteFlyweight: tables above 255 are made on demand, and a rule set names few of them
    private RouteTable lastTable = RouteTable.MAIN;

    /** Points the view at the RTM_NEWRULE at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, FIB_RULE_HDR, "RTM_NEWRULE");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        srcAt = dstAt = iifAt = oifAt = -1;
        srcLen = dstLen = iifLen = oifLen = 0;
        priority = fwmark = gotoPriority = 0;
        family = Views.family(a.u8At(h), "RTM_NEWRULE");
        table = a.u8At(h + 4);
        while (a.next()) {
            switch (a.type()) {
                case FibRules.FRA_SRC -> {
                    srcAt = Views.inet(a);
                    srcLen = a.payloadLength();
                }
                case FibRules.FRA_DST -> {
                    dstAt = Views.inet(a);
                    dstLen = a.payloadLength();
                }
                case FibRules.FRA_PRIORITY -> priority = Integer.toUnsignedLong(a.u32());
                case FibRules.FRA_FWMARK -> fwmark = Integer.toUnsignedLong(a.u32());
                case FibRules.FRA_IIFNAME -> {
                    iifAt = a.payloadOffset();
                    iifLen = a.payloadLength();
                }
                case FibRules.FRA_OIFNAME -> {
                    oifAt = a.payloadOffset();
                    oifLen = a.payloadLength();
                }
                case FibRules.FRA_TABLE -> table = Integer.toUnsignedLong(a.u32());
                case FibRules.FRA_GOTO -> gotoPriority = Integer.toUnsignedLong(a.u32());
                default -> { }
            }
        }
    }

    @Override
    public AddressFamily family() {
        check();
        return family;
    }

    @Override
    public long priority() {
        check();
        return priority;
    }

    @Override
    public Optional<InetAddress> source() {
        check();
        return srcAt < 0 ? Optional.empty() : Optional.of(IpText.address(bytes(srcAt, srcLen)));
    }

    @Override
    public int copySource(byte[] into) {
        check();
        return copy(srcAt, srcLen, into);
    }

    @Override
    public int sourceLength() {
        check();
        return a.u8At(h + 2);
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
    public int tos() {
        check();
        return a.u8At(h + 3);
    }

    @Override
    public long fwmark() {
        check();
        return fwmark;
    }

    @Override
    public Optional<String> inputLink() {
        check();
        return iifAt < 0 ? Optional.empty() : Optional.of(string(iifAt, iifLen));
    }

    @Override
    public boolean inputLinkEquals(String name) {
        check();
        return stringEquals(iifAt, iifLen, name);
    }

    @Override
    public Optional<String> outputLink() {
        check();
        return oifAt < 0 ? Optional.empty() : Optional.of(string(oifAt, oifLen));
    }

    @Override
    public boolean outputLinkEquals(String name) {
        check();
        return stringEquals(oifAt, oifLen, name);
    }

    @Override
    public int rawFlags() {
        check();
        return a.s32At(h + 8);
    }

    @Override
    public boolean has(RuleFlag flag) {
        return (rawFlags() & flag.bit()) != 0;
    }

    @Override
    public int actionValue() {
        check();
        return a.u8At(h + 7);
    }

    @Override
    public RouteTable table() {
        check();
        if (lastTable.value() != table) lastTable = RouteTable.of(table);
        return lastTable;
    }

    @Override
    public long gotoPriority() {
        check();
        return gotoPriority;
    }

    @Override
    public String toString() {
        return "RuleView[" + priority() + ": table " + table() + "]";
    }
}
