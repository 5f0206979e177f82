package org.regolancer.orchestrator.judgment;

import java.util.Locale;

/** Why a pair LNDg's rules would pair is not run in a cycle; its name is the metric's {@code reason} label. */
public enum SkipReason {
    /** it failed to find a route lately and rests */
    WAIT,
    /** LNDg's fee cap of its target cannot be met */
    FEE,
    /** one of its channels has too many pending HTLCs */
    HTLC,
    /** its target was paid into earlier in this cycle */
    TARGET_PAID,
    /** its target's refill fees over the books' window reached its refill budget */
    BUDGET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
