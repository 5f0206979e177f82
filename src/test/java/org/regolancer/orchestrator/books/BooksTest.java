package org.regolancer.orchestrator.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.peer;
import static org.regolancer.orchestrator.fixtures.TestChannels.targetChannel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;

class BooksTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration DAYS_30 = Duration.ofDays(30);

    private final Channel t1 = targetChannel(11);
    private final Channel t2 = targetChannel(12);

    @Test
    void ourRefillsAndForwardsOutAreSummedPerChannelToTheMsat() {
        Books books = new Books(DAYS_30);
        books.refill(t1.id(), NOW.minusSeconds(3600), Sat.of(100_000), Msat.of(12_345), NOW);
        books.refill(t1.id(), NOW.minusSeconds(60), Sat.of(50_000), Msat.of(1), NOW);
        books.refill(t2.id(), NOW.minusSeconds(60), Sat.of(7_000), Msat.of(999), NOW);
        books.forward(1, t1.id(), NOW.minusSeconds(7200), Sat.of(40_000), Msat.of(401), NOW);
        books.forward(2, t1.id(), NOW.minusSeconds(10), Sat.of(2_000), Msat.of(3), NOW);

        Map<ChannelId, ChannelBook> read = books.read(List.of(t1, t2), NOW);
        assertEquals(book(t1.id(), 2, 150_000, 12_346, 0, 2, 42_000, 404), read.get(t1.id()));
        assertEquals(book(t2.id(), 1, 7_000, 999, 0, 0, 0, 0), read.get(t2.id()));
        assertEquals(2, books.lastForwardId());
        assertTrue(read.get(t1.id()).unprofitable(), "12.346 sat paid against 0.404 earned");
    }

    @Test
    void anEventCountsForTheWholeWindowAndLeavesItAtMostOneSliceLater() {
        Books books = new Books(DAYS_30);
        Duration slice = DAYS_30.dividedBy(Books.SLICES);
        Instant start = books.windowStart(NOW);
        assertFalse(start.isAfter(NOW.minus(DAYS_30)), "the window reaches back at least 30 days: " + start);
        assertTrue(start.isAfter(NOW.minus(DAYS_30).minus(slice)), "and less than one slice (30 h) more: " + start);

        books.refill(t1.id(), NOW.minus(DAYS_30).plusSeconds(60), Sat.of(1_000), Msat.of(100), NOW);
        books.refill(t1.id(), NOW.minus(DAYS_30).minus(slice).minusSeconds(1), Sat.of(1_000), Msat.of(100_000), NOW);
        assertEquals(Msat.of(100), books.read(List.of(t1), NOW).get(t1.id()).paid(), "inside counted, a slice older not");

        Instant later = NOW.plus(slice).plus(slice);
        assertTrue(books.read(List.of(t1), later).isEmpty(), "two slices later the refill has left the books");
        books.refill(t1.id(), NOW, Sat.of(1_000), Msat.of(5), later);
        assertTrue(books.read(List.of(t1), later.plus(DAYS_30).plus(slice).plus(slice)).isEmpty(), "and so does every other");
    }

    @Test
    void lndgsJobNamesThePeerAndCountsForItsOneOpenChannel() {
        Books books = new Books(DAYS_30);
        assertTrue(books.lndgJob(7, t1.peer(), NOW.minusSeconds(60), Sat.of(100_000), Msat.of(30_500), NOW));
        assertFalse(books.lndgJob(7, t1.peer(), NOW.minusSeconds(60), Sat.of(100_000), Msat.of(30_500), NOW), "a job read again counts once");
        books.lndgJob(8, peer(99), NOW.minusSeconds(60), Sat.of(5_000), Msat.of(1_000), NOW);

        Map<ChannelId, ChannelBook> read = books.read(List.of(t1, t2), NOW);
        assertEquals(book(t1.id(), 1, 100_000, 30_500, 0, 0, 0, 0), read.get(t1.id()));
        assertEquals(1, read.size(), "a job into a peer with no open channel counts for no channel");
    }

    @Test
    void aPeerWithTwoAutoRebalancedChannelsSharesItsJobsEvenlyTheRemainderToTheLowestId() {
        String shared = peer(50);
        Channel a = channel(chanId(51), shared, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        Channel b = channel(chanId(52), shared, 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75);
        Channel notAr = channel(chanId(53), shared, 1_000_000, 500_000, 500_000, 0, 0, false, 90, 75);
        Books books = new Books(DAYS_30);
        books.lndgJob(1, shared, NOW.minusSeconds(60), Sat.of(100_001), Msat.of(3_001), NOW);

        Map<ChannelId, ChannelBook> read = books.read(List.of(b, notAr, a), NOW);
        assertEquals(book(a.id(), 1, 50_001, 1_501, 0, 0, 0, 0), read.get(a.id()));
        assertEquals(book(b.id(), 1, 50_000, 1_500, 0, 0, 0, 0), read.get(b.id()));
        assertFalse(read.containsKey(notAr.id()), "the peer's channel without auto-rebalance takes no share");
    }

    @Test
    void aPeerWithoutAnyAutoRebalancedChannelSharesAmongAllItsOpenOnes() {
        String shared = peer(60);
        Channel a = channel(chanId(61), shared, 1_000_000, 50_000, 950_000, 0, 0, false, 90, 75);
        Channel b = channel(chanId(62), shared, 1_000_000, 50_000, 950_000, 0, 0, false, 90, 75);
        Books books = new Books(DAYS_30);
        books.lndgJob(1, shared, NOW.minusSeconds(60), Sat.of(10_000), Msat.of(2_000), NOW);
        Map<ChannelId, ChannelBook> read = books.read(List.of(a, b), NOW);
        assertEquals(Msat.of(1_000), read.get(a.id()).paid());
        assertEquals(Msat.of(1_000), read.get(b.id()).paid());
    }

    @Test
    void aForwardOutOfAChannelLndgNoLongerListsStillCountsForThatChannel() {
        Books books = new Books(DAYS_30);
        ChannelId closed = new ChannelId(chanId(77));
        books.forward(5, closed, NOW.minusSeconds(60), Sat.of(10_000), Msat.of(1_234), NOW);
        assertEquals(book(closed, 0, 0, 0, 0, 1, 10_000, 1_234), books.read(List.of(t1), NOW).get(closed));
    }

    @Test
    void aJobWhoseFeeLndgDoesNotKnowIsCountedApartAndNotSummedAsZero() {
        Books books = new Books(DAYS_30);
        books.lndgJob(1, t1.peer(), NOW.minusSeconds(60), Sat.of(10_000), null, NOW);
        books.lndgJob(2, t1.peer(), NOW.minusSeconds(30), Sat.of(10_000), Msat.of(700), NOW);
        assertEquals(book(t1.id(), 2, 20_000, 700, 1, 0, 0, 0), books.read(List.of(t1), NOW).get(t1.id()));
    }

    /** A book in plain numbers: counts, sats and msat in the record's order. */
    private static ChannelBook book(ChannelId id, long refills, long refilledSat, long paidMsat, long unknownFeeRefills,
            long forwards, long forwardedSat, long earnedMsat) {
        return new ChannelBook(id, refills, Sat.of(refilledSat), Msat.of(paidMsat), unknownFeeRefills, forwards,
                Sat.of(forwardedSat), Msat.of(earnedMsat));
    }
}
