package org.regolancer.orchestrator.report;

import java.time.LocalDate;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Ppm;
import org.regolancer.orchestrator.ledger.Sat;

/**
 * One day's figures: our rebalances, LNDg's own auto-rebalancer, forwards. Every fee in msat, LNDg's rebalance fees
 * only where LNDg reports them ({@code lndgFeesKnown}). {@code losSat}: LightningOS's rebalances, known only from the
 * Python original's {@code daily-report.csv} (sats alone, no count or fee).
 */
public record DayFigures(
        LocalDate date,
        long oursCount,
        long oursSat,
        long oursFeeMsat,
        long lndgCount,
        long lndgSat,
        long lndgFeeMsat,
        boolean lndgFeesKnown,
        long forwardCount,
        long forwardSat,
        long forwardFeeMsat,
        long losSat) {

    /** A day without LightningOS's rebalances (every day this daemon records). */
    public DayFigures(LocalDate date, long oursCount, long oursSat, long oursFeeMsat, long lndgCount, long lndgSat,
            long lndgFeeMsat, boolean lndgFeesKnown, long forwardCount, long forwardSat, long forwardFeeMsat) {
        this(date, oursCount, oursSat, oursFeeMsat, lndgCount, lndgSat, lndgFeeMsat, lndgFeesKnown, forwardCount, forwardSat,
                forwardFeeMsat, 0);
    }

    public static DayFigures empty(LocalDate date) {
        return new DayFigures(date, 0, 0, 0, 0, 0, 0, true, 0, 0, 0);
    }

    DayFigures plusOurs(Sat sat, Msat fee) {
        return new DayFigures(date, oursCount + 1, oursSat + sat.value(), oursFeeMsat + fee.value(), lndgCount, lndgSat, lndgFeeMsat,
                lndgFeesKnown, forwardCount, forwardSat, forwardFeeMsat, losSat);
    }

    /** @param fee null when LNDg does not report it */
    DayFigures plusLndg(Sat sat, Msat fee) {
        return new DayFigures(date, oursCount, oursSat, oursFeeMsat, lndgCount + 1, lndgSat + sat.value(),
                lndgFeeMsat + (fee == null ? 0 : fee.value()), lndgFeesKnown && fee != null, forwardCount, forwardSat,
                forwardFeeMsat, losSat);
    }

    DayFigures plusForward(Sat sat, Msat fee) {
        return new DayFigures(date, oursCount, oursSat, oursFeeMsat, lndgCount, lndgSat, lndgFeeMsat, lndgFeesKnown,
                forwardCount + 1, forwardSat + sat.value(), forwardFeeMsat + fee.value(), losSat);
    }

    /** The sum of several days, dated with the given date. */
    public static DayFigures sum(LocalDate date, Iterable<DayFigures> days) {
        DayFigures total = empty(date);
        for (DayFigures d : days) {
            total = new DayFigures(date, total.oursCount + d.oursCount, total.oursSat + d.oursSat,
                    total.oursFeeMsat + d.oursFeeMsat, total.lndgCount + d.lndgCount, total.lndgSat + d.lndgSat,
                    total.lndgFeeMsat + d.lndgFeeMsat, total.lndgFeesKnown && d.lndgFeesKnown,
                    total.forwardCount + d.forwardCount, total.forwardSat + d.forwardSat,
                    total.forwardFeeMsat + d.forwardFeeMsat, total.losSat + d.losSat);
        }
        return total;
    }

    /** Every engine's sats: ours, LNDg's, LightningOS's. */
    public long rebalancedSat() {
        return oursSat + lndgSat + losSat;
    }

    public long rebalanceCount() {
        return oursCount + lndgCount;
    }

    /** Fees paid for rebalancing: ours, plus LNDg's where it reports them. */
    public long rebalanceFeeMsat() {
        return oursFeeMsat + lndgFeeMsat;
    }

    /** Forwarding fees earned minus rebalancing fees paid. */
    public long netMsat() {
        return forwardFeeMsat - rebalanceFeeMsat();
    }

    /** Our average fee rate, ppm of the sats we moved; 0 on a day without payments. */
    public long oursAveragePpm() {
        return Ppm.of(Msat.of(oursFeeMsat), Sat.of(oursSat)).value();
    }

    /** Our share of the sats rebalanced today, in whole percent (0 when nothing moved). */
    public long oursSharePercent() {
        return rebalancedSat() == 0 ? 0 : Math.round(oursSat * 100.0 / rebalancedSat());
    }

    /** LNDg's share: the rest of 100 beside ours, or rounded on its own when LightningOS moved sats too. */
    public long lndgSharePercent() {
        if (rebalancedSat() == 0) {
            return 0;
        }
        return losSat == 0 ? 100 - oursSharePercent() : Math.round(lndgSat * 100.0 / rebalancedSat());
    }

    public long losSharePercent() {
        return rebalancedSat() == 0 ? 0 : Math.round(losSat * 100.0 / rebalancedSat());
    }
}
