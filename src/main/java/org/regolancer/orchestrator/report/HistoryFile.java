package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.regolancer.orchestrator.ops.OwnerOnlyAppends;

/**
 * {@code daily-report.csv}: one row per completed day, appended once and never rewritten. Columns are every
 * figure of the report; the derived ones (totals, net, shares) are written for people and recomputed on read.
 */
public final class HistoryFile {

    public static final List<String> HEADER = List.of("date", "ours_count", "ours_sat", "ours_fee_msat", "ours_avg_ppm",
            "lndg_count", "lndg_sat", "lndg_fee_sat", "forward_count", "forward_sat", "forward_fee_msat",
            "rebalanced_sat", "rebalance_fee_msat", "net_msat", "ours_share_pct", "lndg_share_pct");

    public record Read(Map<LocalDate, DayFigures> days, int malformed) {
    }

    private final Path file;

    public HistoryFile(Path file) {
        this.file = file;
    }

    public Read read() throws IOException {
        TreeMap<LocalDate, DayFigures> days = new TreeMap<>();
        if (!Files.exists(file)) {
            return new Read(days, 0);
        }
        int malformed = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                try {
                    String lndgFee = row.get("lndg_fee_sat");
                    DayFigures day = new DayFigures(LocalDate.parse(row.get("date")),
                            n(row, "ours_count"), n(row, "ours_sat"), n(row, "ours_fee_msat"),
                            n(row, "lndg_count"), n(row, "lndg_sat"), lndgFee.isEmpty() ? 0 : Long.parseLong(lndgFee),
                            !lndgFee.isEmpty(), n(row, "forward_count"), n(row, "forward_sat"), n(row, "forward_fee_msat"));
                    days.putIfAbsent(day.date(), day);
                } catch (RuntimeException e) {
                    malformed++;
                }
            }
        }
        return new Read(days, malformed);
    }

    private static long n(CSVRecord row, String column) {
        return Long.parseLong(row.get(column));
    }

    /** Appends completed days (header first when the file is new); owner-only. */
    public void append(Collection<DayFigures> days) throws IOException {
        if (days.isEmpty()) {
            return;
        }
        long before = Files.exists(file) ? Files.size(file) : -1;
        if (before < 0) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        // a file an earlier failure left empty gets its header too
        boolean fresh = before <= 0;
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            if (fresh) {
                printer.printRecord(HEADER);
            }
            for (DayFigures d : days) {
                printer.printRecord(d.date(), d.oursCount(), d.oursSat(), d.oursFeeMsat(), d.oursAveragePpm(),
                        d.lndgCount(), d.lndgSat(), d.lndgFeesKnown() ? Long.toString(d.lndgFeeSat()) : "",
                        d.forwardCount(), d.forwardSat(), d.forwardFeeMsat(), d.rebalancedSat(), d.rebalanceFeeMsat(),
                        d.netMsat(), d.oursSharePercent(), d.lndgSharePercent());
            }
        }
        // one write of whole lines; whatever part a failing disk took is cut off again
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            writer.write(out.toString());
        } catch (IOException e) {
            OwnerOnlyAppends.cutBack(file, Math.max(before, 0));
            throw e;
        }
    }
}
