package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

    @Test
    void anEarlierVersionsFileIsConvertedToMsatOnceAndKeptAsBak() throws Exception {
        Path file = dir.resolve("daily-report.csv");
        String old = "date,ours_count,ours_sat,ours_fee_msat,ours_avg_ppm,lndg_count,lndg_sat,lndg_fee_sat,forward_count,"
                + "forward_sat,forward_fee_msat,rebalanced_sat,rebalance_fee_msat,net_msat,ours_share_pct,lndg_share_pct\r\n"
                + "2026-11-23,1,100000,50000,500,620,31000000,159,3,3500000,4500,31100000,209000,-204500,0,100\r\n"
                + "2026-11-24,0,0,0,0,2,3000,,0,0,0,3000,0,0,0,100\r\n";
        Files.writeString(file, old);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        HistoryFile history = new HistoryFile(file);
        assertEquals(159_000, history.read().days().get(LocalDate.of(2026, 11, 23)).lndgFeeMsat(), "read before converting");

        assertEquals(true, history.convertOldFormat());
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", HistoryFile.HEADER), lines.get(0));
        assertEquals("2026-11-23,1,100000,50000,500,620,31000000,159000,3,3500000,4500,31100000,209000,-204500,0,100", lines.get(1));
        assertEquals("2026-11-24,0,0,0,0,2,3000,,0,0,0,3000,0,0,0,100", lines.get(2), "unknown stays unknown");
        assertEquals(old, Files.readString(dir.resolve("daily-report.csv.bak")), "the old file beside it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(159_000, history.read().days().get(LocalDate.of(2026, 11, 23)).lndgFeeMsat());
        assertFalse(history.read().days().get(LocalDate.of(2026, 11, 24)).lndgFeesKnown());

        assertEquals(false, history.convertOldFormat(), "once");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("daily-report.csv", "daily-report.csv.bak"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
    }

    @Test
    void appendingToAnEarlierVersionsFileConvertsItFirst() throws Exception {
        Path file = dir.resolve("daily-report.csv");
        Files.writeString(file, String.join(",", HistoryFile.HEADER).replace("lndg_fee_msat", "lndg_fee_sat") + "\r\n"
                + "2026-11-23,0,0,0,0,1,1000,2,0,0,0,1000,2000,-2000,0,100\r\n");
        HistoryFile history = new HistoryFile(file);
        history.append(List.of(DayFigures.empty(LocalDate.of(2026, 11, 24))));
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", HistoryFile.HEADER), lines.get(0));
        assertEquals(3, lines.size());
        assertEquals(2_000, history.read().days().get(LocalDate.of(2026, 11, 23)).lndgFeeMsat());
    }

    @Test
    void aFileWithAHeaderThisVersionDoesNotKnowIsNeitherReadNorAppendedTo() throws Exception {
        Path file = dir.resolve("daily-report.csv");
        HistoryFile history = new HistoryFile(file);
        // ours, to prove an append goes through where the header is this version's
        history.append(List.of(DayFigures.empty(LocalDate.of(2026, 11, 24))));
        assertEquals(2, Files.readAllLines(file).size());
        assertEquals(null, history.read().foreignHeader());

        for (String foreign : List.of(OriginalDailyReportTest.ORIGINAL,
                "date,ours_count,ours_sat,something_else\r\n2026-11-23,1,2,3\r\n")) {
            Files.writeString(file, foreign);
            HistoryFile.Read read = history.read();
            assertTrue(read.days().isEmpty(), "not read");
            assertEquals(0, read.malformed(), "nor counted as bad rows: the whole file is another's");
            assertEquals(foreign.substring(0, foreign.indexOf('\r')), read.foreignHeader());
            IOException refused = assertThrows(IOException.class,
                    () -> history.append(List.of(DayFigures.empty(LocalDate.of(2026, 11, 25)))));
            assertTrue(refused.getMessage().contains("has columns this version does not know"), refused.getMessage());
            assertFalse(history.convertOldFormat(), "not taken for an earlier version's either");
            assertEquals(foreign, Files.readString(file), "kept as it was");
        }
    }
}
