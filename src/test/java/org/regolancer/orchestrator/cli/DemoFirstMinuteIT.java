package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.Installation;

/**
 * A newcomer's first minute: the packaged jar in a copy of an installation, started as the README's demo command
 * says, five times in a row (each start with what the earlier ones left in demo/data and the RAM folder), shows a
 * payment within 15 s every time: a new ledger row and the printed Telegram notice, and no error. The first start
 * goes on until the demo node is balanced, and the log says so.
 */
class DemoFirstMinuteIT {

    @Test
    void everyDemoStartPaysWithinFifteenSecondsAndTheFirstSettlesTheNode() throws Exception {
        Path install = Installation.newFolder();
        Installation app = new Installation(install);
        Path ledger = install.resolve("demo/data/rebalances.csv");
        for (int start = 1; start <= 5; start++) {
            long rowsBefore = rows(ledger);
            Instant started = Instant.now();
            Process daemon = app.start(Map.of(), "--profile", "demo");
            try {
                boolean paid = Await.until(Duration.ofSeconds(15).minus(Duration.between(started, Instant.now())),
                        () -> rows(ledger) > rowsBefore && app.output().contains("Telegram (demo, not sent): ⚖️ <b>Rebalanced"));
                assertTrue(paid, "start " + start + ": a payment, recorded and announced, within 15 s:\n" + app.output());
                if (start == 1) {
                    Await.until(Duration.ofSeconds(120), () -> app.output().contains("INFO Balanced: no channel needs a refill"));
                    String out = app.output();
                    assertTrue(out.contains("INFO Balanced: no channel needs a refill"), "the node settles:\n" + out);
                    assertTrue(out.contains("ended: NOTHING_POSSIBLE"), "some pairs never pay:\n" + out);
                }
            } finally {
                daemon.destroy();
                assertTrue(daemon.waitFor(15, TimeUnit.SECONDS), "stops on SIGTERM");
            }
            assertTrue(List.of(0, 143).contains(daemon.exitValue()), "exit " + daemon.exitValue() + ":\n" + app.output());
            String out = app.output();
            assertFalse(out.contains(" ERROR ") || out.contains(" WARN "), "no error:\n" + out);
            assertFalse(Files.exists(install.resolve("demo/data/errors.log")), "nothing in errors.log");
        }
        assertEquals(0, Files.readAllLines(ledger).stream().filter(l -> l.startsWith("time_utc")).count() - 1, "one header");
    }

    private static long rows(Path ledger) throws java.io.IOException {
        return Files.exists(ledger) ? Files.readAllLines(ledger).size() : 0;
    }
}
