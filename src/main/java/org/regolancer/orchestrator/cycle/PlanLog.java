package org.regolancer.orchestrator.cycle;

import java.util.HashSet;
import java.util.Set;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelCount;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines about a cycle's plan: with LOG_OPERATIONAL a source without margin when it starts having none, the node
 * turning balanced (or without a pair); with LOG_OPERATIONAL or DRY_RUN the cycle's line.
 */
final class PlanLog {

    private static final Logger LOG = LoggerFactory.getLogger(CycleService.class);

    private final boolean logOperational;
    private final boolean dryRun;
    private final long minAmountSat;
    /** The sources without margin whose state was last logged. */
    private final Set<ChannelId> noMarginLogged = new HashSet<>();
    private boolean balanced;

    PlanLog(boolean logOperational, boolean dryRun, long minAmountSat) {
        this.logOperational = logOperational;
        this.dryRun = dryRun;
        this.minAmountSat = minAmountSat;
    }

    synchronized void planned(long number, CyclePlanner.Plan plan) {
        if (logOperational) {
            logNoMargin(plan);
        }
        if (logOperational && plan.paired().isEmpty() != balanced) {
            balanced = plan.paired().isEmpty();
            if (balanced && plan.hasTargets()) {
                LOG.info("No pair: targets want a refill, but no source with a margin above its own target can give it, "
                        + "{}; the next cycles only look", ChannelCount.of(plan.channels()));
            } else if (balanced) {
                LOG.info("Balanced: no channel needs a refill by LNDg's rules, {}; the next cycles only look",
                        ChannelCount.of(plan.channels()));
            }
        }
        if (dryRun || logOperational) {
            StringBuilder skipped = new StringBuilder();
            plan.verdict().counts().forEach((reason, n) -> skipped.append(skipped.length() == 0 ? " (skipped: " : ", ")
                    .append(reason.label()).append(' ').append(n));
            LOG.info("{}ycle {}: {}, {}, {} to run{}, amount {} sat", dryRun ? "Dry run, c" : "C", number,
                    ChannelCount.of(plan.channels()), Words.count(plan.paired().size(), "pair"), plan.toRun().size(),
                    skipped.length() == 0 ? "" : skipped + ")", plan.amountSat());
        }
    }

    private void logNoMargin(CyclePlanner.Plan plan) {
        Set<ChannelId> now = new HashSet<>();
        for (Channel source : plan.withoutMargin()) {
            now.add(source.id());
            if (noMarginLogged.add(source.id())) {
                LOG.info("Source {} ({}) not paired, no margin: outbound {}% ≥ {}%, but {} sat above its target, below the "
                        + "smallest run of {} sat", source.displayName(), source.id(), source.outboundPercent(),
                        source.arOutTarget(), Math.max(0, source.outboundMargin()), minAmountSat);
            }
        }
        noMarginLogged.retainAll(now);
    }
}
