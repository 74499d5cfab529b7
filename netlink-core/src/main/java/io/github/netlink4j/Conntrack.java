package io.github.netlink4j;

import io.github.netlink4j.conntrack.ConntrackView;
import io.github.netlink4j.internal.codec.view.ConntrackFlyweight;

import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.conntrack.ConntrackCpuStats;
import io.github.netlink4j.conntrack.ConntrackEntry;
import io.github.netlink4j.conntrack.ConntrackFilter;
import io.github.netlink4j.conntrack.ConntrackTuple;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.ModuleNotLoadedException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.ConntrackCodec;
import io.github.netlink4j.internal.codec.ConntrackDecoder;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Connection tracking ({@code conntrack(8)}, nfnetlink_conntrack on NETLINK_NETFILTER) in the client's
 * namespace, on a socket of its own. Thread-safe.
 *
 * {@snippet :
 * Conntrack ct = nl.conntrack();
 * ct.list(ConntrackFilter.all().withProtocol(ConntrackTuple.TCP));   // conntrack -L -p tcp
 * ct.deleteAll(ConntrackFilter.all().withDestination(InetAddress.ofLiteral("10.200.0.2")));  // conntrack -D -d 10.200.0.2
 * ct.flush();                                                         // conntrack -F
 * }
 *
 * <p>Round trips: {@code list} one dump; {@code find}/{@code get}/{@code delete}/{@code flush}/{@code count} one;
 * {@code deleteAll} one dump, then one round trip per 64 entries (as conntrack-tools, which dumps and deletes
 * what its selectors match). The kernel refusing because {@code nf_conntrack_netlink} is not loaded is a
 * {@link ModuleNotLoadedException}.
 */
public final class Conntrack {
    /** The nfnetlink subsystem conntrack requests go to. */
    static final String MODULE = "nf_conntrack_netlink";
    private final RequestSocket socket;

    Conntrack(RequestSocket socket) {
        this.socket = Objects.requireNonNull(socket);
    }

    /** Every entry ({@code conntrack -L}). */
    public List<ConntrackEntry> list() throws NetlinkException {
        return list(ConntrackFilter.all());
    }

    /**
     * The entries {@code filter} selects ({@code conntrack -L} with selectors): the family and the mark are
     * selected by the kernel, the rest here (see {@link ConntrackFilter}).
     */
    public List<ConntrackEntry> list(ConntrackFilter filter) throws NetlinkException {
        List<ConntrackEntry> out = new ArrayList<>();
        try {
            socket.dump(w -> ConntrackCodec.encodeDump(w, filter), ConntrackCodec.NEW, (s, off, len) -> {
                ConntrackEntry e = ConntrackDecoder.decode(s, off, len);
                if (e != null && filter.matches(e)) out.add(e);
            }, out::clear, "conntrack entries");
        } catch (KernelException e) {
            throw unavailable(e, "conntrack -L");
        }
        return out;
    }

    /**
     * Hands every IPv4 and IPv6 entry to {@code action} as it is read, like {@link #list()} without its records: a
     * {@link ConntrackView} over the received bytes, reused for the next entry, that reads only what is asked of
     * it, so a table of a million connections is read without a record each. The view is valid only during the
     * call. Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR), the dump is read again from the start,
     * and {@code action} sees the entries of the new attempt too.
     */
    public void forEach(java.util.function.Consumer<? super ConntrackView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        ConntrackFlyweight v = new ConntrackFlyweight();
        try {
            socket.dump(w -> ConntrackCodec.encodeDump(w, ConntrackFilter.all()), ConntrackCodec.NEW, (s, off, len) -> {
                if (!ConntrackFlyweight.readable(s, off, len)) return; // as list(): conntrack -L prints inet and inet6 alone
                v.open(s, off, len);
                try {
                    action.accept(v);
                } finally {
                    v.end();
                }
            }, () -> { }, "conntrack entries");
        } catch (KernelException e) {
            throw unavailable(e, "conntrack -L");
        }
    }

    /** The entry whose original direction is {@code tuple} in the default zone, or empty ({@code conntrack -G}). */
    public Optional<ConntrackEntry> find(ConntrackTuple tuple) throws NetlinkException {
        return find(tuple, 0);
    }

    /** The entry whose original direction is {@code tuple} in {@code zone}, or empty. */
    public Optional<ConntrackEntry> find(ConntrackTuple tuple, int zone) throws NetlinkException {
        checkZone(zone);
        ConntrackEntry[] got = new ConntrackEntry[1];
        try {
            socket.request(w -> ConntrackCodec.encodeGet(w, tuple, zone), (s, off, len) -> got[0] = ConntrackDecoder.decode(s, off, len),
                    Target.of("conntrack -G", describe(tuple)));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw unavailable(e, "conntrack -G");
        }
        return Optional.ofNullable(got[0]);
    }

    /** The entry whose original direction is {@code tuple}; {@link NotFoundException} when there is none. */
    public ConntrackEntry get(ConntrackTuple tuple) throws NetlinkException {
        Optional<ConntrackEntry> e = find(tuple);
        if (e.isEmpty()) throw new NotFoundException(describe(tuple) + ": no such conntrack entry", null);
        return e.get();
    }

    /** Deletes the entry whose original direction is {@code tuple} in the default zone ({@code conntrack -D}). */
    public void delete(ConntrackTuple tuple) throws NetlinkException {
        delete(tuple, 0);
    }

    /**
     * Deletes the entry whose original direction is {@code tuple} in {@code zone}.
     *
     * @throws NotFoundException if there is no such entry (ENOENT)
     */
    public void delete(ConntrackTuple tuple, int zone) throws NetlinkException {
        checkZone(zone);
        try {
            socket.request(w -> ConntrackCodec.encodeDelete(w, tuple, zone, OptionalInt.empty()), null, Target.of("conntrack -D", describe(tuple)));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) throw new NotFoundException(describe(tuple) + ": no such conntrack entry", e);
            throw unavailable(e, "conntrack -D");
        }
    }

    /**
     * Deletes every entry {@code filter} selects ({@code conntrack -D} with selectors): lists them, then deletes
     * each by its tuple, zone and id, so that an entry made again meanwhile with the same tuple is left alone.
     * One result per entry listed; one that went away meanwhile fails with a {@link NotFoundException}.
     */
    public BulkResult<Void> deleteAll(ConntrackFilter filter) throws NetlinkException {
        List<ConntrackEntry> doomed = list(filter);
        NetlinkException[] errs = socket.batch(doomed.size(), (w, i) -> ConntrackCodec.encodeDelete(w, doomed.get(i)), null,
                i -> Target.of("conntrack -D", describe(doomed.get(i).original())));
        for (int i = 0; i < errs.length; i++) {
            if (errs[i] instanceof KernelException k && k.errno() == Errno.ENOENT) {
                errs[i] = new NotFoundException(describe(doomed.get(i).original()) + ": no such conntrack entry", k);
            }
        }
        return new BulkResult<>(Arrays.asList(new Void[doomed.size()]), Arrays.asList(errs));
    }

    /** Deletes every entry of the namespace ({@code conntrack -F}). */
    public void flush() throws NetlinkException {
        try {
            socket.request(ConntrackCodec::encodeFlush, null, Target.of("conntrack -F", "the conntrack table"));
        } catch (KernelException e) {
            throw unavailable(e, "conntrack -F");
        }
    }

    /** The number of entries in the table ({@code conntrack -C}, IPCTNL_MSG_CT_GET_STATS). */
    public long count() throws NetlinkException {
        long[] n = {-1};
        try {
            socket.get(ConntrackCodec::encodeGetStats, (s, off, len) -> n[0] = ConntrackDecoder.decodeCount(s, off, len),
                    Target.of("conntrack -C", "the conntrack table"));
        } catch (KernelException e) {
            throw unavailable(e, "conntrack -C");
        }
        return n[0];
    }

    /** The statistics of each CPU ({@code conntrack -S}, IPCTNL_MSG_CT_GET_STATS_CPU). */
    public List<ConntrackCpuStats> stats() throws NetlinkException {
        List<ConntrackCpuStats> out = new ArrayList<>();
        try {
            socket.dump(ConntrackCodec::encodeDumpStatsCpu, ConntrackCodec.GET_STATS_CPU,
                    (s, off, len) -> out.add(ConntrackDecoder.decodeCpuStats(s, off, len)), out::clear, "conntrack statistics");
        } catch (KernelException e) {
            throw unavailable(e, "conntrack -S");
        }
        return out;
    }

    /** The typed error for a kernel without nf_conntrack_netlink (nfnetlink refuses a subsystem it lacks with EOPNOTSUPP). */
    static NetlinkException unavailable(KernelException e, String what) {
        return e.errno() == Errno.EOPNOTSUPP ? new ModuleNotLoadedException(MODULE, what, e) : e;
    }

    private static void checkZone(int zone) {
        if (zone < 0 || zone > 0xffff) throw new IllegalArgumentException("zone " + zone + " is out of range (0 to 65535)");
    }

    private static String describe(ConntrackTuple t) {
        return "conntrack entry proto " + t.protocol() + " " + t;
    }

    /** Closes the socket. Idempotent. */
    void close() {
        socket.close();
    }

    /** Opens the handle's socket; a kernel without nfnetlink (EPROTONOSUPPORT) is a {@link ModuleNotLoadedException}. */
    static Conntrack open(io.github.netlink4j.internal.transport.SocketFactory sockets) throws java.io.IOException {
        try {
            return new Conntrack(sockets.requests(io.github.netlink4j.internal.transport.Bus.NETFILTER));
        } catch (io.github.netlink4j.error.SyscallException e) {
            throw opening(e);
        }
    }

    /** The typed error for a socket(2) refused with EPROTONOSUPPORT: a kernel without nfnetlink. */
    static NetlinkException opening(io.github.netlink4j.error.SyscallException e) {
        return e.errno() == Errno.EPROTONOSUPPORT ? new ModuleNotLoadedException("nfnetlink", "conntrack", e) : e;
    }
}
