package io.github.netlink4j.conntrack;

import io.github.netlink4j.common.AddressFamily;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One connection tracking entry as the kernel reports it (an {@code IPCTNL_MSG_CT_NEW} message of
 * nfnetlink_conntrack): what {@code conntrack -L} prints one line of. Counters are present when the
 * namespace's {@code nf_conntrack_acct} is on, timestamps when {@code nf_conntrack_timestamp} is.
 *
 * {@snippet :
 * for (ConntrackEntry e : nl.conntrack().list())     // conntrack -L
 *     System.out.println(e);                          // tcp      6 117 ESTABLISHED src=10.200.0.1 … use=1
 * }
 *
 * @param family           the layer-3 family ({@code nfgenmsg.nfgen_family})
 * @param original         {@code CTA_TUPLE_ORIG}: the direction that opened the connection
 * @param reply            {@code CTA_TUPLE_REPLY}: the direction answers are expected in (rewritten by NAT)
 * @param rawStatus        {@code CTA_STATUS} as the kernel sent it
 * @param status           {@code CTA_STATUS}, the bits a constant names
 * @param timeout          {@code CTA_TIMEOUT}: the time left before the entry expires
 * @param mark             {@code CTA_MARK}, an unsigned 32-bit value
 * @param zone             {@code CTA_ZONE}, absent for the default zone 0
 * @param originalCounters {@code CTA_COUNTERS_ORIG}
 * @param replyCounters    {@code CTA_COUNTERS_REPLY}
 * @param start            {@code CTA_TIMESTAMP_START}
 * @param stop             {@code CTA_TIMESTAMP_STOP} (in a destroy event)
 * @param tcpState         {@code CTA_PROTOINFO_TCP_STATE}, for TCP
 * @param id               {@code CTA_ID}, the kernel's id of the entry (an unsigned 32-bit value)
 * @param use              {@code CTA_USE}, the reference count
 * @param helper           {@code CTA_HELP_NAME}, the helper assigned (ftp, sip, …)
 */
public record ConntrackEntry(AddressFamily family, ConntrackTuple original, ConntrackTuple reply, int rawStatus,
                             Set<ConntrackStatus> status, Optional<Duration> timeout, OptionalLong mark, OptionalInt zone,
                             Optional<ConntrackCounters> originalCounters, Optional<ConntrackCounters> replyCounters,
                             Optional<Instant> start, Optional<Instant> stop, Optional<TcpState> tcpState, OptionalLong id,
                             OptionalLong use, Optional<String> helper) {
    /** Checks that nothing is null; the status set is copied. */
    public ConntrackEntry {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reply, "reply");
        status = Set.copyOf(status);
        for (Object o : new Object[] {timeout, mark, zone, originalCounters, replyCounters, start, stop, tcpState, id, use, helper}) {
            Objects.requireNonNull(o);
        }
    }

    /** The IP protocol number of the original direction (6 for TCP, …). */
    public int protocol() {
        return original.protocol();
    }

    /** The same entry without what changes as it ages (timeout, counters, use), for comparing states. */
    public ConntrackEntry withoutTimers() {
        return new ConntrackEntry(family, original, reply, rawStatus, status, Optional.empty(), mark, zone, Optional.empty(),
                Optional.empty(), start, stop, tcpState, id, OptionalLong.empty(), helper);
    }

    /** As {@code conntrack -L} prints it (delta-time counted to now). */
    @Override
    public String toString() {
        return ConntrackText.line(this, false, false, Instant.now());
    }

    /**
     * As {@code conntrack -L -o extended[,id]} prints it: {@code extended} prefixes the layer-3 name and
     * number ({@code ipv4     2 }), {@code withId} appends {@code id=}; delta-time is counted to {@code now}.
     */
    public String toText(boolean extended, boolean withId, Instant now) {
        return ConntrackText.line(this, extended, withId, now);
    }
}
