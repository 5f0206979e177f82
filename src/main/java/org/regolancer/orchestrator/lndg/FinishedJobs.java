package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.regolancer.orchestrator.ops.UntrustedText;

/**
 * Reads the rebalances LNDg's own auto-rebalancer completed since a time ({@code /api/rebalancer/?status=2&stop__gt=…},
 * newest id first, pages by an {@code id__lt} cursor), through the process's LNDg session. A row without a usable id,
 * stop or value is left out (it cannot be announced); a missing or null {@code fees_paid} is a fee not reported. The
 * target's alias is a peer's own text: made plain text ({@link UntrustedText}) as it is read.
 */
public final class FinishedJobs {

    /** At most this many pages a read: a day's catch-up of a busy LNDg fits many times over. */
    static final int MAX_PAGES = 20;
    /** Only what a notice says is read: a job also lists every source LNDg may use, tens of KB on a big node. */
    private static final Set<String> FIELDS = Set.of("id", "status", "stop", "value", "fees_paid", "target_alias",
            "last_hop_pubkey");

    private final IdPager pages;
    private final ZoneId lndgZone;

    public FinishedJobs(LndgHttp http, ZoneId lndgZone) {
        this.pages = new IdPager(http, "/api/rebalancer/", FIELDS, MAX_PAGES);
        this.lndgZone = lndgZone;
    }

    /** The jobs that stopped after {@code since}, as LNDg lists them (newest id first). */
    public List<FinishedJob> since(Instant since) {
        // (limit first: the tests' stand-in tells these reads from the report's and the books' by it)
        String query = "limit=" + IdPager.JOBS_PAGE + "&status=2&stop__gt=" + LndgTime.naive(since, lndgZone);
        List<FinishedJob> jobs = new ArrayList<>();
        // a day's catch-up fits many times over in MAX_PAGES: past them the notices make do with what was read
        pages.read(query, row -> {
            // a row without a usable id is left out (it cannot be announced) and does not move the cursor
            JsonNode id = row.get("id");
            if (id == null || !id.canConvertToLong() || id.asLong() < 0) {
                return IdPager.NO_ID;
            }
            FinishedJob job = job(id.asLong(), row);
            if (job != null) {
                jobs.add(job);
            }
            return id.asLong();
        });
        return jobs;
    }

    private FinishedJob job(long id, JsonNode row) {
        Instant stop = LndgTime.instant(row.path("stop"), lndgZone);
        JsonNode value = row.get("value");
        if (row.path("status").asInt(-1) != 2 || stop == null || value == null || !value.canConvertToLong()
                || value.asLong() <= 0) {
            return null;
        }
        JsonNode fees = row.get("fees_paid");
        Long feeMsat = fees != null && (fees.isNumber() || fees.isTextual() && fees.asText().matches("[0-9]+(\\.[0-9]+)?"))
                ? LndgReportClient.msat(fees) : null;
        return new FinishedJob(id, stop, value.asLong(), feeMsat, UntrustedText.alias(row.path("target_alias").asText("")),
                row.path("last_hop_pubkey").asText(""));
    }
}
