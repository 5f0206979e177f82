package org.regolancer.orchestrator.commands;

import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ops.Words;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.cycle.Pause;
import org.regolancer.orchestrator.report.Activity;
import org.regolancer.orchestrator.report.LedgerReader;
import org.regolancer.orchestrator.telegram.TelegramHtml;

/** /status: running or paused, the last cycle, today's payments (from the ledger), pairs resting, LNDg's last failure. */
public class StatusText {

    private final CycleStats stats;
    private final Pause pause;
    private final Path ledger;
    private final ZoneId zone;

    private final boolean budgetOn;

    /** @param budgetOn the refill budget is on: /status says how many targets are over it */
    public StatusText(CycleStats stats, Pause pause, Path ledger, ZoneId zone, boolean budgetOn) {
        this.budgetOn = budgetOn;
        this.stats = stats;
        this.pause = pause;
        this.ledger = ledger;
        this.zone = zone;
    }

    public String render(Instant now) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
        StringBuilder out = new StringBuilder();
        out.append(pause.paused() ? "⏸ <b>Paused</b> since " + time.format(pause.since()) + " (/resume to go on)"
                : "▶️ <b>Running</b>").append('\n');
        CycleStats.LastCycle last = stats.lastCycle();
        if (last == null) {
            out.append("Last cycle: none yet\n");
        } else {
            out.append("Last cycle: ").append(time.format(last.end())).append(", ").append(Words.count(last.pairs(), "pair")).append(" to run, ")
                    .append(Words.count(last.runs(), "run")).append(", ").append(Words.count(last.payments(), "payment")).append(" (")
                    .append(last.took().toSeconds()).append(" s)\n");
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        long count = 0;
        long sats = 0;
        long feeMsat = 0;
        try {
            for (Activity.Rebalance payment : LedgerReader.read(ledger).payments()) {
                if (LocalDate.ofInstant(payment.time(), zone).equals(today)) {
                    count++;
                    sats += payment.amount().value();
                    feeMsat += payment.fee().value();
                }
            }
            out.append("Today: ").append(Words.count(count, "payment")).append(", ").append(TelegramHtml.sats(sats)).append(" sat, fees ")
                    .append(Msat.asSats(feeMsat)).append(" sat\n");
        } catch (IOException e) {
            out.append("Today: the ledger cannot be read\n");
        }
        out.append("Pairs resting after failed runs: ").append(stats.getPairsWaiting()).append('\n');
        if (budgetOn) {
            out.append("Targets over their refill budget: ").append(stats.getTargetsOverBudget()).append('\n');
        }
        CycleStats.LndgFailure failure = stats.lastLndgFailure();
        if (failure == null) {
            out.append("LNDg: no failure since start");
        } else {
            out.append("LNDg: last failure ").append(time.format(failure.at())).append(" (")
                    .append(Duration.between(failure.at(), now).toMinutes()).append(" min ago): ")
                    .append(TelegramHtml.escape(failure.why()));
        }
        return out.toString();
    }
}
