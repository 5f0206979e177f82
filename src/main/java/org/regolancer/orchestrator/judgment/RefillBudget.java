package org.regolancer.orchestrator.judgment;

import java.util.Optional;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Ppm;
import org.regolancer.orchestrator.ledger.Sat;

/**
 * How much a target may still spend on refills: while its refill fees over the books' window are below
 * {@code percent} % of what it earned forwarding out in that window plus an allowance, it may be refilled; at or
 * above, it is not run (skip reason {@code budget}). The allowance lets a new or quiet channel be refilled a few times
 * before it has earned anything. Under LNDg's fee policy a run never spends more than what is left: its ppm cap is
 * lowered to what the rest allows for the run's amount, and a target whose rest allows no more than its peer's fee
 * (the last hop alone costs that) is not run.
 *
 * @param percent    REFILL_BUDGET_PERCENT, 0 = no budget
 * @param allowance  REFILL_ALLOWANCE_SAT
 */
public record RefillBudget(long percent, Msat allowance) {

    public static final RefillBudget OFF = new RefillBudget(0, Msat.ZERO);

    public boolean on() {
        return percent > 0;
    }

    /** What the target may spend in the window in all: percent % of its earnings plus the allowance. */
    public Msat allowed(Msat earned) {
        return Msat.of(earned.value() * percent / 100).plus(allowance);
    }

    /** What is left of the target's budget (0 when spent or overspent). */
    public Msat remaining(Msat paid, Msat earned) {
        return Msat.of(Math.max(0, allowed(earned).value() - paid.value()));
    }

    /** Spent: no run into the target now. */
    public boolean spent(Msat paid, Msat earned) {
        return on() && paid.value() >= allowed(earned).value();
    }

    /**
     * The highest ppm a run of {@code amount} may pay without spending more than what is left:
     * floor(remaining msat × 1000 / amount sat). Empty when there is no budget.
     */
    public Optional<Ppm> maxPpm(Msat paid, Msat earned, Sat amount) {
        if (!on() || amount.value() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Ppm.of(remaining(paid, earned).value() * 1000 / amount.value()));
    }
}
