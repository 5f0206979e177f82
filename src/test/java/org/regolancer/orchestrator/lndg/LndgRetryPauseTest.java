package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LndgRetryPauseTest {

    private final LndgRetryPause pause = new LndgRetryPause(Duration.ofSeconds(1), Duration.ofSeconds(60));

    private long[] extraSeconds(long sleepSeconds, long failures) {
        return LongStream.rangeClosed(0, failures)
                .map(n -> pause.extraAfter(n, Duration.ofSeconds(sleepSeconds)).toSeconds()).toArray();
    }

    @Test
    void withNoSleepTheGapDoublesFromOneSecondUpToAMinute() {
        assertEquals(java.util.List.of(0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L),
                LongStream.of(extraSeconds(0, 9)).boxed().toList());
    }

    @Test
    void theSleepCountsTowardsTheGapSoTheDefaultAddsNothingAtFirst() {
        assertEquals(java.util.List.of(0L, 0L, 0L, 0L, 3L, 11L, 27L, 55L, 55L),
                LongStream.of(extraSeconds(5, 8)).boxed().toList());
        assertEquals(Duration.ZERO, pause.extraAfter(1_000_000, Duration.ofHours(1)), "a long sleep needs no more");
    }

    @Test
    void aVeryLongOutageStaysAtTheCapWithoutOverflowing() {
        assertEquals(Duration.ofSeconds(60), pause.extraAfter(Long.MAX_VALUE, Duration.ZERO));
    }

    @Test
    void refusesAMaxBelowTheFirstPause() {
        assertThrows(IllegalArgumentException.class, () -> new LndgRetryPause(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
