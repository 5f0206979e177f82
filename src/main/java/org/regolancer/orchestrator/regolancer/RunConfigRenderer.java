package org.regolancer.orchestrator.regolancer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * Turns the operator's template into one run's config: every template key kept, and {@code from}, {@code to},
 * {@code pfrom}, {@code pto}, {@code amount}, {@code stat} set for this pair; {@code timeout_rebalance} lowered so
 * regolancer finishes on its own before the cycle ends.
 */
public final class RunConfigRenderer {

    /** regolancer's own default for timeout_rebalance, used when the template says 0 or nothing. */
    static final long REGOLANCER_DEFAULT_TIMEOUT_MINUTES = 360;

    private final ObjectNode template;

    public RunConfigRenderer(ObjectNode template) {
        this.template = template.deepCopy();
    }

    public ObjectNode render(Pair pair, long amountSat, String statFile, Duration leftInCycle) {
        ObjectNode config = template.deepCopy();
        config.putArray("from").add(pair.source().id().value());
        config.putArray("to").add(pair.target().id().value());
        config.put("pfrom", pair.pfrom());
        config.put("pto", pair.pto());
        config.put("amount", amountSat);
        config.put("stat", statFile);
        config.put("timeout_rebalance", timeoutMinutes(leftInCycle));
        return config;
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
