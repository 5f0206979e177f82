package org.regolancer.orchestrator.regolancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * Turns the operator's template into one run's config: {@code from}, {@code to}, {@code pfrom}, {@code pto},
 * {@code amount}, {@code stat} set for this pair; {@code timeout_rebalance} lowered so regolancer finishes on its
 * own before the cycle ends. The amount is the cycle's, lowered to the source's margin above its {@code ar_out_target}
 * ({@link Pair#amount}). Under LNDg's fee policy the fee limit is LNDg's: {@code econ_ratio} = the target's
 * {@code ar_max_cost} / 100, {@code econ_ratio_max_ppm} = LNDg's {@code AR-MaxFeeRate}, and the template's
 * {@code fee_limit_ppm} dropped (regolancer refuses it beside {@code econ_ratio_max_ppm}, and it would override
 * {@code econ_ratio}). A run whose target's refill budget allows less gets that lower {@code econ_ratio_max_ppm}
 * and {@code allow_rapid_rebalance} off (rapid rebalancing repeats payments, each under the cap, and could spend more
 * than is left); so does a run whose repeats could take its source below its target ({@link RapidRepeats}).
 * With {@code MAX_FEE_PPM} set, no run carries a fee limit above it, under either fee policy: LNDg's
 * {@code econ_ratio_max_ppm} is lowered to it; a template's {@code fee_limit_ppm} or {@code econ_ratio_max_ppm} above
 * it is lowered to it, and a template that limits by {@code econ_ratio} alone (regolancer's default: 1) gets
 * {@code econ_ratio_max_ppm} = it. {@code perc} is dropped (regolancer would put it in place of pfrom and pto). Every
 * key set or dropped here is replaced in whatever case the template writes it ({@link TemplateKeys}: regolancer reads
 * keys in any case, the last one winning). Every other key of the template is kept.
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

    /**
     * @param amountSat    the cycle's amount (the run's is at most the source's margin)
     * @param budgetCapPpm the ppm the target's refill budget still allows, when below LNDg's cap (LNDg's fee policy only)
     */
    public ObjectNode render(Pair pair, long amountSat, String statFile, Duration leftInCycle, long arMaxFeeRate,
            java.util.OptionalLong budgetCapPpm) {
        ObjectNode config = template.deepCopy();
        long amount = pair.amount(amountSat);
        TemplateKeys.remove(config, "perc");
        replace(config, "from").add(pair.source().id().value());
        replace(config, "to").add(pair.target().id().value());
        put(config, "pfrom", pair.pfrom());
        put(config, "pto", pair.pto());
        put(config, "amount", amount);
        TemplateKeys.remove(config, "stat");
        config.put("stat", statFile);
        put(config, "timeout_rebalance", timeoutMinutes(leftInCycle));
        if (lndgFees) {
            TemplateKeys.remove(config, "fee_limit_ppm");
            TemplateKeys.remove(config, "econ_ratio");
            config.put("econ_ratio", pair.target().fees().arMaxCost() / 100.0);
            put(config, "econ_ratio_max_ppm", arMaxFeeRate);
            if (budgetCapPpm.isPresent()) {
                put(config, "econ_ratio_max_ppm", Math.min(arMaxFeeRate, budgetCapPpm.getAsLong()));
                noRapidRebalancing(config);
            }
        }
        if (maxFeePpm.isPresent()) {
            ceiling(config, maxFeePpm.getAsLong());
        }
        if (rapid(config) && !RapidRepeats.withinMargin(pair, amount)) {
            noRapidRebalancing(config);
        }
        return config;
    }

    /** No fee limit above {@code max} ppm: the ppm key that limits this run lowered to it, or set to it. */
    private static void ceiling(ObjectNode config, long max) {
        JsonNode feeLimitNode = TemplateKeys.get(config, "fee_limit_ppm");
        long feeLimit = feeLimitNode == null ? 0 : feeLimitNode.asLong(0);
        if (feeLimit > 0) {
            put(config, "fee_limit_ppm", Math.min(feeLimit, max));
            return;
        }
        JsonNode econMaxNode = TemplateKeys.get(config, "econ_ratio_max_ppm");
        long econMax = econMaxNode == null ? 0 : econMaxNode.asLong(0);
        put(config, "econ_ratio_max_ppm", econMax > 0 ? Math.min(econMax, max) : max);
    }

    /** Whether this config lets regolancer repeat a payment (its last {@code allow_rapid_rebalance}, in any case). */
    public static boolean rapid(JsonNode config) {
        JsonNode value = TemplateKeys.get(config, "allow_rapid_rebalance");
        return value != null && value.asBoolean(false);
    }

    private static void noRapidRebalancing(ObjectNode config) {
        TemplateKeys.remove(config, "allow_rapid_rebalance");
        config.put("allow_rapid_rebalance", false);
    }

    private static void put(ObjectNode config, String key, long value) {
        TemplateKeys.remove(config, key);
        config.put(key, value);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode replace(ObjectNode config, String key) {
        TemplateKeys.remove(config, key);
        return config.putArray(key);
    }

    long timeoutMinutes(Duration leftInCycle) {
        JsonNode timeout = TemplateKeys.get(template, "timeout_rebalance");
        long configured = timeout == null ? 0 : timeout.asLong(0);
        if (configured <= 0) {
            configured = REGOLANCER_DEFAULT_TIMEOUT_MINUTES;
        }
        long minutesLeft = Math.max(1, leftInCycle.toMinutes());
        return Math.min(configured, minutesLeft);
    }
}
