package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorLogTest {

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theSameErrorRepeatingIsOneLineAnHourAndItsRecoveryOneMore() throws Exception {
        Path file = dir.resolve("errors.log");
        ErrorLog log = new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock);
        for (int i = 0; i < 800; i++) {
            log.report(ErrorLog.Kind.LNDG, "connection refused");
            now = now.plusSeconds(5);
        }
        log.report(ErrorLog.Kind.LNDG, "connection refused");
        log.cleared(ErrorLog.Kind.LNDG);
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals("2026-11-25T10:00:00Z [lndg] connection refused", lines.get(0));
        assertTrue(lines.get(1).startsWith("2026-11-25T11:00:00Z [lndg] connection refused (repeated 719 more times"),
                lines.get(1));
        assertTrue(lines.get(2).contains("recovered after"), lines.get(2));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theSameFailureOfManyPairsTakingTurnsIsOneLineNotOnePerRun() throws Exception {
        Path file = dir.resolve("errors.log");
        ErrorLog log = new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock);
        for (int i = 0; i < 100; i++) {
            log.report(ErrorLog.Kind.REGOLANCER, "regolancer exited with 139", "pair " + (i % 7) + ": regolancer exited with 139, last output: "
                    + now);
            log.report(ErrorLog.Kind.REGOLANCER, "regolancer exited with 2", "pair " + (i % 5) + ": regolancer exited with 2");
            now = now.plusSeconds(1);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).endsWith("pair 0: regolancer exited with 139, last output: 2026-11-25T10:00:00Z"), lines.get(0));

        log.cleared(ErrorLog.Kind.REGOLANCER);
        lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).endsWith("recovered after 99 more repeats of: regolancer exited with 139"), lines.get(2));
    }

    @Test
    void linesAreSingleAndFreeOfSecrets() throws Exception {
        Path file = dir.resolve("errors.log");
        new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock).report(ErrorLog.Kind.LNDG, "bad\nthing with pw-secret");
        assertEquals(List.of("2026-11-25T10:00:00Z [lndg] bad thing with ***"), Files.readAllLines(file));
        assertTrue(Duration.ofHours(1).equals(ErrorLog.REPEAT_EVERY));
    }

    @Test
    void noControlCharacterReachesTheFileWhateverTheMessageHolds() throws Exception {
        Path file = dir.resolve("errors.log");
        new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock).report(ErrorLog.Kind.REGOLANCER,
                "last output: route via Evil\u2028FORGED\u001b[2J\u202e\u0085 done");
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("[regolancer] last output: route via Evil FORGED[2J done"), lines.get(0));
    }

    @Test
    void linesTheDiskRefusesWaitAndGoInWholeAndInOrderOnceItTakesThem() throws Exception {
        Path folder = dir.resolve("data");
        Files.writeString(folder, "a file where the folder should be: nothing can be created under it");
        Path file = folder.resolve("errors.log");
        ErrorLog log = new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock);
        log.report(ErrorLog.Kind.LEDGER, "rebalances.csv cannot be written");
        now = now.plusSeconds(1);
        log.report(ErrorLog.Kind.LNDG, "connection refused");
        log.retryUnwritten();
        assertFalse(Files.exists(file));

        Files.delete(folder);
        Files.createDirectory(folder);
        log.retryUnwritten();
        assertEquals(List.of("2026-11-25T10:00:00Z [ledger] rebalances.csv cannot be written",
                "2026-11-25T10:00:01Z [lndg] connection refused"), Files.readAllLines(file));
        log.retryUnwritten();
        assertEquals(2, Files.readAllLines(file).size(), "written once");
    }

    @Test
    void aLongRefusalKeepsTheNewestLinesAndSaysHowManyWereLost() throws Exception {
        Path folder = dir.resolve("data");
        Files.writeString(folder, "not a folder");
        ErrorLog log = new ErrorLog(folder.resolve("errors.log"), new Secrets("u", "pw-secret", ""), clock);
        for (int i = 0; i < ErrorLog.MAX_UNWRITTEN + 50; i++) {
            log.report(ErrorLog.Kind.REGOLANCER, "error " + i);
        }
        Files.delete(folder);
        Files.createDirectory(folder);
        log.report(ErrorLog.Kind.REGOLANCER, "the last one");
        List<String> lines = Files.readAllLines(folder.resolve("errors.log"));
        assertEquals(ErrorLog.MAX_UNWRITTEN + 1, lines.size());
        assertTrue(lines.get(0).endsWith("[errors] 51 older lines were lost while errors.log could not be written"), lines.get(0));
        assertTrue(lines.get(1).endsWith("error 51"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).endsWith("the last one"));
    }

    @Test
    void aHalfLineLeftByAnEarlierFailureDoesNotSwallowTheNextLine() throws Exception {
        Path file = dir.resolve("errors.log");
        Files.writeString(file, "2026-11-25T09:00:00Z [lndg] whole\n2026-11-25T09:00:01Z [ld");
        new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock).report(ErrorLog.Kind.LNDG, "next");
        assertEquals("2026-11-25T10:00:00Z [lndg] next", Files.readAllLines(file).get(2));
    }

    @Test
    void aRouteNamesTheKindByItsWordAndItsRepeatsAreHeldBackAndClearedAsTheEnumsAre() throws Exception {
        Path file = dir.resolve("errors.log");
        ErrorLog log = new ErrorLog(file, new Secrets("u", "pw-secret", ""), clock);
        log.failed("telegram", "a command could not be answered", new java.net.ConnectException());
        log.report(ErrorLog.Kind.TELEGRAM, "a command could not be answered", new java.net.ConnectException());
        log.cleared(ErrorLog.Kind.TELEGRAM);
        assertEquals(List.of("2026-11-25T10:00:00Z [telegram] a command could not be answered: connection refused",
                "2026-11-25T10:00:00Z [telegram] recovered after 1 more repeats of: a command could not be answered: "
                        + "connection refused"), Files.readAllLines(file));
    }
}
