package org.regolancer.orchestrator.regolancer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * Turns the operator's template into one run's config: {@code from}, {@code to}, {@code pfrom}, {@code pto},
 * {@code amount}, {@code stat} set for this pair; {@code timeout_rebalance} lowered so regolancer finishes on its
 * own before the cycle ends. Under LNDg's fee policy the fee limit is LNDg's: {@code econ_ratio} = the target's
 * {@code ar_max_cost} / 100, {@code econ_ratio_max_ppm} = LNDg's {@code AR-MaxFeeRate}, and the template's
 * {@code fee_limit_ppm} dropped (regolancer refuses it beside {@code econ_ratio_max_ppm}, and it would override
 * {@code econ_ratio}). A run whose target's refill budget allows less gets that lower {@code econ_ratio_max_ppm}
 * and {@code allow_rapid_rebalance} off (rapid rebalancing repeats payments, each under the cap, and could spend more
 * than is left). With {@code MAX_FEE_PPM} set, no run carries a fee limit above it, under either fee policy: LNDg's
 * {@code econ_ratio_max_ppm} is lowered to it; a template's {@code fee_limit_ppm} or {@code econ_ratio_max_ppm} above
 * it is lowered to it, and a template that limits by {@code econ_ratio} alone (regolancer's default: 1) gets
 * {@code econ_ratio_max_ppm} = it. Every other key of the template is kept.
 */
public final class RunConfigRenderer {

    /** regolancer's own default for timeout_rebalance, used when the template says 0 or nothing. */
    static final long REGOLANCER_DEFAULT_TIMEOUT_MINUTES = 360;

    private final ObjectNode template;
    private final boolean lndgFees;
    private final java.util.OptionalLong maxFeePpm;

    /** @param lndgFees true under FEE_POLICY=lndg: each run's fee limit is LNDg's for its target */
    public RunConfigRenderer(ObjectNode template, boolean lndgFees) {
        this(template, lndgFees, java.util.OptionalLong.empty());
    }

    /** @param maxFeePpm MAX_FEE_PPM: the highest fee limit any run carries, or empty when off */
    public RunConfigRenderer(ObjectNode template, boolean lndgFees, java.util.OptionalLong maxFeePpm) {
        this.template = template.deepCopy();
        this.lndgFees = lndgFees;
        this.maxFeePpm = maxFeePpm;
    }

    /** @param arMaxFeeRate LNDg's AR-MaxFeeRate (used under LNDg's fee policy only) */
    public ObjectNode render(Pair pair, long amountSat, String statFile, Duration leftInCycle, long arMaxFeeRate) {
        return render(pair, amountSat, statFile, leftInCycle, arMaxFeeRate, java.util.OptionalLong.empty());
    }

    /** @param budgetCapPpm the ppm the target's refill budget still allows, when below LNDg's cap (LNDg's fee policy only) */
    public ObjectNode render(Pair pair, long amountSat, String statFile, Duration leftInCycle, long arMaxFeeRate,
            java.util.OptionalLong budgetCapPpm) {
        ObjectNode config = template.deepCopy();
        config.putArray("from").add(pair.source().id().value());
        config.putArray("to").add(pair.target().id().value());
        config.put("pfrom", pair.pfrom());
        config.put("pto", pair.pto());
        config.put("amount", amountSat);
        config.put("stat", statFile);
        config.put("timeout_rebalance", timeoutMinutes(leftInCycle));
        if (lndgFees) {
            config.remove("fee_limit_ppm");
            config.put("econ_ratio", pair.target().fees().arMaxCost() / 100.0);
            config.put("econ_ratio_max_ppm", arMaxFeeRate);
            if (budgetCapPpm.isPresent()) {
                config.put("econ_ratio_max_ppm", Math.min(arMaxFeeRate, budgetCapPpm.getAsLong()));
                config.put("allow_rapid_rebalance", false);
            }
        }
        if (maxFeePpm.isPresent()) {
            ceiling(config, maxFeePpm.getAsLong());
        }
        return config;
    }

    /** No fee limit above {@code max} ppm: the ppm key that limits this run lowered to it, or set to it. */
    private static void ceiling(ObjectNode config, long max) {
        long feeLimit = config.path("fee_limit_ppm").asLong(0);
        if (feeLimit > 0) {
            config.put("fee_limit_ppm", Math.min(feeLimit, max));
            return;
        }
        long econMax = config.path("econ_ratio_max_ppm").asLong(0);
        config.put("econ_ratio_max_ppm", econMax > 0 ? Math.min(econMax, max) : max);
    }

    long timeoutMinutes(Duration leftInCycle) {
        long configured = template.path("timeout_rebalance").asLong(0);
        if (configured <= 0) {
            configured = REGOLANCER_DEFAULT_TIMEOUT_MINUTES;
        }
        long minutesLeft = Math.max(1, leftInCycle.toMinutes());
        return Math.min(configured, minutesLeft);
    }
}
