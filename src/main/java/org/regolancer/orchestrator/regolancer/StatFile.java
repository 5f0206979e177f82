package org.regolancer.orchestrator.regolancer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Parses regolancer's stat CSV: {@code timestamp,from_channel,to_channel,amount_msat,fees_msat}, header written
 * once when the file is created. Malformed rows are counted, never fatal.
 */
public final class StatFile {

    public static final String HEADER = "timestamp,from_channel,to_channel,amount_msat,fees_msat";

    public record Parsed(List<StatRow> rows, List<String> malformed) {
    }

    private StatFile() {
    }

    public static Parsed parse(List<String> lines) {
        List<StatRow> rows = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.equals(HEADER)) {
                continue;
            }
            try {
                rows.add(row(line));
            } catch (RuntimeException e) {
                malformed.add(line.length() > 120 ? line.substring(0, 120) + "…" : line);
            }
        }
        return new Parsed(rows, malformed);
    }

    private static StatRow row(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 5) {
            throw new IllegalArgumentException("expected 5 cells");
        }
        long seconds = Long.parseLong(cells[0].strip());
        long amount = Long.parseLong(cells[3].strip());
        long fees = Long.parseLong(cells[4].strip());
        if (seconds <= 0 || amount <= 0 || fees < 0) {
            throw new IllegalArgumentException("impossible values");
        }
        return new StatRow(Instant.ofEpochSecond(seconds), new ChannelId(cells[1].strip()),
                new ChannelId(cells[2].strip()), amount, fees);
    }
}
