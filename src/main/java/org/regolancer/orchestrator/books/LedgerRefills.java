package org.regolancer.orchestrator.books;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.regolancer.orchestrator.ledger.LedgerRow;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Our own refills from {@code rebalances.csv} into the books: each row's target channel, amount and fee, row by row
 * (never the whole file in memory), each cell as {@link LedgerRow#cell} gives it. A malformed row is skipped and counted.
 */
public final class LedgerRefills {

    private LedgerRefills() {
    }

    /** @return how many rows could not be read */
    public static int read(Path ledger, Books books, Instant now) throws IOException {
        if (!Files.exists(ledger)) {
            return 0;
        }
        int malformed = 0;
        Instant start = books.windowStart(now);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(ledger, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                try {
                    Instant time = Instant.parse(LedgerRow.cell(row.get("time_utc")));
                    if (time.isBefore(start)) {
                        continue;
                    }
                    Sat sats = LedgerRow.sats(row.get("amount_sat"));
                    Msat fee = LedgerRow.msat(row.get("fee_msat"));
                    if (sats.value() < 0 || fee.value() < 0) {
                        malformed++;
                        continue;
                    }
                    books.refill(new ChannelId(LedgerRow.cell(row.get("target_chan_id"))), time, sats, fee, now);
                } catch (RuntimeException e) {
                    malformed++;
                }
            }
        }
        return malformed;
    }
}
