package org.regolancer.orchestrator.check;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.books.LedgerRefills;
import org.regolancer.orchestrator.cycle.CyclePlanner;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.judgment.RefillBudget;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.lndg.BooksReader;
import org.regolancer.orchestrator.lndg.LndgException;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Exclusions;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.regolancer.TemplateKeys;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.wiring.Parts;

/**
 * Pairing: the refill budget's books, every open channel's role and why (the pairing table), the pairs the daemon
 * would run now and why the others not, and the pairs resting after failed runs (as a running daemon keeps them).
 */
final class PairingCheck {

    private final Parts parts;
    private final Settings settings;
    private final CheckReport report;

    PairingCheck(Parts parts, CheckReport report) {
        this.parts = parts;
        this.settings = parts.settings();
        this.report = report;
    }

    void run(LndgCheck.Reached lndg) {
        pairing(lndg.channels(), lndg.arMaxFeeRate(), books(lndg.http(), lndg.channels()));
    }

    /**
     * Under a refill budget, each channel's books as the daemon builds them at its start (the ledger, LNDg's
     * forwards and jobs of the window); empty when there is no budget or they cannot be read (said so).
     */
    private Map<ChannelId, ChannelBook> books(LndgHttp http, List<Channel> channels) {
        if (!settings.judgment().refillBudgetOn()) {
            report.pass("refill budget: off (REFILL_BUDGET_PERCENT=0): targets are refilled whatever they earn");
            return Map.of();
        }
        Instant now = parts.clock().instant();
        Books books = parts.books(Duration.ofDays(1));
        try {
            LedgerRefills.read(settings.files().dataDir().resolve("rebalances.csv"), books, now);
            BooksReader reader = parts.booksReader(http);
            BooksReader.Read forwards = reader.forwards(books, books.windowStart(now), now);
            BooksReader.Read jobs = reader.jobs(books, books.windowStart(now), now);
            report.pass("refill budget: " + settings.judgment().refillBudgetPercent() + " % of each target's earnings + "
                    + settings.judgment().refillAllowanceSat() + " sat over " + settings.judgment().booksDays() + " days; books from the ledger, "
                    + Words.count(forwards.rows(), "forward") + " and " + Words.count(jobs.rows(), "LNDg rebalancer job")
                    + (forwards.skipped() + jobs.skipped() > 0 ? " (" + (forwards.skipped() + jobs.skipped())
                            + " rows skipped, first: " + (forwards.firstSkipped() != null ? forwards.firstSkipped() : jobs.firstSkipped()) + ")" : ""));
        } catch (IOException | LndgException e) {
            report.fail("refill budget: the books cannot be read: " + clean(ErrorLog.describe(e)),
                    "the daemon then counts every target's earnings as 0 until it can read them (the allowance alone)");
            return Map.of();
        }
        return books.read(channels, now);
    }

    /** The daemon's planning of a cycle, with its planner and its judgment (the one planning call of {@code check}). */
    private CyclePlanner.Plan plan(List<Channel> channels, long arMaxFeeRate, Map<ChannelId, ChannelBook> books,
            PairWaits waits) {
        Judgment judgment = parts.judgment(waits);
        return parts.cyclePlanner().plan(channels, 0, arMaxFeeRate, () -> books,
                (pairs, cap, spent, amountSat) -> judgment.judge(pairs, cap, spent, amountSat, parts.clock().instant()));
    }

    private void pairing(List<Channel> channels, long arMaxFeeRate, Map<ChannelId, ChannelBook> books) {
        RefillBudget budget = parts.refillBudget();
        Exclusions template = TemplateKeys.exclusions(settings.files().template());
        long minAmount = TemplateKeys.minAmountSat(settings.files().template());
        List<PairingTable.Row> rows = PairingTable.rows(channels, settings.judgment().excludeChannels(), template, minAmount,
                settings.judgment().feePolicy(), settings.judgment().maxPendingHtlcs(), arMaxFeeRate, books, budget);
        PairingTable.render(rows).forEach(report::info);
        PairWaits waits = parts.pairWaits(Duration.ofMinutes(1));
        String waitsNote = "";
        RunFiles ram = new RunFiles(RunFiles.defaultBase(), settings.files().dataDir());
        try {
            String kept = ram.read(RunFiles.WAITS);
            if (!kept.isEmpty() && waits.enabled()) {
                waits.load(kept);
                waitsNote = " (waits read from " + ram.folderPath().resolve(RunFiles.WAITS) + ")";
            }
        } catch (IOException | RuntimeException e) {
            waitsNote = " (the daemon's waits cannot be read: " + ErrorLog.describe(e) + ")";
        }
        CyclePlanner.Plan plan = plan(channels, arMaxFeeRate, books, waits);
        List<Pair> pairs = plan.paired();
        int noMargin = plan.withoutMargin().size();
        Judgment.Verdict verdict = plan.verdict();
        StringBuilder skipped = new StringBuilder();
        verdict.counts().forEach((reason, n) -> skipped.append(skipped.length() == 0 ? "; not now: " : ", ")
                .append(n).append(' ').append(words(reason)));
        report.pass("pairing: " + Words.count(pairs.size(), "pair") + " by LNDg's rules, " + verdict.toRun().size() + " to run now" + skipped
                + (noMargin == 0 ? "" : "; " + Words.count(noMargin, "source") + " without margin above its target (not paired)")
                + "; " + waits.restingCount(parts.clock().instant()) + " resting after failed runs" + waitsNote);
        Map<ChannelId, String> aliases = new HashMap<>();
        channels.forEach(c -> aliases.put(c.id(), c.alias()));
        for (var resting : waits.restingNow(parts.clock().instant())) {
            report.info("resting: " + named(resting.getKey().source(), aliases) + " → " + named(resting.getKey().target(), aliases)
                    + " " + resting.getValue().text());
        }
    }

    /** "SinkNode (812345…)" where LNDg names the channel's peer, the channel id alone where not. */
    private static String named(ChannelId id, Map<ChannelId, String> aliases) {
        String alias = aliases.getOrDefault(id, "");
        return alias.isBlank() ? id.value() : alias + " (" + id.value() + ")";
    }

    private static String words(SkipReason reason) {
        return switch (reason) {
            case WAIT -> "resting";
            case FEE -> "over LNDg's fee cap";
            case HTLC -> "with too many pending HTLCs";
            case TARGET_PAID -> "into a paid target";
            case BUDGET -> "into a target over its refill budget";
        };
    }

    private String clean(String text) {
        return CheckText.clean(parts.secrets(), text);
    }
}
