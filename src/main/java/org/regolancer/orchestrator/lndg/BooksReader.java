package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Reads what the books need from LNDg, through the process's LNDg session: forwards ({@code /api/forwards/}, newest
 * first by id, read back to the window's start at the first read and afterwards only until a forward already counted)
 * and the finished jobs of LNDg's own auto-rebalancer ({@code /api/rebalancer/?status=2}, by {@code stop}: they finish
 * out of id order, so each read goes back an hour before the last one and the books count a job once). Rows go into
 * the books as they are read, never a page at once; a job row lists every source LNDg may use (a big node's is tens of
 * KB), so jobs come {@value #JOBS_PAGE} a page. A row with a missing, null or negative amount, fee, id or channel field
 * is skipped and counted.
 */
public final class BooksReader {

    static final int PAGE = 500;
    static final int JOBS_PAGE = 100;
    static final int MAX_PAGES = 2000;
    private static final Set<String> FORWARD_FIELDS = Set.of("id", "chan_id_out", "forward_date", "amt_out_msat", "fee");
    private static final Set<String> JOB_FIELDS = Set.of("id", "status", "stop", "value", "last_hop_pubkey", "fees_paid");

    /** One read's rows counted and skipped, and the first skipped row in words. */
    public record Read(int rows, int skipped, String firstSkipped) {
        Read plus(Read other) {
            return new Read(rows + other.rows, skipped + other.skipped, firstSkipped != null ? firstSkipped : other.firstSkipped);
        }
    }

    private final LndgHttp http;
    private final ZoneId lndgZone;

    public BooksReader(LndgHttp http, ZoneId lndgZone) {
        this.http = http;
        this.lndgZone = lndgZone;
    }

    /** Forwards since {@code from} that are newer than the books' last one, into the books. */
    public Read forwards(Books books, Instant from, Instant now) {
        long counted = books.lastForwardId();
        String query = "forward_date__gte=" + LndgTime.naive(from, lndgZone) + "&limit=" + PAGE;
        Read read = new Read(0, 0, null);
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            Page seen = new Page(read);
            Optional<String> next = http.page("/api/forwards/", query + cursor, FORWARD_FIELDS, f -> {
                long id = f.path("id").asLong(-1);
                if (!f.path("id").canConvertToLong() || id < 0) {
                    seen.read = seen.read.plus(skipped("a forward without an id"));
                    return;
                }
                seen.lowestId = Math.min(seen.lowestId, id);
                if (id <= counted) {
                    seen.reachedCounted = true;
                    return;
                }
                seen.read = seen.read.plus(forward(books, id, f, now));
            });
            read = seen.read;
            if (seen.reachedCounted || next.isEmpty() || seen.lowestId == Long.MAX_VALUE) {
                return read;
            }
            cursor = "&id__lt=" + seen.lowestId;
        }
        throw new LndgException("LNDg's forwards did not end after " + MAX_PAGES + " pages");
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
        books.forward(id, new ChannelId(out), time, amountMsat / 1000, feeMsat, now);
        return new Read(1, 0, null);
    }

    /** LNDg's finished jobs that stopped after {@code since}, into the books (each job once). */
    public Read jobs(Books books, Instant since, Instant now) {
        // (stop__gt first: the tests' stand-in tells the books' reads from the report's by it; LNDg reads any order)
        String query = "stop__gt=" + LndgTime.naive(since, lndgZone) + "&status=2&limit=" + JOBS_PAGE;
        Read read = new Read(0, 0, null);
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            Page seen = new Page(read);
            Optional<String> next = http.page("/api/rebalancer/", query + cursor, JOB_FIELDS, job -> {
                long id = job.path("id").asLong(-1);
                if (!job.path("id").canConvertToLong() || id < 0) {
                    seen.read = seen.read.plus(skipped("a rebalancer job without an id"));
                    return;
                }
                seen.lowestId = Math.min(seen.lowestId, id);
                if (job.path("status").asInt(-1) != 2) {
                    return;
                }
                seen.read = seen.read.plus(job(books, id, job, now));
            });
            read = seen.read;
            if (next.isEmpty() || seen.lowestId == Long.MAX_VALUE) {
                return read;
            }
            cursor = "&id__lt=" + seen.lowestId;
        }
        throw new LndgException("LNDg's rebalancer list did not end after " + MAX_PAGES + " pages");
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
        books.lndgJob(id, peer, stop, value, feeMsat, now);
        return new Read(1, 0, null);
    }

    /** What one page's rows added up to, as they were read. */
    private static final class Page {
        Read read;
        long lowestId = Long.MAX_VALUE;
        boolean reachedCounted;

        Page(Read before) {
            read = before;
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
