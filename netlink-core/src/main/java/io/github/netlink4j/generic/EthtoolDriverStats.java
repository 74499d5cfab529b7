package io.github.netlink4j.generic;

import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotSupportedException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.genl.ethtool.DriverStats;
import io.github.netlink4j.internal.codec.genl.EthtoolIoctls;
import io.github.netlink4j.support.Validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A driver's own statistics, as {@code ethtool -S DEV} reads them: netlink has no request for these, so they
 * come from the ethtool ioctl (SIOCETHTOOL) in the client's namespace, as ethtool(8) reads them: how many
 * there are (ETHTOOL_GSSET_INFO of ETH_SS_STATS), their names (ETHTOOL_GSTRINGS) and their values
 * (ETHTOOL_GSTATS).
 *
 * {@snippet :
 * DriverStats st = nl.genl().ethtool().driverStats().get("veth0");
 * long peer = st.value("peer_ifindex").orElseThrow();
 * }
 *
 * <p>Errors: no such device is a {@link NoSuchLinkException}; a driver without statistics (a loopback,
 * what ethtool prints as "no stats available") a {@link NotSupportedException}. System calls: three ioctls,
 * three again (at most twice) when the driver's count changes between them.
 */
public final class EthtoolDriverStats {
    private static final int ATTEMPTS = 3;
    private final Ethtool ethtool;

    EthtoolDriverStats(Ethtool ethtool) {
        this.ethtool = ethtool;
    }

    /** The statistics of device {@code link}'s driver, in its order. */
    public DriverStats get(String link) throws NetlinkException {
        Validate.ifName(link);
        for (int attempt = 1; ; attempt++) {
            byte[] info = ioctl(link, EthtoolIoctls.ssetInfo(EthtoolIoctls.ETH_SS_STATS), "ETHTOOL_GSSET_INFO");
            OptionalInt count = EthtoolIoctls.ssetCount(info, EthtoolIoctls.ETH_SS_STATS);
            if (count.isEmpty() || count.getAsInt() == 0) {
                throw new NotSupportedException(new KernelException(Errno.EOPNOTSUPP, "ethtool -S " + link, null, -1, null),
                        "driver statistics of " + link + " (no stats available)");
            }
            int n = count.getAsInt();
            try {
                List<String> names = EthtoolIoctls.strings(ioctl(link, EthtoolIoctls.gstrings(EthtoolIoctls.ETH_SS_STATS, n), "ETHTOOL_GSTRINGS"), n);
                long[] values = EthtoolIoctls.stats(ioctl(link, EthtoolIoctls.gstats(n), "ETHTOOL_GSTATS"), n);
                List<DriverStats.Counter> counters = new ArrayList<>(n);
                for (int i = 0; i < n; i++) counters.add(new DriverStats.Counter(names.get(i), values[i]));
                return new DriverStats(link, counters);
            } catch (ProtocolException changed) {
                // the driver's count moved between the calls (queues added or removed): count again
                if (attempt == ATTEMPTS) throw changed;
            }
        }
    }

    private byte[] ioctl(String link, byte[] data, String command) throws NetlinkException {
        String what = "ioctl(SIOCETHTOOL " + command + ")";
        try {
            return ethtool.ioctl(link, data, what);
        } catch (SyscallException e) {
            KernelException k = new KernelException(e.errno(), what + " on " + link, null, -1, null);
            if (e.errno() == Errno.ENODEV) throw new NoSuchLinkException(link, k);
            if (e.errno() == Errno.EOPNOTSUPP) throw new NotSupportedException(k, "driver statistics of " + link);
            throw e;
        } catch (NetlinkException e) {
            throw e;
        } catch (IOException e) {
            throw new ProtocolException(what + " on " + link + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "EthtoolDriverStats[" + ethtool + "]";
    }
}
