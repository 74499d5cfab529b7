package io.github.netlink4j.tc.action;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When an action was installed and last used ({@code struct tcf_t} in its kind's TCA_*_TM, e.g.
 * TCA_MIRRED_TM of linux/tc_act/tc_mirred.h), as ages at the moment of the dump: what {@code tc -s} prints
 * after an action's counts, {@code installed 5 sec used 0 sec firstused 0 sec}. The kernel reports clock
 * ticks (USER_HZ, 100 a second), so every age is a multiple of 10 ms.
 *
 * @param installed how long ago the action was made
 * @param lastUsed  how long ago a packet last went through it; the kernel starts it at the installation,
 *                  so an action no packet has used reads as old as {@code installed}
 * @param firstUsed how long ago the first packet went through it; empty while none has (tcf_t's 0)
 * @param expires   tcf_t's {@code expires}, reported as the kernel keeps it; empty when 0, as for every
 *                  action of the kernel today
 */
public record ActionTimes(Duration installed, Duration lastUsed, Optional<Duration> firstUsed, Optional<Duration> expires) {
    /** Checks for null. */
    public ActionTimes {
        Objects.requireNonNull(installed, "installed");
        Objects.requireNonNull(lastUsed, "lastUsed");
        Objects.requireNonNull(firstUsed, "firstUsed");
        Objects.requireNonNull(expires, "expires");
    }
}
