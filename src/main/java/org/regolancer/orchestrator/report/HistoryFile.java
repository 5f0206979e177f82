package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.regolancer.orchestrator.ops.OwnerOnlyAppends;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;

/**
 * {@code daily-report.csv}: one row per completed day, appended once and never rewritten, with one exception: a file
 * of an earlier version, whose LNDg fees were whole sats ({@code lndg_fee_sat}), is converted once to msat
 * ({@code lndg_fee_msat}) by one atomic rewrite, the old file kept beside it as {@code daily-report.csv.bak}.
 * Columns are every figure of the report; the derived ones (totals, net, shares) are written for people and
 * recomputed on read. A file with any other header (the Python original's, another program's) is neither read nor
 * appended to: rows of one shape never go under a header of another.
 */
public final class HistoryFile {

    public static final List<String> HEADER = List.of("date", "ours_count", "ours_sat", "ours_fee_msat", "ours_avg_ppm",
            "lndg_count", "lndg_sat", "lndg_fee_msat", "forward_count", "forward_sat", "forward_fee_msat",
            "rebalanced_sat", "rebalance_fee_msat", "net_msat", "ours_share_pct", "lndg_share_pct");
    /** The column of earlier versions: LNDg's fees rounded to whole sats per job. */
    static final String OLD_LNDG_FEE = "lndg_fee_sat";
    /** An earlier version's header: this one's with {@code lndg_fee_sat} for {@code lndg_fee_msat}. */
    static final List<String> EARLIER_HEADER = HEADER.stream().map(c -> c.equals("lndg_fee_msat") ? OLD_LNDG_FEE : c).toList();

    /** @param foreignHeader the header line of a file this version does not know (nothing read), else null */
    public record Read(Map<LocalDate, DayFigures> days, int malformed, String foreignHeader) {
    }

    /** The file has a header this version does not know: nothing is appended to it. */
    public static final class ForeignHeaderException extends IOException {
        public ForeignHeaderException(Path file, String header) {
            super(file.getFileName() + " has columns this version does not know (" + header + "); nothing appended to it");
        }
    }

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Path file;

    public HistoryFile(Path file) {
        this.file = file;
    }

    /** Reads the file, in this version's columns or an earlier version's (its whole-sat LNDg fees × 1000). */
    public Read read() throws IOException {
        TreeMap<LocalDate, DayFigures> days = new TreeMap<>();
        if (!Files.exists(file)) {
            return new Read(days, 0, null);
        }
        int malformed = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            String foreign = foreign(parser.getHeaderNames());
            if (foreign != null) {
                return new Read(days, 0, foreign);
            }
            boolean old = parser.getHeaderMap().containsKey(OLD_LNDG_FEE);
            for (CSVRecord row : parser) {
                try {
                    String lndgFee = row.get(old ? OLD_LNDG_FEE : "lndg_fee_msat");
                    long lndgFeeMsat = lndgFee.isEmpty() ? 0 : Long.parseLong(lndgFee) * (old ? 1000 : 1);
                    DayFigures day = new DayFigures(LocalDate.parse(row.get("date")),
                            n(row, "ours_count"), n(row, "ours_sat"), n(row, "ours_fee_msat"),
                            n(row, "lndg_count"), n(row, "lndg_sat"), lndgFeeMsat,
                            !lndgFee.isEmpty(), n(row, "forward_count"), n(row, "forward_sat"), n(row, "forward_fee_msat"));
                    days.putIfAbsent(day.date(), day);
                } catch (RuntimeException e) {
                    malformed++;
                }
            }
        }
        return new Read(days, malformed, null);
    }

    /** The header as a line when it is neither this version's nor an earlier version's; null for an empty file. */
    private static String foreign(List<String> names) {
        return names.isEmpty() || names.equals(HEADER) || names.equals(EARLIER_HEADER) ? null : String.join(",", names);
    }

    /** The header line of a file this version does not know, else null (no file, an empty one, ours, an earlier version's). */
    public String foreignHeader() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return null;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            return foreign(parser.getHeaderNames());
        }
    }

    private static long n(CSVRecord row, String column) {
        return Long.parseLong(row.get(column));
    }

    /** True when the file is an earlier version's, with LNDg's fees in whole sats. */
    public boolean isOldFormat() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            return parser.getHeaderNames().equals(EARLIER_HEADER);
        }
    }

    /**
     * Converts an earlier version's file, once: every row as it was but {@code lndg_fee_sat} × 1000 under
     * {@code lndg_fee_msat}, written beside it and moved over it in one atomic step; the old file stays as
     * {@code daily-report.csv.bak}. Rows it cannot read are kept as they were. @return whether it converted
     */
    public boolean convertOldFormat() throws IOException {
        if (!isOldFormat()) {
            return false;
        }
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
            List<String> names = parser.getHeaderNames();
            for (CSVRecord row : parser) {
                List<String> cells = new ArrayList<>(row.toList());
                int column = names.indexOf(OLD_LNDG_FEE);
                if (column < cells.size()) {
                    String fee = cells.get(column);
                    try {
                        cells.set(column, fee.isEmpty() ? "" : Long.toString(Math.multiplyExact(Long.parseLong(fee), 1000L)));
                    } catch (RuntimeException e) {
                        // a malformed row stays as it was: read() skips and counts it
                    }
                }
                rows.add(cells);
            }
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADER);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Path bak = file.resolveSibling(file.getFileName() + ".bak");
        Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        OwnerOnlyFiles.replace(file, out.toString());
        return true;
    }

    /** Appends completed days (header first when the file is new); owner-only. */
    public void append(Collection<DayFigures> days) throws IOException {
        if (days.isEmpty()) {
            return;
        }
        String foreign = foreignHeader();
        if (foreign != null) {
            throw new ForeignHeaderException(file, foreign);
        }
        if (isOldFormat() && !convertOldFormat()) {
            throw new IOException("daily-report.csv is in an earlier version's format");
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
                        d.lndgCount(), d.lndgSat(), d.lndgFeesKnown() ? Long.toString(d.lndgFeeMsat()) : "",
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
