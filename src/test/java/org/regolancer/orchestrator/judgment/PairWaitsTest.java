package org.regolancer.orchestrator.judgment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.PairKey;

class PairWaitsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final PairKey AB = new PairKey(new ChannelId("905399447106748416"), new ChannelId("893182773332606977"));
    private static final PairKey CB = new PairKey(new ChannelId("929088425007054849"), new ChannelId("893182773332606977"));

    private final PairWaits waits = new PairWaits(Duration.ofMinutes(30), Duration.ofMinutes(360));

    private Instant until(PairKey pair, Instant now) {
        return waits.resting(pair, now).map(PairWaits.Wait::until).orElse(null);
    }

    @Test
    void aFailureRestsThePairFromTheRunsEndAndEachFurtherOneDoublesUpToTheMax() {
        waits.failed(AB, T0);
        assertEquals(T0.plus(Duration.ofMinutes(30)), until(AB, T0));
        assertEquals(Optional.empty(), waits.resting(CB, T0), "only that pair");
        Instant end = T0.plus(Duration.ofMinutes(31));
        waits.failed(AB, end);
        assertEquals(end.plus(Duration.ofMinutes(60)), until(AB, end));
        long[] expected = {120, 240, 360, 360};
        for (long minutes : expected) {
            end = end.plus(Duration.ofHours(7));
            waits.failed(AB, end);
            assertEquals(end.plus(Duration.ofMinutes(minutes)), until(AB, end));
        }
        assertEquals(6, waits.resting(AB, end).orElseThrow().failuresInARow());
    }

    @Test
    void theWaitEndsOnTime() {
        waits.failed(AB, T0);
        assertTrue(waits.resting(AB, T0.plus(Duration.ofMinutes(29))).isPresent());
        assertTrue(waits.resting(AB, T0.plus(Duration.ofMinutes(30))).isEmpty(), "may run again at the end");
        assertEquals(0, waits.restingCount(T0.plus(Duration.ofMinutes(30))));
        assertEquals(1, waits.restingCount(T0));
    }

    @Test
    void aPaymentForgetsTheWaitAndTheStreak() {
        waits.failed(AB, T0);
        waits.failed(AB, T0.plus(Duration.ofHours(1)));
        assertTrue(waits.paid(AB));
        assertTrue(waits.resting(AB, T0.plus(Duration.ofHours(1))).isEmpty());
        assertFalse(waits.paid(AB), "nothing left to forget");
        Instant later = T0.plus(Duration.ofHours(2));
        waits.failed(AB, later);
        assertEquals(later.plus(Duration.ofMinutes(30)), until(AB, later), "the streak starts again");
    }

    @Test
    void zeroMinutesTurnsWaitingOff() {
        PairWaits off = new PairWaits(Duration.ZERO, Duration.ofMinutes(360));
        assertFalse(off.enabled());
        off.failed(AB, T0);
        assertTrue(off.resting(AB, T0).isEmpty());
        assertEquals(0, off.restingCount(T0));
    }

    @Test
    void aPairLndgNoLongerListsIsForgottenTheMaxAfterItsLastRunAListedOneNever() {
        waits.failed(AB, T0);
        waits.failed(CB, T0);
        assertFalse(waits.forgetUnlisted(Set.of(AB), T0.plus(Duration.ofMinutes(359))), "not yet");
        assertTrue(waits.forgetUnlisted(Set.of(AB), T0.plus(Duration.ofMinutes(360))));
        Instant muchLater = T0.plus(Duration.ofDays(3));
        assertFalse(waits.forgetUnlisted(Set.of(AB), muchLater), "a listed pair keeps its streak");
        waits.failed(AB, muchLater);
        assertEquals(2, waits.resting(AB, muchLater).orElseThrow().failuresInARow());
        waits.failed(CB, muchLater);
        assertEquals(1, waits.resting(CB, muchLater).orElseThrow().failuresInARow(), "CB was forgotten");
    }

    @Test
    void theWaitsGoThroughTheirFileUnchangedAndABadLineIsSkipped() {
        waits.failed(AB, T0);
        waits.failed(AB, T0.plus(Duration.ofHours(1)));
        waits.failed(CB, T0);
        String csv = waits.toCsv();
        assertTrue(csv.startsWith(PairWaits.HEADER + "\n"), csv);
        PairWaits again = new PairWaits(Duration.ofMinutes(30), Duration.ofMinutes(360));
        assertEquals(2, again.load(csv + "905399447106748416,not-a-channel,1,2026-11-26T10:00:00Z,2026-11-26T10:30:00Z\n"
                + "garbage\n"), "two unreadable lines skipped");
        assertEquals(csv, again.toCsv());
        assertEquals(waits.resting(AB, T0), again.resting(AB, T0));
    }

    @Test
    void aWaitLoadedAfterTheMaxWasLoweredIsShortenedToTheNewMax() {
        waits.failed(AB, T0);
        for (int i = 1; i < 5; i++) {
            waits.failed(AB, T0);
        }
        assertEquals(T0.plus(Duration.ofMinutes(360)), until(AB, T0));
        PairWaits lowered = new PairWaits(Duration.ofMinutes(30), Duration.ofMinutes(60));
        lowered.load(waits.toCsv());
        assertEquals(T0.plus(Duration.ofMinutes(60)), lowered.resting(AB, T0).orElseThrow().until());
    }
}
