package org.regolancer.orchestrator.regolancer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a {@code config.template.json} must satisfy before we write configs from it. regolancer silently
 * ignores unknown keys and fails every run on some combinations, so we refuse them once, at start-up.
 */
public final class TemplateCheck {

    private TemplateCheck() {
    }

    /** @return why the template cannot be used, or empty when it can */
    public static Optional<String> problem(JsonNode template, long lowestAmount) {
        if (template == null || !template.isObject()) {
            return Optional.of("must be a JSON object");
        }
        for (String key : new String[] {"from", "to", "exclude", "exclude_from", "exclude_to"}) {
            JsonNode node = template.get(key);
            if (node != null && !node.isNull() && !isStringArray(node)) {
                return Optional.of("'" + key + "' must be a list of strings");
            }
        }
        for (String key : new String[] {"rel_amount_from", "rel_amount_to"}) {
            if (template.hasNonNull(key)) {
                return Optional.of("'" + key + "' cannot be combined with the fixed 'amount' the orchestrator sets; remove it");
            }
        }
        if (template.hasNonNull("fee_limit_ppm") && template.hasNonNull("econ_ratio_max_ppm")) {
            return Optional.of("'fee_limit_ppm' and 'econ_ratio_max_ppm' cannot be combined (regolancer refuses every run); "
                    + "remove one");
        }
        JsonNode timeout = template.get("timeout_rebalance");
        if (timeout != null && !(timeout.isIntegralNumber() && timeout.asLong() >= 0)) {
            return Optional.of("'timeout_rebalance' must be a whole number of minutes (0 = regolancer's default 360)");
        }
        JsonNode minAmount = template.get("min_amount");
        if (minAmount != null && !minAmount.isNull()) {
            if (!minAmount.isIntegralNumber() || minAmount.asLong() < 0) {
                return Optional.of("'min_amount' must be a whole number of sats");
            }
            if (minAmount.asLong() > lowestAmount) {
                return Optional.of("'min_amount' " + minAmount.asLong() + " is above AMOUNT_INITIAL " + lowestAmount
                        + ": regolancer would refuse every run");
            }
        }
        return Optional.empty();
    }

    private static boolean isStringArray(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
