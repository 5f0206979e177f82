package org.regolancer.orchestrator.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.regolancer.StatFile;
import org.regolancer.orchestrator.regolancer.StatRow;

/**
 * The Python original's regolancer payments: the rows of regolancer's own stat CSV ({@code success-rebal.csv}, the
 * template's {@code stat}), which the original's report counted and which this daemon no longer writes (each run has a
 * stat file of its own). Only rows dated before our first payment count: from then on the ledger has regolancer's
 * payments, so none is counted twice. Read, summed per day, never copied anywhere.
 */
public final class OriginalStat {

    /** The stat file's usual name in {@code DATA_DIR} (and the original's folder). */
    public static final String FILE_NAME = "success-rebal.csv";

    /**
     * @param days each day's payments as our figures (count, sats, fees), in the report's zone
     * @param firstDay the day of the earliest row counted, or null when none was
     * @param malformed rows that are not regolancer's stat rows, skipped
     * @param unreadable files that exist but could not be read, each with why
     */
    public record Read(Map<LocalDate, DayFigures> days, LocalDate firstDay, int malformed, List<String> unreadable) {
    }

    private OriginalStat() {
    }

    /**
     * The template's {@code stat} as a path: relative to the template's folder, where the original kept both (its
     * service ran in that folder). Null when the template names none.
     */
    public static Path templateStat(String stat, Path templateFile) {
        if (stat == null || stat.isBlank()) {
            return null;
        }
        try {
            Path folder = templateFile.toAbsolutePath().getParent();
            return folder.resolve(stat.strip()).normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads the files that exist (the same file named twice, through a link or another spelling, is read once).
     *
     * @param before rows at or after this instant are ours and not counted; null counts every row (no payment of ours yet)
     */
    public static Read read(List<Path> files, Instant before, ZoneId zone) {
        TreeMap<LocalDate, DayFigures> days = new TreeMap<>();
        int malformed = 0;
        List<String> unreadable = new ArrayList<>();
        for (Path file : distinct(files)) {
            // a file that fails half way counts not at all
            TreeMap<LocalDate, DayFigures> fileDays = new TreeMap<>();
            int fileMalformed = 0;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    StatFile.Parsed parsed = StatFile.parse(List.of(line));
                    fileMalformed += parsed.malformed().size();
                    for (StatRow row : parsed.rows()) {
                        if (before == null || row.time().isBefore(before)) {
                            LocalDate day = row.time().atZone(zone).toLocalDate();
                            fileDays.put(day, fileDays.getOrDefault(day, DayFigures.empty(day))
                                    .plusOurs(Msat.of(row.amountMsat()).wholeSats(), Msat.of(row.feesMsat())));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                unreadable.add(file + " (" + org.regolancer.orchestrator.ops.ErrorLog.describe(e) + ")");
                continue;
            }
            malformed += fileMalformed;
            fileDays.forEach((day, f) -> days.merge(day, f, (a, b) -> DayFigures.sum(day, List.of(a, b))));
        }
        return new Read(days, days.isEmpty() ? null : days.firstKey(), malformed, unreadable);
    }

    /** The regular files among these paths, each file once. */
    static List<Path> distinct(List<Path> files) {
        List<Path> found = new ArrayList<>();
        for (Path file : files) {
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            boolean seen = false;
            for (Path other : found) {
                try {
                    seen |= Files.isSameFile(file, other);
                } catch (IOException e) {
                    seen |= file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
                }
            }
            if (!seen) {
                found.add(file);
            }
        }
        return found;
    }
}
