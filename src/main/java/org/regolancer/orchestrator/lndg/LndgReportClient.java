package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.report.Activity;
import org.regolancer.orchestrator.report.ActivitySource;

/**
 * Reads LNDg's rebalancer jobs and forwards for the report, always in bounded pages by an {@code id__lt} cursor (both
 * lists are ordered newest first by id; jobs {@value IdPager#JOBS_PAGE} a page, as each lists every source LNDg
 * may use), forwards in windows of at most 31 days, each page read as a stream, only the fields used. Fees are kept in
 * msat exactly as LNDg stores them. LNDg's datetimes are naive, in LNDg's own zone ({@code LNDG_TIMEZONE}).
 */
public final class LndgReportClient implements ActivitySource {

    static final Duration WINDOW = Duration.ofDays(31);
    private static final Set<String> JOB_FIELDS = Set.of("id", "status", "stop", "value", "fees_paid");
    private static final Set<String> FORWARD_FIELDS = Set.of("id", "forward_date", "amt_out_msat", "fee");

    private final IdPager jobPages;
    private final IdPager forwardPages;
    private final ZoneId lndgZone;

    public LndgReportClient(LndgHttp http, ZoneId lndgZone) {
        this.jobPages = new IdPager(http, "/api/rebalancer/", JOB_FIELDS, IdPager.MAX_PAGES);
        this.forwardPages = new IdPager(http, "/api/forwards/", FORWARD_FIELDS, IdPager.MAX_PAGES);
        this.lndgZone = lndgZone;
    }

    @Override
    public List<Activity.LndgRebalance> lndgRebalances(Instant from, Instant to) {
        List<Activity.LndgRebalance> jobs = new ArrayList<>();
        boolean ended = jobPages.read("status=2&stop__gt=" + LndgTime.naive(from.minusSeconds(1), lndgZone) + "&limit="
                + IdPager.JOBS_PAGE, job -> {
            Instant stop = LndgTime.instant(job.path("stop"), lndgZone);
            if (job.path("status").asInt(-1) == 2 && stop != null && !stop.isBefore(from) && stop.isBefore(to)) {
                JsonNode fees = job.get("fees_paid");
                jobs.add(new Activity.LndgRebalance(stop, Sat.of(job.path("value").asLong()),
                        fees == null || fees.isNull() ? null : Msat.of(msat(fees))));
            }
            // a row's id as Jackson reads it: a missing or unreadable one does not move the cursor, the row still counts
            return job.path("id").asLong(IdPager.NO_ID);
        });
        if (!ended) {
            throw new LndgException("LNDg's rebalancer list did not end after " + IdPager.MAX_PAGES + " pages");
        }
        return jobs;
    }

    /**
     * Forwards in windows of at most 31 days, each read newest first by an {@code id__lt} cursor: a forward that
     * arrives while the pages are read cannot shift them (offset paging would read a row twice).
     */
    @Override
    public List<Activity.Forward> forwards(Instant from, Instant to) {
        List<Activity.Forward> forwards = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(WINDOW)) {
            Instant end = start.plus(WINDOW).isBefore(to) ? start.plus(WINDOW) : to;
            boolean ended = forwardPages.read("forward_date__gte=" + LndgTime.naive(start, lndgZone) + "&forward_date__lt="
                    + LndgTime.naive(end, lndgZone) + "&limit=" + IdPager.PAGE, f -> {
                Instant time = LndgTime.instant(f.path("forward_date"), lndgZone);
                if (time != null) {
                    forwards.add(new Activity.Forward(time, Msat.of(f.path("amt_out_msat").asLong()), Msat.of(msat(f.path("fee")))));
                }
                // as for the jobs: a missing or unreadable id does not move the cursor, the forward still counts
                return f.path("id").asLong(IdPager.NO_ID);
            });
            if (!ended) {
                throw new LndgException("LNDg's forwards did not end after " + IdPager.MAX_PAGES + " pages");
            }
        }
        return forwards;
    }

    /** LNDg's sats as a float ({@code fee_msat / 1000}, e.g. 0.4, 30.5, 0.001), exactly in msat. */
    static long msat(JsonNode sats) {
        if (!sats.isNumber() && !sats.isTextual()) {
            return 0;
        }
        try {
            return new java.math.BigDecimal(sats.asText()).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return 0;
        }
    }
}
