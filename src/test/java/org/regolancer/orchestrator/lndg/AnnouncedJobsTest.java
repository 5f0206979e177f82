package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of LNDg's completed rebalances are announced: never the backlog, each once, late finishers too, across restarts. */
class AnnouncedJobsTest {

    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");

    private static FinishedJob job(long id, Instant stop) {
        return new FinishedJob(id, stop, 50_000, 12_345L, "Sink", "03" + "a".repeat(64));
    }

    private static List<Long> ids(List<FinishedJob> jobs) {
        return jobs.stream().map(FinishedJob::id).toList();
    }

    @Test
    void theFirstReadIsTheBaselineAndIsKeptEvenWhenLndgHadNone() {
        AnnouncedJobs jobs = AnnouncedJobs.none();
        assertFalse(jobs.baselined());
        assertEquals(START.minus(AnnouncedJobs.OVERLAP), jobs.readFrom(START), "the first read looks an hour back");
        assertEquals(List.of(), jobs.fresh(List.of(job(10, START.minusSeconds(600)), job(11, START.minusSeconds(60))), START),
                "the backlog is not announced");
        assertTrue(jobs.baselined() && jobs.changed());

        AnnouncedJobs empty = AnnouncedJobs.none();
        empty.fresh(List.of(), START);
        assertTrue(empty.changed(), "an LNDg without jobs still sets a baseline worth keeping");
        assertTrue(empty.text().contains("read=" + START));
    }

    @Test
    void newJobsAreAnnouncedOnceOldestFirstAndALowerIdCompletingLateIsNotMissed() {
        AnnouncedJobs jobs = AnnouncedJobs.none();
        jobs.fresh(List.of(job(10, START.minusSeconds(600))), START);
        jobs.text();
        assertFalse(jobs.changed());

        Instant t1 = START.plusSeconds(30);
        // job 12 completed; job 11 (scheduled before it) is still running
        assertEquals(List.of(12L), ids(jobs.fresh(List.of(job(12, START.plusSeconds(20)), job(10, START.minusSeconds(600))), t1)));
        assertTrue(jobs.changed());
        assertEquals(t1.minus(AnnouncedJobs.OVERLAP), jobs.readFrom(t1.plusSeconds(30)), "the next read goes an hour back");

        Instant t2 = t1.plusSeconds(30);
        List<FinishedJob> later = List.of(job(13, t2.minusSeconds(5)), job(12, START.plusSeconds(20)), job(11, t2.minusSeconds(10)),
                job(10, START.minusSeconds(600)));
        assertEquals(List.of(11L, 13L), ids(jobs.fresh(later, t2)), "11 completed after 12 and is announced, by its stop");
        assertEquals(List.of(), jobs.fresh(later, t2.plusSeconds(30)), "each once");
    }

    @Test
    void aRestartAnnouncesWhatCompletedWhileDownAndNothingTwice() {
        AnnouncedJobs before = AnnouncedJobs.none();
        before.fresh(List.of(job(10, START.minusSeconds(600))), START);
        before.fresh(List.of(job(11, START.plusSeconds(10)), job(10, START.minusSeconds(600))), START.plusSeconds(30));
        String kept = before.text();

        Instant restart = START.plus(Duration.ofHours(3));
        AnnouncedJobs after = AnnouncedJobs.parse(kept);
        assertTrue(after.baselined());
        assertEquals(START.plusSeconds(30).minus(AnnouncedJobs.OVERLAP), after.readFrom(restart),
                "back to an hour before the last kept read");
        assertEquals(List.of(12L), ids(after.fresh(List.of(job(12, START.plus(Duration.ofHours(2))), job(11, START.plusSeconds(10)),
                job(10, START.minusSeconds(600))), restart)), "12 completed while the daemon was down");

        AnnouncedJobs longDown = AnnouncedJobs.parse(kept);
        Instant weekLater = START.plus(Duration.ofDays(7));
        assertEquals(weekLater.minus(AnnouncedJobs.CATCH_UP), longDown.readFrom(weekLater), "a day's catch-up at most");
    }

    @Test
    void anIdIsForgottenOnlyOnceNoReadCanReturnItAgain() {
        AnnouncedJobs jobs = AnnouncedJobs.none();
        jobs.fresh(List.of(), START.minusSeconds(30));
        FinishedJob ten = job(10, START);
        int reads = 0;
        for (Instant now = START; now.isBefore(START.plus(Duration.ofHours(4))); now = now.plusSeconds(30)) {
            // what LNDg returns for the read's stop__gt filter
            List<FinishedJob> read = jobs.readFrom(now).isBefore(ten.stop()) ? List.of(ten) : List.of();
            reads += read.size();
            List<FinishedJob> fresh = jobs.fresh(read, now);
            assertEquals(now.equals(START) ? List.of(10L) : List.of(), ids(fresh), "announced once, at " + now);
        }
        assertTrue(reads > 100, "reads returned it for an hour and more: " + reads);
        assertEquals(0, jobs.remembered(), "then it was forgotten");
    }

    @Test
    void aKeptTextThatCannotBeReadIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AnnouncedJobs.parse("read=yesterday\n"));
        assertThrows(IllegalArgumentException.class, () -> AnnouncedJobs.parse("12,2026-12-03T12:00:00Z\n"), "no read line");
        assertThrows(IllegalArgumentException.class, () -> AnnouncedJobs.parse("read=2026-12-03T12:00:00Z\n12\n"));
    }
}
