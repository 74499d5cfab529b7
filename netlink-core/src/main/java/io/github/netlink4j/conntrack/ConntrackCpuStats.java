package io.github.netlink4j.conntrack;

/**
 * One CPU's conntrack statistics ({@code IPCTNL_MSG_CT_GET_STATS_CPU}, the {@code CTA_STATS_*} counters), what
 * {@code conntrack -S} prints one line of. Counters the kernel no longer keeps (searched, new, delete, …) are left out.
 *
 * @param cpu           the CPU ({@code nfgenmsg.res_id})
 * @param found         CTA_STATS_FOUND
 * @param invalid       CTA_STATS_INVALID
 * @param insert        CTA_STATS_INSERT
 * @param insertFailed  CTA_STATS_INSERT_FAILED
 * @param drop          CTA_STATS_DROP
 * @param earlyDrop     CTA_STATS_EARLY_DROP
 * @param error         CTA_STATS_ERROR
 * @param searchRestart CTA_STATS_SEARCH_RESTART
 * @param clashResolve  CTA_STATS_CLASH_RESOLVE
 * @param chainTooLong  CTA_STATS_CHAIN_TOOLONG
 */
public record ConntrackCpuStats(int cpu, long found, long invalid, long insert, long insertFailed, long drop, long earlyDrop,
                                long error, long searchRestart, long clashResolve, long chainTooLong) {
    /** As {@code conntrack -S} prints it. */
    @Override
    public String toString() {
        return String.format("cpu=%-4d\tfound=%d invalid=%d insert=%d insert_failed=%d drop=%d early_drop=%d error=%d "
                + "search_restart=%d clash_resolve=%d chaintoolong=%d", cpu, found, invalid, insert, insertFailed, drop, earlyDrop,
                error, searchRestart, clashResolve, chainTooLong);
    }
}
