package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    @TempDir
    Path dir;

    @Test
    void rowsReadBackAsWrittenAndMalformedOnesAreSkippedAndCounted() throws Exception {
        HistoryFile history = new HistoryFile(dir.resolve("daily-report.csv"));
        DayFigures day = new DayFigures(LocalDate.of(2026, 11, 24), 2, 150_000, 115_000, 1, 200_000, 0, false, 3,
                3_500_000, 4_500);
        history.append(List.of(day));
        Files.writeString(dir.resolve("daily-report.csv"), "2026-11-2x,1,2\n", StandardOpenOption.APPEND);
        history.append(List.of(DayFigures.empty(LocalDate.of(2026, 11, 25))));

        HistoryFile.Read read = history.read();
        assertEquals(1, read.malformed());
        assertEquals(day, read.days().get(LocalDate.of(2026, 11, 24)));
        assertFalse(read.days().get(LocalDate.of(2026, 11, 24)).lndgFeesKnown(), "unknown LNDg fees stay unknown");
        List<String> lines = Files.readAllLines(dir.resolve("daily-report.csv"));
        assertEquals(String.join(",", HistoryFile.HEADER), lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("date,")).count(), "header once");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("daily-report.csv"))));
    }

    @Test
    void aFileAFailedFirstWriteLeftEmptyGetsItsHeader() throws Exception {
        Path file = dir.resolve("daily-report.csv");
        Files.createFile(file);
        HistoryFile history = new HistoryFile(file);
        history.append(List.of(DayFigures.empty(LocalDate.of(2026, 11, 25))));
        assertEquals(String.join(",", HistoryFile.HEADER), Files.readAllLines(file).get(0));
        assertEquals(1, history.read().days().size());
        assertEquals(0, history.read().malformed());
    }
}
