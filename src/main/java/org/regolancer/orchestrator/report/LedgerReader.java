package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.regolancer.orchestrator.ledger.LedgerRow;

/**
 * Reads our payments back from {@code rebalances.csv} (each cell as {@link LedgerRow#cell} gives it); a malformed row is
 * skipped and counted.
 */
public final class LedgerReader {

    public record Read(List<Activity.Rebalance> payments, int malformed) {
    }

    private LedgerReader() {
    }

    public static Read read(Path ledger) throws IOException {
        if (!Files.exists(ledger)) {
            return new Read(List.of(), 0);
        }
        List<Activity.Rebalance> payments = new ArrayList<>();
        int malformed = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(ledger, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                try {
                    payments.add(new Activity.Rebalance(Instant.parse(LedgerRow.cell(row.get("time_utc"))),
                            LedgerRow.sats(row.get("amount_sat")),
                            LedgerRow.msat(row.get("fee_msat"))));
                } catch (RuntimeException e) {
                    malformed++;
                }
            }
        }
        return new Read(payments, malformed);
    }
}
