package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Python original's {@code daily-report.csv} ({@code date,lndg_sats,regolancer_sats,los_sats,forwards_sats}: sats
 * per day and engine, no counts, no fees). It has this daemon's history file's name, so it is moved aside once, to
 * {@code daily-report-python.csv}, and read from there. Its figures fill, engine by engine, the days before our own
 * records of that engine begin; its LightningOS sats (an engine we do not read) are shown as they are.
 */
public final class OriginalDailyReport {

    public static final String HISTORY = "daily-report.csv";
    public static final String MOVED = "daily-report-python.csv";
    /** The column only the original's file has. */
    static final String REGOLANCER_SATS = "regolancer_sats";

    /** One day of the original's file, in sats. */
    public record Day(LocalDate date, long lndgSat, long regolancerSat, long losSat, long forwardSat) {
    }

    /** @param file the file read, or null when there is none */
    public record Read(Map<LocalDate, Day> days, int malformed, Path file) {
    }

    /** What {@link #moveAside} did. */
    public enum Move { NOTHING_TO_MOVE, MOVED, MOVED_FILE_EXISTS }

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private OriginalDailyReport() {
    }

    /** True when the file is the original's: a header with {@code date} and {@code regolancer_sats}. */
    public static boolean isOriginals(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            return header.containsKey("date") && header.containsKey(REGOLANCER_SATS);
        }
    }

    /**
     * {@code DATA_DIR/daily-report.csv} moved to {@code daily-report-python.csv} in one step when it is the original's
     * and nothing has that name yet; when something has, neither file is touched.
     */
    public static Move moveAside(Path dataDir) throws IOException {
        Path history = dataDir.resolve(HISTORY);
        if (!isOriginals(history)) {
            return Move.NOTHING_TO_MOVE;
        }
        Path moved = dataDir.resolve(MOVED);
        if (Files.exists(moved)) {
            return Move.MOVED_FILE_EXISTS;
        }
        Files.move(history, moved, StandardCopyOption.ATOMIC_MOVE);
        return Move.MOVED;
    }

    /**
     * {@code daily-report-python.csv}, or, while it is not there, the original's file still in {@code daily-report.csv}'s
     * place (the {@code report} command moves nothing). Rows that cannot be read are skipped and counted.
     */
    public static Read read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(MOVED);
        if (!Files.isRegularFile(file)) {
            file = dataDir.resolve(HISTORY);
            if (!isOriginals(file)) {
                return new Read(Map.of(), 0, null);
            }
        }
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        int malformed = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            for (CSVRecord row : parser) {
                try {
                    Day day = new Day(LocalDate.parse(row.get("date").strip()), sats(row, "lndg_sats"),
                            sats(row, REGOLANCER_SATS), sats(row, "los_sats"), sats(row, "forwards_sats"));
                    days.putIfAbsent(day.date(), day);
                } catch (RuntimeException e) {
                    malformed++;
                }
            }
        }
        return new Read(days, malformed, file);
    }

    /** A column's whole sats; a column the file does not have is 0 (older versions of the original had fewer). */
    private static long sats(CSVRecord row, String column) {
        if (!row.isMapped(column)) {
            return 0;
        }
        long sats = Long.parseLong(row.get(column).strip());
        if (sats < 0) {
            throw new IllegalArgumentException(column + " below 0");
        }
        return sats;
    }

    /**
     * The days with the original's figures filled in where ours has none: its regolancer sats before
     * {@code regolancerFrom} (the first day of the original's stat rows or our ledger; null: we have no record), its
     * LNDg and forwarded sats before the first day on which ours has any (both read from LNDg; the file helps where
     * LNDg's own data no longer reaches), its LightningOS sats on every day. Days ours does not hold stay out.
     */
    public static Map<LocalDate, DayFigures> fill(Map<LocalDate, DayFigures> days, Map<LocalDate, Day> original,
            LocalDate regolancerFrom) {
        LocalDate lndgFrom = firstDay(days, d -> d.lndgCount() > 0 || d.lndgSat() > 0);
        LocalDate forwardFrom = firstDay(days, d -> d.forwardCount() > 0 || d.forwardSat() > 0);
        TreeMap<LocalDate, DayFigures> filled = new TreeMap<>(days);
        for (Day old : original.values()) {
            DayFigures f = filled.get(old.date());
            if (f == null) {
                continue;
            }
            long ours = before(old.date(), regolancerFrom) ? old.regolancerSat() : 0;
            long lndg = before(old.date(), lndgFrom) ? old.lndgSat() : 0;
            long forward = before(old.date(), forwardFrom) ? old.forwardSat() : 0;
            filled.put(old.date(), new DayFigures(f.date(), f.oursCount(), f.oursSat() + ours, f.oursFeeMsat(), f.lndgCount(),
                    f.lndgSat() + lndg, f.lndgFeeMsat(), f.lndgFeesKnown() && lndg == 0, f.forwardCount(),
                    f.forwardSat() + forward, f.forwardFeeMsat(), f.losSat() + old.losSat()));
        }
        return filled;
    }

    private static boolean before(LocalDate day, LocalDate from) {
        return from == null || day.isBefore(from);
    }

    private static LocalDate firstDay(Map<LocalDate, DayFigures> days, Predicate<DayFigures> active) {
        return days.values().stream().filter(active).map(DayFigures::date).min(LocalDate::compareTo).orElse(null);
    }
}
