package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.Installation;
import org.regolancer.orchestrator.regolancer.RunFiles;

/**
 * Every payment in rebalances.csv exactly once, whole, whatever happens to the disk or the daemon: the packaged
 * jar on the demo, a disk that fills up (a real file-size limit, with real partial writes), SIGTERM while rows
 * wait, SIGKILL in the middle of runs.
 */
class LedgerDurabilityIT {

    Path install;
    private Installation app;
    private Path ledger;
    private Path errors;

    @BeforeEach
    void install() throws IOException {
        install = Installation.newFolder();
        app = new Installation(install);
        ledger = app.resolve("demo/data/rebalances.csv");
        errors = app.resolve("demo/data/errors.log");
    }

    @AfterEach
    void removeWhatAFailedTestLeftInRam() throws IOException {
        app.removeDemoRamFolder();
    }

    @Test
    void aFullDiskCutsNoLineInHalfAndTheWaitingRowsGoInOnceItHasRoom() throws Exception {
        Files.writeString(app.resolve("demo/standin-behaviour"), "* * success 0.3\n");
        Process daemon = app.startWithFileSizeLimit(1, Map.of(), "--profile", "demo");
        try {
            await(() -> read(errors).contains("rebalances.csv cannot be written"), 120, "the disk filled up");
            List<List<String>> rows = wholeRows(ledger);
            assertTrue(Files.size(ledger) <= 1024 && rows.size() >= 2, rows.size() + " rows");

            Process lift = new ProcessBuilder("prlimit", "--pid", Long.toString(daemon.pid()), "--fsize=unlimited").inheritIO().start();
            assertEquals(0, lift.waitFor());
            await(() -> read(errors).contains("rows that waited are in it"), 60, "the waiting rows were written");
        } finally {
            Installation.stop(daemon);
        }
        assertEveryPaymentOnceIn(ledger);
        assertTrue(Files.size(ledger) > 1024);
    }

    @Test
    void rowsWaitingForTheDiskAtSigtermAreWrittenByTheNextStart() throws Exception {
        Files.writeString(app.resolve("demo/standin-behaviour"), "* * success 0.3\n");
        Process daemon = app.startWithFileSizeLimit(1, Map.of(), "--profile", "demo");
        try {
            await(() -> read(errors).contains("rebalances.csv cannot be written"), 120, "the disk filled up");
        } finally {
            Installation.stop(daemon);
        }
        await(() -> read(app.resolve("out.log")).contains("could not be written to rebalances.csv; they wait in"), 10,
                "the daemon said where the rows wait");
        Path pending = new RunFiles(RunFiles.defaultBase(), app.resolve("demo/data")).pendingFile();
        assertTrue(Files.exists(pending), "kept in RAM across the restart");
        int before = wholeRows(ledger).size();

        Files.writeString(app.resolve("demo/standin-behaviour"), "* * fail\n");
        Process next = app.start(Map.of(), "--profile", "demo");
        try {
            await(() -> read(app.resolve("out.log")).contains(" ended: "), 60, "the next start ran");
            assertTrue(app.output().contains("Took "), app.output());
        } finally {
            Installation.stop(next);
        }
        assertTrue(wholeRows(ledger).size() > before);
        assertEveryPaymentOnceIn(ledger);
        assertFalse(Files.exists(pending));
    }

    @Test
    void paymentsOfRunsADaemonKilledWithSigkillLeftBehindAreTakenInExactlyOnceAtTheNextStart() throws Exception {
        // the run pays, then hangs: its payment is in its stat file only
        Files.writeString(app.resolve("demo/standin-behaviour"), "* * success-then-hang 60\n");
        Process daemon = app.start(Map.of(), "--profile", "demo");
        List<ProcessHandle> runs;
        try {
            await(() -> paid() >= 1, 60, "a run paid");
            // the run that paid hangs now: its nap is among the daemon's descendants
            await(() -> daemon.descendants().anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 60")), 10,
                    "the paid run hangs");
            runs = daemon.descendants().toList();
        } finally {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        // systemd's KillMode ends the runs too; wait until no run can still write
        runs.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle run : runs) {
            run.onExit().get(10, TimeUnit.SECONDS);
        }
        Path folder = new RunFiles(RunFiles.defaultBase(), app.resolve("demo/data")).pendingFile().getParent();
        try (Stream<Path> left = Files.list(folder)) {
            assertTrue(left.anyMatch(p -> p.toString().endsWith(".stat.csv")), "the killed daemon left its stat files");
        }
        assertTrue(wholeRows(ledger).size() < paid(), "some payments are only in the stat files");

        Files.writeString(app.resolve("demo/standin-behaviour"), "* * fail\n");
        for (int start = 0; start < 2; start++) {
            // pairs that failed would rest across the restart (their waits are kept in RAM): here every start runs one
            Process next = app.start(Map.of("RETRY_WAIT_MINUTES", "0"), "--profile", "demo");
            try {
                await(() -> read(app.resolve("out.log")).contains(" ended: "), 60, "the next start ran");
            } finally {
                Installation.stop(next);
            }
            assertEquals(start == 0, app.output().contains("Took "), "taken in by the first start only:\n" + app.output());
            assertEveryPaymentOnceIn(ledger);
        }
        if (Files.exists(folder)) {
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(RunFiles.WAITS), left.map(p -> p.getFileName().toString()).toList(),
                        "nothing left in RAM but the pairs' waits (kept for the next start)");
            }
        }
    }

    @Test
    void sigtermWhileRowsAreBeingWrittenLeavesEveryLineWholeAndEveryPaymentOnce() throws Exception {
        // no sleep, four workers, runs that pay at once: rows are appended all the time, so the signal meets writes
        Files.writeString(app.resolve("demo/standin-behaviour"), "* * success 0\n");
        try (FakeLndg lndg = new FakeLndg()) {
            lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), source(3, "S3"), source(4, "S4"),
                    target(11, "T1"), target(12, "T2"), target(13, "T3"), target(14, "T4")));
            Map<String, String> env = Map.of("LNDG_BASE_URL", lndg.baseUrl(), "LNDG_USER", FakeLndg.USER,
                    "LNDG_PASS", FakeLndg.PASSWORD, "REGOLANCER_BIN", "./demo/regolancer", "DATA_DIR", "./demo/data",
                    "SLEEP_SECONDS", "0", "MAX_WORKERS", "4", "ENABLE_DAILY_REPORT", "false",
                    // hundreds of payments into the same four targets, which earn nothing: without this the refill
                    // budget would stop them after about 1,000 sat of fees each (this test is about the ledger)
                    "REFILL_BUDGET_PERCENT", "0");
            java.util.Random random = new java.util.Random();
            for (int round = 0; round < 3; round++) {
                long before = paid();
                Process daemon = app.start(env);
                try {
                    await(() -> paid() >= before + 30, 60, "round " + round + " paid");
                    Thread.sleep(random.nextInt(200));
                    daemon.destroy();
                    assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "exits within 10 s of SIGTERM");
                } finally {
                    Installation.stop(daemon);
                }
                assertEveryPaymentOnceIn(ledger);
            }
            assertTrue(paid() >= 90);
        }
    }

    /**
     * Ledger rows = payments the stand-in made, one for one, none twice (compared as lists: a pair may pay twice within
     * a second, which makes two equal rows).
     */
    private void assertEveryPaymentOnceIn(Path file) throws IOException {
        List<List<String>> rows = wholeRows(file);
        assertEquals(paid(), rows.size(), "ledger rows vs payments made");
        List<String> made = Files.readAllLines(app.resolve("demo/runs.log")).stream().filter(l -> l.startsWith("paid "))
                .map(l -> l.split(" ")).map(f -> f[2] + "," + f[3] + "," + f[4]).sorted().toList();
        assertEquals(made, rows.stream().map(r -> r.get(1) + "," + r.get(3) + "," + r.get(5)).sorted().toList(),
                "each payment once, none twice");
    }

    private long paid() {
        Path log = app.resolve("demo/runs.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.startsWith("paid ")).count() : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ledger's rows, after checking that each line is whole: 8 cells, CRLF-terminated, the file too. */
    private static List<List<String>> wholeRows(Path file) throws IOException {
        if (Files.notExists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "the last line is whole: ..." + text.substring(Math.max(0, text.length() - 80)));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            assertEquals(8, record.size(), "a whole row: " + record);
            rows.add(record.toList());
        }
        return rows;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void await(BooleanSupplier condition, int seconds, String what) throws Exception {
        if (!Await.until(Duration.ofSeconds(seconds), condition::getAsBoolean)) {
            throw new AssertionError("timed out waiting: " + what + "\n" + app.output() + "\nerrors.log:\n" + read(errors));
        }
    }
}
