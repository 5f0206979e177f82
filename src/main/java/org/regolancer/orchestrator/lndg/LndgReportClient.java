package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.regolancer.orchestrator.report.Activity;
import org.regolancer.orchestrator.report.ActivitySource;

/**
 * Reads LNDg's rebalancer jobs and forwards for the report, always in bounded pages by an {@code id__lt} cursor (both
 * lists are ordered newest first by id; jobs {@value BooksReader#JOBS_PAGE} a page, as each lists every source LNDg
 * may use), forwards in windows of at most 31 days, each page read as a stream, only the fields used. Fees are kept in
 * msat exactly as LNDg stores them. LNDg's datetimes are naive, in LNDg's own zone ({@code LNDG_TIMEZONE}).
 */
public final class LndgReportClient implements ActivitySource {

    static final int PAGE = 500;
    static final int MAX_PAGES = 2000;
    static final Duration WINDOW = Duration.ofDays(31);
    private static final Set<String> JOB_FIELDS = Set.of("id", "status", "stop", "value", "fees_paid");
    private static final Set<String> FORWARD_FIELDS = Set.of("id", "forward_date", "amt_out_msat", "fee");

    private final LndgHttp http;
    private final ZoneId lndgZone;

    public LndgReportClient(LndgHttp http, ZoneId lndgZone) {
        this.http = http;
        this.lndgZone = lndgZone;
    }

    @Override
    public List<Activity.LndgRebalance> lndgRebalances(Instant from, Instant to) {
        List<Activity.LndgRebalance> jobs = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            long[] lowestId = {Long.MAX_VALUE};
            Optional<String> next = http.page("/api/rebalancer/", "status=2&stop__gt=" + LndgTime.naive(from.minusSeconds(1), lndgZone)
                    + "&limit=" + BooksReader.JOBS_PAGE + cursor, JOB_FIELDS, job -> {
                lowestId[0] = Math.min(lowestId[0], job.path("id").asLong(Long.MAX_VALUE));
                Instant stop = LndgTime.instant(job.path("stop"), lndgZone);
                if (job.path("status").asInt(-1) != 2 || stop == null || stop.isBefore(from) || !stop.isBefore(to)) {
                    return;
                }
                JsonNode fees = job.get("fees_paid");
                jobs.add(new Activity.LndgRebalance(stop, job.path("value").asLong(),
                        fees == null || fees.isNull() ? null : msat(fees)));
            });
            // LNDg may cap the page below our limit: go on while it says there is more
            if (next.isEmpty() || lowestId[0] == Long.MAX_VALUE) {
                return jobs;
            }
            cursor = "&id__lt=" + lowestId[0];
        }
        throw new LndgException("LNDg's rebalancer list did not end after " + MAX_PAGES + " pages");
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
            String window = "forward_date__gte=" + LndgTime.naive(start, lndgZone) + "&forward_date__lt="
                    + LndgTime.naive(end, lndgZone) + "&limit=" + PAGE;
            String cursor = "";
            for (int page = 0; ; page++) {
                if (page == MAX_PAGES) {
                    throw new LndgException("LNDg's forwards did not end after " + MAX_PAGES + " pages");
                }
                long[] lowestId = {Long.MAX_VALUE};
                Optional<String> next = http.page("/api/forwards/", window + cursor, FORWARD_FIELDS, f -> {
                    lowestId[0] = Math.min(lowestId[0], f.path("id").asLong(Long.MAX_VALUE));
                    Instant time = LndgTime.instant(f.path("forward_date"), lndgZone);
                    if (time != null) {
                        forwards.add(new Activity.Forward(time, f.path("amt_out_msat").asLong(), msat(f.path("fee"))));
                    }
                });
                if (next.isEmpty() || lowestId[0] == Long.MAX_VALUE) {
                    break;
                }
                cursor = "&id__lt=" + lowestId[0];
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
