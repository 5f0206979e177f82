package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.TestChannels;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.ChannelId;

class BooksReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final FakeLndg lndg;
    private final Channel t1 = TestChannels.targetChannel(11);

    BooksReaderTest() throws Exception {
        lndg = new FakeLndg();
    }

    @AfterEach
    void close() {
        lndg.close();
    }

    private BooksReader reader() {
        return new BooksReader(new LndgHttp(new LndgSession(URI.create(lndg.baseUrl()), FakeLndg.USER, FakeLndg.PASSWORD,
                Clock.systemUTC(), new Secrets(FakeLndg.USER, FakeLndg.PASSWORD, "")), Duration.ofSeconds(5)), ZoneOffset.UTC);
    }

    private static Map<String, Object> forward(long id, Object chanOut, Object amtOutMsat, Object fee) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("forward_date", "2026-12-03T10:00:00.123456");
        row.put("chan_id_out", chanOut);
        row.put("amt_out_msat", amtOutMsat);
        row.put("fee", fee);
        return row;
    }

    @Test
    void badRowsAreSkippedAndCountedTheRestToTheMsat() {
        String out = t1.id().value();
        lndg.withPageSize(2)
                .withForwardRow(forward(1, out, 10_000_000, 0.4))
                .withForwardRow(forward(2, out, null, 1.0))
                .withForwardRow(forward(3, out, -5, 1.0))
                .withForwardRow(forward(4, "not-a-channel", 1_000, 1.0))
                .withForwardRow(forward(5, out, 2_000_000, 30.123));
        Books books = new Books(Duration.ofDays(30));
        BooksReader.Read read = reader().forwards(books, books.windowStart(NOW), NOW);
        assertEquals(2, read.rows());
        assertEquals(3, read.skipped());
        assertTrue(read.firstSkipped().startsWith("forward 4 (chan_id_out"), read.firstSkipped());
        assertEquals(book(t1.id(), 0, 0, 0, 0, 2, 12_000, 30_523), books.read(List.of(t1), NOW).get(t1.id()));
        assertEquals(5, books.lastForwardId());
        assertTrue(lndg.booksQueries().stream().anyMatch(q -> q.contains("id__lt=")), "paged by cursor: " + lndg.booksQueries());
    }

    @Test
    void theNextReadAsksOnlyUntilAForwardAlreadyCounted() {
        lndg.withForward(1, "2026-12-03T10:00:00", 1_000_000, 1.0, t1.id().value());
        Books books = new Books(Duration.ofDays(30));
        reader().forwards(books, books.windowStart(NOW), NOW);
        lndg.withForward(2, "2026-12-03T11:00:00", 1_000_000, 2.0, t1.id().value());
        BooksReader.Read next = reader().forwards(books, books.windowStart(NOW), NOW);
        assertEquals(1, next.rows(), "forward 1 is not counted twice");
        assertEquals(Msat.of(3_000), books.read(List.of(t1), NOW).get(t1.id()).earned());
    }

    @Test
    void lndgsJobsWithoutAPeerAreSkippedAndAMissingFeeIsUnknown() {
        lndg.withRebalance(1, "2026-12-03T09:00:00", 50_000, 12.5, 2, t1.peer())
                .withRebalance(2, "2026-12-03T09:30:00", 40_000, null, 2, t1.peer())
                .withRebalance(3, "2026-12-03T09:45:00", 40_000, 3.0, 2, null)
                .withRebalance(4, "2026-12-03T09:50:00", 40_000, 3.0, 3, t1.peer());
        Books books = new Books(Duration.ofDays(30));
        BooksReader.Read read = reader().jobs(books, books.windowStart(NOW), NOW);
        assertEquals(2, read.rows(), "status 3 is not a finished job");
        assertEquals(1, read.skipped());
        assertEquals(book(t1.id(), 2, 90_000, 12_500, 1, 0, 0, 0), books.read(List.of(t1), NOW).get(t1.id()));
        assertTrue(lndg.booksQueries().get(0).startsWith("rebalancer?stop__gt="), lndg.booksQueries().toString());
    }

    /** A book in plain numbers: counts, sats and msat in the record's order. */
    private static ChannelBook book(ChannelId id, long refills, long refilledSat, long paidMsat, long unknownFeeRefills,
            long forwards, long forwardedSat, long earnedMsat) {
        return new ChannelBook(id, refills, Sat.of(refilledSat), Msat.of(paidMsat), unknownFeeRefills, forwards,
                Sat.of(forwardedSat), Msat.of(earnedMsat));
    }
}
