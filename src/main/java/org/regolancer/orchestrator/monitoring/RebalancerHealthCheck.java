package org.regolancer.orchestrator.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.ops.Readiness;

/** Readiness: DOWN when no cycle has completed for too long or LNDg keeps failing (see {@link Readiness}). */
public class RebalancerHealthCheck extends AbstractHealthCheck {

    private final Readiness readiness;
    private final CycleStats stats;
    private final Clock clock;
    private final Instant started;

    public RebalancerHealthCheck(Readiness readiness, CycleStats stats, Clock clock) {
        super("regolancer", "rebalancing");
        this.readiness = readiness;
        this.stats = stats;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("cycles", stats.getCycles());
        builder.detail("lndg.failures.in.a.row", stats.getFetchFailuresInARow());
        builder.detail("last.cycle.end", stats.getLastCycleEndTime());
        builder.detail("paused", stats.isPaused());
        readiness.problem(clock.instant(), started, stats.lastCycleEnd(), stats.getFetchFailuresInARow())
                .ifPresentOrElse(problem -> builder.down().message(problem), () -> {
                    // paused is a choice, not a fault: still ready, and it says so
                    builder.up();
                    if (stats.isPaused()) {
                        builder.message("paused (Telegram /pause): no regolancer run starts until /resume");
                    }
                });
    }
}
