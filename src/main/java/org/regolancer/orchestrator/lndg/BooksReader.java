package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Reads what the books need from LNDg, through the process's LNDg session: forwards ({@code /api/forwards/}, newest
 * first by id, read back to the window's start at the first read and afterwards only until a forward already counted)
 * and the finished jobs of LNDg's own auto-rebalancer ({@code /api/rebalancer/?status=2}, by {@code stop}: they finish
 * out of id order, so each read goes back an hour before the last one and the books count a job once). Rows go into
 * the books as they are read, never a page at once; a job row lists every source LNDg may use (a big node's is tens of
 * KB), so jobs come {@value IdPager#JOBS_PAGE} a page. A row with a missing, null or negative amount, fee, id or channel field
 * is skipped and counted.
 */
public final class BooksReader {

    private static final Set<String> FORWARD_FIELDS = Set.of("id", "chan_id_out", "forward_date", "amt_out_msat", "fee");
    private static final Set<String> JOB_FIELDS = Set.of("id", "status", "stop", "value", "last_hop_pubkey", "fees_paid");

    /** One read's rows counted and skipped, and the first skipped row in words. */
    public record Read(int rows, int skipped, String firstSkipped) {
        Read plus(Read other) {
            return new Read(rows + other.rows, skipped + other.skipped, firstSkipped != null ? firstSkipped : other.firstSkipped);
        }
    }

    private final IdPager forwardPages;
    private final IdPager jobPages;
    private final ZoneId lndgZone;

    public BooksReader(LndgHttp http, ZoneId lndgZone) {
        this.forwardPages = new IdPager(http, "/api/forwards/", FORWARD_FIELDS, IdPager.MAX_PAGES);
        this.jobPages = new IdPager(http, "/api/rebalancer/", JOB_FIELDS, IdPager.MAX_PAGES);
        this.lndgZone = lndgZone;
    }

    /** Forwards since {@code from} that are newer than the books' last one, into the books. */
    public Read forwards(Books books, Instant from, Instant now) {
        long counted = books.lastForwardId();
        Sum sum = new Sum();
        boolean ended = forwardPages.read("forward_date__gte=" + LndgTime.naive(from, lndgZone) + "&limit=" + IdPager.PAGE, f -> {
            // a forward without a usable id is skipped and counted, and does not move the cursor
            long id = f.path("id").asLong(-1);
            if (!f.path("id").canConvertToLong() || id < 0) {
                sum.add(skipped("a forward without an id"));
                return IdPager.NO_ID;
            }
            if (id <= counted) {
                sum.reachedCounted = true;
            } else {
                sum.add(forward(books, id, f, now));
            }
            return id;
        }, () -> sum.reachedCounted);
        if (!ended) {
            throw new LndgException("LNDg's forwards did not end after " + IdPager.MAX_PAGES + " pages");
        }
        return sum.read;
    }

    private Read forward(Books books, long id, JsonNode f, Instant now) {
        String out = f.path("chan_id_out").asText("");
        Instant time = LndgTime.instant(f.path("forward_date"), lndgZone);
        Long amountMsat = wholeNumber(f.get("amt_out_msat"));
        Long feeMsat = sats(f.get("fee"));
        if (!ChannelId.isValid(out) || time == null || amountMsat == null || feeMsat == null) {
            return skipped("forward " + id + " (" + (!ChannelId.isValid(out) ? "chan_id_out" : time == null ? "forward_date"
                    : amountMsat == null ? "amt_out_msat" : "fee") + " missing, null or invalid)");
        }
        books.forward(id, new ChannelId(out), time, Msat.of(amountMsat).wholeSats(), Msat.of(feeMsat), now);
        return new Read(1, 0, null);
    }

    /** LNDg's finished jobs that stopped after {@code since}, into the books (each job once). */
    public Read jobs(Books books, Instant since, Instant now) {
        Sum sum = new Sum();
        // (stop__gt first: the tests' stand-in tells the books' reads from the report's by it; LNDg reads any order)
        boolean ended = jobPages.read("stop__gt=" + LndgTime.naive(since, lndgZone) + "&status=2&limit=" + IdPager.JOBS_PAGE, job -> {
            // a job without a usable id is skipped and counted, and does not move the cursor
            long id = job.path("id").asLong(-1);
            if (!job.path("id").canConvertToLong() || id < 0) {
                sum.add(skipped("a rebalancer job without an id"));
                return IdPager.NO_ID;
            }
            if (job.path("status").asInt(-1) == 2) {
                sum.add(job(books, id, job, now));
            }
            return id;
        });
        if (!ended) {
            throw new LndgException("LNDg's rebalancer list did not end after " + IdPager.MAX_PAGES + " pages");
        }
        return sum.read;
    }

    private Read job(Books books, long id, JsonNode job, Instant now) {
        Instant stop = LndgTime.instant(job.path("stop"), lndgZone);
        Long value = wholeNumber(job.get("value"));
        String peer = job.path("last_hop_pubkey").isTextual() ? job.path("last_hop_pubkey").asText().strip() : "";
        JsonNode fees = job.get("fees_paid");
        boolean feeUnknown = fees == null || fees.isNull();
        Long feeMsat = feeUnknown ? null : sats(fees);
        if (stop == null || value == null || peer.isEmpty() || (!feeUnknown && feeMsat == null)) {
            return skipped("rebalancer job " + id + " (" + (stop == null ? "stop" : value == null ? "value"
                    : peer.isEmpty() ? "last_hop_pubkey" : "fees_paid") + " missing, null or invalid)");
        }
        books.lndgJob(id, peer, stop, Sat.of(value), feeMsat == null ? null : Msat.of(feeMsat), now);
        return new Read(1, 0, null);
    }

    /** What the rows read so far added up to, and whether one was already counted. */
    private static final class Sum {
        Read read = new Read(0, 0, null);
        boolean reachedCounted;

        void add(Read row) {
            read = read.plus(row);
        }
    }

    private static Read skipped(String what) {
        return new Read(0, 1, what);
    }

    /** A whole number ≥ 0, or null. */
    private static Long wholeNumber(JsonNode node) {
        if (node == null || !node.canConvertToLong() || !(node.isIntegralNumber() || node.isTextual() && node.asText().matches("[0-9]+"))) {
            return null;
        }
        long value = node.asLong();
        return value < 0 ? null : value;
    }

    /** LNDg's sats as a float, exactly in msat (as the report reads them); null when missing, null, negative or not a number. */
    private static Long sats(JsonNode node) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            return null;
        }
        try {
            java.math.BigDecimal sats = new java.math.BigDecimal(node.asText());
            return sats.signum() < 0 ? null : LndgReportClient.msat(node);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
