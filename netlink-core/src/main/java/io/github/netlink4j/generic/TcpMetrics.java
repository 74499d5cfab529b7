package io.github.netlink4j.generic;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsEntry;
import io.github.netlink4j.genl.tcpmetrics.TcpMetricsView;
import io.github.netlink4j.internal.codec.genl.TcpMetricsCodec;
import io.github.netlink4j.internal.codec.view.TcpMetricsFlyweight;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.support.IpText;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TCP metrics cache of one namespace (generic netlink family {@code tcp_metrics}), as
 * {@code ip tcp_metrics} reads and clears it. From {@link GenericNetlink#tcpMetrics()}. The kernel fills it
 * as connections close; nothing can be added to it.
 *
 * {@snippet :
 * TcpMetrics cache = nl.genl().tcpMetrics();
 * cache.find(InetAddress.ofLiteral("10.200.0.1")).ifPresent(e -> System.out.println(e.rtt()));
 * cache.delete(InetAddress.ofLiteral("10.200.0.1"), null);  // ip tcp_metrics delete 10.200.0.1
 * }
 *
 * <p>Round trips: one each.
 */
public final class TcpMetrics {
    static final String FAMILY = "tcp_metrics";
    private final GenericNetlink genl;

    TcpMetrics(GenericNetlink genl) {
        this.genl = genl;
    }

    /** Every entry: one dump. */
    public List<TcpMetricsEntry> list() throws NetlinkException {
        GenlFamily f = family(TcpMetricsCodec.GET);
        List<TcpMetricsEntry> out = new ArrayList<>();
        genl.socket().dump(w -> TcpMetricsCodec.encodeDump(w, f), f.id(), (s, off, len) -> out.add(TcpMetricsCodec.decode(s, off, len)),
                out::clear, "tcp metrics");
        return List.copyOf(out);
    }

    /**
     * Hands every entry to {@code action} as it is read, like {@link #list()} without its records: a
     * {@link TcpMetricsView} over the received bytes, reused for the next entry, that reads only what is asked of
     * it. The view is valid only during the call. Should the kernel flag the dump interrupted (NLM_F_DUMP_INTR),
     * the dump is read again from the start, and {@code action} sees the entries of the new attempt too.
     */
    public void forEach(Consumer<? super TcpMetricsView> action) throws NetlinkException {
        Objects.requireNonNull(action);
        GenlFamily f = family(TcpMetricsCodec.GET);
        TcpMetricsFlyweight v = new TcpMetricsFlyweight();
        genl.socket().dump(w -> TcpMetricsCodec.encodeDump(w, f), f.id(), (s, off, len) -> {
            v.open(s, off, len);
            try {
                action.accept(v);
            } finally {
                v.end();
            }
        }, () -> { }, "tcp metrics");
    }

    /** The entry of {@code destination} (any source), or empty. */
    public Optional<TcpMetricsEntry> find(InetAddress destination) throws NetlinkException {
        return find(destination, null);
    }

    /** The entry of {@code destination} from {@code source} (null: any), or empty. */
    public Optional<TcpMetricsEntry> find(InetAddress destination, InetAddress source) throws NetlinkException {
        try {
            return Optional.of(get(destination, source));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The entry of {@code destination} (any source); {@link NotFoundException} when there is none. */
    public TcpMetricsEntry get(InetAddress destination) throws NetlinkException {
        return get(destination, null);
    }

    /** The entry of {@code destination} from {@code source} (null: any); {@link NotFoundException} when there is none. */
    public TcpMetricsEntry get(InetAddress destination, InetAddress source) throws NetlinkException {
        Objects.requireNonNull(destination, "destination");
        GenlFamily f = family(TcpMetricsCodec.GET);
        List<TcpMetricsEntry> out = new ArrayList<>();
        String what = describe(destination, source);
        try {
            genl.socket().get(w -> TcpMetricsCodec.encodeGet(w, f, destination, source), (s, off, len) -> out.add(TcpMetricsCodec.decode(s, off, len)),
                    Target.of("get tcp metrics", what));
        } catch (KernelException e) {
            if (e.errno() == Errno.ESRCH || e.errno() == Errno.ENOENT) throw new NotFoundException(what + " does not exist", e);
            throw e;
        }
        if (out.isEmpty()) throw new NotFoundException(what + " does not exist", null);
        return out.get(0);
    }

    /**
     * Deletes the entry of {@code destination} from {@code source} (null: every source).
     *
     * @throws NotFoundException there is no such entry
     */
    public void delete(InetAddress destination, InetAddress source) throws NetlinkException {
        Objects.requireNonNull(destination, "destination");
        GenlFamily f = family(TcpMetricsCodec.DEL);
        String what = describe(destination, source);
        try {
            genl.socket().request(w -> TcpMetricsCodec.encodeDelete(w, f, destination, source), null, Target.of("delete tcp metrics", what));
        } catch (KernelException e) {
            if (e.errno() == Errno.ESRCH || e.errno() == Errno.ENOENT) throw new NotFoundException(what + " does not exist", e);
            throw e;
        }
    }

    /** Deletes every entry in one request ({@code ip tcp_metrics flush}). */
    public void flush() throws NetlinkException {
        GenlFamily f = family(TcpMetricsCodec.DEL);
        genl.socket().request(w -> TcpMetricsCodec.encodeDelete(w, f, null, null), null, Target.of("flush tcp metrics", "tcp metrics"));
    }

    private static String describe(InetAddress destination, InetAddress source) {
        return "tcp metrics of " + IpText.text(destination) + (source == null ? "" : " from " + IpText.text(source));
    }

    private GenlFamily family(int command) throws NetlinkException {
        GenlFamily f = genl.get(FAMILY);
        GenericNetlink.checkOperation(f, command);
        return f;
    }

    @Override
    public String toString() {
        return "TcpMetrics[" + genl + "]";
    }
}
