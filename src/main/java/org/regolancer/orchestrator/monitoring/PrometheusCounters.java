package org.regolancer.orchestrator.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.regolancer.RunOutcome;

/** Our counters in Camel's Micrometer registry, so /observe/metrics shows them in Prometheus format. */
public final class PrometheusCounters {

    private PrometheusCounters() {
    }

    public static void register(MeterRegistry registry, CycleStats stats) {
        FunctionCounter.builder("regolancer.cycles", stats, CycleStats::getCycles)
                .description("cycles completed").register(registry);
        FunctionCounter.builder("regolancer.lndg.failures", stats, CycleStats::getFetchFailures)
                .description("cycles skipped because LNDg failed").register(registry);
        for (RunOutcome outcome : RunOutcome.values()) {
            FunctionCounter.builder("regolancer.runs", stats, s -> s.getRuns(outcome)).tag("outcome", outcome.name())
                    .description("regolancer runs (pairs tried) by outcome").register(registry);
        }
        for (SkipReason reason : SkipReason.values()) {
            FunctionCounter.builder("regolancer.pairs.skipped", stats, s -> s.getSkipped(reason)).tag("reason", reason.label())
                    .description("pairs not run in a cycle, by reason").register(registry);
        }
        Gauge.builder("regolancer.paused", stats, s -> s.isPaused() ? 1 : 0)
                .description("1 while paused (Telegram /pause): no run starts").register(registry);
        Gauge.builder("regolancer.pairs.waiting", stats, CycleStats::getPairsWaiting)
                .description("pairs resting after failed runs").register(registry);
        FunctionCounter.builder("regolancer.payments", stats, CycleStats::getSuccesses)
                .description("payments recorded in the ledger").register(registry);
        FunctionCounter.builder("regolancer.sats.moved", stats, CycleStats::getSatsMoved)
                .description("sats rebalanced").register(registry);
        FunctionCounter.builder("regolancer.fees.paid.msat", stats, CycleStats::getFeesMsat)
                .description("fees paid, msat").register(registry);
        Gauge.builder("regolancer.lndg.failures.in.a.row", stats, CycleStats::getFetchFailuresInARow)
                .register(registry);
        Gauge.builder("regolancer.last.success.timestamp.seconds", stats,
                s -> s.getLastSuccess() == null ? 0 : s.getLastSuccess().getEpochSecond()).register(registry);
        Gauge.builder("regolancer.last.cycle.end.timestamp.seconds", stats,
                s -> s.lastCycleEnd() == null ? 0 : s.lastCycleEnd().getEpochSecond()).register(registry);
        Gauge.builder("regolancer.last.cycle.duration.seconds", stats, s -> s.getLastCycleDurationMillis() / 1000.0)
                .register(registry);
    }

}
