package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private final Readiness readiness = new Readiness(Duration.ofMinutes(11), 3);
    private final Instant start = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void readyWhileCyclesCompleteAndLndgAnswers() {
        assertEquals(Optional.empty(), readiness.problem(start.plusSeconds(60), start, null, 0), "grace after start");
        assertEquals(Optional.empty(), readiness.problem(start.plusSeconds(3600), start, start.plusSeconds(3000), 2));
    }

    @Test
    void notReadyWhenNoCycleCompletedForTooLong() {
        assertTrue(readiness.problem(start.plusSeconds(700), start, null, 0).orElseThrow().startsWith("no cycle completed since start"));
        assertTrue(readiness.problem(start.plusSeconds(4000), start, start.plusSeconds(3000), 0).orElseThrow()
                .startsWith("no cycle completed for 1000 s"), "a silently stalled rebalancer");
    }

    @Test
    void notReadyWhenLndgFailedTooManyCyclesInARow() {
        assertEquals(Optional.of("LNDg failed 3 cycles in a row"), readiness.problem(start.plusSeconds(30), start, start, 3));
    }
}
