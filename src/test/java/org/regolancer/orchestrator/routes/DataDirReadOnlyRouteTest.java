package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.ReadOnlyMount;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * DATA_DIR turns read-only while the daemon is paying (a real read-only mount, as when a disk error makes the
 * kernel remount it): the daemon goes on paying, the rows wait, and once the folder is writable again every payment
 * is in the ledger exactly once, every line whole, and errors.log holds the lines it could not take meanwhile.
 * Needs root for mount (CI runs as root); skipped where mounting is not allowed.
 */
class DataDirReadOnlyRouteTest extends DaemonRouteTestSupport {

    private ReadOnlyMount mount;

    @Override
    protected void arrange() throws IOException {
        Files.createDirectories(dataDir);
        mount = ReadOnlyMount.of(dataDir);
        assumeTrue(mount != null, "mount --bind is not allowed here");
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), source(2, "S2"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @AfterEach
    void unmount() {
        context.stop();
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void paymentsMadeWhileTheFolderIsReadOnlyAreWrittenOnceItIsWritableAgain() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> regolancer.payments() >= 2 && ledgerLines().size() >= 3));
        assertTrue(mount.readOnly(), "the folder turned read-only");
        long paidBefore = regolancer.payments();
        long sizeWhileReadOnly = Files.size(dataDir.resolve("rebalances.csv"));
        assertTrue(await(Duration.ofSeconds(20), () -> regolancer.payments() >= paidBefore + 4), "the daemon goes on paying");
        assertEquals(sizeWhileReadOnly, Files.size(dataDir.resolve("rebalances.csv")), "nothing got in meanwhile");

        assertTrue(mount.writable(), "the folder is writable again");
        assertTrue(await(Duration.ofSeconds(20), () -> ledgerLines().size() - 1 >= regolancer.payments()),
                "the waiting rows went in: " + ledgerLines().size() + " lines, " + regolancer.payments() + " payments");
        context.stop();

        String ledger = Files.readString(dataDir.resolve("rebalances.csv"), StandardCharsets.UTF_8);
        assertTrue(ledger.endsWith("\r\n"), "the last line is whole");
        List<String> rows = ledgerLines().subList(1, ledgerLines().size());
        assertEquals(regolancer.payments(), rows.size(), "every payment once");
        // one row for each payment, none twice (a pair may pay twice within a second: rows are compared, not deduplicated)
        assertEquals(regolancer.paymentsMade(), rows.stream().map(row -> row.split(",", -1))
                .map(c -> c[1] + "," + c[3] + "," + c[5]).sorted().toList(), "each payment once, none twice");
        rows.forEach(row -> assertEquals(8, row.split(",", -1).length, "a whole row: " + row));

        List<String> errors = errorLines();
        assertTrue(errors.stream().anyMatch(l -> l.contains("[ledger] rebalances.csv cannot be written")
                && l.contains("Read-only file system")), "the line written while read-only waited and went in: " + errors);
        assertTrue(errors.stream().anyMatch(l -> l.contains("writable again")), errors.toString());
        errors.forEach(line -> assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\[[a-z-]+] .+"), "a whole line: " + line));
    }
}
