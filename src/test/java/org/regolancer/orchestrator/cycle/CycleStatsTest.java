package org.regolancer.orchestrator.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.regolancer.RunOutcome;

/** The stop's one line: what the daemon did since it started, and that the ledger is closed. */
class CycleStatsTest {

    private static Payment payment(long amountSat, long feeMsat) {
        return new Payment(Instant.parse("2026-12-03T12:00:00Z"), new ChannelId("905399447106748416"), "S",
                new ChannelId("893182773332606977"), "T",
                Msat.of(amountSat * 1000), Msat.of(feeMsat));
    }

    @Test
    void theStopLineCountsWhatHappenedSinceTheStart() {
        CycleStats stats = new CycleStats();
        assertEquals("Stopped after 9 s: 0 cycles, 0 regolancer runs, 0 payments, 0 sat moved for 0 sat fees; the ledger is "
                + "closed", stats.stopLine(Duration.ofSeconds(9), 0));
        stats.cycleDone(Duration.ofSeconds(3), Instant.parse("2026-12-03T12:00:00Z"));
        stats.run(RunOutcome.SUCCESS);
        stats.run(RunOutcome.STOPPED);
        stats.payment(payment(1_500_000, 1_350_000));
        assertEquals("Stopped after 3 h 12 min: 1 cycle, 2 regolancer runs, 1 payment, 1,500,000 sat moved for 1350 sat fees; "
                + "the ledger is closed (2 payments wait for the next start)",
                stats.stopLine(Duration.ofMinutes(192).plusSeconds(40), 2));
        stats.payment(payment(19_532, 17_578));
        assertEquals("Stopped after 4 min 12 s: 1 cycle, 2 regolancer runs, 2 payments, 1,519,532 sat moved for 1367.578 sat "
                + "fees; the ledger is closed", stats.stopLine(Duration.ofSeconds(252), 0));
    }
}
