package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s pairing: the table with each target's refill books, the pairs to run now, the pairs resting as a running
 * daemon keeps them.
 */
class PairingCheckTest extends NodeCheckFixture {

    @Test
    void thePairingTableShowsEachTargetsRefillBooksAndWhoIsOverBudget() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/rebalances.csv"),
                "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm\n"
                        + java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ","
                        + chanId(1) + ",S1," + chanId(11) + ",T1,1000000,1200000,1200\n");
        lndg.withForward(1, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).withNano(0).toString(),
                100_000_000, 500.0, chanId(12));
        List<String> lines = text(check(settings(), false));
        assertTrue(lines.contains("✓ refill budget: 100 % of each target's earnings + 1000 sat over 30 days; books from the "
                + "ledger, 1 forward and 0 LNDg rebalancer jobs"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T1 ") && l.endsWith("; refills paid 1200 / earned 0 / allowed "
                + "1000 sat (over budget: not run)")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T2 ") && l.endsWith("; refills paid 0 / earned 500 / allowed 1500 sat")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ pairing: 6 pairs by LNDg's rules, 2 to run now; not now: "
                + "2 with too many pending HTLCs, 2 into a target over its refill budget;")), String.join("\n", lines));
    }

    @Test
    void restingPairsAreNamedWithTheirAliasesAndTheirTimeToTheSecond() throws IOException {
        org.regolancer.orchestrator.judgment.PairWaits waits = new org.regolancer.orchestrator.judgment.PairWaits(
                java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(360));
        java.time.Instant end = java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusMillis(123);
        org.regolancer.orchestrator.pairing.PairKey pair = new org.regolancer.orchestrator.pairing.PairKey(
                new org.regolancer.orchestrator.pairing.ChannelId(chanId(1)), new org.regolancer.orchestrator.pairing.ChannelId(chanId(11)));
        waits.failed(pair, end);
        waits.failed(pair, end);
        // as a running daemon left them: its DATA_DIR names its RAM folder (.ramdir)
        Files.createDirectories(dir.resolve("data"));
        org.regolancer.orchestrator.regolancer.RunFiles ram = new org.regolancer.orchestrator.regolancer.RunFiles(
                org.regolancer.orchestrator.regolancer.RunFiles.defaultBase(), dir.resolve("data"));
        ram.write(org.regolancer.orchestrator.regolancer.RunFiles.WAITS, waits.toCsv());
        try {
            List<String> lines = text(check(settings(), false));
            String until = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                    .format(end.plus(java.time.Duration.ofMinutes(60)));
            assertTrue(lines.contains("  resting: S1 (" + chanId(1) + ") → T1 (" + chanId(11) + ") until " + until
                    + " UTC after 2 failed runs in a row"), String.join("\n", lines));
        } finally {
            Files.deleteIfExists(ram.folderPath().resolve(org.regolancer.orchestrator.regolancer.RunFiles.WAITS));
            Files.deleteIfExists(ram.folderPath());
        }
    }
}
