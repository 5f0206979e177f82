package org.regolancer.orchestrator.cycle;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.RunEffect;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairKey;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Judgment} in the running daemon: counts its skips, keeps its waits in the private RAM folder (one small
 * file, rewritten when a wait changes, so they outlive a restart but not a reboot), logs a pair's skip when its
 * reason changes (LOG_OPERATIONAL), and drops the pairs into a target that was just paid.
 */
public class Judge {

    private static final Logger LOG = LoggerFactory.getLogger(Judge.class);

    private final Judgment judgment;
    private final RunFiles files;
    private final CycleStats stats;
    private final ErrorLog errors;
    private final Clock clock;
    private final boolean logSkips;
    private final Map<PairKey, SkipReason> lastLogged = new HashMap<>();

    public Judge(Judgment judgment, RunFiles files, CycleStats stats, ErrorLog errors, Clock clock, boolean logSkips) {
        this.judgment = judgment;
        this.files = files;
        this.stats = stats;
        this.errors = errors;
        this.clock = clock;
        this.logSkips = logSkips;
        stats.setPairsWaiting(() -> judgment.restingCount(clock.instant()));
    }

    /** At start: the waits an earlier start kept in the RAM folder. */
    public void loadWaits() {
        try {
            int unreadable = judgment.loadWaits(files.read(RunFiles.WAITS));
            if (unreadable > 0) {
                errors.report(ErrorLog.Kind.REGOLANCER, unreadable + " unreadable lines in " + RunFiles.WAITS + " skipped");
            }
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.REGOLANCER, "cannot read the pairs' waits (" + RunFiles.WAITS + "); no pair rests", e);
        }
    }

    /**
     * This cycle's pairs to run, in order; the others counted (and logged when their reason changed).
     *
     * @param books     the channels' books (for the refill budget)
     * @param amountSat this cycle's amount
     */
    public Judgment.Verdict verdict(List<Pair> pairs, long arMaxFeeRate,
            Map<org.regolancer.orchestrator.pairing.ChannelId, org.regolancer.orchestrator.books.ChannelBook> books, long amountSat) {
        Judgment.Verdict verdict = judgment.judge(pairs, arMaxFeeRate, books, amountSat, clock.instant());
        verdict.counts().forEach(stats::skipped);
        if (verdict.waitsChanged()) {
            keepWaits();
        }
        if (logSkips) {
            logChanges(verdict);
        }
        return verdict;
    }

    private synchronized void logChanges(Judgment.Verdict verdict) {
        Set<PairKey> skippedNow = new HashSet<>();
        for (Judgment.Skip skip : verdict.skipped()) {
            PairKey key = skip.pair().key();
            skippedNow.add(key);
            if (lastLogged.put(key, skip.reason()) != skip.reason()) {
                LOG.info("Pair {} skipped ({}): {}", skip.pair().label(), skip.reason().label(), skip.why());
            }
        }
        lastLogged.keySet().retainAll(skippedNow);
    }

    /** A run ended: its pair's wait updated (and kept), and a paid target's other pairs dropped from this cycle. */
    public void runEnded(Cycle cycle, Pair pair, RunEffect effect) {
        if (judgment.runEnded(pair.key(), effect, clock.instant())) {
            keepWaits();
        }
        if (effect == RunEffect.PAID) {
            int dropped = cycle.dispatch().dropTarget(pair.target().id());
            if (dropped > 0) {
                stats.skipped(SkipReason.TARGET_PAID, dropped);
            }
        }
    }

    public boolean budgetOn() {
        return judgment.budget().on();
    }

    private synchronized void keepWaits() {
        try {
            files.write(RunFiles.WAITS, judgment.waitsCsv());
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.REGOLANCER, "cannot keep the pairs' waits in " + files.folderPath()
                    + " (they hold in memory, a restart forgets them)", e);
        }
    }
}
