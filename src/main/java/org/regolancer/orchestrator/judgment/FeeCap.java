package org.regolancer.orchestrator.judgment;

import java.util.OptionalLong;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelFees;

/**
 * LNDg's fee cap for a rebalance into a target channel (its {@code rebalancer.py}):
 * {@code min(AR-MaxFeeRate, floor(local_fee_rate × ar_max_cost / 100))} ppm. LNDg schedules nothing into a target
 * whose cap is 0 or not above the peer's fee on that channel ({@code remote_fee_rate}): the last hop alone costs that
 * much, so no route can be cheap enough.
 */
public final class FeeCap {

    private FeeCap() {
    }

    /**
     * LNDg's AR-MaxFeeRate as the runs may use it: at most {@code MAX_FEE_PPM} when that is set, whatever LNDg says, so
     * that the judgment and the runs' configs agree.
     */
    public static long ceiled(long arMaxFeeRate, OptionalLong maxFeePpm) {
        return maxFeePpm.isPresent() ? Math.min(arMaxFeeRate, maxFeePpm.getAsLong()) : arMaxFeeRate;
    }

    /** The cap in ppm, or empty when LNDg's fee fields of the target are missing, null or negative. */
    public static OptionalLong maxPpm(Channel target, long arMaxFeeRate) {
        ChannelFees fees = target.fees();
        if (!fees.known()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(arMaxFeeRate, (long) fees.localFeeRate() * fees.arMaxCost() / 100));
    }

    /** Why LNDg would not rebalance into this target, or null when it would. */
    public static String refusal(Channel target, long arMaxFeeRate) {
        OptionalLong cap = maxPpm(target, arMaxFeeRate);
        if (cap.isEmpty()) {
            return "LNDg's local_fee_rate, remote_fee_rate or ar_max_cost of " + target.displayName()
                    + " is missing or outside LNDg's range";
        }
        long max = cap.getAsLong();
        if (max <= 0) {
            return "fee cap of " + target.displayName() + " is 0 ppm (ar_max_cost " + target.fees().arMaxCost()
                    + " %, local fee " + target.fees().localFeeRate() + " ppm)";
        }
        if (max <= target.fees().remoteFeeRate()) {
            return "fee cap of " + target.displayName() + " " + max + " ppm is not above the peer's fee "
                    + target.fees().remoteFeeRate() + " ppm";
        }
        return null;
    }
}
