package org.regolancer.orchestrator.judgment;

import java.util.OptionalLong;

/**
 * How much a target may still spend on refills: while its refill fees over the books' window are below
 * {@code percent} % of what it earned forwarding out in that window plus an allowance, it may be refilled; at or
 * above, it is not run (skip reason {@code budget}). The allowance lets a new or quiet channel be refilled a few times
 * before it has earned anything. Under LNDg's fee policy a run never spends more than what is left: its ppm cap is
 * lowered to what the rest allows for the run's amount, and a target whose rest allows no more than its peer's fee
 * (the last hop alone costs that) is not run.
 *
 * @param percent        REFILL_BUDGET_PERCENT, 0 = no budget
 * @param allowanceMsat  REFILL_ALLOWANCE_SAT in msat
 */
public record RefillBudget(long percent, long allowanceMsat) {

    public static final RefillBudget OFF = new RefillBudget(0, 0);

    public boolean on() {
        return percent > 0;
    }

    /** What the target may spend in the window in all: percent % of its earnings plus the allowance (msat). */
    public long allowedMsat(long earnedMsat) {
        return earnedMsat * percent / 100 + allowanceMsat;
    }

    /** What is left of the target's budget (msat, 0 when spent or overspent). */
    public long remainingMsat(long paidMsat, long earnedMsat) {
        return Math.max(0, allowedMsat(earnedMsat) - paidMsat);
    }

    /** Spent: no run into the target now. */
    public boolean spent(long paidMsat, long earnedMsat) {
        return on() && paidMsat >= allowedMsat(earnedMsat);
    }

    /**
     * The highest ppm a run of {@code amountSat} may pay without spending more than what is left:
     * floor(remaining msat × 1000 / amount sat). Empty when there is no budget.
     */
    public OptionalLong maxPpm(long paidMsat, long earnedMsat, long amountSat) {
        if (!on() || amountSat <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(remainingMsat(paidMsat, earnedMsat) * 1000 / amountSat);
    }
}
