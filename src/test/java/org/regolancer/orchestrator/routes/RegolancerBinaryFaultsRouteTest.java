package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * The regolancer binary disappearing or losing its execute bit while the daemon runs (an upgrade half done):
 * every run fails, the daemon goes on, errors.log gets one line per kind of failure, and the first cycle after the
 * binary is back pays.
 */
class RegolancerBinaryFaultsRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), source(2, "S2"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        // runs that find no route would make their pairs rest: here every pair runs every cycle
        return Map.of("SLEEP_SECONDS", "0", "SEND_REBALANCE_MSG", "false", "RETRY_WAIT_MINUTES", "0");
    }

    @Test
    void aMissingOrNotExecutableBinaryFailsRunsNotTheDaemonAndIsOneLineEach() throws Exception {
        Path binary = regolancer.binary();
        Path aside = binary.resolveSibling("regolancer.aside");
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getRuns() >= 2), "runs with the binary in place");

        Files.move(binary, aside);
        long runs = stats().getRuns();
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getRunsFailed() >= 20), "runs fail on, the daemon too");
        // in place in one step, already not executable (a copy being written while a run starts is "text file busy")
        Path notExecutable = binary.resolveSibling("regolancer.copy");
        Files.copy(aside, notExecutable);
        Files.setPosixFilePermissions(notExecutable, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(notExecutable, binary, StandardCopyOption.ATOMIC_MOVE);
        long failed = stats().getRunsFailed();
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getRunsFailed() >= failed + 20));

        Files.writeString(binary.resolveSibling("standin-behaviour"), "* * success\n");
        Files.move(aside, binary, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getSuccesses() >= 2), "pays once it is back");
        assertTrue(stats().getRuns() > runs);

        List<String> errors = errorLines().stream().filter(l -> l.contains("[regolancer]")).toList();
        assertEquals(2, errors.stream().filter(l -> l.contains(" failed: Cannot run program \"" + binary + "\"")).count(),
                "one line for missing, one for not executable, not one per run: " + errors);
        assertTrue(errors.stream().allMatch(l -> l.contains(" failed: Cannot run program")
                || l.contains("regolancer exited with 127")), "or a run started as the binary went (bash: 127): " + errors);
        assertTrue(errors.stream().anyMatch(l -> l.contains("No such file")), errors.toString());
        assertTrue(errors.stream().anyMatch(l -> l.contains("Permission denied")), errors.toString());
        assertTrue(ledgerLines().size() >= 3);
    }
}
